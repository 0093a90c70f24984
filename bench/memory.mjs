// Memory after opening a single-file index: the engine's WebAssembly memory
// (`stats().memory`, which grows and never shrinks, so its peak) against the file's size,
// each file in a fresh engine (a child process), then one search to show it answers; and
// the time `Scour.fromBytes` takes, the median of 5 more openings in the same engine.
//
// Usage: node bench/memory.mjs INDEX_FILE...   (after `make build`; an index file from
// `scour index CORPUS --out DIR --single-file`). SCOUR_PKG=DIR measures the engine built
// in DIR (another checkout's www/pkg) instead of this one's.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const ENGINE = process.env.SCOUR_PKG
  ? pathToFileURL(resolve(process.env.SCOUR_PKG) + '/')
  : new URL('../www/pkg/', import.meta.url);
const OPENINGS = 5;

async function measure(file) {
  const { initSync, Scour } = await import(new URL('scour_engine.js', ENGINE));
  initSync({ module: readFileSync(new URL('scour_engine_bg.wasm', ENGINE)) });
  const bytes = readFileSync(file);
  const scour = Scour.fromBytes(bytes);
  const hits = scour.search('array', { limit: 10 }).length;
  const { memory, documents } = scour.stats();
  const times = [];
  for (let i = 0; i < OPENINGS; i++) {
    const start = performance.now();
    Scour.fromBytes(bytes).free();
    times.push(performance.now() - start);
  }
  const open = times.sort((a, b) => a - b)[OPENINGS >> 1];
  return { memory, documents, hits, open };
}

const [mode, file] = process.argv.slice(2);
if (mode === '--child') {
  process.stdout.write(JSON.stringify(await measure(file)));
} else {
  const mb = (bytes) => (bytes / 1e6).toFixed(1);
  console.log('| index file | size | engine memory after opening | × the file | documents | opening (median of 5) |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const file of process.argv.slice(2)) {
    const script = fileURLToPath(import.meta.url);
    const result = JSON.parse(execFileSync(process.execPath, [script, '--child', file], { encoding: 'utf8' }));
    const size = statSync(file).size;
    const ratio = (result.memory / size).toFixed(2);
    const open = `${result.open.toFixed(0)} ms`;
    console.log(`| ${file} | ${mb(size)} MB | ${mb(result.memory)} MB | ${ratio} | ${result.documents} | ${open} |`);
  }
}
