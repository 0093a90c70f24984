// A trap in the engine (a Rust panic, or memory exhausted: the wasm instance is broken), made
// here by overwriting the instance's memory: on the page, while `Scour.load` waits for its
// index, the widget's `ready` rejects with an Error instead of never settling and the next load
// runs on a new instance; in the worker, the search rejects, the worker is stopped and a new
// one answers the next load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setup, poll, ROOT } from './harness.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'scour-trap-'));
const page = (name, attributes) => writeFileSync(
  path.join(dir, name),
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>trap</title><link rel="icon" href="data:,">' +
    `<script type="module" src="/scour.js"></script><scour-search ${attributes}></scour-search>`,
);
page('page.html', 'index="/_trap/index.bin" worker="off"');
page('worker.html', 'index="/_trap/site/scour-index.bin"');
const h = setup({ mounts: { '/_trap/': dir } });
after(() => rmSync(dir, { recursive: true, force: true }));

before(() => {
  execFileSync('cargo', ['run', '--release', '-q', '--', 'index', 'tests/fixtures/docs-site', '--out', path.join(dir, 'site'), '--single-file'], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 600_000,
  });
}, { timeout: 600_000 });

/** Overwrites the memory of the engine instance that `scope` (a page or a worker) imported. */
const breakInstance = (scope) => scope.evaluate(async () => {
  const engine = await import('/pkg/scour_engine.js');
  const wasm = await engine.default();
  new Uint8Array(wasm.memory.buffer).fill(0xff);
});

const status = (page) => page.evaluate(() => document.querySelector('scour-search').shadowRoot.querySelector('[role=status]').textContent);

test('a trap while the index loads rejects `ready`, and search comes back on a new instance', async () => {
  const page = await h.open('_trap/page.html');
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let asked = false;
  // The index's response is held until the instance is broken; it is not an index anyway.
  await page.route('**/_trap/index.bin', async (route) => {
    asked = true;
    await held;
    await route.fulfill({ body: 'not an index' });
  });
  await page.locator('scour-search input').focus();
  await poll(() => asked, Boolean, { timeout: 15_000, message: 'the index request' });
  // Break the engine's instance as a bug would: the next call into it traps. The page imports
  // the same module instance the widget uses.
  await breakInstance(page);
  release();
  const ready = await page.evaluate(() =>
    Promise.race([
      document.querySelector('scour-search').ready.then(() => 'resolved', (e) => `${e instanceof Error}: ${e.message}`),
      new Promise((resolve) => setTimeout(() => resolve('still pending after 10 s'), 10_000)),
    ]),
  );
  assert.match(ready, /^true: the search engine crashed/, ready);
  await poll(() => status(page), (s) => s === 'Search is unavailable. Retry', { message: 'the unavailable status' });
  // The embedded index on a fresh instance: the broken one would trap again.
  await page.evaluate(() => document.querySelector('scour-search').removeAttribute('index'));
  await page.locator('scour-search input').fill('Tianjin');
  await poll(() => page.locator('scour-search [role=option]').count(), (n) => n > 0, { timeout: 15_000, message: 'hits from a new instance' });
  // The expected errors: the trap itself and the widget's report of it.
  const expected = page.errors.filter((e) => /RuntimeError|unreachable|memory access|^console\.error: scour:/.test(e));
  assert.ok(expected.length > 0, JSON.stringify(page.errors));
  page.errors.splice(0, Infinity, ...page.errors.filter((e) => !expected.includes(e)));
});

test('a trap in the worker rejects the search, and the next load starts a new worker', async () => {
  const page = await h.open('_trap/worker.html');
  const input = page.locator('scour-search input');
  await input.fill('install');
  await poll(() => page.locator('scour-search [role=option]').count(), (n) => n > 0, { timeout: 15_000, message: 'hits from the worker' });
  const [worker] = page.workers();
  assert.ok(worker, 'the engine runs in a worker');
  await breakInstance(worker);
  await input.fill('configure');
  await poll(() => status(page), (s) => s === 'Search is unavailable. Retry', { message: 'the unavailable status' });
  await page.locator('scour-search button').evaluate((retry) => retry.click());
  await poll(() => page.workers().length == 1 && page.workers()[0] != worker, Boolean, { timeout: 15_000, message: 'a new worker' });
  await poll(() => page.locator('scour-search [role=option]').count(), (n) => n > 0, { timeout: 15_000, message: 'hits from the new worker' });
  const expected = page.errors.filter((e) => /RuntimeError|unreachable|memory access|crashed|^console\.(error|warn): scour:/.test(e));
  page.errors.splice(0, Infinity, ...page.errors.filter((e) => !expected.includes(e)));
});
