#!/usr/bin/env node
// Input-to-paint latency of the widget on the PHP manual (11,185 pages, chunked index), with the
// engine in a module worker (worker="on") and on the page (worker="off"), in headless Chromium.
// Each keystroke of six two-word queries is typed 150 ms after the last, and timed from the input
// event to the first frame painted after the widget rendered that query's answer
// (requestAnimationFrame, then a task). The first pass fetches pieces ("cold"); the second types
// the same queries with every piece in memory ("warm"). Long tasks (> 50 ms) on the page's main
// thread are counted too; "all" is both passes together. Medians of three runs per mode, modes
// interleaved; every figure is written to target/widget-latency.json. A keystroke typed while an
// answer is on its way is answered with the next one: it has no figure of its own.
//
//   node bench/widget/latency.mjs [--runs 3] [--bundle DIR]
// Without --bundle it indexes ../shared/datasets/php-manual/corpus.jsonl with --bundle first.
import { mkdtempSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, ROOT } from '../../tests/e2e/harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' }, bundle: { type: 'string' } } });
const QUERIES = ['array sort', 'string replace', 'date format', 'json decode', 'file upload', 'mysql connect'];
const GAP_MS = 150;

let dir = args.bundle;
if (!dir) {
  dir = mkdtempSync(path.join(tmpdir(), 'scour-latency-'));
  const corpus = path.join(ROOT, '../shared/datasets/php-manual/corpus.jsonl');
  if (!existsSync(corpus)) throw new Error(`${corpus} is missing`);
  execFileSync('cargo', ['run', '--release', '-q', '--', 'index', corpus, '--out', path.join(dir, 'search'), '--bundle'], { cwd: ROOT, stdio: 'inherit' });
}
for (const mode of ['on', 'off']) {
  writeFileSync(path.join(dir, `${mode}.html`), `<!doctype html><html lang="en"><meta charset="utf-8"><title>${mode}</title><link rel="icon" href="data:,">
<script type="module" src="search/scour.js"></script><header><scour-search index="search/scour-index.bin" worker="${mode}"></scour-search></header>`);
}

const server = await startServer({ root: dir, port: 0 });
const browser = await launchBrowser();
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const median = (xs) => quantile(xs, 0.5);

async function run(mode) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}${mode}.html`);
  await page.evaluate(() => {
    const el = document.querySelector('scour-search'), input = el.shadowRoot.querySelector('input');
    window.__lat = []; window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    // Capturing on the element: before the widget's own listener, which may answer at once.
    el.addEventListener('input', (e) => { window.__t = e.timeStamp; window.__q = input.value; }, true);
    el.addEventListener('scour:search', (e) => {
      if (e.detail.query !== window.__q) return;
      const t = window.__t;
      window.__q = null;
      requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t)));
    });
  });
  const box = page.locator('scour-search input');
  await box.focus();
  await page.waitForFunction(async () => !!(await document.querySelector('scour-search').ready));
  const pass = async () => {
    await page.evaluate(() => { window.__lat = []; window.__long = []; });
    for (const q of QUERIES) {
      await box.fill('');
      for (const ch of q) { await page.keyboard.type(ch); await page.waitForTimeout(GAP_MS); }
      await page.waitForTimeout(400);
    }
    return page.evaluate(() => ({ lat: window.__lat, long: window.__long }));
  };
  const cold = await pass(), warm = await pass();
  await context.close();
  return { cold, warm };
}

const runs = Number(args.runs), results = { on: [], off: [] };
for (let i = 0; i < runs; i++) for (const mode of ['off', 'on']) results[mode].push(await run(mode));
await browser.close();
await server.close();

console.log(`input → paint, ms (${QUERIES.length} queries typed a key every ${GAP_MS} ms; medians of ${runs} runs)`);
console.log('engine          pass  keystrokes   p50    p95    max   long tasks (ms total)');
for (const r of [...results.on, ...results.off]) r.all = { lat: [...r.cold.lat, ...r.warm.lat], long: [...r.cold.long, ...r.warm.long] };
mkdirSync(path.join(ROOT, 'target'), { recursive: true });
writeFileSync(path.join(ROOT, 'target/widget-latency.json'), JSON.stringify(results));
for (const mode of ['off', 'on']) {
  for (const passName of ['cold', 'warm', 'all']) {
    const rows = results[mode].map((r) => r[passName]);
    const p = (q) => median(rows.map((r) => quantile(r.lat, q))).toFixed(1).padStart(6);
    const long = median(rows.map((r) => r.long.reduce((a, b) => a + b, 0))).toFixed(0);
    const keys = median(rows.map((r) => r.lat.length));
    console.log(`${mode == 'on' ? 'worker        ' : 'page (main)   '}  ${passName.padEnd(4)}  ${String(keys).padStart(10)} ${p(0.5)} ${p(0.95)} ${p(1)}   ${median(rows.map((r) => r.long.length))} (${long})`);
  }
}
