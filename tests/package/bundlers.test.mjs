// The packed scour-site in an app (app/main.ts: the engine's API and the widget) bundled by esbuild
// and by Vite, served (scripts/serve.mjs) and searched in Chromium: the bundlers follow the
// widget's imports (the engine, its worker, its German strings), the wasm loads once, the app and
// the widget find the fixture site's pages, and no request fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, poll, watchErrors } from '../e2e/harness.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { bin, fixture, installedApp, npx } from './package.mjs';

let app, browser;
before(async () => {
  app = installedApp('bundlers');
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Writes the fixture site's index, by the package's own indexer, into `dist`/search. */
function addIndex(dist) {
  const { status, stderr } = npx(app, 'index', fixture('docs-site'), '--out', path.join(dist, 'search'));
  assert.equal(status, 0, stderr);
}

/** Serves `dist`, opens its page, and checks what the app and the widget find there. */
async function searchIn(dist) {
  const server = await startServer({ root: dist, port: 0 });
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const wasm = [];
  page.on('request', (request) => request.url().endsWith('.wasm') && wasm.push(request.url()));
  try {
    await page.goto(server.url);
    await poll(() => page.evaluate(() => ({ ...document.body.dataset })), (data) => data.total || data.error, { timeout: 15_000, message: 'the app’s search' });
    const data = await page.evaluate(() => ({ ...document.body.dataset }));
    assert.equal(data.error, undefined);
    assert.ok(+data.total > 0, `hits for "install": ${data.total}`);
    assert.match(await page.locator('#hits').innerText(), /Install/);

    await page.locator('scour-search input').fill('configure');
    await poll(() => page.locator('scour-search [role=option]').count(), (n) => n > 0, { message: 'the widget’s hits' });
    assert.match(await page.locator('scour-search [role=option]').first().innerText(), /Configur/);
    assert.match(await page.locator('scour-search [role=status]').innerText(), /Ergebnis/, 'the German strings (lang="de")');
    assert.equal(await page.evaluate(() => document.body.dataset.documents), '6');
    assert.equal(new Set(wasm).size, 1, `one engine wasm fetched: ${wasm.join(', ')}`);
    errors.assertClean();
  } finally {
    await page.close();
    await server.close();
  }
}

test('esbuild: bundled with the engine split off; the wasm copied where it points; the engine on the page', async () => {
  const dist = path.join(app, 'dist-esbuild');
  const assets = path.join(dist, 'assets');
  execFileSync(bin('esbuild'), ['main.ts', '--bundle', '--format=esm', '--splitting', '--target=es2022', `--outdir=${assets}`, '--log-level=warning'], { cwd: app, stdio: 'pipe' });
  const chunks = readdirSync(assets);
  assert.ok(chunks.some((f) => f.startsWith('scour_engine-')), `the engine is a chunk of its own: ${chunks}`);
  // esbuild keeps new URL('../pkg/scour_engine_bg.wasm', import.meta.url) as written, so the
  // wasm goes where it points: pkg/ beside the bundle's folder (the README's esbuild recipe).
  mkdirSync(path.join(dist, 'pkg'));
  cpSync(path.join(app, 'node_modules/scour-site/pkg/scour_engine_bg.wasm'), path.join(dist, 'pkg/scour_engine_bg.wasm'));
  // Nor does it follow new Worker(new URL(…)): the widget's engine runs on the page (worker="off").
  const html = readFileSync(path.join(app, 'index.html'), 'utf8').replace('./main.ts', './assets/main.js').replace('<scour-search ', '<scour-search worker="off" ');
  writeFileSync(path.join(dist, 'index.html'), html);
  addIndex(dist);
  await searchIn(dist);
});

test('Vite: the wasm and the engine\'s worker found through new URL(…, import.meta.url) and emitted', async () => {
  const dist = path.join(app, 'dist-vite');
  execFileSync(bin('vite'), ['build', '--outDir', dist, '--logLevel', 'warn'], { cwd: app, stdio: 'pipe' });
  const assets = readdirSync(path.join(dist, 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, `one wasm asset: ${assets}`);
  addIndex(dist);
  await searchIn(dist);
});
