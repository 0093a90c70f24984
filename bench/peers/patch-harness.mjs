// Registers the Scour adapter in a *copy* of the bench-peers harness (never the
// shared original). Usage: node patch-harness.mjs <harness-copy-dir>
// Expects adapters/scour.mjs and browser/scour-pkg/{scour_engine.js,scour_engine_bg.wasm}
// to be in place already (run.sh puts them there). Every edit is anchored on
// exact text and fails loudly if the harness has changed.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) { console.error('usage: node patch-harness.mjs <harness-copy-dir>'); process.exit(2); }

function patch(rel, edits) {
  const file = path.join(dir, rel);
  let text = fs.readFileSync(file, 'utf8');
  for (const [anchor, replacement] of edits) {
    const n = text.split(anchor).length - 1;
    if (n !== 1) throw new Error(`${rel}: expected the anchor exactly once, found it ${n} times: ${anchor}`);
    text = text.replace(anchor, () => replacement);
  }
  fs.writeFileSync(file, text);
}

// run.mjs: Scour is a JS-loadable peer; its version comes from $SCOUR_VERSION (no npm package).
patch('run.mjs', [
  ["const JS_PEERS = ['lunr',", "const JS_PEERS = ['scour', 'lunr',"],
  ['function pkgVersion(name) {\n', "function pkgVersion(name) {\n  if (name === 'scour') return process.env.SCOUR_VERSION || 'unknown';\n"],
]);

// lib/bundle.mjs: the lib-only bundle is the wasm-bindgen glue (esbuild --minify, as
// for the other peers) plus the .wasm it instantiates; the seed index embedded in the
// wasm is reported on its own ($SCOUR_SEED_INDEX, the embedded index.bin).
patch('lib/bundle.mjs', [
  ['export const LIB_ENTRIES = {\n',
    "export const LIB_ENTRIES = {\n  scour: \"import init, { initSync, Scour } from './browser/scour-pkg/scour_engine.js'; globalThis.scour = { init, initSync, Scour };\",\n"],
  ['  return sizes;\n}',
    `  if (sizes.scour) { // added by Scour's bench/peers/patch-harness.mjs
    const js = sizes.scour;
    const wasmRel = 'browser/scour-pkg/scour_engine_bg.wasm';
    const wasm = fs.readFileSync(path.join(root, wasmRel));
    const glue = fs.readFileSync(path.join(root, 'browser/scour-pkg/scour_engine.js'));
    const wasmGz = gzipSize(wasm);
    sizes.scour = {
      lib_bytes: js.lib_bytes + wasm.length, lib_gzip_bytes: js.lib_gzip_bytes + wasmGz,
      lib_js_bytes: js.lib_bytes, lib_js_gzip_bytes: js.lib_gzip_bytes,
      lib_wasm_bytes: wasm.length, lib_wasm_gzip_bytes: wasmGz,
      lib_glue_unminified_bytes: glue.length, lib_glue_unminified_gzip_bytes: gzipSize(glue),
      lib_files: [...js.lib_files, wasmRel],
    };
    const seed = process.env.SCOUR_SEED_INDEX;
    if (seed && fs.existsSync(seed)) {
      const b = fs.readFileSync(seed);
      sizes.scour.lib_embedded_index_bytes = b.length;
      sizes.scour.lib_embedded_index_gzip_bytes = gzipSize(b);
    }
  }
  return sizes;
}`],
]);

// lib/server.mjs: an opt-in gzip mode for first-search.mjs (the harness itself still starts
// the server without it). startServer(root, { gzip: true }) sends zlib level 9 bodies with
// Content-Encoding: gzip to clients that accept it (files that already are gzip streams,
// like Pagefind's, as they are), so that a throttled download moves the compressed bytes.
// Log entries keep `bytes` = the file's size and gain `sent` (bytes on the wire) and `ms`.
patch('lib/server.mjs', [
  ["import path from 'node:path';\n", "import path from 'node:path';\nimport zlib from 'node:zlib';\n"],
  ["{ allow = ['browser/', 'dist/', 'out/'] } = {}) {\n  const log = [];\n",
    "{ allow = ['browser/', 'dist/', 'out/'], gzip = false } = {}) {\n  const log = [];\n  const gzipped = new Map(); // file -> gzip -9 body (gzip mode)\n"],
  [`    const body = fs.readFileSync(file);
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ path: rel, status: 200, bytes: body.length });`,
  `    const raw = fs.readFileSync(file);
    let body = raw;
    if (gzip && (req.headers['accept-encoding'] || '').includes('gzip') && !(raw[0] === 0x1f && raw[1] === 0x8b)) {
      if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(raw, { level: 9 }));
      body = gzipped.get(file);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ path: rel, status: 200, bytes: raw.length, sent: body.length, ms: performance.now() });`],
]);

// lib/summary.mjs: list Scour first.
patch('lib/summary.mjs', [["const ORDER = ['lunr',", "const ORDER = ['scour', 'lunr',"]]);

for (const f of ['adapters/scour.mjs', 'browser/scour-pkg/scour_engine.js', 'browser/scour-pkg/scour_engine_bg.wasm']) {
  if (!fs.existsSync(path.join(dir, f))) throw new Error(`${f} is missing in ${dir}`);
}
console.error(`patched ${dir}: scour registered (run.mjs JS_PEERS, lib/bundle.mjs LIB_ENTRIES, lib/summary.mjs ORDER), lib/server.mjs gzip option`);
