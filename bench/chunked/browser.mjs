// The chunked index in Chromium against the single-file index of the same collection, in
// one run: time from focus to the first result (unthrottled and on CDP's "Fast 3G"), bytes
// and requests of that first search, keystroke latency once the pieces are cached, and the
// memory the page holds after the first search. Medians over the queries (and runs). The
// engine runs on the page (`worker="off"`), where its memory and its answers can be read.
//
//   node bench/chunked/browser.mjs [corpus.jsonl] [--runs N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, median, queriesFor } from './first-search.mjs';
import { launchBrowser } from '../../tests/e2e/harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const corpus = args[0] ?? path.join(ROOT, '../shared/datasets/php-manual/corpus.jsonl');
const QUERIES = queriesFor(corpus);
const TWO_WORDS = QUERIES.filter((q) => /^\w+ \w+$/.test(q));
/** Chrome DevTools' "Fast 3G" profile. */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

const site = mkdtempSync(path.join(tmpdir(), 'scour-browser-bench-'));
const scour = (...a) => execFileSync(path.join(ROOT, 'target/release/scour'), a, { stdio: 'pipe' });
scour('index', corpus, '--out', path.join(site, 'chunked'), '--bundle');
scour('index', corpus, '--out', path.join(site, 'single'), '--bundle', '--single-file');
for (const kind of ['chunked', 'single']) {
  writeFileSync(path.join(site, `${kind}.html`), `<!doctype html><meta charset="utf-8"><title>${kind}</title><link rel="icon" href="data:,">
<script type="module" src="${kind}/scour.js"></script><scour-search index="${kind}/scour-index.bin" worker="off"></scour-search>`);
}
const log = [];
const server = await startServer({ root: site, port: 0, log: (e) => log.push(e) });
const browser = await launchBrowser();

/** Focus, one input event, first option: ms, bytes and requests, on a fresh context. */
async function firstResult(kind, query, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}${kind}.html`);
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', throttle);
  }
  const from = log.length;
  const ms = await page.evaluate(async (query) => {
    const box = document.querySelector('scour-search'), input = box.shadowRoot.querySelector('input');
    const t0 = performance.now();
    input.focus();
    input.value = query;
    input.dispatchEvent(new Event('input'));
    while (!box.shadowRoot.querySelector('[role=option]')) await new Promise((r) => setTimeout(r, 5));
    return performance.now() - t0;
  }, query);
  const served = log.slice(from);
  const memory = await page.evaluate(async (kind) => {
    const m = await import(`./${kind}/pkg/scour_engine.js`);
    const wasm = await m.default();
    return { wasm: wasm.memory.buffer.byteLength, heap: performance.memory?.usedJSHeapSize ?? 0 };
  }, kind);
  await context.close();
  return { ms, bytes: served.reduce((s, e) => s + e.bytes, 0), requests: served.length, memory };
}

/** Per-keystroke latency of `engine.query` once every piece the keystrokes need is cached. */
async function keystrokes(kind) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}${kind}.html`);
  const times = await page.evaluate(async (queries) => {
    const engine = await document.querySelector('scour-search').ready;
    const typed = queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
    for (const q of typed) await engine.query(q, { limit: 10 });
    const times = [];
    for (let round = 0; round < 5; round++) {
      for (const q of typed) {
        const t0 = performance.now();
        const answer = engine.query(q, { limit: 10 });
        if (answer instanceof Promise) throw new Error(`"${q}" fetched again`);
        times.push(performance.now() - t0);
      }
    }
    return times;
  }, QUERIES);
  await context.close();
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[sorted.length >> 1] * 1000, p95: sorted[Math.floor(sorted.length * 0.95)] * 1000 };
}

const rows = {};
for (const kind of ['chunked', 'single']) {
  const fast = [], slow = [];
  for (let run = 0; run < runs; run++) {
    for (const q of TWO_WORDS) fast.push(await firstResult(kind, q));
    slow.push(await firstResult(kind, TWO_WORDS[run % TWO_WORDS.length], FAST_3G));
  }
  const typing = [];
  for (let run = 0; run < runs; run++) typing.push(await keystrokes(kind));
  rows[kind] = {
    firstMs: median(fast.map((r) => r.ms)),
    fast3gMs: median(slow.map((r) => r.ms)),
    kb: median(fast.map((r) => r.bytes)) / 1024,
    requests: median(fast.map((r) => r.requests)),
    wasmMb: median(fast.map((r) => r.memory.wasm)) / 1e6,
    heapMb: median(fast.map((r) => r.memory.heap)) / 1e6,
    p50: median(typing.map((t) => t.p50)),
    p95: median(typing.map((t) => t.p95)),
  };
}
await browser.close();
await server.close();
rmSync(site, { recursive: true, force: true });

console.log(`${path.basename(path.dirname(corpus))}: ${TWO_WORDS.length} two-word queries, ${runs} runs, medians`);
console.log('| index | first result (focus → hit) | on Fast 3G | KB gzip (engine included) | requests | wasm memory | JS heap | keystroke p50 / p95 (cached) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [kind, r] of Object.entries(rows)) {
  console.log(`| ${kind} | ${r.firstMs.toFixed(0)} ms | ${(r.fast3gMs / 1000).toFixed(2)} s | ${r.kb.toFixed(1)} | ${r.requests} | ${r.wasmMb.toFixed(1)} MB | ${r.heapMb.toFixed(1)} MB | ${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} µs |`);
}
