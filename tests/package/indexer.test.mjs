// `npx scour-site` (the command line compiled to wasm32-wasip1, run by node:wasi) against the
// native `scour`, on the test fixtures: the same files byte for byte, the same report and the
// same errors, run by run.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { NATIVE, fixture, installedApp, native, npx } from './package.mjs';

let app;
before(() => { app = installedApp('indexer'); });

const site = (name) => path.relative(app, fixture(name));
/** The report without its one varying figure, the time taken. */
const steady = (text) => text.replace(/ in \d+\.\d+ s$/m, ' in … s');

/** Every file under `dir`, by relative path, with its bytes. */
function files(dir) {
  const found = new Map();
  const walk = (sub) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = path.join(sub, name);
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else found.set(rel, readFileSync(path.join(dir, rel)));
    }
  };
  walk('');
  return found;
}

/**
 * Runs each `scour` command line of `runs` natively, then through npx, both in the app's folder
 * and writing to out/<name>; checks that each run answers the same and leaves the same files.
 */
function sameAsNative(name, runs) {
  const out = path.join(app, 'out', name), kept = path.join(app, 'native', name);
  rmSync(out, { recursive: true, force: true });
  rmSync(kept, { recursive: true, force: true });
  const nativeRuns = runs.map((args) => native(app, ...args));
  mkdirSync(path.dirname(kept), { recursive: true });
  renameSync(out, kept);
  const npxRuns = runs.map((args) => npx(app, ...args));
  runs.forEach((args, i) => {
    const [want, got] = [nativeRuns[i], npxRuns[i]];
    const what = `scour ${args.join(' ')}`;
    assert.equal(got.status, want.status, `${what}: exit status (stderr: ${got.stderr})`);
    assert.equal(steady(got.stdout), steady(want.stdout), `${what}: standard output`);
    assert.equal(got.stderr, want.stderr, `${what}: standard error`);
  });
  const [want, got] = [files(kept), files(out)];
  assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), 'the same files');
  for (const [file, bytes] of want) assert.ok(bytes.equals(got.get(file)), `${file}: the same bytes`);
  return want;
}

test('a Markdown site, chunked: the same entry and pieces', () => {
  const written = sameAsNative('docs', [['index', site('docs-site'), '--out', 'out/docs']]);
  assert.ok(written.has('scour-index.bin') && written.size > 5, 'an entry and its pieces');
});

test('an HTML site in one file, with the web bundle', () => {
  const written = sameAsNative('html', [['index', site('html-site'), '--out', 'out/html', '--single-file', '--bundle']]);
  for (const file of ['scour-index.bin', 'scour.js', 'highlight.js', 'sw.js', 'pkg/scour_engine.js', 'pkg/scour_engine_bg.wasm']) {
    assert.ok(written.has(file), `${file} written`);
  }
});

test('options, and pages left out: the same report', () => {
  sameAsNative('lighthouse', [[
    'index', site('lighthouse-site'), '--out', 'out/lighthouse', '--base-url', '/docs/',
    '--exclude', 'notes/**', '--content-selector', 'main', '--title-selector', 'h1',
  ]]);
});

test('folders named twice or overlapping: each page read once, as natively', () => {
  const html = site('html-site');
  sameAsNative('overlap', [
    ['index', html, path.join(html, 'docs'), '--out', 'out/overlap/nested', '--single-file'],
    ['index', html, `./${html}`, '--out', 'out/overlap/twice', '--single-file'],
  ]);
});

test('a site rebuilt in place: pieces of the earlier build removed alike', () => {
  sameAsNative('rebuilt', [
    ['index', site('docs-site'), '--out', 'out/rebuilt'],
    ['index', site('html-site'), '--out', 'out/rebuilt'],
  ]);
});

/** A site of `pages` Markdown pages under the app's gen/<name>, each of words of its own. */
function generatedSite(name, pages, extra) {
  const dir = path.join(app, 'gen', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const word = (n) => n.toString(36).replace(/\d/g, (d) => 'klmnopqrst'[d]);
  for (let p = 0; p < pages; p++) {
    const words = Array.from({ length: 40 }, (_, w) => word(1e5 + p * 97 + w * 7919));
    writeFileSync(path.join(dir, `page-${p}.md`), `# Page ${word(p + 1e4)}\n\n${words.join(' ')} ${extra}\n`);
  }
  return path.relative(app, dir);
}

test('a site of hundreds of pieces rebuilt in place: every piece of the earlier build removed', () => {
  // Removing files while the folder was listed made WASI skip some, which stayed behind.
  const written = sameAsNative('rebuilt-large', [
    ['index', generatedSite('large-a', 400, 'first'), '--out', 'out/rebuilt-large'],
    ['index', generatedSite('large-b', 400, 'second'), '--out', 'out/rebuilt-large'],
  ]);
  assert.ok(written.size > 200, `${written.size} files: enough for the folder to be listed in several parts`);
});

test('bad files: skipped with the same reasons, or refused with --strict', () => {
  sameAsNative('bad', [
    ['index', site('bad'), site('docs-site'), '--out', 'out/bad'],
    ['index', site('bad'), '--out', 'out/bad', '--strict'],
  ]);
});

test('errors: the same messages and exit status', () => {
  sameAsNative('errors', [
    ['index', site('docs-site'), '--out', 'out/errors'],
    ['index', 'no-such-folder', '--out', 'out/errors'],
    ['index', site('docs-site'), '--out', 'out/errors', '--base-url', 'docs'],
    ['index', site('docs-site'), '--out', 'out/errors', '--max-file-size', 'big'],
    ['index', site('docs-site'), '--out', 'out/errors', '--no-such-flag'],
    ['index', site('docs-site')],
    ['search', '--index', 'out/errors/missing.bin', 'tide'],
  ]);
});

test('search and stats on an index it wrote; the native scour opens it alike', () => {
  const runs = [
    ['search', '--index', 'out/search/scour-index.bin', '--json', 'tide'],
    ['search', '--index', 'out/search/scour-index.bin', 'lighthouse keeper'],
    ['stats', '--index', 'out/search/scour-index.bin'],
  ];
  sameAsNative('search', [['index', site('html-site'), '--out', 'out/search'], ...runs]);
  for (const args of runs) {
    const [opened, own] = [native(app, ...args), native(app, ...args.map((a) => a.replace('out/', 'native/')))];
    assert.equal(opened.stderr, own.stderr.replaceAll('native/', 'out/'));
    assert.equal(opened.stdout, own.stdout.replaceAll('native/', 'out/'));
    assert.equal(opened.status, 0, opened.stderr);
  }
});

test('search whose reader has gone (| head) ends quietly, as natively', async () => {
  sameAsNative('closed', [['index', site('html-site'), '--out', 'out/closed']]);
  const args = ['search', '--index', 'out/closed/scour-index.bin', '--json', 'lighthouse'];
  // Standard output closed before the command writes, as `head` closes it after its lines.
  const closed = (command, args) => new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: app });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
  assert.deepEqual(await closed('npx', ['--offline', 'scour-site', ...args]), { status: 141, signal: null, stderr: '' });
  assert.deepEqual(await closed(NATIVE, args), { status: null, signal: 'SIGPIPE', stderr: '' });
});

test('--version names the index format', () => {
  const { status, stdout } = npx(app, '--version');
  assert.equal(status, 0);
  assert.match(stdout, /^scour \d+\.\d+\.\d+ \(index format \d+\)\n$/);
  assert.equal(stdout, native(app, '--version').stdout);
});
