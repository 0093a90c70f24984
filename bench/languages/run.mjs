// Known-item relevance per language: collection.json holds, for English, German, French,
// Spanish, Russian, Chinese and Japanese, eight short pages on the same city topics and one
// query per page (other inflections of its words; for Chinese and Japanese, words typed
// without spaces that are not side by side in the page, and again with a space between them).
// Each language is indexed on its own by Scour (each page's `lang`, searched with `scour
// search` as the widget does), Orama (its Snowball stemmer from @orama/stemmers, or its
// Intl.Segmenter tokenizer from @orama/tokenizers for Chinese and Japanese) and MiniSearch (the
// same stemmer as `processTerm`, the same segmenter as `tokenize`); and by Scour with its pages
// in no language (no stemming), the baseline. Prints the mean reciprocal rank of each query's
// page and how often it is first.
//
//   cargo build --release && (cd bench/languages && npm ci && node run.mjs)
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, insertMultiple, search } from '@orama/orama';
import MiniSearch from 'minisearch';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCOUR = path.resolve(HERE, '../../target/release/scour');
const COLLECTION = JSON.parse(readFileSync(path.join(HERE, 'collection.json'), 'utf8'));
const LIMIT = 10;
/** The name of each language's Snowball stemmer in @orama/stemmers; none: segmented instead. */
const STEMMERS = { en: 'english', de: 'german', fr: 'french', es: 'spanish', ru: 'russian' };
const SEGMENTED = { zh: 'mandarin', ja: 'japanese' };

/**
 * Scour: the CLI's index of the pages in language `lang` (`und`: a language it has no stemmer
 * for, the baseline), searched as the search box does.
 */
function scourEngine(lang, docs) {
  const dir = mkdtempSync(path.join(tmpdir(), `scour-bench-${lang}-`));
  writeFileSync(path.join(dir, 'corpus.jsonl'), docs.map((doc) => JSON.stringify({ ...doc, lang })).join('\n'));
  execFileSync(SCOUR, ['index', path.join(dir, 'corpus.jsonl'), '--out', path.join(dir, 'out')], { stdio: 'pipe' });
  const index = path.join(dir, 'out', 'scour-index.bin');
  return (query) => JSON.parse(execFileSync(SCOUR, ['search', query, '--index', index, '--json', '--limit', String(LIMIT)], { encoding: 'utf8' })).map((hit) => hit.id);
}

/** Orama with the language's stemmer, or its word segmenter for Chinese and Japanese. */
async function oramaEngine(lang, docs) {
  const tokenizer = SEGMENTED[lang]
    ? (await import(`@orama/tokenizers/${SEGMENTED[lang]}`)).createTokenizer()
    : { language: STEMMERS[lang], stemming: true, stemmer: (await import(`@orama/stemmers/${STEMMERS[lang]}`)).stemmer };
  const db = create({ schema: { id: 'string', title: 'string', body: 'string' }, components: { tokenizer } });
  await insertMultiple(db, docs);
  return async (query) => (await search(db, { term: query, properties: ['title', 'body'], limit: LIMIT })).hits.map((hit) => hit.document.id);
}

/** Words as Intl.Segmenter cuts them (what Orama's Chinese and Japanese tokenizers do). */
const segmenter = (lang) => {
  const words = new Intl.Segmenter(lang, { granularity: 'word' });
  return (text) => [...words.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
};

/** MiniSearch with the same stemmer (or segmenter) as Orama, its other options the defaults. */
async function miniSearchEngine(lang, docs) {
  const options = { fields: ['title', 'body'] };
  if (SEGMENTED[lang]) options.tokenize = segmenter(lang);
  else {
    const { stemmer } = await import(`@orama/stemmers/${STEMMERS[lang]}`);
    options.processTerm = (term) => stemmer(term.toLowerCase());
  }
  const index = new MiniSearch(options);
  index.addAll(docs);
  return (query) => index.search(query).slice(0, LIMIT).map((hit) => hit.id);
}

const ENGINES = { Scour: scourEngine, 'Scour unstemmed': (_, docs) => scourEngine('und', docs), Orama: oramaEngine, MiniSearch: miniSearchEngine };

/** Mean reciprocal rank of each query's page among the first LIMIT hits, and how often it is first. */
async function score(find, lang, queries) {
  let reciprocal = 0, first = 0;
  for (const [query, known] of queries) {
    const rank = (await find(query)).indexOf(`${lang}${known}`) + 1;
    if (rank) reciprocal += 1 / rank;
    if (rank == 1) first++;
  }
  return { mrr: reciprocal / queries.length, first };
}

const rows = [];
for (const [lang, { docs, queries, spacedQueries }] of Object.entries(COLLECTION)) {
  const pages = docs.map(([title, body], i) => ({ id: `${lang}${i}`, title, body }));
  const sets = { [lang]: queries, ...spacedQueries && { [`${lang}, spaced`]: spacedQueries } };
  const setRows = Object.entries(sets).map(([label, set]) => ({ lang: label, queries: set.length, set }));
  for (const [name, make] of Object.entries(ENGINES)) {
    const find = await make(lang, pages);
    for (const row of setRows) row[name] = await score(find, lang, row.set);
  }
  rows.push(...setRows);
}

const names = Object.keys(ENGINES);
console.log(`| language | queries | ${names.map((n) => `${n} MRR (first)`).join(' | ')} |`);
console.log(`| --- | --- | ${names.map(() => '---').join(' | ')} |`);
for (const row of rows) {
  console.log(`| ${row.lang} | ${row.queries} | ${names.map((n) => `${row[n].mrr.toFixed(2)} (${row[n].first}/${row.queries})`).join(' | ')} |`);
}
