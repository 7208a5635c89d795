// The raw ceiling, in its own process like the tools it is compared with: the same requests our planner makes,
// 8 in flight, bodies read and discarded, nothing hashed or written. Plain JavaScript (no type stripping, no SDK)
// so its start-up is the least any Node program pays. It lists the page ranges too (the answer is not parsed:
// the request list comes from BENCH_PLAN_FILE) so both sides do the same planning round trips.
// usage: BENCH_SAS_URL=... BENCH_PLAN_FILE=plan.json node rawCeilingOnce.mjs   -> {"elapsedMs": n}
import { readFileSync } from 'node:fs';

const started = performance.now();
const sasUrl = process.env.BENCH_SAS_URL;
const requests = JSON.parse(readFileSync(process.env.BENCH_PLAN_FILE, 'utf8'));
const headers = { 'x-ms-version': '2025-01-05' };
await (await fetch(sasUrl, { method: 'HEAD', headers })).arrayBuffer();
await (await fetch(`${sasUrl}&comp=pagelist`, { headers })).arrayBuffer();
let next = 0;
await Promise.all(Array.from({ length: 8 }, async () => {
  while (next < requests.length) {
    const [offset, count] = requests[next++];
    const response = await fetch(sasUrl, { headers: { ...headers, Range: `bytes=${offset}-${offset + count - 1}` } });
    if (response.status !== 206 && response.status !== 200) throw new Error(`GET answered ${response.status}`);
    await response.arrayBuffer();
  }
}));
console.log(JSON.stringify({ elapsedMs: performance.now() - started }));
