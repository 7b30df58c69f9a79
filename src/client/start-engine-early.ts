/**
 * Imported first by the page's script (src/main.ts), so it runs before the rest of the app
 * is evaluated and drawn: the engine worker starts at once and DuckDB's script and WASM
 * download and compile meanwhile. The start page needs no engine: none starts for `?start`.
 */
import { startEngineWorkerEarly } from './engine-worker-boot.ts';

if (!new URLSearchParams(location.search).has('start')) startEngineWorkerEarly();
