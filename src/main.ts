import { startWorkerEngine } from './client/worker-engine.ts';
import { decodeIpc } from './client/arrow-decode.ts';

const { engine } = startWorkerEngine();
const t0 = performance.now();
const info = await engine.info();
const bytes = await engine.query("select 12407.9545::decimal(18,4) x, 'hé' s");
document.body.textContent = JSON.stringify({ info, ms: performance.now() - t0, rows: decodeIpc(bytes).toArray().map((r) => r.toJSON()) }, (_, v) => (typeof v === 'bigint' ? String(v) : v));
