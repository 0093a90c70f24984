// Piece sizes of the chunked index, measured: for each layout, `scour index` a collection
// and run each query once on a fresh engine (first-search.mjs), counting the index bytes
// served (gzip) and the requests.
//
//   node bench/chunked/layout.mjs [corpus.jsonl] [term,postings bytes ...]
//   default: ../shared/datasets/php-manual/corpus.jsonl, 2048,2048 4096,4096 8192,8192 16384,16384 32768,32768
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, firstSearches, median, queriesFor } from './first-search.mjs';

const [corpus = path.join(ROOT, '../shared/datasets/php-manual/corpus.jsonl'), ...sizes] = process.argv.slice(2);
const layouts = (sizes.length ? sizes : ['2048,2048', '4096,4096', '8192,8192', '16384,16384', '32768,32768'])
  .map((s) => s.split(',').map(Number));

console.log('| term piece | postings piece | pieces (no documents) | entry | median KB gzip | median requests | per query: KB / requests |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [terms, postings] of layouts) {
  const dir = mkdtempSync(path.join(tmpdir(), 'scour-layout-'));
  execFileSync(path.join(ROOT, 'target/release/scour'), ['index', corpus, '--out', dir,
    '--term-piece-bytes', String(terms), '--postings-piece-bytes', String(postings)], { stdio: 'pipe' });
  const rows = await firstSearches(dir, queriesFor(corpus));
  const pieces = readdirSync(path.join(dir, 'pieces')).filter((f) => !f.startsWith('doc-')).length;
  const entry = readFileSync(path.join(dir, 'scour-index.bin')).length;
  const each = rows.map((r) => `${r.q} ${(r.bytes / 1024).toFixed(1)}/${r.requests}`).join(', ');
  console.log(`| ${terms} | ${postings} | ${pieces} | ${entry} | ${(median(rows.map((r) => r.bytes)) / 1024).toFixed(1)} | ${median(rows.map((r) => r.requests))} | ${each} |`);
  rmSync(dir, { recursive: true, force: true });
}
