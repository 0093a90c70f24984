// The service worker of <scour-search offline> (www/sw.js) in Chromium, against scripts/serve.mjs
// (ETag and 304, immutable pieces): on sites built with `scour index --bundle` and on the demo
// page. A rebuilt index shows on the first reload, query strings are part of what is cached,
// nothing but search's files and the widget's pages is cached, and after one visit search works
// with the network off: in the bundle's folder, and on the whole site when the server lets the
// worker's scope be `/`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, watchErrors, poll, ROOT, WWW } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const CACHE = 'scour-3';
const sites = mkdtempSync(path.join(tmpdir(), 'scour-offline-'));
const sources = mkdtempSync(path.join(tmpdir(), 'scour-offline-src-'));

const AIRSHIPS = '---\ntitle: Airships\n---\nThe zeppelin floats over the town.\n';
const BOATS = '---\ntitle: Boats\n---\nThe schooner sails past the harbour.\n';

let server, demo, browser;

before(async () => {
  server = await startServer({ root: sites, port: 0 });
  // What a host's header rule does: lets a worker in /<site>/search/ take the scope `/`.
  server.server.prependListener('request', (req, res) => /\/sw\.js(\?|$)/.test(req.url) && res.setHeader('service-worker-allowed', '/'));
  writeFileSync(path.join(sites, 'note.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><title>note</title><link rel="icon" href="data:,"><p>A page without search.');
  demo = await startServer({ root: WWW, port: 0, mounts: { '/elsewhere/': sites } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await demo?.close();
  rmSync(sites, { recursive: true, force: true });
  rmSync(sources, { recursive: true, force: true });
});

const scour = (...args) => execFileSync('cargo', ['run', '--release', '-q', '--', ...args], { cwd: ROOT, stdio: 'pipe', timeout: 600_000 });

/** Indexes `pages` (file name → Markdown) with `scour index --bundle` into /<name>/search/. */
function build(name, pages) {
  const source = path.join(sources, name);
  rmSync(source, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  for (const [file, text] of Object.entries(pages)) writeFileSync(path.join(source, file), text);
  scour('index', source, '--out', path.join(sites, name, 'search'), '--bundle');
}

/** A page of /<name>/ at `file` loading the bundle's widget with `attributes`. */
function page(name, file, attributes) {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${file}</title><link rel="icon" href="data:,">
<script type="module" src="/${name}/search/scour.js"></script>
<scour-search ${attributes}></scour-search>`;
  mkdirSync(path.dirname(path.join(sites, name, file)), { recursive: true });
  writeFileSync(path.join(sites, name, file), html);
}

/** A fresh context (no worker, no cache) on `url`, its errors and console warnings watched. */
async function visit(url) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  tab.errors = watchErrors(tab);
  tab.warnings = [];
  tab.on('console', (m) => m.type() === 'warning' && tab.warnings.push(m.text()));
  await tab.goto(url);
  return { context, tab };
}

/** Searches `q` with the page's widget: the titles of the hits and the status line. */
const search = (tab, q) => tab.evaluate((q) => new Promise((resolve) => {
  const box = document.querySelector('scour-search');
  box.addEventListener('scour:search', function shown({ detail }) {
    if (detail.query !== q) return;
    box.removeEventListener('scour:search', shown);
    const root = box.shadowRoot;
    resolve({
      titles: [...root.querySelectorAll('[role=option] [part~=title]')].map((t) => t.textContent),
      status: root.querySelector('[role=status]').textContent,
    });
  });
  box.value = q;
}), q);

/** The paths (with query strings) the worker has cached, sorted. */
const cached = (tab) => tab.evaluate(async (name) => {
  const keys = await (await caches.open(name)).keys();
  return keys.map((r) => { const u = new URL(r.url); return u.pathname + u.search; }).sort();
}, CACHE);

/** Waits until the worker controls the page and has cached each of `paths`. */
async function kept(tab, paths) {
  await tab.waitForFunction(() => navigator.serviceWorker.controller);
  await poll(() => cached(tab), (have) => paths.every((p) => have.includes(p)), { message: `cached ${paths}` });
}

/** The bytes `url` answers with, as the page fetches it. */
const fetchBytes = (tab, url) => tab.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], url);

const pieces = (name) => readdirSync(path.join(sites, name, 'search', 'pieces')).map((p) => `/${name}/search/pieces/${p}`);

/** Drops the errors of a piece the worker could not fetch offline (the widget said "unavailable"). */
const forgiveMissingPiece = (tab) =>
  tab.errors.splice(0, Infinity, ...tab.errors.filter((e) => !/\/pieces\/.*ERR_FAILED|Failed to load resource: net::ERR_FAILED|scour:/.test(e)));

test('a rebuilt index: the first reload finds the new word, not the old one; old pieces leave the cache', async () => {
  build('rebuilt', { 'airships.md': AIRSHIPS });
  page('rebuilt', 'search/index.html', 'index="scour-index.bin" offline');
  const { context, tab } = await visit(`${server.url}rebuilt/search/`);
  assert.deepEqual((await search(tab, 'zeppelin')).titles, ['Airships']);
  const before = pieces('rebuilt');
  await kept(tab, ['/rebuilt/search/', '/rebuilt/search/scour-index.bin', ...before.filter((p) => /terms-/.test(p))]);

  build('rebuilt', { 'airships.md': AIRSHIPS.replace('zeppelin', 'dirigible') });
  await tab.reload();
  assert.deepEqual((await search(tab, 'dirigible')).titles, ['Airships']);
  assert.equal((await search(tab, 'zeppelin')).status, 'No results for “zeppelin”');
  const now = pieces('rebuilt');
  const cachedPieces = (await cached(tab)).filter((p) => p.includes('/pieces/'));
  assert.ok(cachedPieces.length > 0, 'pieces of the new build are cached');
  assert.deepEqual(cachedPieces.filter((p) => !now.includes(p)), [], 'pieces of the earlier build are dropped');
  tab.errors.assertClean();
  await context.close();
});

test("a host's page in place of a piece is never kept: once the piece is back, search works", async () => {
  build('fallback', { 'airships.md': AIRSHIPS });
  page('fallback', 'search/index.html', 'index="scour-index.bin" offline');
  const { context, tab } = await visit(`${server.url}fallback/search/`);
  await tab.locator('scour-search input').focus();
  await tab.waitForFunction(() => navigator.serviceWorker.controller);
  // What a single-page app's host sends for a file it lacks: its index.html, status 200.
  const files = pieces('fallback').map((p) => path.join(sites, p));
  const saved = files.map((file) => readFileSync(file));
  for (const file of files) writeFileSync(file, '<!doctype html><html><title>App</title><div id="app"></div></html>');
  assert.deepEqual((await search(tab, 'zeppelin')).titles, []);
  assert.deepEqual((await cached(tab)).filter((p) => p.includes('/pieces/')), [], 'no page kept as a piece');
  files.forEach((file, i) => writeFileSync(file, saved[i]));
  // The test server sends pieces as immutable, which a host's fallback page would not be: the
  // browser's HTTP cache is cleared, so that only the worker's cache could still hold the page.
  await (await context.newCDPSession(tab)).send('Network.clearBrowserCache');
  await tab.reload();
  assert.deepEqual((await search(tab, 'zeppelin')).titles, ['Airships']);
  tab.errors.splice(0, Infinity, ...tab.errors.filter((e) => !/is a web page|scour:/.test(e)));
  tab.errors.assertClean();
  await context.close();
});

test('a piece the worker kept damaged (an upload cut off) is fetched again once the server has it right', async () => {
  build('damaged', { 'airships.md': AIRSHIPS });
  page('damaged', 'search/index.html', 'index="scour-index.bin" offline');
  const { context, tab } = await visit(`${server.url}damaged/search/`);
  await tab.locator('scour-search input').focus();
  await tab.waitForFunction(() => navigator.serviceWorker.controller);
  // Every piece cut off after its header: a file of Scour's still, which the worker keeps.
  const files = pieces('damaged').map((p) => path.join(sites, p));
  const saved = files.map((file) => readFileSync(file));
  for (const [i, file] of files.entries()) writeFileSync(file, saved[i].subarray(0, 40));
  assert.deepEqual((await search(tab, 'zeppelin')).titles, []);
  assert.ok((await cached(tab)).some((p) => p.includes('/pieces/')), 'the worker kept a damaged piece');
  files.forEach((file, i) => writeFileSync(file, saved[i]));
  await (await context.newCDPSession(tab)).send('Network.clearBrowserCache');
  await tab.reload();
  assert.deepEqual((await search(tab, 'zeppelin')).titles, ['Airships']);
  const kept = await Promise.all(pieces('damaged').filter((p) => /terms-/.test(p)).map((p) => fetchBytes(tab, p)));
  assert.ok(kept.every((bytes) => bytes.length > 40), 'the worker now answers with the piece whole');
  tab.errors.splice(0, Infinity, ...tab.errors.filter((e) => !/truncated|scour:/.test(e)));
  tab.errors.assertClean();
  await context.close();
});

test('cache-busting query strings: ?v=2 is fetched anew and kept apart from ?v=1, online and offline', async () => {
  build('busted', { 'airships.md': AIRSHIPS });
  page('busted', 'search/index.html', 'index="scour-index.bin?v=1" offline');
  const entry = path.join(sites, 'busted', 'search', 'scour-index.bin');
  const { context, tab } = await visit(`${server.url}busted/search/`);
  assert.deepEqual((await search(tab, 'zeppelin')).titles, ['Airships']);
  await kept(tab, ['/busted/search/scour-index.bin?v=1']);
  const v1 = [...readFileSync(entry)];

  build('busted', { 'airships.md': AIRSHIPS, 'boats.md': BOATS });
  page('busted', 'search/index.html', 'index="scour-index.bin?v=2" offline');
  const v2 = [...readFileSync(entry)];
  assert.notDeepEqual(v1, v2);
  await tab.reload();
  assert.deepEqual((await search(tab, 'schooner')).titles, ['Boats']);
  assert.deepEqual(await fetchBytes(tab, 'scour-index.bin?v=2'), v2);
  await kept(tab, ['/busted/search/scour-index.bin?v=1', '/busted/search/scour-index.bin?v=2']);

  await context.setOffline(true);
  assert.deepEqual(await fetchBytes(tab, 'scour-index.bin?v=1'), v1);
  assert.deepEqual(await fetchBytes(tab, 'scour-index.bin?v=2'), v2);
  tab.errors.assertClean();
  await context.close();
});

test('offline after one visit: search in the bundle folder works with the network off (pieces fetched online)', async () => {
  build('away', { 'airships.md': AIRSHIPS, 'boats.md': BOATS });
  page('away', 'search/index.html', 'index="scour-index.bin" offline');
  const { context, tab } = await visit(`${server.url}away/search/`);
  assert.deepEqual((await search(tab, 'zeppelin')).titles, ['Airships']);
  await kept(tab, ['/away/search/', '/away/search/scour.js', '/away/search/pkg/scour_engine_bg.wasm', '/away/search/scour-index.bin']);

  await context.setOffline(true);
  await tab.reload();
  assert.deepEqual((await search(tab, 'zeppelin')).titles, ['Airships']);
  assert.deepEqual((await search(tab, 'zepelin')).titles, ['Airships'], 'a typo: the same pieces');
  // The pieces of a hit never shown online were not fetched: that search is unavailable.
  assert.match((await search(tab, 'schooner')).status, /^Search is unavailable/);
  forgiveMissingPiece(tab);
  tab.errors.assertClean();
  await context.close();
});

test('offline="/" (the server sends Service-Worker-Allowed: /): every page of the site searches offline', async () => {
  build('whole', { 'airships.md': AIRSHIPS });
  page('whole', 'docs/guide.html', 'index="/whole/search/scour-index.bin" offline="/"');
  const { context, tab } = await visit(`${server.url}whole/docs/guide.html`);
  assert.deepEqual((await search(tab, 'zeppelin')).titles, ['Airships']);
  await kept(tab, ['/whole/docs/guide.html', '/whole/search/scour.js', '/whole/search/scour-index.bin']);

  await context.setOffline(true);
  await tab.reload();
  assert.deepEqual((await search(tab, 'zeppelin')).titles, ['Airships']);
  tab.errors.assertClean();
  await context.close();
});

test('a page outside the worker\'s scope: a warning naming it, and search works online', async () => {
  build('outside', { 'airships.md': AIRSHIPS });
  page('outside', 'docs/guide.html', 'index="/outside/search/scour-index.bin" offline');
  const { context, tab } = await visit(`${server.url}outside/docs/guide.html`);
  assert.deepEqual((await search(tab, 'zeppelin')).titles, ['Airships']);
  assert.equal(await tab.evaluate(() => !!navigator.serviceWorker.controller), false);
  assert.ok(tab.warnings.some((w) => w.includes(`outside ${server.url}outside/search/`)), tab.warnings.join('\n'));
  tab.errors.assertClean();
  await context.close();
});

test('without `offline` no worker is registered', async () => {
  build('plain', { 'airships.md': AIRSHIPS });
  page('plain', 'search/index.html', 'index="scour-index.bin"');
  const { context, tab } = await visit(`${server.url}plain/search/`);
  assert.deepEqual((await search(tab, 'zeppelin')).titles, ['Airships']);
  assert.deepEqual(await tab.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  tab.errors.assertClean();
  await context.close();
});

test('demo page: only the page, its scripts and the engine are cached; other GETs and pages are not', async () => {
  const { context, tab } = await visit(demo.url);
  await tab.waitForFunction(() => document.querySelector('scour-search').ready);
  const widget = ['dom', 'style', 'strings', 'engine', 'query', 'render', 'shortcut', 'offline'].map((m) => `/widget/${m}.js`);
  const files = ['/', '/app.js', '/demo.css', '/scour.js', ...widget, '/pkg/scour_engine.js', '/pkg/scour_engine_bg.wasm'];
  await kept(tab, files);
  await tab.evaluate(() => fetch('/README.md?from=api').then((r) => r.text()));
  await tab.goto(`${demo.url}elsewhere/note.html`);
  await tab.goto(`${demo.url}?q=Tianjin`);
  await kept(tab, files);
  assert.deepEqual(await cached(tab), files.sort());
  tab.errors.assertClean();
  await context.close();
});
