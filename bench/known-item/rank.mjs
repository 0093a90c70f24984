// Ranks the known-item queries with each peer of the shared bench-peers harness and writes
// one TREC run file per peer and collection, which score.mjs scores (MRR@10, success@1,
// nDCG@10). The harness itself reports nDCG@10 only and keeps no per-query rankings.
//
// Run inside a copy of the harness in which bench/peers/run.sh has registered Scour
// (run.sh does this: it copies this file there); never in the shared original.
//
//   node known-item-rank.mjs --out DIR [--peers a,b,...] [--as-typed] <collection-dir>...
//
// Each peer ranks every judged query exactly as the harness's relevance pass does:
// `adapter.search(state, text, 100)` in Node on the index built by `adapter.build(docs)`
// (prefix matching off where the library allows it). Pagefind has no search in Node:
// as in the harness, its bundle is built with the Node API and searched in Chromium
// (`__pf.rank` of browser/pagefind-harness.mjs on a page served by lib/server.mjs).
// --as-typed also ranks with each library's as-you-type call (`searchPrefix`: the last
// word a prefix, as a search box reads it while no space follows) into <peer>.typed.run;
// Pagefind's one search already reads every word as a prefix.
// Writes DIR/<collection>/<peer>[.typed].run (`qid Q0 docid rank score peer`).
import fs from 'node:fs';
import path from 'node:path';
import { loadCollection } from './lib/collection.mjs';

const ROOT = process.cwd();
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function parseArgs(argv) {
  const o = { peers: ['scour', 'lunr', 'minisearch', 'flexsearch', 'orama', 'pagefind'], out: null, asTyped: false, dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--peers') o.peers = argv[++i].split(',').filter(Boolean);
    else if (a === '--out') o.out = path.resolve(argv[++i]);
    else if (a === '--as-typed') o.asTyped = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.dirs.push(a);
  }
  if (!o.out || !o.dirs.length) throw new Error('usage: node known-item-rank.mjs --out DIR [--peers a,b] [--as-typed] <collection-dir>...');
  return o;
}

function judgedQueries(col) {
  return col.queries.filter((q) => [...(col.qrels?.get(q.id)?.values() || [])].some((g) => g > 0));
}

function writeRun(file, peer, rankings) {
  const lines = [];
  for (const [qid, ids] of rankings) ids.forEach((id, i) => lines.push(`${qid} Q0 ${id} ${i + 1} ${100 - i} ${peer}`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.length ? `${lines.join('\n')}\n` : '');
}

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);

async function rankJsPeer(peer, col, queries, o) {
  const adapter = (await import(`./adapters/${peer}.mjs`)).default;
  const t0 = performance.now();
  const state = await adapter.build(col.docs);
  const runs = { [peer]: new Map(queries.map((q) => [q.id, adapter.search(state, q.text, 100)])) };
  if (o.asTyped) {
    const pstate = adapter.prefixIndex ? await adapter.build(col.docs, { prefix: true }) : state;
    runs[`${peer}.typed`] = new Map(queries.map((q) => [q.id, adapter.searchPrefix(pstate, q.text, 100)]));
  }
  process.stderr.write(`  ${peer}: ${seconds(t0)} s\n`);
  return runs;
}

// Pagefind: the harness's own browser-side ranking (bundle built in Node, searched in Chromium).
async function rankPagefind(col, queries, ctx) {
  const { buildPagefind } = await import('./adapters/pagefind.mjs');
  const t0 = performance.now();
  const files = await buildPagefind(col.docs, 'pagefind');
  const dir = path.join(ROOT, 'out', col.name, 'known-item', 'pagefind');
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    const file = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength));
  }
  const page = await ctx.browser.newPage();
  try {
    await page.goto(`${ctx.server.origin}/browser/bench.html`);
    await page.addScriptTag({ url: '/dist/pagefind.bench.js' });
    const base = `/${path.relative(ROOT, dir).split(path.sep).join('/')}/`;
    await page.evaluate((b) => globalThis.__pf.init({ base: b, ready: true }), base);
    const rk = await page.evaluate((cfg) => globalThis.__pf.rank(cfg), { queries, limit: 100, budgetMs: 600000 });
    process.stderr.write(`  pagefind: ${seconds(t0)} s\n`);
    return { pagefind: new Map(queries.map((q) => [q.id, rk.rankings[q.id] || []])) };
  } finally {
    await page.close();
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const ctx = { browser: null, server: null, pw: null };
  try {
    if (o.peers.includes('pagefind')) {
      const { startServer } = await import('./lib/server.mjs');
      const { chromium } = await import('playwright-core');
      ctx.server = await startServer(ROOT);
      ctx.pw = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
      ctx.browser = await ctx.pw.newContext();
    }
    for (const dir of o.dirs) {
      const col = loadCollection(dir);
      const queries = judgedQueries(col);
      process.stderr.write(`== ${col.name}: ${col.docs.length} docs, ${queries.length} judged queries\n`);
      for (const peer of o.peers) {
        try {
          const runs = peer === 'pagefind' ? await rankPagefind(col, queries, ctx) : await rankJsPeer(peer, col, queries, o);
          for (const [name, rankings] of Object.entries(runs)) writeRun(path.join(o.out, col.name, `${name}.run`), peer, rankings);
        } catch (e) {
          process.stderr.write(`  ${peer}: failed: ${String(e && e.stack ? e.stack : e).split('\n').slice(0, 3).join(' | ')}\n`);
        }
      }
    }
  } finally {
    if (ctx.pw) await ctx.pw.close();
    if (ctx.server) await ctx.server.close();
    if (o.peers.includes('pagefind')) await (await import('./adapters/pagefind.mjs')).closePagefind();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
