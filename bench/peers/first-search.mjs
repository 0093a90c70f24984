// Scour's chunked index "first search", measured next to Pagefind's in the copy of the
// bench-peers harness (run.sh copies this file there and runs it after `node run.mjs`,
// with the same options and collections). It owns these figures, per collection:
//
//   scour (chunked)      `scour index corpus.jsonl --out out/<col>/scour-chunked --bundle --strict`
//   scour (single file)  the same with --single-file (the whole index in one file), for reference
//   pagefind             the harness's Pagefind bundle (out/<col>/pagefind/pagefind, built
//                        here if the harness run did not) and its first-search page flow
//
// First search, for the first --first-searches queries (default 3), each in a fresh
// browser context, unthrottled and on CDP's "Fast 3G": Scour: a page with
// <scour-search index=...> (its scour.js loads with the page); focus the input, set the
// whole query as one input event, wait for the first [role=option]. Pagefind: exactly the
// harness's flow (bench.html, import pagefind.js, one search, data() of the top 5).
// Every response is counted from the server log: requests, and bytes as gzip -9 sizes of
// the files served (lib/sizes.mjs gzipSize, as the harness counts Pagefind). The server is
// the harness's, in its gzip mode (added by patch-harness.mjs), so that throttled
// downloads move compressed bytes. Throttling starts after the page has loaded.
//
// Keystrokes once cached (Scour): a fresh page, the harness's as-you-type keystrokes
// (first --type-chars characters of the first --type-queries queries) awaited once each
// (warm pass), then lib/measure.mjs measureTyping on engine.query(text, {limit: 10}) (the
// widget's call); every timed call must answer without a fetch (no Promise, nothing in
// the server log). Pagefind's and MiniSearch's keystroke figures are the harness's
// (chromium_aty_p50/p95_us in results/<col>.jsonl, its rounds after the cold round).
//
// Appends to <results>/first-search.ndjson (one JSON line per collection and peer; not
// .jsonl, which the harness's summary and table.mjs read as collections) and writes
// <results>/first-search.md (the table). Environment: SCOUR_BIN (the CLI), SCOUR_BUNDLE
// (a folder with scour.js and pkg/scour_engine{.js,_bg.wasm} to use instead of what
// --bundle copied: run.sh's snapshot), CHROMIUM (default /usr/bin/chromium, as the harness).
//   node first-search.mjs [run.mjs options] <collection-dir>...
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { loadCollection } from './lib/collection.mjs';
import { gzipSize, median } from './lib/sizes.mjs';
import { buildBenchBundles } from './lib/bundle.mjs';
import { startServer } from './lib/server.mjs';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Chrome DevTools' "Fast 3G" preset. */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 };
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const rel = (f) => path.relative(ROOT, f).split(path.sep).join('/');

function parseArgs(argv) {
  const o = { peers: null, budgetMs: 5000, typeQueries: 20, typeChars: 30, firstSearches: 3, browser: true, results: path.join(ROOT, 'results'), dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => argv[++i];
    if (a === '--peers') o.peers = val().split(',');
    else if (a === '--budget-ms') o.budgetMs = Number(val());
    else if (a === '--type-queries') o.typeQueries = Number(val());
    else if (a === '--type-chars') o.typeChars = Number(val());
    else if (a === '--first-searches') o.firstSearches = Number(val());
    else if (a === '--results') o.results = path.resolve(val());
    else if (a === '--no-browser') o.browser = false;
    else if (a === '--rank-budget-ms' || a === '--gains') val(); // the harness's alone
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.dirs.push(a);
  }
  return o;
}

// ---- sizes and the server log ------------------------------------------------------------

const sizes = new Map(); // file -> { bytes, gz }
function sizeOf(file) {
  if (!sizes.has(file)) { const b = fs.readFileSync(file); sizes.set(file, { bytes: b.length, gz: gzipSize(b) }); }
  return sizes.get(file);
}

