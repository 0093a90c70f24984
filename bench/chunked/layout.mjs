// Piece sizes of the chunked index, measured: for each layout, `scour index` a collection,
// serve it with gzip (scripts/serve.mjs) and run each query once on a fresh engine (Node,
// the real wasm of www/bundle/pkg), counting the bytes served (gzip) and the requests.
//
//   node bench/chunked/layout.mjs [corpus.jsonl] [term,postings bytes ...]
//   default: ../shared/datasets/php-manual/corpus.jsonl, 4096,4096 8192,8192 16384,16384 32768,32768
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [corpus = path.join(ROOT, '../shared/datasets/php-manual/corpus.jsonl'), ...sizes] = process.argv.slice(2);
const layouts = (sizes.length ? sizes : ['4096,4096', '8192,8192', '16384,16384', '32768,32768']).map((s) => s.split(',').map(Number));
/** Two-word queries, single words, a phrase and a typo: what a documentation search gets. */
const QUERIES = ['array sort', 'string replace', 'date format', 'json decode', 'file upload', 'mysql connect',
  'session', 'preg_match', '"regular expression"', 'arary'];

const bin = path.join(ROOT, 'target/release/scour');
const glue = await import(path.join(ROOT, 'www/bundle/pkg/scour_engine.js'));
await glue.default({ module_or_path: readFileSync(path.join(ROOT, 'www/bundle/pkg/scour_engine_bg.wasm')) });

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log('term piece  postings piece  pieces  entry  | median KB gzip  median requests  | per query: KB/requests');
for (const [terms, postings] of layouts) {
  const dir = mkdtempSync(path.join(tmpdir(), 'scour-layout-'));
  execFileSync(bin, ['index', corpus, '--out', dir, '--term-piece-bytes', String(terms), '--postings-piece-bytes', String(postings)], { stdio: 'pipe' });
  const log = [];
  const server = await startServer({ root: dir, port: 0, log: (e) => log.push(e) });
  const rows = [];
  for (const q of QUERIES) {
    const from = log.length;
    const engine = await glue.Scour.load(`${server.url}scour-index.bin`);
    await engine.query(q, { limit: 10 });
    const served = log.slice(from);
    rows.push({ q, bytes: served.reduce((s, e) => s + e.bytes, 0), requests: served.length });
  }
  await server.close();
  const pieces = execFileSync('sh', ['-c', `ls ${dir}/pieces | grep -v '^doc-' | wc -l`]).toString().trim();
  const entry = readFileSync(path.join(dir, 'scour-index.bin')).length;
  console.log(`${String(terms).padStart(10)}  ${String(postings).padStart(14)}  ${pieces.padStart(6)}  ${String(entry).padStart(5)}  | ${(median(rows.map((r) => r.bytes)) / 1024).toFixed(1).padStart(14)}  ${String(median(rows.map((r) => r.requests))).padStart(15)}  | ${rows.map((r) => `${r.q} ${(r.bytes / 1024).toFixed(1)}/${r.requests}`).join(', ')}`);
  rmSync(dir, { recursive: true, force: true });
}
