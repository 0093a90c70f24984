// What a first search costs on a site of two languages as `scour index` writes it (issue 14,
// item 4): a language table naming an index per language and one of both, opened for one
// language or for both, against the index of both searched with a `lang` filter (the one index
// a site had before the table) and an index of one language alone. Two real collections stand for two languages of one site: tldr's
// 7,425 pages as English and the PHP manual's 11,185 as French (the stemming is wrong for them,
// the bytes are what is measured). Each is indexed by the release `scour index` (chunked) and
// searched with tldr's queries by bench/chunked/first-search.mjs (a fresh engine a query, the
// bytes served with gzip, the table and the entry counted):
//
//   cargo build --release && make build && node bench/languages/layout.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, firstSearches, median } from '../chunked/first-search.mjs';

const DATASETS = path.join(ROOT, '../shared/datasets');
const QUERIES = ['git commit', 'docker run', 'list files', 'compress archive', 'network interface', 'disk usage',
  'ssh', 'tar', '"remote repository"', 'dokcer'];
const work = mkdtempSync(path.join(tmpdir(), 'scour-languages-'));

/** The collection's pages as JSON lines of language `lang`, ids under `prefix`. */
const pages = (name, lang, prefix) => readFileSync(path.join(DATASETS, name, 'corpus.jsonl'), 'utf8')
  .split('\n').filter((line) => line.trim())
  .map((line) => JSON.stringify({ ...JSON.parse(line), id: `${prefix}${JSON.parse(line).id}`, lang }));

/** Indexes `lines` into a folder of `work`; returns it. */
function index(name, lines) {
  const file = path.join(work, `${name}.jsonl`), out = path.join(work, name);
  writeFileSync(file, lines.join('\n') + '\n');
  execFileSync(path.join(ROOT, 'target/release/scour'), ['index', file, '--out', out], { stdio: 'ignore' });
  return out;
}

const english = pages('tldr', 'en', 'en/');
const french = pages('php-manual', 'fr', 'fr/');
const both = index('both', [...english, ...french]);
const layouts = [
  ['language table, `load(url, { lang: "en" })`: the English index', both, {}, { lang: 'en' }],
  ['language table, `{ lang: "*" }`: the index of both', both, {}, { lang: '*' }],
  ['the index of both, `lang: "en"` at query time (one index, as before the table)', both, { lang: 'en' }, { lang: '*' }],
  ['English alone (a site of one language: no table)', index('english', english), {}, {}],
];
console.log('| layout | first file | first search: median KB gzip / requests | largest KB |');
console.log('| --- | --- | --- | --- |');
for (const [name, dir, options, load] of layouts) {
  const rows = await firstSearches(dir, QUERIES, options, load);
  const first = readFileSync(path.join(dir, 'scour-index.bin')).length;
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  console.log(`| ${name} | ${first} B | ${kb(median(rows.map((r) => r.bytes)))} / ${median(rows.map((r) => r.requests))} | ${kb(Math.max(...rows.map((r) => r.bytes)))} |`);
}
rmSync(work, { recursive: true, force: true });
