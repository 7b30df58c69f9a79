/**
 * A bronze cell's `urls:`: the files are fetched from a web server only after network
 * access is allowed, then load like added files; an added file of the same name wins; a
 * URL that fails says which file and what the server answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';

const CSV = 'id,name\n1,Ada\n2,Grace\n3,Edsger\n';
let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/data/people.csv') {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(CSV);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const notebook = (url: string) =>
  parseNotebook(['```bronze id=people', 'table: bronze.people', `urls: ${url}`, '```', ''].join('\n'));

describe('data URLs of bronze cells', () => {
  it('fetches nothing until network access is allowed, then loads the file', async () => {
    requests.length = 0;
    const runtime = new NotebookRuntime(await createNodeEngine(), notebook(`${base}/data/people.csv`));
    expect(runtime.dataUrls()).toEqual([{ name: 'people.csv', url: `${base}/data/people.csv` }]);
    await runtime.runAll();
    expect(runtime.state('people').status).toBe('blocked');
    expect(runtime.state('people').message).toContain(`${base}/data/people.csv`);
    expect(requests).toEqual([]);

    runtime.allowNetwork();
    await runtime.runAll();
    expect(runtime.state('people').status).toBe('done');
    expect(runtime.state('people').result?.rows).toBe(3);
    expect(runtime.files()).toEqual(['people.csv']);
    expect(requests).toEqual(['/data/people.csv']);
    // Run again: the file is registered, not fetched twice.
    await runtime.runAll();
    expect(requests).toEqual(['/data/people.csv']);
  });

  it('uses a file the person added instead of fetching it', async () => {
    requests.length = 0;
    const runtime = new NotebookRuntime(await createNodeEngine(), notebook(`${base}/data/people.csv`));
    runtime.allowNetwork();
    await runtime.addFiles([{ name: 'people.csv', handle: new Blob(['id,name\n9,Local\n']) }]);
    expect(runtime.state('people').result?.rows).toBe(1);
    expect(requests).toEqual([]);
  });

  it('names the file and the server answer when the URL fails', async () => {
    const runtime = new NotebookRuntime(await createNodeEngine(), notebook(`${base}/data/missing.csv`));
    runtime.allowNetwork();
    await runtime.runAll();
    expect(runtime.state('people').status).toBe('error');
    expect(runtime.state('people').message).toBe(`missing.csv could not be fetched from ${base}/data/missing.csv: the server answered 404 Not Found`);
  });
});
