// The packed scour-site's engine carries no corpus: `new Scour()` fails saying how to open an
// index, none of the seed corpus's names is in its wasm (they are in the demo's), and it opens
// an index the package's indexer wrote. Run in Node, as a site's build script would.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, fixture, installedApp, npx } from './package.mjs';

let app, engine;
before(async () => {
  app = installedApp('engine');
  engine = await import(pathToFileURL(path.join(app, 'node_modules/scour-site/engine/index.js')).href);
  const wasm = readFileSync(path.join(app, 'node_modules/scour-site/pkg/scour_engine_bg.wasm'));
  await engine.init({ module_or_path: wasm });
});

test('new Scour() fails: there is no embedded index to open', () => {
  assert.throws(() => Reflect.construct(engine.Scour, []), /no embedded index: open a site's index with await Scour\.load\(url\)/);
});

test('the engine used before init() has finished says to call it first', () => {
  const module = pathToFileURL(path.join(app, 'node_modules/scour-site/engine/index.js')).href;
  const early = `const { Scour } = await import(${JSON.stringify(module)});
    for (const use of [() => Scour.fromBytes(new Uint8Array(8)), () => new Scour(), () => Scour.load('/x')]) {
      try { await use(); console.log('no error'); } catch (e) { console.log(e.message); }
    }`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', early], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const said = run.stdout.trim().split('\n');
  assert.equal(said.length, 3, run.stdout);
  for (const line of said) assert.match(line, /the engine is not loaded yet: call `await init\(\)` before using Scour/);
});

test('the seed corpus is not in the engine (its names are in the demo engine)', () => {
  const names = new Set();
  for (const file of readdirSync(path.join(ROOT, 'corpus'))) {
    const text = readFileSync(path.join(ROOT, 'corpus', file), 'utf8');
    for (const [name] of text.matchAll(/\b[A-Z][a-z]{6,}\b/g)) names.add(name);
  }
  const demo = readFileSync(path.join(ROOT, 'www/pkg/scour_engine_bg.wasm')).toString('latin1');
  const embedded = [...names].filter((name) => demo.includes(name));
  assert.ok(embedded.length > 20, `the demo engine holds the corpus's names: ${embedded.length}`);
  const shipped = readFileSync(path.join(app, 'node_modules/scour-site/pkg/scour_engine_bg.wasm')).toString('latin1');
  assert.deepEqual(embedded.filter((name) => shipped.includes(name)), []);
});

test('it opens and searches an index the package wrote', () => {
  const { status, stderr } = npx(app, 'index', fixture('html-site'), '--out', 'out', '--single-file');
  assert.equal(status, 0, stderr);
  const scour = engine.Scour.fromBytes(readFileSync(path.join(app, 'out/scour-index.bin')));
  assert.equal(scour.stats().documents, 5);
  assert.ok(scour.search('tide', { limit: 3 }).length > 0);
});

test('a freed engine says so at every later call, and is freed once', () => {
  const { status, stderr } = npx(app, 'index', fixture('html-site'), '--out', 'freed', '--single-file');
  assert.equal(status, 0, stderr);
  const bytes = readFileSync(path.join(app, 'freed/scour-index.bin'));
  const scour = engine.Scour.fromBytes(bytes);
  assert.equal(scour.constructor, engine.Scour);
  scour.free();
  scour.free();
  for (const call of [() => scour.search('tide'), () => scour.query('tide'), () => scour.stats(), () => scour.document('a'), () => scour.filters(), () => scour.warm(0)]) {
    assert.throws(call, /this Scour was freed \(its free\(\) was called\) and cannot \w+: open the index again/);
  }
  const other = engine.Scour.fromBytes(bytes);
  assert.ok(other.search('tide', { limit: 3 }).length > 0, 'another instance searches on');
});

test('a chunked index opened from its bytes by a URL that nothing resolves is refused, saying why', () => {
  const { status, stderr } = npx(app, 'index', fixture('html-site'), '--out', 'chunked');
  assert.equal(status, 0, stderr);
  const bytes = readFileSync(path.join(app, 'chunked/scour-index.bin'));
  for (const url of ['chunked/scour-index.bin', pathToFileURL(path.join(app, 'chunked/scour-index.bin')).href]) {
    assert.throws(() => engine.Scour.fromFile(bytes, url),
      /as a chunked index: its pieces are fetched from beside it, so give its http\(s\) URL/);
  }
  const opened = engine.Scour.fromFile(bytes, 'http://localhost:9/chunked/scour-index.bin');
  assert.equal(opened.stats().documents, 5);
});

test('the README\'s Node example runs as written', () => {
  const readme = readFileSync(path.join(ROOT, 'npm/README.md'), 'utf8');
  const example = readme.split('## In Node')[1]?.match(/```js\n([\s\S]*?)```/)?.[1];
  assert.ok(example, 'npm/README.md has a Node example');
  const { status, stderr } = npx(app, 'index', fixture('html-site'), '--out', 'public/search', '--single-file');
  assert.equal(status, 0, stderr);
  writeFileSync(path.join(app, 'node-example.mjs'), example.replace("'array sort'", "'tide'"));
  const run = spawnSync(process.execPath, ['node-example.mjs'], { cwd: app, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^\[ 'Tide tables', '[^']+' \]\n$/);
});