const scourCategory = (p) => (p.endsWith('.js') ? 'code' : p.endsWith('.wasm') ? 'wasm' : 'data');
const pfCategory = (p) => { const b = p.split('/').pop(); return b.endsWith('.js') || b.endsWith('.css') ? 'code' : b.startsWith('wasm.') ? 'wasm' : 'data'; };

/** Totals of the 200 responses under `base` (a path relative to ROOT, ending in /);
 * `at`: when each was sent, in ms after t0 (performance.now() of this process). */
function served(entries, base, category, t0 = 0) {
  const got = entries.filter((l) => l.status === 200 && l.path.startsWith(base));
  const f = { bytes: 0, gz: 0, sent: 0, code_gz: 0, wasm_gz: 0, data_gz: 0, requests: got.length, paths: got.map((l) => l.path.slice(base.length)), at: got.map((l) => round(l.ms - t0)) };
  for (const l of got) {
    const s = sizeOf(path.join(ROOT, l.path));
    f.bytes += s.bytes; f.gz += s.gz; f.sent += l.sent ?? l.bytes;
    f[`${category(l.path.slice(base.length))}_gz`] += s.gz;
  }
  const seen = new Set();
  f.duplicates = f.paths.filter((p) => seen.has(p) || !seen.add(p));
  f.not_ok = entries.filter((l) => l.status !== 200 && l.path.startsWith(base)).map((l) => `${l.status} ${l.path}`);
  return f;
}

// ---- browser ----------------------------------------------------------------------------

