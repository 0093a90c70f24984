// Browser search latency: per-query time of scour.search(q, { limit: 10 }).
// Loaded by tests/bench/index.html, served at /_bench/ next to www/ (see scripts/bench-browser.mjs).
import init, { Scour } from '/pkg/scour_engine.js';

const MIN_BATCH_MS = 20; // performance.now() may be coarsened to 100 µs: time batches, not calls
const ROUNDS = 5;

function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

export async function runBench(queryFile = '/_bench/queries.json') {
  const t0 = performance.now();
  await init();
  const t1 = performance.now();
  const scour = new Scour();
  const t2 = performance.now();

  const lists = await (await fetch(queryFile)).json();
  const queries = Object.entries(lists)
    .filter(([kind]) => !kind.startsWith('_'))
    .flatMap(([kind, qs]) => qs.map((q) => ({ kind, q })));

  const rows = [];
  for (const { kind, q } of queries) {
    const first0 = performance.now();
    const hits = scour.search(q, { limit: 10 });
    const first = performance.now() - first0;
    for (let i = 0; i < 3; i++) scour.search(q, { limit: 10 });
    let n = 1;
    for (;;) {
      const s = performance.now();
      for (let i = 0; i < n; i++) scour.search(q, { limit: 10 });
      if (performance.now() - s >= MIN_BATCH_MS) break;
      n *= 2;
    }
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      const s = performance.now();
      for (let i = 0; i < n; i++) scour.search(q, { limit: 10 });
      rounds.push(((performance.now() - s) * 1000) / n);
    }
    rounds.sort((a, b) => a - b);
    rows.push({ kind, q, us: rounds[ROUNDS >> 1], firstUs: first * 1000, hits: hits.length, batch: n });
  }
  const sorted = rows.map((r) => r.us).sort((a, b) => a - b);
  return {
    userAgent: navigator.userAgent,
    initMs: t1 - t0,
    openMs: t2 - t1,
    queries: rows.length,
    medianUs: percentile(sorted, 50),
    p95Us: percentile(sorted, 95),
    maxUs: sorted[sorted.length - 1],
    rows,
  };
}
