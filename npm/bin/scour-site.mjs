#!/usr/bin/env node
// `npx scour-site index public/ --out public/search --bundle`: the `scour` command line
// (index, search, stats, eval, bench), compiled to wasm32-wasip1 and run through node:wasi:
// the flags, files and messages of the native binary, on any machine with Node 18.17 or later.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { setFlagsFromString } from 'node:v8';

// Node 20's fast calls from wasm into WASI corrupt its heap once the module's memory has grown
// (a crash after indexing a large site); the ordinary calls cost nothing measurable here.
setFlagsFromString('--no-turbo-fast-api-calls');
hideWasiWarning();
const { WASI } = await import('node:wasi');

const { root, cwd } = fileSystemRoot(process.cwd());
const wasi = new WASI({
  version: 'preview1',
  args: ['scour', ...process.argv.slice(2)],
  // PWD: the working directory, which the indexer enters so relative paths mean what they mean here.
  env: { ...process.env, PWD: cwd },
  preopens: { '/': root },
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(new URL('../scour.wasm', import.meta.url)));
const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
process.exitCode = wasi.start(instance);

/**
 * The folder opened to the indexer as `/`, and the working directory as the indexer sees it:
 * the whole file system on POSIX; on Windows, the working directory's drive.
 */
function fileSystemRoot(workingDirectory) {
  if (path.sep == '/') return { root: '/', cwd: workingDirectory };
  const { root } = path.parse(workingDirectory);
  return { root, cwd: '/' + workingDirectory.slice(root.length).replaceAll(path.sep, '/') };
}

/** Keeps node:wasi's "experimental feature" warning out of the indexer's output. */
function hideWasiWarning() {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (warning, ...rest) {
    if (String(warning?.message ?? warning).includes('WASI')) return;
    return emitWarning.call(this, warning, ...rest);
  };
}