async function freshPage(env, label) {
  const bctx = await env.browser.newContext();
  const page = await bctx.newPage();
  page.on('pageerror', (e) => env.messages.push(`${label}: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') env.messages.push(`${label} console.${m.type()}: ${m.text()}`); });
  return { bctx, page };
}

async function throttle(bctx, page, conditions) {
  if (!conditions) return;
  const cdp = await bctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', conditions);
}

/** Scour: page with the widget, focus + one input event, first [role=option]. */
async function scourFirst(env, kind, q, conditions) {
  const { bctx, page } = await freshPage(env, `scour ${kind} first`);
  try {
    env.server.clearLog();
    await page.goto(`${env.server.origin}/${kind.page}`);
    const onLoad = env.server.log.length; // the page and its scour.js
    await page.addScriptTag({ url: '/dist/scour-first.bench.js' });
    await throttle(bctx, page, conditions);
    const t0 = performance.now();
    const t = await page.evaluate((q) => globalThis.__scourFirst.firstResult(q), q);
    const f = served(env.server.log, kind.base, scourCategory, t0);
    return { q, ms: t.ms, options: t.options, chunked: t.stats.chunked, before_focus_gz: served(env.server.log.slice(0, onLoad), kind.base, scourCategory).gz, ...f };
  } finally {
    await bctx.close();
  }
}

/** Pagefind: the harness's first-search flow (run.mjs benchPagefind (a)). */
async function pagefindFirst(env, base, q, conditions) {
  const { bctx, page } = await freshPage(env, 'pagefind first');
  try {
    await page.goto(`${env.server.origin}/browser/bench.html`);
    await page.addScriptTag({ url: '/dist/pagefind.bench.js' });
    await throttle(bctx, page, conditions);
    env.server.clearLog();
    const t0 = performance.now();
    const t = await page.evaluate(async ({ base, q }) => {
      const i = await globalThis.__pf.init({ base });
      const s = await globalThis.__pf.firstSearch(q, 5);
      return { ...i, ...s };
    }, { base: `/${base}`, q });
    const f = served(env.server.log, base, pfCategory, t0);
    return { q, ms: t.init_ms + t.total_ms, results: t.results, worker: f.paths.includes('pagefind-worker.js'), ...f };
  } finally {
    await bctx.close();
  }
}

/** Scour keystrokes once cached: warm pass, then the harness's typing loop; no fetch allowed. */
async function scourTyping(env, kind, texts) {
  const { bctx, page } = await freshPage(env, `scour ${kind} typing`);
  try {
    await page.goto(`${env.server.origin}/${kind.page}`);
    await page.addScriptTag({ url: '/dist/scour-first.bench.js' });
    const cfg = { queries: env.opts.typeQueries, maxChars: env.opts.typeChars };
    const warm = await page.evaluate(({ texts, cfg }) => globalThis.__scourFirst.warm(texts, cfg), { texts, cfg });
    env.server.clearLog();
    const res = await page.evaluate(({ texts, cfg }) => globalThis.__scourFirst.typing(texts, cfg), { texts, cfg: { ...cfg, budgetMs: env.opts.budgetMs } });
    return { ...res, warm_ms: warm.ms, warm_calls: warm.calls, timed_requests: env.server.log.filter((l) => l.path.startsWith(kind.base)).length };
  } finally {
    await bctx.close();
  }
}

async function firstSearches(fn, texts, n) {
  const runs = { unthrottled: [], fast3g: [] };
  for (const q of texts.slice(0, n)) {
    runs.unthrottled.push(await fn(q, null));
    runs.fast3g.push(await fn(q, FAST_3G));
  }
  return runs;
}

/** The summary fields of one peer's first searches. */
function summarize(runs) {
  const u = runs.unthrottled;
  const med = (xs, k) => median(xs.map((f) => f[k]));
  const problems = [];
  for (const [name, fs_] of Object.entries(runs)) {
    for (const f of fs_) {
      if (f.duplicates.length) problems.push(`${name} "${f.q}": fetched twice: ${[...new Set(f.duplicates)].join(', ')}`);
      if (f.not_ok.length) problems.push(`${name} "${f.q}": ${f.not_ok.join(', ')}`);
    }
  }
  runs.unthrottled.forEach((f, i) => {
    const g = runs.fast3g[i];
    if (g && g.gz !== f.gz) problems.push(`"${f.q}": ${f.gz} B gz unthrottled but ${g.gz} B gz on Fast 3G`);
  });
  return {
    first_search_queries: u.map((f) => f.q),
    first_search_bytes: med(u, 'bytes'), first_search_gzip_bytes: med(u, 'gz'), first_search_max_gzip_bytes: Math.max(...u.map((f) => f.gz)),
    first_search_code_gzip_bytes: med(u, 'code_gz'), first_search_wasm_gzip_bytes: med(u, 'wasm_gz'), first_search_data_gzip_bytes: med(u, 'data_gz'),
    first_search_requests: med(u, 'requests'), first_search_max_requests: Math.max(...u.map((f) => f.requests)),
    first_search_ms: round(med(u, 'ms')), first_search_fast3g_ms: round(med(runs.fast3g, 'ms')),
    first_search_ms_runs: u.map((f) => round(f.ms)), first_search_fast3g_ms_runs: runs.fast3g.map((f) => round(f.ms)),
    first_search_sent_bytes: med(u, 'sent'),
    first_search_problems: problems,
  };
}

// ---- per collection ---------------------------------------------------------------------

function buildScour(col, kind, flags) {
  const out = path.join(ROOT, 'out', col.name, `scour-${kind}`);
  fs.rmSync(out, { recursive: true, force: true });
  const bin = process.env.SCOUR_BIN || 'scour';
  const t0 = performance.now();
  const log = execFileSync(bin, ['index', path.join(col.dir, 'corpus.jsonl'), '--out', out, '--bundle', '--strict', ...flags], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const buildMs = performance.now() - t0;
  const replaced = [];
  if (process.env.SCOUR_BUNDLE) { // run.sh's snapshot of the engine and widget, taken when the run started
    for (const f of ['scour.js', 'pkg/scour_engine.js', 'pkg/scour_engine_bg.wasm']) {
      const snap = fs.readFileSync(path.join(process.env.SCOUR_BUNDLE, f));
      if (!snap.equals(fs.readFileSync(path.join(out, f)))) { fs.writeFileSync(path.join(out, f), snap); replaced.push(f); }
    }
    if (replaced.length) process.stderr.write(`${col.name}: www/ changed since the run started: ${replaced.join(', ')} put back from the run's snapshot\n`);
  }
  const page = path.join(ROOT, 'out', col.name, `scour-${kind}.html`);
  fs.writeFileSync(page, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>scour ${kind}</title>
<script type="module" src="scour-${kind}/scour.js"></script></head>
<body><scour-search index="scour-${kind}/scour-index.bin"></scour-search></body></html>\n`);
  const pieces = path.join(out, 'pieces');
  const files = fs.existsSync(pieces) ? fs.readdirSync(pieces) : [];
  const indexBytes = fs.statSync(path.join(out, 'scour-index.bin')).size + files.reduce((s, f) => s + fs.statSync(path.join(pieces, f)).size, 0);
  // which engine and widget --bundle copied (www/ may be rebuilt while a run goes on)
  const hash = (f) => createHash('sha256').update(fs.readFileSync(path.join(out, f))).digest('hex').slice(0, 12);
  return {
    kind, name: `scour (${kind === 'single' ? 'single file' : kind})`, page: rel(page), base: `${rel(out)}/`, build_ms: round(buildMs), index_bytes: indexBytes, pieces: files.length,
    cli: log.trim().split('\n').pop(), bundle_replaced: replaced, bundle_sha256: { wasm: hash('pkg/scour_engine_bg.wasm'), glue: hash('pkg/scour_engine.js'), widget: hash('scour.js') },
  };
}

async function pagefindBundle(col) {
  const dir = path.join(ROOT, 'out', col.name, 'pagefind', 'pagefind');
  if (!fs.existsSync(path.join(dir, 'pagefind.js'))) { // the harness did not run Pagefind here: one build
    const { buildPagefind, closePagefind } = await import('./adapters/pagefind.mjs');
    for (const f of await buildPagefind(col.docs, 'pagefind')) {
      fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, f.path), f.content);
    }
    await closePagefind();
  }
  return `${rel(dir)}/`;
}

function harnessRecords(results, col) {
  const file = path.join(results, `${col}.jsonl`);
  const byPeer = new Map();
  if (fs.existsSync(file)) for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line.trim()) { const r = JSON.parse(line); byPeer.set(r.peer, r); }
  return byPeer;
}

async function benchCollection(env, col, built) {
  const o = env.opts;
  const texts = col.queries.map((q) => q.text);
  const common = { collection: col.name, docs: col.docs.length, first_searches: o.firstSearches, type_queries: o.typeQueries, type_chars: o.typeChars, budget_ms: o.budgetMs, run_id: env.runId };
  const recs = [];
  process.stderr.write(`\n== first search: ${col.name}: ${col.docs.length} docs; queries ${texts.slice(0, o.firstSearches).map((t) => `"${t}"`).join(', ')}\n`);
  for (const k of built) {
    env.messages = [];
    const rec = { ...common, peer: k.name, build_ms: k.build_ms, index_bytes: k.index_bytes, pieces: k.pieces, bundle_sha256: k.bundle_sha256 };
    try {
      const runs = await firstSearches((q, c) => scourFirst(env, k, q, c), texts, o.firstSearches);
      Object.assign(rec, summarize(runs), { widget_script_gzip_bytes: median(runs.unthrottled.map((f) => f.before_focus_gz)) });
      if (runs.unthrottled.some((f) => f.chunked !== (k.kind === 'chunked'))) rec.first_search_problems.push(`stats().chunked is not ${k.kind === 'chunked'}`);
      const ty = await scourTyping(env, k, texts);
      Object.assign(rec, {
        aty_p50_us: ty.aty_p50_us, aty_p95_us: ty.aty_p95_us, aty_mean_us: ty.aty_mean_us, aty_keystrokes: ty.aty_keystrokes, aty_rounds: ty.aty_rounds,
        aty_warm_ms: round(ty.warm_ms), aty_fetched: ty.fetched.length, aty_fetched_examples: [...new Set(ty.fetched)].slice(0, 5), aty_timed_requests: ty.timed_requests,
        chromium_isolated: ty.cross_origin_isolated, chromium_timer_resolution_us: ty.timer_resolution_us,
      });
      rec.runs = runs;
    } catch (e) {
      rec.error = String(e && e.stack ? e.stack : e).split('\n').slice(0, 3).join(' | ');
    }
    if (env.messages.length) rec.page_messages = [...new Set(env.messages)].slice(0, 5);
    recs.push(rec);
    process.stderr.write(`${k.name}: ${rec.error ?? `${rec.first_search_gzip_bytes} B gz, ${rec.first_search_requests} requests, ${rec.first_search_ms} ms, Fast 3G ${rec.first_search_fast3g_ms} ms; keystroke p50 ${rec.aty_p50_us} µs, p95 ${rec.aty_p95_us} µs, ${rec.aty_fetched} fetched`}\n`);
  }
  if (!o.peers || o.peers.includes('pagefind')) {
    env.messages = [];
    const rec = { ...common, peer: 'pagefind' };
    try {
      const base = await pagefindBundle(col);
      const runs = await firstSearches((q, c) => pagefindFirst(env, base, q, c), texts, o.firstSearches);
      Object.assign(rec, summarize(runs), { pagefind_worker: runs.unthrottled.every((f) => f.worker) });
      rec.runs = runs;
    } catch (e) {
      rec.error = String(e && e.stack ? e.stack : e).split('\n').slice(0, 3).join(' | ');
    }
    if (env.messages.length) rec.page_messages = [...new Set(env.messages)].slice(0, 5);
    recs.push(rec);
    process.stderr.write(`pagefind: ${rec.error ?? `${rec.first_search_gzip_bytes} B gz, ${rec.first_search_requests} requests, ${rec.first_search_ms} ms, Fast 3G ${rec.first_search_fast3g_ms} ms`}\n`);
  }
  return recs;
}

// ---- table ------------------------------------------------------------------------------

const kb = (b) => (b == null ? '–' : `${(b / 1024).toFixed(b < 10240 ? 1 : 0)}`);
const ms = (x) => (x == null ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const us = (x) => (x == null ? '–' : x >= 1000 ? `${(x / 1000).toFixed(1)} ms` : `${Math.round(x)} µs`);

function table(results, recs) {
  const out = [];
  for (const colName of [...new Set(recs.map((r) => r.collection))]) {
    const rows = recs.filter((r) => r.collection === colName);
    const harness = harnessRecords(results, colName);
    const r0 = rows[0];
    out.push(`### ${colName}`, '', `${r0.docs} docs; first searches: ${(rows.find((r) => r.first_search_queries)?.first_search_queries ?? []).map((q) => `"${q}"`).join(', ')}; ` +
      `keystrokes: first ${r0.type_chars} characters of the first ${r0.type_queries} queries.`, '');
    const head = ['peer', 'KB gz before the first result (median / max)', 'requests', 'first result, unthrottled', 'first result, Fast 3G', 'keystroke p50 / p95 (cached)'];
    out.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`);
    const notes = [];
    for (const r of rows) {
      if (r.error) { out.push(`| ${r.peer} | error: ${r.error.slice(0, 120).replace(/\|/g, '/')} |`); continue; }
      let aty = `${us(r.aty_p50_us)} / ${us(r.aty_p95_us)}`;
      if (r.peer === 'pagefind') {
        const h = harness.get('pagefind');
        aty = h && !h.error ? `${us(h.chromium_aty_p50_us)} / ${us(h.chromium_aty_p95_us)} (harness)` : '–';
        if (h && h.first_search_gzip_bytes != null) notes.push(`pagefind in the harness's own first-search pass (same flow, server without gzip): ${kb(h.first_search_gzip_bytes)} KB gz median, ${h.first_search_requests} requests, ${ms(h.first_search_ms)}.`);
      }
      out.push(`| ${r.peer} | ${kb(r.first_search_gzip_bytes)} / ${kb(r.first_search_max_gzip_bytes)} | ${r.first_search_requests}${r.first_search_max_requests !== r.first_search_requests ? ` (max ${r.first_search_max_requests})` : ''} | ${ms(r.first_search_ms)} | ${ms(r.first_search_fast3g_ms)} | ${aty} |`);
      notes.push(`${r.peer}: ${kb(r.first_search_code_gzip_bytes)} KB gz JS + ${kb(r.first_search_wasm_gzip_bytes)} KB gz wasm + ${kb(r.first_search_data_gzip_bytes)} KB gz index data (median; ${kb(r.first_search_sent_bytes)} KB as sent, zlib level 9); ` +
        `runs ${r.first_search_ms_runs.map(ms).join(', ')} unthrottled, ${r.first_search_fast3g_ms_runs.map(ms).join(', ')} on Fast 3G` +
        (r.widget_script_gzip_bytes != null ? `; scour.js (${kb(r.widget_script_gzip_bytes)} KB gz) loads with the page, before focus, and is counted in the bytes but not in the time` : '') +
        (r.aty_fetched != null ? `; keystrokes: ${r.aty_keystrokes} × ${r.aty_rounds} rounds, warm pass ${ms(r.aty_warm_ms)}, ${r.aty_fetched} timed calls needed a fetch, ${r.aty_timed_requests} requests while timed` : '') + '.');
      for (const p of r.first_search_problems ?? []) notes.push(`${r.peer}: problem: ${p}.`);
      for (const m of r.page_messages ?? []) notes.push(`${r.peer}: page message: ${m.slice(0, 200)}`);
    }
    for (const name of ['minisearch']) {
      const h = harness.get(name);
      if (!h || h.error) continue;
      out.push(`| ${name} (whole index) | ${kb(h.page_gzip_bytes)} / ${kb(h.page_gzip_bytes)} | – | – | – | ${us(h.chromium_aty_p50_us)} / ${us(h.chromium_aty_p95_us)} (harness) |`);
      notes.push(`${name}: lib + whole serialized index (the harness's page_gzip_bytes); its first search is not timed by the harness.`);
    }
    out.push('', ...notes.map((n) => `- ${n}`), '');
  }
  return out.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.browser) { process.stderr.write('first-search: --no-browser, nothing to measure\n'); return; }
  await esbuild.build({ entryPoints: [path.join(ROOT, 'browser/scour-first-search.mjs')], bundle: true, format: 'iife', platform: 'browser', target: 'es2020', minify: true, logLevel: 'silent', outfile: path.join(ROOT, 'dist/scour-first.bench.js') });
  if (!fs.existsSync(path.join(ROOT, 'dist/pagefind.bench.js'))) await buildBenchBundles(ROOT, []);
  const { chromium } = await import('playwright-core');
  const env = { opts, runId: new Date().toISOString(), messages: [], server: await startServer(ROOT, { gzip: true }), browser: null };
  const probe = await fetch(`${env.server.origin}/browser/bench.html`, { headers: { 'accept-encoding': 'gzip' } });
  if (probe.headers.get('content-encoding') !== 'gzip') throw new Error('the server does not compress (is lib/server.mjs patched?)');
  const pw = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  env.browser = pw;
  const chromiumVersion = pw.version();
  // every Scour index first, within seconds, so that all use the same engine and widget
  const cols = opts.dirs.map((dir) => loadCollection(dir));
  const built = cols.map((col) => [['chunked', []], ['single', ['--single-file']]].map(([kind, flags]) => {
    const k = buildScour(col, kind, flags);
    process.stderr.write(`${col.name}: ${k.name}: ${k.cli}; bundle ${JSON.stringify(k.bundle_sha256)}\n`);
    return k;
  }));
  const recs = [];
  try {
    for (let i = 0; i < cols.length; i++) recs.push(...await benchCollection(env, cols[i], built[i]));
  } finally {
    await pw.close();
    await env.server.close();
  }
  fs.mkdirSync(opts.results, { recursive: true });
  fs.appendFileSync(path.join(opts.results, 'first-search.ndjson'), recs.map((r) => `${JSON.stringify({ ...r, chromium: chromiumVersion })}\n`).join(''));
  const md = table(opts.results, recs);
  fs.writeFileSync(path.join(opts.results, 'first-search.md'), `${md}\n`);
  console.log(md);
}

main().catch((e) => { console.error(e); process.exit(1); });
