#!/usr/bin/env node
// Runs the TypeScript command-line entry through tsx, so `npx medallion` works after a
// plain `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
