// Compact side-by-side table from a bench-peers results dir (latest line of each
// peer per collection). Usage: node table.mjs <results-dir>
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) { console.error('usage: node table.mjs <results-dir>'); process.exit(2); }

const PEER_ORDER = ['scour', 'lunr', 'minisearch', 'flexsearch', 'orama', 'fuse', 'pagefind', 'pagefind-html'];
const COL_ORDER = ['seeds', 'cisi', 'med', 'cacm', 'cranfield', 'php-manual', 'tldr'];
const rank = (order, x) => { const i = order.indexOf(x); return i < 0 ? 99 : i; };

const kb = (b) => (b == null ? '–' : (b / 1024).toFixed(b < 10240 ? 1 : 0));
const us = (x) => (x == null ? '–' : x >= 1000 ? `${(x / 1000).toFixed(x >= 10000 ? 0 : 1)} ms` : `${Math.round(x)} µs`);
const pair = (a, b) => (a == null && b == null ? '–' : `${us(a)} / ${us(b)}`);
const m3 = (x) => (x == null ? '–' : x.toFixed(3));

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
  .sort((a, b) => rank(COL_ORDER, a.slice(0, -6)) - rank(COL_ORDER, b.slice(0, -6)) || a.localeCompare(b));
const out = [];
for (const f of files) {
  const byPeer = new Map();
  for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try { const r = JSON.parse(line); byPeer.set(r.peer, r); } catch { /* skip */ }
  }
  const rows = [...byPeer.values()].sort((a, b) => rank(PEER_ORDER, a.peer) - rank(PEER_ORDER, b.peer));
  if (!rows.length) continue;
  const r0 = rows.find((r) => !r.error) || rows[0];
  const rel = rows.some((r) => r.ndcg_10 != null);
  out.push(`### ${r0.collection}`, '',
    `${r0.docs} docs, ${(r0.text_bytes / 1e6).toFixed(2)} MB text, ${r0.queries} queries (${r0.query_source})` +
    `${rel ? `, relevance over ${rows.find((r) => r.relevance_queries_total != null).relevance_queries_total} judged queries` : ''}; ` +
    `budget ${r0.budget_ms} ms per loop; run ${r0.run_id}.`, '');
  const head = ['peer', ...(rel ? ['nDCG@10', 'MAP@100'] : []), 'index KB gz', 'lib KB gz', 'page KB gz',
    'Node p50 / p95', 'Chromium p50 / p95', 'keystroke Node mean / p95', 'keystroke Chromium mean / p95', 'build ms'];
  out.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`);
  const notes = [];
  for (const r of rows) {
    if (r.error) { out.push(`| ${r.peer} | error: ${String(r.error).slice(0, 100).replace(/\|/g, '/')} |`); continue; }
    const pf = r.peer.startsWith('pagefind');
    const cells = [r.peer];
    if (rel) cells.push(m3(r.ndcg_10) + (r.relevance_partial ? '*' : ''), m3(r.map_100));
    cells.push(kb(pf ? r.index_data_gzip_bytes : r.index_gzip_bytes), kb(r.lib_gzip_bytes), kb(r.page_gzip_bytes) + (pf ? ' (first search)' : ''),
      pf ? 'n/a' : pair(r.node_p50_us, r.node_p95_us), pair(r.chromium_p50_us, r.chromium_p95_us),
      pf ? 'n/a' : pair(r.node_aty_mean_us, r.node_aty_p95_us), pair(r.chromium_aty_mean_us, r.chromium_aty_p95_us),
      r.build_ms == null ? '–' : Math.round(r.build_ms));
    out.push(`| ${cells.join(' | ')} |`);
    if (r.lib_js_gzip_bytes != null) {
      notes.push(`${r.peer} lib = glue JS ${kb(r.lib_js_gzip_bytes)} KB gz (esbuild --minify; ${kb(r.lib_glue_unminified_gzip_bytes)} KB gz as shipped) + wasm ${kb(r.lib_wasm_gzip_bytes)} KB gz` +
        (r.lib_embedded_index_gzip_bytes != null ? `, of which ${kb(r.lib_embedded_index_gzip_bytes)} KB gz is the embedded 5-document seed index (not needed with a custom index)` : '') + '.');
    }
    if (r.chromium_load_ms != null && r.peer === 'scour') notes.push(`${r.peer}: Chromium load ${r.chromium_load_ms} ms (wasm fetch + compile + index decode), index fetch ${r.chromium_fetch_ms} ms; Node/Chromium top-10 agreement ${r.chromium_top10_agree}.`);
    const thin = [];
    if (r.node_from_warmup || r.chromium_from_warmup) thin.push('latency from the warm-up pass only');
    if (r.node_queries != null && r.node_queries < r.node_queries_total) thin.push(`Node latency over ${r.node_queries}/${r.node_queries_total} queries`);
    if (r.chromium_queries != null && r.chromium_queries < r.chromium_queries_total) thin.push(`Chromium latency over ${r.chromium_queries}/${r.chromium_queries_total} queries`);
    if (r.relevance_partial) thin.push(`relevance over ${r.relevance_queries}/${r.relevance_queries_total} judged queries`);
    if (r.relevance_empty_queries) thin.push(`no result for ${r.relevance_empty_queries} judged queries`);
    if (thin.length) notes.push(`${r.peer}: ${thin.join('; ')}.`);
  }
  out.push('');
  for (const n of notes) out.push(`- ${n}`);
  if (notes.length) out.push('');
}
console.log(out.join('\n'));
