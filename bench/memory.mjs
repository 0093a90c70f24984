// Memory after opening a single-file index: the engine's WebAssembly memory
// (`stats().memory`, which grows and never shrinks, so its peak) against the file's size,
// each file in a fresh engine (a child process), then one search to show it answers.
//
// Usage: node bench/memory.mjs INDEX_FILE...   (after `make build`; an index file from
// `scour index CORPUS --out DIR --single-file`)
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ENGINE = new URL('../www/pkg/', import.meta.url);

async function measure(file) {
  const { initSync, Scour } = await import(new URL('scour_engine.js', ENGINE));
  initSync({ module: readFileSync(new URL('scour_engine_bg.wasm', ENGINE)) });
  const scour = Scour.fromBytes(readFileSync(file));
  const hits = scour.search('array', { limit: 10 }).length;
  const { memory, documents } = scour.stats();
  return { memory, documents, hits };
}

const [mode, file] = process.argv.slice(2);
if (mode === '--child') {
  process.stdout.write(JSON.stringify(await measure(file)));
} else {
  const mb = (bytes) => (bytes / 1e6).toFixed(1);
  console.log('| index file | size | engine memory after opening | × the file | documents |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const file of process.argv.slice(2)) {
    const script = fileURLToPath(import.meta.url);
    const result = JSON.parse(execFileSync(process.execPath, [script, '--child', file], { encoding: 'utf8' }));
    const size = statSync(file).size;
    const ratio = (result.memory / size).toFixed(2);
    console.log(`| ${file} | ${mb(size)} MB | ${mb(result.memory)} MB | ${ratio} | ${result.documents} |`);
  }
}
