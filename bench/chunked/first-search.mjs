// What a first search on a chunked index costs: the index served with gzip by
// scripts/serve.mjs, each query run once on a fresh engine (Node, the real wasm of
// www/bundle/pkg), counting the bytes served and the requests. Used by layout.mjs and scale.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Two-word queries, single words, a phrase and a typo: what a documentation search gets. */
const QUERIES = ['array sort', 'string replace', 'date format', 'json decode', 'file upload', 'mysql connect',
  'session', 'preg_match', '"regular expression"', 'arary'];
/** The same kinds of query for tldr's command pages. */
const TLDR = ['git commit', 'docker run', 'list files', 'compress archive', 'network interface', 'disk usage',
  'ssh', 'tar', '"remote repository"', 'dokcer'];

/** The queries for a collection, by its folder's name. */
export const queriesFor = (corpus) => (path.basename(path.dirname(corpus)) === 'tldr' ? TLDR : QUERIES);

let engine;
async function loadEngine() {
  if (!engine) {
    engine = await import(path.join(ROOT, 'www/bundle/pkg/scour_engine.js'));
    await engine.default({ module_or_path: readFileSync(path.join(ROOT, 'www/bundle/pkg/scour_engine_bg.wasm')) });
  }
  return engine;
}

/**
 * Runs each query (with `options`) on a fresh engine over the index in `dir`, opened with `load`
 * (`{ lang }`): [{ q, bytes, requests }].
 */
export async function firstSearches(dir, queries, options = {}, load = {}) {
  const { Scour } = await loadEngine();
  const log = [];
  const server = await startServer({ root: dir, port: 0, log: (e) => log.push(e) });
  const rows = [];
  try {
    for (const q of queries) {
      const from = log.length;
      const scour = await Scour.load(`${server.url}scour-index.bin`, load);
      await scour.query(q, { limit: 10, ...options });
      const served = log.slice(from);
      rows.push({ q, bytes: served.reduce((s, e) => s + e.bytes, 0), requests: served.length });
    }
  } finally {
    await server.close();
  }
  return rows;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
