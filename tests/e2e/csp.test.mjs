// A strict Content-Security-Policy, sent with every response (pages, scripts, the worker's
// module, the service worker): the widget in each layout, with filters, translations, load-more,
// the engine's worker and the offline service worker, and the demo page, work under
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// and the test fails on any violation: reported by the browser to the server (report-uri, from
// the page and from its workers) or seen by the page (securitypolicyviolation, "Refused to…").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, watchErrors, poll, ROOT, WWW } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const site = mkdtempSync(path.join(tmpdir(), 'scour-csp-'));
const reports = [];
let server, demo, browser;

/** Serves `root` with the policy on every response, and collects the violation reports. */
async function strictServer(root) {
  const s = await startServer({ root, port: 0 });
  const [serve] = s.server.listeners('request');
  s.server.removeAllListeners('request');
  s.server.on('request', (req, res) => {
    if (req.url.startsWith('/csp-report')) {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => { reports.push(body); res.writeHead(204).end(); });
      return;
    }
    res.setHeader('content-security-policy', `${POLICY}; report-uri /csp-report`);
    serve(req, res);
  });
  return s;
}

const page = (attributes, lang = 'en') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>csp</title>
<link rel="icon" href="/search/favicon.svg"><script type="module" src="/search/scour.js"></script></head>
<body><header><scour-search index="/search/scour-index.bin" ${attributes}></scour-search></header><main><h1>Page</h1></main></body></html>`;

before(async () => {
  execFileSync('cargo', ['run', '--release', '-q', '--', 'index', path.join(ROOT, 'tests/fixtures/docs-site'), '--out', path.join(site, 'search'), '--bundle'],
    { cwd: ROOT, stdio: 'pipe', timeout: 600_000 });
  writeFileSync(path.join(site, 'search', 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  writeFileSync(path.join(site, 'search', 'inline.html'), page('filters="tag" sort="relevance" limit="1" offline'));
  writeFileSync(path.join(site, 'search', 'dropdown.html'), page('layout="dropdown" limit="1"', 'de'));
  writeFileSync(path.join(site, 'search', 'modal.html'), page('layout="modal"', 'ja'));
  server = await strictServer(site);
  demo = await strictServer(WWW);
  browser = await launchBrowser();
}, { timeout: 600_000 });

after(async () => {
  await browser?.close();
  await server?.close();
  await demo?.close();
  rmSync(site, { recursive: true, force: true });
});

/** A fresh page at `url` whose CSP violations (and errors) are collected. */
async function open(url) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`), true);
  });
  const tab = await context.newPage();
  tab.errors = watchErrors(tab);
  tab.refused = [];
  tab.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && tab.refused.push(m.text()));
  await tab.goto(url);
  return { context, tab };
}

/** Everything reported so far: fails the test on any violation. */
async function assertNoViolation(tab, what) {
  await tab.waitForTimeout(300); // reports are sent after the fact
  const seen = await tab.evaluate(() => window.__violations);
  assert.deepEqual([...seen, ...tab.refused, ...reports], [], `CSP violations on ${what}`);
  tab.errors.assertClean();
}

const titles = (tab) => tab.locator('scour-search [role=option][part=hit] [part~=title]').allInnerTexts();

test('the widget in each layout, with filters, load-more, a translation, its worker and the service worker: no CSP violation', async () => {
  {
    const { context, tab } = await open(`${server.url}search/inline.html`);
    await tab.locator('scour-search input').fill('install');
    await poll(() => titles(tab), (t) => t.length > 0, { timeout: 15_000, message: 'hits' });
    assert.equal(await tab.evaluate(async () => (await document.querySelector('scour-search').ready).constructor.name), 'RemoteScour', 'the engine runs in its worker');
    await tab.locator('scour-search input').fill('the');
    await poll(() => tab.locator('scour-search [part~=more]').count(), (n) => n === 1, { message: 'more' });
    await tab.locator('scour-search [part~=more]').click();
    await poll(() => titles(tab), (t) => t.length === 2, { message: 'two hits' });
    await poll(() => tab.locator('scour-search [part~=facet] button').count(), (n) => n > 0, { message: 'filter buttons' });
    await tab.locator('scour-search [part~=facet] button').first().click();
    await tab.waitForFunction(() => navigator.serviceWorker.controller);
    await assertNoViolation(tab, 'inline with filters, load-more, worker, offline');
    await context.close();
  }
  {
    const { context, tab } = await open(`${server.url}search/dropdown.html`);
    await tab.keyboard.press('/');
    await tab.keyboard.type('install');
    await poll(() => titles(tab), (t) => t.length > 0, { timeout: 15_000, message: 'hits' });
    assert.equal(await tab.locator('scour-search input').getAttribute('placeholder'), 'Suche');
    await tab.keyboard.press('Escape');
    await assertNoViolation(tab, 'dropdown, German');
    await context.close();
  }
  {
    const { context, tab } = await open(`${server.url}search/modal.html`);
    await tab.keyboard.press('Control+k');
    await poll(() => tab.evaluate(() => !!document.querySelector('scour-search').shadowRoot.querySelector('dialog')?.open), Boolean, { message: 'the dialog' });
    await tab.keyboard.type('install');
    await poll(() => titles(tab), (t) => t.length > 0, { timeout: 15_000, message: 'hits' });
    await tab.keyboard.press('Escape');
    await assertNoViolation(tab, 'modal, Japanese');
    await context.close();
  }
});

test('the demo page: search and the reader view, no CSP violation', async () => {
  const { context, tab } = await open(demo.url);
  await tab.locator('scour-search input').fill('Tianjin');
  await poll(() => titles(tab), (t) => t.length > 0, { timeout: 15_000, message: 'hits' });
  await tab.keyboard.press('Enter');
  await tab.locator('#reader').waitFor({ state: 'visible' });
  const styled = await tab.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.match(styled, /system-ui/, 'the demo\'s style sheet applies');
  await assertNoViolation(tab, 'the demo page');
  await context.close();
});
