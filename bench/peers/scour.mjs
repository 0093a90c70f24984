// Scour (Rust -> WebAssembly) as one more peer of the shared bench-peers harness.
//
// This file is not run from here: bench/peers/run.sh copies the harness to a temp
// dir, puts this file in its adapters/ and the engine (www/pkg: scour_engine.js +
// scour_engine_bg.wasm) in its browser/scour-pkg/ (served to the page), and
// registers the peer (bench/peers/patch-harness.mjs).
//
// build(docs): writes the docs to a temp corpus.jsonl and runs the real CLI,
//   `scour index corpus.jsonl --out DIR --strict --single-file` ($SCOUR_BIN; the CLI
//   writes a chunked index by default, which Scour.fromBytes cannot open), then opens
//   the written scour-index.bin in the wasm engine in Node (Scour.fromBytes). build_ms
//   is therefore: JSONL write + CLI process (read, index, encode, write) + decode.
// serialize: the scour-index.bin bytes as written by the CLI (binary: true).
// load(bytes): browser only; instantiates the wasm (fetched from
//   /browser/scour-pkg/, streaming compile), opens the bytes with Scour.fromBytes and
//   warms the engine up for 200 ms (scour.warm: the index's own words typed, so
//   that the browser optimises the wasm before the first keystroke, as the widget does
//   after loading). chromium_load_ms therefore includes the wasm fetch+compile and the
//   warm-up.
// search: scour.search(q, {limit}) -> hit ids. The queries are prose: `"`, `:`,
//   a leading `-` and the word `OR` are removed (Scour's eval reads queries as
//   plain text, which the JS API does not expose), and a space is appended so
//   that the last word is not read as a prefix (the harness's rule: prefix
//   matching only in the as-you-type test). The JS API requires all words when
//   some document has them all (the search-box rule); `scour eval` ranks any-word
//   matches, so relevance here corresponds to `scour eval --all-words`.
//   Every hit carries an excerpt with highlights (the API has no way to skip
//   it); the JS peers return ids only.
// searchPrefix: the same call on the text as typed: Scour reads the last word
//   as a prefix while no space follows it (and forgives typos, as always).
import init, { initSync, Scour } from '../browser/scour-pkg/scour_engine.js';

const WASM_URL = '/browser/scour-pkg/scour_engine_bg.wasm';
// The warm-up the widget runs after loading, in slices between keystrokes (www/widget/engine.js):
// here at once, inside load_ms.
const WARM_MS = 200;
const isNode = typeof process !== 'undefined' && !!(process.versions && process.versions.node);

// Node built-ins through a non-literal specifier, so that esbuild leaves them out of the page bundle.
const nodeImport = (name) => import(/* node only */ ['node', name].join(':'));

let nodeReady = false;
async function initNode() {
  if (nodeReady) return;
  const fs = await nodeImport('fs');
  const { fileURLToPath } = await nodeImport('url');
  const wasmFile = process.env.SCOUR_WASM || fileURLToPath(new URL('../browser/scour-pkg/scour_engine_bg.wasm', import.meta.url));
  initSync({ module: fs.readFileSync(wasmFile) });
  nodeReady = true;
}

// Prose query -> Scour query without operators.
function plain(q) {
  return q.replace(/[":]/g, ' ').split(/\s+/).map((w) => w.replace(/^-+/, '')).filter((w) => w && w !== 'OR').join(' ');
}

function ids(hits) {
  const out = new Array(hits.length);
  for (let i = 0; i < hits.length; i++) out[i] = hits[i].id;
  return out;
}

let lastBuilt = null; // freed when the next build starts (the harness keeps only the last build)

export default {
  name: 'scour',
  pkg: 'scour',
  binary: true,
  settings: 'Scour JS API (wasm-bindgen, --target web): index = `scour index corpus.jsonl --strict --single-file` (native CLI; BM25F title+body, ' +
    'English Snowball stemmer, stop words dropped beside other words, typo tolerance on), Scour.fromBytes(index) ' +
    'and 200 ms of scour.warm (the index\'s own words typed, as the widget does after loading); ' +
    'search: scour.search(q + " ", {limit}) with `"`, `:`, leading `-` and the word OR removed from q (prose queries; ' +
    'the trailing space turns prefix matching of the last word off); all words required when some document has them all ' +
    '(search-box rule; `scour eval --all-words`), else any word; hits include excerpts; ' +
    'as-you-type: the same search on the text as typed (last word a prefix while no space follows)',

  async build(docs) {
    const fs = await nodeImport('fs');
    const path = await nodeImport('path');
    const os = await nodeImport('os');
    const { spawnSync } = await nodeImport('child_process');
    await initNode();
    if (lastBuilt) { lastBuilt.free(); lastBuilt = null; }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scour-peer-'));
    try {
      const corpus = path.join(dir, 'corpus.jsonl');
      let text = '';
      for (const d of docs) text += `${JSON.stringify(d.url ? { id: d.id, title: d.title, body: d.body, url: d.url } : { id: d.id, title: d.title, body: d.body })}\n`;
      fs.writeFileSync(corpus, text);
      const bin = process.env.SCOUR_BIN || 'scour';
      const out = path.join(dir, 'out');
      const r = spawnSync(bin, ['index', corpus, '--out', out, '--strict', '--single-file'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      if (r.error) throw new Error(`${bin}: ${r.error.message}`);
      if (r.status !== 0) throw new Error(`scour index failed (${r.status}): ${(r.stderr || '').trim().slice(-400)}`);
      const bytes = new Uint8Array(fs.readFileSync(path.join(out, 'scour-index.bin')));
      const scour = Scour.fromBytes(bytes);
      const { documents } = scour.stats();
      if (documents !== docs.length) throw new Error(`scour indexed ${documents} of ${docs.length} documents`);
      lastBuilt = scour;
      return { bytes, scour };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  serialize(state) { return state.bytes; },

  async load(bytes) {
    if (isNode) await initNode();
    else await init({ module_or_path: WASM_URL });
    const scour = Scour.fromBytes(bytes);
    for (let word = 0, end = performance.now() + WARM_MS; performance.now() < end && scour.warm(word); word++);
    return { bytes: null, scour };
  },

  search(state, q, limit) {
    return ids(state.scour.search(`${plain(q)} `, { limit }));
  },

  searchPrefix(state, q, limit) {
    const p = plain(q);
    return ids(state.scour.search(/\s$/.test(q) ? `${p} ` : p, { limit }));
  },
};
