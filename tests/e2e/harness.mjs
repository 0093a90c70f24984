// Shared harness for the end-to-end tests (node:test + playwright-core).
//
// Usage in a test file (name it `*.test.mjs` in tests/e2e/):
//
//   import { test, before, after } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { setup, poll } from './harness.mjs';
//
//   const h = setup();                 // registers before/after: server on www/ + Chromium
//   test('widget finds Tianjin', async () => {
//     const page = await h.open();     // new page at h.url ('index.html' or a path may be passed)
//     await page.locator('scour-search input').fill('Tianjin');
//     await poll(() => page.locator('[role=option]').count(), (n) => n > 0);
//     await h.screenshot(page, 'my-test');   // -> target/screenshots/my-test.png
//   });                               // page errors and console errors fail the test at close
//
// Prerequisite: `make build` (www/pkg/ must exist); `make test` does it.
// Env: CHROMIUM=/path/to/chrome overrides the browser; HEADED=1 shows it.
import { before, after, afterEach } from 'node:test';
import { mkdir, cp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = path.join(ROOT, 'www');
export const SCREENSHOTS = path.join(ROOT, 'target', 'screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM=/path');
  return found;
}

/**
 * Copies the widget as www/ has it (scour.js, widget/) into `dir`, beside the engine (pkg/) of
 * the bundle in `bundle`: `scour index --bundle` ships the minified copy in www/bundle/web, which
 * scripts/build-wasm.sh regenerates, so a test of a change to the widget's source loads this one.
 */
export async function sourceWidget(dir, bundle) {
  await cp(path.join(WWW, 'scour.js'), path.join(dir, 'scour.js'));
  await cp(path.join(WWW, 'widget'), path.join(dir, 'widget'), { recursive: true });
  await cp(path.join(bundle, 'pkg'), path.join(dir, 'pkg'), { recursive: true });
}

/** Launch Chromium with the flags the project uses everywhere. */
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: !process.env.HEADED,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/**
 * Collect page errors, console errors and failed requests on `page`.
 * Returns an array that fills up as they happen; `assertClean()` throws if it is not empty.
 */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  // A request the browser itself aborted (a reload or navigation cutting short the favicon's)
  // is no failure of the page.
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText;
    if (why !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()} (${why})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  errors.assertClean = () => {
    if (errors.length) throw new Error(`the page reported errors:\n  ${errors.join('\n  ')}`);
  };
  return errors;
}

/** Poll `get()` until `ok(value)` holds (default: truthy); throws with the last value after `timeout` ms. */
export async function poll(get, ok = Boolean, { timeout = 5000, interval = 50, message = 'condition' } = {}) {
  const t0 = Date.now();
  let value;
  for (;;) {
    value = await get();
    if (await ok(value)) return value;
    if (Date.now() - t0 > timeout) {
      throw new Error(`timed out after ${timeout} ms waiting for ${message}; last value: ${JSON.stringify(value)}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Register before/after hooks: a static server over www/ (random port) and one Chromium for the file.
 * Returns a handle: { url, browser, server, open(path?), screenshot(page, name) }.
 * Every page made by open() is checked for errors after each test, then closed.
 * `mounts` adds URL prefixes served from other directories, e.g. { '/_bench/': 'tests/bench' }.
 */
export function setup({ root = WWW, mounts = {} } = {}) {
  const h = { url: null, browser: null, server: null };
  const pages = [];

  before(async () => {
    if (!existsSync(path.join(root, 'pkg'))) {
      throw new Error(`${path.relative(ROOT, root)}/pkg is missing: run \`make build\` first`);
    }
    h.server = await startServer({ root, port: 0, mounts });
    h.url = h.server.url;
    h.browser = await launchBrowser();
  });

  afterEach(async () => {
    const open = pages.splice(0);
    const problems = [];
    for (const { page, errors } of open) {
      if (errors.length) problems.push(...errors);
      await page.close().catch(() => {});
    }
    if (problems.length) throw new Error(`the page reported errors:\n  ${problems.join('\n  ')}`);
  });

  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });

  /** Open a new page at `rel` (relative to the server root) and wait for it to load. */
  h.open = async (rel = '', { waitUntil = 'load' } = {}) => {
    const context = h.browser.contexts()[0] ?? (await h.browser.newContext());
    const page = await context.newPage();
    const errors = watchErrors(page);
    pages.push({ page, errors });
    page.errors = errors;
    await page.goto(new URL(rel, h.url).href, { waitUntil });
    return page;
  };

  /** Save a full-page screenshot to target/screenshots/<name>.png; returns the path. */
  h.screenshot = async (page, name) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };

  return h;
}
