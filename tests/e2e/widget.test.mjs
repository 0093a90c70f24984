// End-to-end tests of the <scour-search> widget (www/scour.js) and the demo page (www/index.html,
// www/app.js, www/sw.js), in Chromium with the real wasm engine from www/pkg.
import { test, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { setup, poll, watchErrors, WWW, ROOT } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TIANJIN = 'Putin and Xi Discuss Latest Russia-US Diplomatic Exchanges';

// Bare pages: only the script tag and the element, served from another directory (/_bare/),
// so the widget must find its engine relative to its own URL, not the page's.
const bare = mkdtempSync(path.join(tmpdir(), 'scour-widget-'));
const BARE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>bare</title><link rel="icon" href="data:,">
<script type="module" src="../scour.js"></script>
<scour-search></scour-search>`;
writeFileSync(path.join(bare, 'index.html'), BARE);
writeFileSync(path.join(bare, 'missing-index.html'), BARE.replace('<scour-search>', '<scour-search index="missing.bin">'));
writeFileSync(path.join(bare, 'bad-url-index.html'), BARE.replace('<scour-search>', '<scour-search index="http://[::1">'));
// The widget in a page whose header passes text styles down, and the modal's button squeezed
// into a narrow flex header.
writeFileSync(path.join(bare, 'styled.html'), BARE.replace('<scour-search></scour-search>',
  '<header style="display:flex;width:240px;white-space:nowrap;text-align:center;text-transform:uppercase;letter-spacing:.3em">' +
  '<a href="#">Home</a><scour-search layout="modal"></scour-search><input aria-label="other" style="flex:1"></header>' +
  '<div style="white-space:nowrap;text-align:center;text-transform:uppercase"><scour-search id="styled"></scour-search></div>'));
writeFileSync(path.join(bare, 'dropdown.html'), BARE.replace('<scour-search>', '<scour-search layout="dropdown">'));
// A page whose theme toggle declares its colour scheme on <html>.
writeFileSync(path.join(bare, 'toggle.html'), BARE.replace('<html lang="en">', '<html lang="en" data-theme="dark">')
  .replace('<title>bare</title>', '<title>bare</title><style>[data-theme=dark]{color-scheme:dark}[data-theme=light]{color-scheme:light}</style>'));
// A Hebrew page, right to left, for which the widget has no table of strings (English is used).
writeFileSync(path.join(bare, 'hebrew.html'), BARE.replace('<html lang="en">', '<html lang="he" dir="rtl">'));
// The modal's button named by a long placeholder, on a phone.
writeFileSync(path.join(bare, 'long-button.html'), BARE.replace('<scour-search>', '<scour-search layout="modal" placeholder="Search the whole documentation site of this project">'));
// The element in the page before scour.js is (the test imports it).
writeFileSync(path.join(bare, 'late.html'), BARE.replace('<script type="module" src="../scour.js"></script>\n', ''));

// An index built by the CLI from tests/fixtures/xss (HTML in the document text), served at /_xss/.
const xss = mkdtempSync(path.join(tmpdir(), 'scour-xss-'));

const h = setup({ mounts: { '/_bare/': bare, '/_xss/': xss } });
after(() => {
  rmSync(bare, { recursive: true, force: true });
  rmSync(xss, { recursive: true, force: true });
});

// Every test gets its own browser context (no shared service worker, cache or history).
const open = [];
async function newPage(rel = '', { context: options = {}, colorScheme, viewport, noWait } = {}) {
  const context = await h.browser.newContext({ viewport: viewport ?? { width: 1000, height: 800 }, colorScheme, ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  open.push({ context, errors });
  page.errors = errors;
  await page.goto(new URL(rel, h.url).href);
  if (!noWait) await ready(page);
  return page;
}
afterEach(async () => {
  const problems = [];
  for (const { context, errors } of open.splice(0)) {
    problems.push(...errors);
    await context.close().catch(() => {});
  }
  if (problems.length) throw new Error(`the page reported errors:\n  ${problems.join('\n  ')}`);
});

/** Waits until the (first) widget's engine is loaded. */
const ready = (page, sel = 'scour-search') => page.waitForFunction(
  async (sel) => { const el = document.querySelector(sel); return !!(el?.ready && await el.ready); }, sel, { timeout: 15_000 });

const input = (page) => page.locator('scour-search input');
const options = (page) => page.locator('scour-search [role=option]');
const titles = (page) => page.locator('scour-search [role=option] [part~=title]').allInnerTexts();
const firstTitle = async (page) => (await titles(page))[0];
/** State of the combobox as seen by assistive technology. */
const combo = (page) => page.evaluate(() => {
  const root = document.querySelector('scour-search').shadowRoot, i = root.querySelector('input');
  const act = i.getAttribute('aria-activedescendant');
  return {
    value: i.value,
    expanded: i.getAttribute('aria-expanded'),
    active: act,
    activeExists: !act || !!root.getElementById(act),
    selected: [...root.querySelectorAll('[role=option][aria-selected=true]')].map((o) => o.id),
    ids: [...root.querySelectorAll('[role=option]')].map((o) => o.id),
    status: root.querySelector('[role=status]').textContent,
    focused: document.activeElement?.localName === 'scour-search' && root.activeElement === i,
  };
});
/** Records the widget's events on window.__events. */
const recordEvents = (page) => page.evaluate(() => {
  window.__events = [];
  for (const type of ['scour:search', 'scour:select']) {
    document.addEventListener(type, (e) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(e.detail)), composed: e.composed }));
  }
});

test('bare page: the two tags give a search box; prefixes of "Tianjin" all find the Tianjin article', async () => {
  const page = await newPage('_bare/');
  await recordEvents(page);
  const i = input(page);
  assert.equal(await i.getAttribute('type'), 'search');
  assert.equal(await i.getAttribute('part'), 'input');
  assert.equal(await i.getAttribute('aria-label'), 'Search');

  for (const q of ['Tia', 'Tianj', 'Tianjin']) {
    await i.fill(q);
    assert.equal(await firstTitle(page), TIANJIN, `first hit for ${q}`);
    const marks = await options(page).first().locator('mark').allInnerTexts();
    assert.ok(marks.some((m) => /^tianj/i.test(m)), `a <mark> on Tianjin in the first hit for ${q}: ${JSON.stringify(marks)}`);
  }
  const c = await combo(page);
  assert.equal(c.expanded, 'true');
  assert.match(c.status, /^\d+ results?$/);
  // DOM contract (docs/CONTRACTS.md)
  const hit = options(page).first();
  assert.equal(await hit.getAttribute('part'), 'hit');
  assert.equal(await page.locator('scour-search [role=listbox]').getAttribute('part'), 'results');
  assert.equal(await hit.locator('p[part~=excerpt]').count(), 1);
  assert.equal(await page.locator('scour-search [role=status]').getAttribute('part'), 'status');
  assert.match(await hit.getAttribute('href'), /#doc=/);

  const events = await page.evaluate(() => window.__events);
  const last = events.at(-1);
  assert.equal(events.length, 3);
  assert.equal(last.type, 'scour:search');
  assert.equal(last.composed, true);
  assert.equal(last.detail.query, 'Tianjin');
  assert.ok(last.detail.total >= 1);
  for (const k of ['ms', 'engineMs', 'renderMs']) assert.equal(typeof last.detail[k], 'number', k);
  console.log(`  per keystroke: ${events.map((e) => `${e.detail.query} ${e.detail.ms.toFixed(2)} ms (engine ${e.detail.engineMs.toFixed(2)})`).join(', ')}`);
  // Moved elsewhere in the page (as a framework may do), the inline box keeps its results.
  await page.evaluate(() => document.body.prepend(document.querySelector('scour-search')));
  assert.equal((await combo(page)).expanded, 'true', 'still open once moved');
  assert.equal(await firstTitle(page), TIANJIN, 'the hits still shown once moved');
});

test('no results and the spelling suggestion, and the empty box', async () => {
  const page = await newPage('_bare/');
  const i = input(page);
  await i.fill('zzzqqqxxv');
  let c = await combo(page);
  assert.equal(c.status, 'No results for “zzzqqqxxv”');
  assert.equal(c.expanded, 'false');
  assert.equal(await options(page).count(), 0);

  // A misspelling the engine cannot match but can correct: the widget offers the correction as a button.
  const found = await page.evaluate(async () => {
    const scour = await document.querySelector('scour-search').ready;
    for (const q of ['Wst', 'Xii', 'Tianjn', 'Kremlinnx']) {
      const { total, suggestion } = scour.query(q, { limit: 10 });
      if (total === 0 && suggestion) return { q, suggestion };
    }
  });
  assert.ok(found, 'one of the misspellings gives no results and a suggestion');
  {
    const { q, suggestion } = found;
    await i.fill(q);
    const button = page.locator('scour-search [role=status] button');
    assert.equal(await button.innerText(), suggestion);
    assert.equal((await combo(page)).status, `No results for “${q}”. Did you mean ${suggestion}?`);
    // A query holding the character the message was once cut at is shown whole, the button after it.
    await i.fill(`${q}\u0000`);
    assert.equal(await i.inputValue(), `${q}\u0000`);
    const offered = await button.innerText();
    assert.ok(offered.startsWith(suggestion), offered);
    assert.equal((await combo(page)).status, `No results for “${q}\u0000”. Did you mean ${offered}?`);
    await i.fill(q);
    await button.click();
    assert.equal(await i.inputValue(), suggestion);
    assert.ok((await options(page).count()) > 0, `results for the suggestion ${suggestion}`);
    assert.equal((await combo(page)).focused, true, 'the box keeps the focus');
  }

  await i.fill('');
  c = await combo(page);
  assert.equal(c.status, '');
  assert.equal(c.expanded, 'false');
});

test('an index that cannot be loaded: the widget says so', async () => {
  const page = await newPage('_bare/missing-index.html', { noWait: true });
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  // Nothing is fetched before the box is wanted.
  await page.waitForTimeout(300);
  assert.deepEqual(requested.filter((u) => /missing\.bin|scour_engine/.test(u)), [], 'fetched before focus');
  await input(page).focus();
  const unavailable = (s) => s === 'Search is unavailable. Retry';
  await poll(async () => (await combo(page)).status, unavailable, { timeout: 10_000, message: 'the unavailable status' });
  await input(page).fill('Tianjin');
  assert.equal(await options(page).count(), 0);
  // `ready` rejects (rather than never settling) with the engine's Error.
  const ready = await page.evaluate(() => document.querySelector('scour-search').ready.then(() => 'resolved', (e) => `${e instanceof Error}: ${e.message}`));
  assert.match(ready, /^true: .*missing\.bin/, ready);
  // Retry asks for the index again (and fails again here).
  const before = requested.filter((u) => u.endsWith('missing.bin')).length;
  await page.locator('scour-search button').click();
  await poll(() => requested.filter((u) => u.endsWith('missing.bin')).length, (n) => n > before, { message: 'a second request' });
  await poll(async () => (await combo(page)).status, unavailable, { timeout: 10_000, message: 'unavailable again' });
  // The expected errors: the 404 and the widget's console.error with the engine's message.
  const expected = page.errors.filter((e) => /missing\.bin|^console\.error: (scour:|Failed to load resource)/.test(e));
  assert.ok(expected.some((e) => e.startsWith('console.error: scour:')), JSON.stringify(page.errors));
  page.errors.splice(0, Infinity, ...page.errors.filter((e) => !expected.includes(e)));
});

/** Keeps the page's expected errors out of the check at the test's end: those `pattern` matches. */
const expectErrors = (page, pattern) => page.errors.splice(0, Infinity, ...page.errors.filter((e) => !pattern.test(e)));
/** How `ready` settled: 'resolved', or whether it rejected with an Error, and its message. */
const readyOutcome = (page) => page.evaluate(() => document.querySelector('scour-search').ready
  .then(() => 'resolved', (e) => `${e instanceof Error}: ${e.message}`));
const unavailable = (s) => s === 'Search is unavailable. Retry';

test('an index attribute that is no URL: ready rejects saying so, the status says unavailable, nothing is thrown', async () => {
  const page = await newPage('_bare/bad-url-index.html', { noWait: true });
  await input(page).focus();
  await poll(async () => (await combo(page)).status, unavailable, { message: 'the unavailable status' });
  assert.match(await readyOutcome(page), /^true: index="http:\/\/\[::1" is not a URL: give an index's URL$/);
  await page.locator('scour-search').hover(); // wanted again: no exception either

  // Set later on a working widget: the same, rather than an exception and the index before kept.
  const working = await newPage('_bare/');
  await working.evaluate(() => document.querySelector('scour-search').setAttribute('index', 'http://[::1'));
  await poll(async () => (await combo(working)).status, unavailable, { message: 'unavailable once the index is no URL' });
  assert.match(await readyOutcome(working), /^true: index="http:\/\/\[::1" is not a URL/);
  for (const tab of [page, working]) expectErrors(tab, /^console\.error: scour: Error: index="http:\/\/\[::1" is not a URL/);
});

test('an index switched to one that cannot load: the hits of the index before go, and Enter opens none', async () => {
  const page = await newPage('_bare/');
  await input(page).fill('Tianjin');
  assert.equal(await firstTitle(page), TIANJIN);
  await page.evaluate(() => document.querySelector('scour-search').setAttribute('index', 'missing.bin'));
  await poll(async () => (await combo(page)).status, unavailable, { timeout: 10_000, message: 'the unavailable status' });
  assert.equal(await options(page).count(), 0, 'no hit of the index before');
  await input(page).fill('Putin');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.equal(await options(page).count(), 0, 'no hit for a later query');
  assert.equal(new URL(page.url()).hash, '', 'Enter opened no hit');
  expectErrors(page, /missing\.bin|^console\.error: (scour:|Failed to load resource)/);
});

test('value, open and strings set before scour.js defined the element are kept once it is', async () => {
  const page = await newPage('_bare/late.html', { noWait: true });
  await page.evaluate(async () => {
    const el = document.querySelector('scour-search');
    el.strings = { search: 'Find news' };
    el.value = 'Tianjin';
    el.open = false;
    await import('../scour.js');
  });
  await ready(page);
  await poll(() => options(page).count(), (n) => n > 0, { message: 'the hits of the value set before' });
  const c = await combo(page);
  assert.equal(c.value, 'Tianjin');
  assert.equal(c.expanded, 'false', 'open = false');
  assert.equal(await input(page).getAttribute('placeholder'), 'Find news', 'the strings set before');
  assert.deepEqual(await page.evaluate(() => {
    const el = document.querySelector('scour-search');
    return [el.value, el.open, el.strings, ['value', 'open', 'strings'].filter((name) => Object.hasOwn(el, name))];
  }), ['Tianjin', false, { search: 'Find news' }, []], 'through the setters, no own property left');
});

test('a very long query with no hits: the status echoes its start', async () => {
  const page = await newPage('_bare/');
  const q = 'zqxv'.repeat(25_000);
  await input(page).fill(q);
  await poll(async () => (await combo(page)).status, (s) => s.startsWith('No results'), { message: 'no results' });
  const { status } = await combo(page);
  assert.ok(status.length < 80, `a status of ${status.length} characters`);
  assert.equal(status, `No results for “${q.slice(0, 60)}…”`);
  const height = await page.locator('scour-search [role=status]').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(height < 100, `a status line of ${height} px`);
});

test('strings overrides of the wrong kind or an unknown key are left out, each reported once naming its key', async () => {
  const page = await newPage('_bare/');
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const kept = await page.evaluate(() => {
    const el = document.querySelector('scour-search');
    el.strings = { none: 42, count: { one: 'x' }, showing: { one: 5, other: '{n}' }, results: { other: 'Hits' }, more: 'More!', ms: { other: '{ms}' }, moer: 'More?', 'filter:tag': 'Topic', 'filter:kind': 7 };
    el.strings = { ...el.strings, none: 42 }; // set again: not reported again
    return el.strings;
  });
  assert.deepEqual(kept, { more: 'More!', 'filter:tag': 'Topic' });
  await input(page).fill('zzzqqqxxv');
  assert.equal((await combo(page)).status, 'No results for “zzzqqqxxv”', 'the built-in string');
  await input(page).fill('Tianjin');
  assert.match((await combo(page)).status, /^\d+ results?$/);
  for (const [key, accepted] of [['none', 'a string'], ['count', 'plural forms'], ['showing', 'plural forms'], ['results', 'a string'], ['ms', 'a string'], ['moer', 'one of its keys: search, results,'], ['filter:kind', 'a string']]) {
    const reported = warnings.filter((w) => w.includes(`strings.${key} is not understood`));
    assert.equal(reported.length, 1, `${key}: ${warnings.join('\n')}`);
    assert.ok(reported[0].includes(accepted), reported[0]);
  }
});

test('the query and the documents are text, never HTML', async () => {
  const page = await newPage('_bare/');
  page.on('dialog', (d) => { d.dismiss(); throw new Error('a dialog opened'); });
  const q = '<img src=x onerror=alert(1)><b>';
  await input(page).fill(q);
  const c = await combo(page);
  assert.ok(c.status.startsWith(`No results for “${q}”`), c.status);
  assert.equal(await page.locator('scour-search img, scour-search b').count(), 0);
});

test('keyboard: "/" and Ctrl+K focus the box, arrows move the active option, Enter opens it in the reader', async () => {
  const page = await newPage();
  await recordEvents(page);
  assert.equal((await combo(page)).focused, false);
  await page.keyboard.press('/');
  let c = await combo(page);
  assert.equal(c.focused, true, '"/" focuses the box');
  assert.equal(c.value, '', '"/" is not typed into the box');
  await page.keyboard.press('Escape'); // empty box: blurs
  assert.equal((await combo(page)).focused, false, 'Escape in the empty box blurs it');
  await page.keyboard.press('Control+k');
  assert.equal((await combo(page)).focused, true, 'Ctrl+K focuses the box');
  await page.keyboard.press('Escape');

  // Not from another text field.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'other', ariaLabel: 'other' })));
  await page.locator('#other').focus();
  await page.keyboard.press('/');
  assert.equal(await page.locator('#other').inputValue(), '/');
  assert.equal((await combo(page)).focused, false, '"/" in another text field stays there');
  await page.evaluate(() => document.getElementById('other').remove());

  await page.keyboard.press('/');
  await page.keyboard.type('Putin');
  c = await combo(page);
  const n = c.ids.length;
  assert.ok(n >= 3, `several hits for Putin (${n})`);
  assert.equal(new Set(c.ids).size, n, 'option ids are unique');
  assert.equal(c.active, null);

  const expectActive = async (i, why) => {
    const s = await combo(page);
    assert.equal(s.active, s.ids[i], why);
    assert.deepEqual(s.selected, [s.ids[i]], why);
    assert.ok(s.activeExists);
  };
  await page.keyboard.press('ArrowDown'); await expectActive(0, 'Down: first');
  await page.keyboard.press('ArrowDown'); await expectActive(1, 'Down: second');
  await page.keyboard.press('ArrowUp'); await expectActive(0, 'Up: first');
  await page.keyboard.press('ArrowUp'); await expectActive(n - 1, 'Up from the first wraps to the last');
  await page.keyboard.press('ArrowDown'); await expectActive(0, 'Down from the last wraps to the first');
  await page.keyboard.press('ArrowDown'); await expectActive(1, 'Down: second');

  const href = await options(page).nth(1).getAttribute('href');
  const title = (await titles(page))[1];
  await page.keyboard.press('Enter');
  await poll(() => new URL(page.url()).hash, (hash) => hash === href, { message: `URL hash ${href}` });
  const select = (await page.evaluate(() => window.__events)).find((e) => e.type === 'scour:select');
  assert.equal('#doc=' + encodeURIComponent(select.detail.hit.id), href);

  const reader = page.locator('#reader');
  await reader.waitFor({ state: 'visible' });
  assert.equal(await reader.locator('h2').innerText(), title);
  assert.ok((await reader.locator('.body p').count()) > 1, 'the article body, in paragraphs');
  assert.ok((await reader.locator('.body mark').allInnerTexts()).some((m) => /putin/i.test(m)), 'query matches marked in the article');
  assert.equal(await page.locator('#intro').isHidden(), true);
  assert.equal((await combo(page)).expanded, 'false', 'the list closes once a hit is opened');

  // Escape: first clears the box, second leaves it.
  await page.keyboard.press('/');
  assert.equal((await combo(page)).value, 'Putin');
  await page.keyboard.press('Escape');
  c = await combo(page);
  assert.equal(c.value, '');
  assert.equal(c.expanded, 'false');
  assert.equal(c.focused, true, 'the first Escape keeps the focus');
  await page.keyboard.press('Escape');
  assert.equal((await combo(page)).focused, false, 'the second Escape blurs');
});

test('scour:select is cancelable; open-url-template builds the links, and one that cannot is reported once and not used', async () => {
  const page = await newPage('_bare/');
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.evaluate(() => document.addEventListener('scour:select', (e) => { window.__hit = e.detail.hit; e.preventDefault(); }));
  const before = page.url();
  await input(page).fill('Tianjin');
  await page.keyboard.press('Enter');
  assert.equal((await page.evaluate(() => window.__hit)).title, TIANJIN);
  await page.waitForTimeout(100);
  assert.equal(page.url(), before, 'a canceled select does not navigate');

  await page.evaluate(() => document.querySelector('scour-search').setAttribute('open-url-template', '/read/{id}?from=scour'));
  const href = await options(page).first().getAttribute('href');
  const id = await page.evaluate(() => window.__hit.id);
  assert.equal(href, `/read/${encodeURIComponent(id)}?from=scour`);
  // Only http(s) and relative links: anything else falls back to the reader view.
  // Neither is a template without {id} or {url}, or with another placeholder: each is reported once.
  const unusable = ['file:///read/{id}', 'javascript:alert({id})', 'data:text/html,{id}', '/docs/{title}', '/docs/'];
  for (const template of unusable) {
    await page.evaluate((t) => document.querySelector('scour-search').setAttribute('open-url-template', t), template);
    assert.equal(await options(page).first().getAttribute('href'), `#doc=${encodeURIComponent(id)}`, template);
    await input(page).fill('Tianjin '); // drawn again: not reported again
  }
  for (const template of unusable) {
    const reported = warnings.filter((w) => w.includes(`<scour-search open-url-template="${template}">`));
    assert.equal(reported.length, 1, `${template}: ${warnings.join('\n')}`);
    assert.match(reported[0], /http\(s\) or relative URL with \{id\} or \{url\}/);
  }
  assert.equal(warnings.filter((w) => w.includes('/read/{id}?from=scour')).length, 0, 'the working template is not reported');
});

test('attributes it does not understand are reported once and the defaults used; timing only with show-timing', async () => {
  const page = await newPage('_bare/');
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.evaluate(() => {
    const odd = Object.assign(document.createElement('scour-search'), { id: 'odd' });
    odd.setAttribute('limit', '-3');
    odd.setAttribute('load', 'sometimes');
    document.body.append(odd);
  });
  await ready(page, '#odd');
  const odd = page.locator('#odd input');
  await odd.fill('Putin');
  await poll(() => page.locator('#odd [role=option]').count(), (n) => n > 0, { message: 'hits with the default limit' });
  await odd.fill('Putin ');
  await poll(() => warnings.length, (n) => n >= 2, { message: 'the warnings' });
  assert.equal(warnings.filter((w) => w.includes('limit="-3"')).length, 1, JSON.stringify(warnings));
  assert.equal(warnings.filter((w) => w.includes('load="sometimes"')).length, 1, JSON.stringify(warnings));
  // No timing for visitors by default; the demo page asks for it.
  const timing = (sel) => page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[part~=timing]').textContent, sel);
  assert.equal(await timing('#odd'), '');
  await page.evaluate(() => document.querySelector('#odd').setAttribute('show-timing', ''));
  await odd.fill('Putin');
  await poll(() => timing('#odd'), (t) => / ms$/.test(t), { message: 'the timing' });
  // A page of more than 1000 hits is not understood either.
  await page.evaluate(() => document.querySelector('#odd').setAttribute('limit', '5000'));
  await poll(() => warnings.filter((w) => w.includes('limit="5000"')).length, (n) => n === 1, { message: 'the warning for limit="5000"' });
  assert.match(warnings.find((w) => w.includes('limit="5000"')), /from 1 to 1000/);
  // A theme the style has no rule for is said once; the two it has are not.
  await page.evaluate(() => {
    const odd = document.querySelector('#odd');
    for (const theme of ['Dark', 'dark', 'light', 'Dark']) odd.setAttribute('theme', theme);
  });
  await poll(() => warnings.filter((w) => w.includes('theme=')).length, (n) => n === 1, { message: 'the warning for theme="Dark"' });
  assert.match(warnings.find((w) => w.includes('theme=')), /theme="Dark"> is not understood: use "light" or "dark"/);
});

test('several widgets share one engine and keep their ids apart; limit, placeholder and theme attributes; "/" summons the first shown', async () => {
  const page = await newPage('_bare/', { colorScheme: 'light' });
  await page.evaluate(() => {
    const two = Object.assign(document.createElement('scour-search'), { id: 'two' });
    two.setAttribute('limit', '2');
    two.setAttribute('placeholder', 'Find news');
    two.setAttribute('theme', 'dark');
    document.body.append(two);
  });
  await ready(page, '#two');
  const ids = await page.evaluate(async () => {
    const [a, b] = document.querySelectorAll('scour-search');
    a.value = b.value = 'Putin';
    const opts = (el) => [...el.shadowRoot.querySelectorAll('[role=option]:not([part~=more])')].map((o) => o.id);
    return { a: opts(a), b: opts(b), same: (await a.ready) === (await b.ready), label: b.shadowRoot.querySelector('input').ariaLabel };
  });
  assert.ok(ids.a.length > 2);
  assert.equal(ids.b.length, 2, 'limit=2');
  assert.equal(ids.a.filter((id) => ids.b.includes(id)).length, 0, 'ids differ between instances');
  assert.equal(ids.same, true, 'one Scour instance for the embedded index');
  assert.equal(ids.label, 'Find news');
  const bg = (sel) => page.locator(sel).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('input')).backgroundColor);
  assert.equal(await bg('scour-search:not(#two)'), 'rgb(255, 255, 255)', 'light by default under a light scheme');
  assert.notEqual(await bg('#two'), 'rgb(255, 255, 255)', 'theme=dark overrides the scheme');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.notEqual(await bg('scour-search:not(#two)'), 'rgb(255, 255, 255)', 'dark under a dark scheme');
  // "/" summons the first widget shown, in document order, however the page put them there.
  const summoned = async (key, before = () => {}) => {
    await page.evaluate(before);
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press(key);
    return page.evaluate(() => document.activeElement?.id || document.activeElement?.localName);
  };
  assert.equal(await summoned('/'), 'scour-search', 'the first');
  const again = () => {
    const [first, two] = document.querySelectorAll('scour-search');
    first.remove();
    two.before(first); // back where it was, as a page re-rendering its header does
  };
  assert.equal(await summoned('/', again), 'scour-search', 'the first, put in the page again');
  const hide = () => { document.querySelector('scour-search').style.display = 'none'; };
  assert.equal(await summoned('Control+k', hide), 'two', 'the first shown');
  await page.evaluate(() => { document.querySelector('scour-search').style.display = ''; });
  // A widget in another element's shadow tree stands where that element does: first here.
  const nested = () => {
    const header = document.createElement('div');
    header.id = 'header';
    header.attachShadow({ mode: 'open' }).append(document.createElement('scour-search'));
    document.body.prepend(header);
  };
  assert.equal(await summoned('/', nested), 'header', 'the first, in a shadow tree');
  await page.evaluate(() => document.getElementById('header').remove());
  await page.locator('#two input').focus();
  await page.keyboard.press('Control+k');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'two', 'the one whose box has the focus keeps it');
  // shortcuts="ctrl-k" turns "/" off (WCAG 2.1.4: a single character's shortcut can be), "none" both.
  await page.evaluate(() => document.querySelector('scour-search').setAttribute('shortcuts', 'ctrl-k'));
  assert.equal(await summoned('/'), 'two', '"/" passes over the first for the next that takes it');
  assert.equal(await summoned('Control+k'), 'scour-search', 'Ctrl+K still summons the first');
  await page.evaluate(() => document.querySelectorAll('scour-search').forEach((w) => w.setAttribute('shortcuts', 'none')));
  assert.equal(await summoned('/'), 'body', 'no widget takes "/"');
  assert.equal(await summoned('Control+k'), 'body', 'nor Ctrl+K');
});

test('a press in the box shows the dropdown Escape hid', async () => {
  const page = await newPage('_bare/dropdown.html');
  await input(page).fill('Putin');
  await poll(() => options(page).count(), (n) => n > 0, { message: 'hits for Putin' });
  await page.keyboard.press('Escape');
  await poll(async () => (await combo(page)).expanded, (e) => e === 'false', { message: 'Escape hides the panel' });
  await input(page).click();
  assert.equal((await combo(page)).expanded, 'true', 'a press in the focused box shows it again');
  assert.equal(await input(page).inputValue(), 'Putin');
});

test('an inline list stays when a hit opens, and its query comes back with Back after a reload', async () => {
  const page = await newPage('_bare/');
  await input(page).fill('Putin');
  await poll(() => options(page).count(), (n) => n > 0, { message: 'hits for Putin' });
  const before = page.url();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await poll(() => page.url(), (url) => url !== before, { message: 'the hit opens' });
  assert.equal((await combo(page)).expanded, 'true', 'the inline list stays');
  await page.goBack();
  await page.reload();
  await ready(page);
  await poll(() => input(page).inputValue(), (v) => v === 'Putin', { message: 'the query is back' });
  await poll(() => options(page).count(), (n) => n > 0, { message: 'and its hits' });
});

test('Enter before the answer to the query in the box opens that answer\'s first hit, not one shown for an earlier query', async () => {
  const page = await newPage('_bare/');
  await input(page).fill('Putin');
  await poll(() => options(page).count(), (n) => n > 0, { message: 'hits for Putin' });
  // The box changes without its search having run yet (as while a chunked index fetches).
  await page.evaluate(() => { document.querySelector('scour-search').shadowRoot.querySelector('input').value = 'Tianjin'; });
  await recordEvents(page);
  await page.keyboard.press('Enter');
  await poll(() => page.evaluate(() => window.__events.filter((e) => e.type === 'scour:select').map((e) => e.detail.hit.title)),
    (selected) => selected.length === 1 && selected[0] === TIANJIN, { message: 'the first hit for Tianjin opens' });
});

test("the page's declared colour scheme, and its toggle, set the widget's; the theme attribute wins", async () => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.querySelector('scour-search').shadowRoot.querySelector('input')).backgroundColor);
  const page = await newPage('_bare/toggle.html', { colorScheme: 'light' });
  assert.equal(await background(page), 'rgb(23, 25, 30)', 'dark, as the page says, on a light system');
  await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
  await poll(() => background(page), (b) => b === 'rgb(255, 255, 255)', { message: 'light once the page toggles' });
  await page.evaluate(() => { document.querySelector('scour-search').setAttribute('theme', 'dark'); });
  assert.equal(await background(page), 'rgb(23, 25, 30)', 'the theme attribute wins');
  const system = await newPage('_bare/', { colorScheme: 'dark' });
  assert.equal(await background(system), 'rgb(23, 25, 30)', 'a page declaring none follows the system');
});

test("a header's text styles stay out of the widget, and the modal's button never wraps", async () => {
  const page = await newPage('_bare/styled.html', { viewport: { width: 375, height: 700 }, noWait: true });
  await ready(page, '#styled');
  await page.locator('#styled input').fill('Putin');
  await poll(() => page.locator('#styled [role=option]').count(), (n) => n > 0, { message: 'hits for Putin' });
  const style = await page.evaluate(() => {
    const excerpt = document.querySelector('#styled').shadowRoot.querySelector('[role=option] p');
    const { whiteSpace, textAlign, textTransform, letterSpacing } = getComputedStyle(excerpt);
    return { whiteSpace, textAlign, textTransform, letterSpacing };
  });
  assert.deepEqual(style, { whiteSpace: 'normal', textAlign: 'start', textTransform: 'none', letterSpacing: 'normal' });
  const button = await page.evaluate(() => {
    const opener = document.querySelector('scour-search[layout=modal]').shadowRoot.querySelector('.opener');
    return { height: opener.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(opener).lineHeight) || 24 };
  });
  assert.ok(button.height < 2 * button.lineHeight + 20, `the button is one line high (${button.height} px)`);
});

test("the modal's button named by a long placeholder fits a 320 px phone, its name cut with an ellipsis", async () => {
  const page = await newPage('_bare/long-button.html', { viewport: { width: 320, height: 640 }, noWait: true });
  await page.waitForFunction(() => document.querySelector('scour-search').shadowRoot.querySelector('.opener'));
  const sizes = await page.evaluate(() => {
    const label = document.querySelector('scour-search').shadowRoot.querySelector('.opener .label');
    return { page: document.documentElement.scrollWidth, shown: label.clientWidth, whole: label.scrollWidth, overflow: getComputedStyle(label).textOverflow };
  });
  assert.ok(sizes.page <= 320, `no sideways scroll: ${JSON.stringify(sizes)}`);
  assert.ok(sizes.shown < sizes.whole, `the name is cut: ${JSON.stringify(sizes)}`);
  assert.equal(sizes.overflow, 'ellipsis');
});

test('a right-to-left page without a table of its language: the English status reads left to right, the query isolated in it', async () => {
  const page = await newPage('_bare/hebrew.html');
  await input(page).fill('שלום עולם');
  await poll(() => combo(page), (c) => c.status.startsWith('No results'), { message: 'the status of no results' });
  const line = await page.evaluate(() => {
    const status = document.querySelector('scour-search').shadowRoot.querySelector('[role=status]');
    return { lang: status.lang, direction: getComputedStyle(status).direction, query: status.querySelector('bdi')?.textContent };
  });
  assert.deepEqual(line, { lang: 'en', direction: 'ltr', query: 'שלום עולם' });
  await input(page).fill('Putin');
  await poll(() => combo(page), (c) => /\d+ results?$/.test(c.status), { message: 'a count' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('scour-search').shadowRoot.querySelector('[role=status]')).direction), 'ltr');
});

test('text composed with an IME is searched once committed, and the Enter that commits it opens nothing', async () => {
  const page = await newPage('_bare/');
  await recordEvents(page);
  await input(page).focus();
  const cdp = await page.context().newCDPSession(page);
  for (const text of ['p', 'プ', 'プー', 'プーt', 'プーチ', 'プーチン']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await page.waitForTimeout(300);
  const searched = () => page.evaluate(() => window.__events.filter((e) => e.type == 'scour:search').map((e) => e.detail.query));
  assert.deepEqual(await searched(), [], 'nothing searched while composing');
  await cdp.send('Input.insertText', { text: 'プーチン' });
  await poll(searched, (queries) => queries.includes('プーチン'), { message: 'the committed text is searched' });
  assert.ok((await searched()).every((q) => q == 'プーチン'), JSON.stringify(await searched()));
  // Safari's order: the composition ends, then the committing input comes: searched once.
  const before = (await searched()).length;
  await page.evaluate(() => {
    const box = document.querySelector('scour-search').shadowRoot.querySelector('input');
    box.value = 'プーチン習';
    box.dispatchEvent(new CompositionEvent('compositionend', { data: '習', bubbles: true, composed: true }));
    box.dispatchEvent(new InputEvent('input', { data: '習', bubbles: true, composed: true }));
  });
  await poll(searched, (queries) => queries.includes('プーチン習'), { message: 'the text committed before its input' });
  await page.waitForTimeout(200);
  assert.equal((await searched()).length, before + 1, `one search for one commit: ${JSON.stringify(await searched())}`);
  // Safari's order: the composition ends, then an Enter keydown whose keyCode is still 229.
  const url = page.url();
  await page.evaluate(() => document.querySelector('scour-search').shadowRoot.querySelector('input')
    .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, bubbles: true, composed: true })));
  await page.waitForTimeout(200);
  assert.equal(page.url(), url, 'the Enter of the composition opens no hit');
});

test('keys that move the caret take the visual focus back to the box; Alt+Up closes the dropdown', async () => {
  const page = await newPage('_bare/dropdown.html');
  await input(page).fill('Putin');
  await poll(() => options(page).count(), (n) => n > 1, { message: 'hits for Putin' });
  for (const key of ['Home', 'End', 'ArrowLeft', 'ArrowRight']) {
    await page.keyboard.press('ArrowDown');
    assert.notEqual((await combo(page)).active, null, `an active option before ${key}`);
    await page.keyboard.press(key);
    const c = await combo(page);
    assert.deepEqual([c.active, c.selected, c.expanded], [null, [], 'true'], key);
  }
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Alt+ArrowUp');
  const c = await combo(page);
  assert.deepEqual([c.active, c.expanded, c.value, c.focused], [null, 'false', 'Putin', true]);
});

test('the status line is written again only when its words change: a screen reader hears each count once', async () => {
  const page = await newPage('_bare/');
  await input(page).fill('Putin');
  await poll(() => combo(page), (c) => /results?$/.test(c.status), { message: 'a count' });
  const writes = await page.evaluate(async () => {
    const root = document.querySelector('scour-search').shadowRoot, status = root.querySelector('[role=status]');
    let changes = 0;
    new MutationObserver((records) => { changes += records.length; }).observe(status, { childList: true, characterData: true, subtree: true });
    const box = root.querySelector('input'), before = status.textContent;
    box.value = 'Putin '; // the same query, the same count
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await new Promise((done) => setTimeout(done, 300));
    return { changes, same: status.textContent == before };
  });
  assert.deepEqual(writes, { changes: 0, same: true });
});

test('the query lives in the URL: reload and Back/Forward restore it', async () => {
  const page = await newPage();
  const i = input(page);
  const q = () => new URL(page.url()).searchParams.get('q');
  await i.fill('Tianjin');
  await poll(q, (v) => v === 'Tianjin', { message: '?q=Tianjin' });

  await page.reload();
  await ready(page);
  assert.equal(await i.inputValue(), 'Tianjin');
  assert.equal(await firstTitle(page), TIANJIN);

  // Quick successive changes rewrite one history entry.
  for (const s of ['K', 'Kr', 'Krem', 'Kremlin']) await i.fill(s);
  await poll(q, (v) => v === 'Kremlin', { message: '?q=Kremlin' });
  const kremlin = await firstTitle(page);

  await page.goBack();
  await poll(() => i.inputValue(), (v) => v === 'Tianjin', { message: 'Back restores the box' });
  assert.equal(q(), 'Tianjin');
  assert.equal(await firstTitle(page), TIANJIN, 'Back restores the results');

  await page.goForward();
  await poll(() => i.inputValue(), (v) => v === 'Kremlin', { message: 'Forward restores the box' });
  assert.equal(await firstTitle(page), kremlin);

  // Back from the reader view returns to the results.
  await page.keyboard.press('/');
  await page.keyboard.press('Enter');
  await page.locator('#reader').waitFor({ state: 'visible' });
  await page.goBack();
  await page.locator('#intro').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#reader').isHidden(), true);
  assert.equal((await combo(page)).expanded, 'true');
});

test('offline: after one visit the page and the search work with no network', async () => {
  const server = await startServer({ root: WWW, port: 0 });
  const context = await h.browser.newContext();
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await ready(page);
    // The widget's `offline` attribute: the worker controls the page, then keeps it and its scripts.
    await page.waitForFunction(() => navigator.serviceWorker.controller);
    await page.waitForFunction(async () => (await caches.keys()).length && (await caches.match('/')) && (await caches.match('/app.js')));
    errors.assertClean();

    await context.setOffline(true);
    await server.close();
    await page.goto(server.url + '?q=Kremlin');
    await ready(page);
    assert.equal(await input(page).inputValue(), 'Kremlin');
    assert.ok((await options(page).count()) > 0, 'results for the query in the URL');
    await input(page).fill('Tianjin');
    assert.equal(await firstTitle(page), TIANJIN);
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});

test('accessibility (axe-core: no violations) and screenshots: light, dark, 320 px', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await newPage('?q=Putin', { colorScheme });
    await input(page).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal((await combo(page)).expanded, 'true');
    await page.addScriptTag({ path: AXE });
    const { violations } = await page.evaluate(() => axe.run());
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe, ${colorScheme}`);
    await h.screenshot(page, `widget-${colorScheme}`);

    // The reader view too.
    await page.keyboard.press('Enter');
    await page.locator('#reader').waitFor({ state: 'visible' });
    const reader = await page.evaluate(() => axe.run());
    assert.deepEqual(reader.violations.map((v) => v.id), [], `axe on the reader view, ${colorScheme}`);
    await h.screenshot(page, `widget-reader-${colorScheme}`);
  }

  const page = await newPage('?q=Putin', { viewport: { width: 320, height: 640 } });
  await input(page).focus();
  await page.keyboard.press('ArrowDown');
  const layout = await page.evaluate(() => {
    const root = document.querySelector('scour-search').shadowRoot;
    return {
      pageWidth: document.documentElement.scrollWidth,
      input: root.querySelector('input').getBoundingClientRect().height,
      options: [...root.querySelectorAll('[role=option]')].map((o) => ({ h: o.getBoundingClientRect().height, over: o.scrollWidth - o.clientWidth })),
    };
  });
  assert.ok(layout.pageWidth <= 320, `no horizontal scroll at 320 px (scrollWidth ${layout.pageWidth})`);
  assert.ok(layout.input >= 44, `touch-sized input (${layout.input}px)`);
  for (const o of layout.options) {
    assert.ok(o.h >= 44, `touch-sized option (${o.h}px)`);
    assert.ok(o.over <= 0, 'option content fits');
  }
  await h.screenshot(page, 'widget-320');
});

// `scour index DIR --out OUT` builds an index file; skipped while the CLI has no `index` command.
test('XSS: markup in indexed documents is shown as text (index loaded with the index attribute)', async (t) => {
  const cargo = (...args) => execFileSync('cargo', ['run', '-q', '--bin', 'scour', '--', ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe', timeout: 600_000 });
  let help = '';
  try { help = cargo('--help'); } catch (e) { help = `${e.stdout}${e.stderr}`; }
  if (!/^\s+index\b/m.test(help)) return t.skip('the scour CLI has no `index` command yet');
  cargo('index', path.join(ROOT, 'tests/fixtures/xss'), '--out', xss);
  const files = readdirSync(xss);
  const file = files.find((f) => f.endsWith('.bin')) ?? files[0];
  assert.ok(file, `scour index wrote nothing in ${xss}`);
  writeFileSync(path.join(bare, 'xss.html'), BARE.replace('<scour-search>', `<scour-search index="../_xss/${file}">`));

  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(() => { window.alert = () => { window.__alerted = true; }; });
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
    await page.goto(new URL('_bare/xss.html', h.url).href);
    await ready(page);
    for (const q of ['harbor', 'img onerror', 'script alert', 'pier']) {
      await input(page).fill(q);
      // The chunked index answers once the pieces for the query have arrived.
      await poll(() => options(page).count(), (n) => n > 0, { message: `a hit for ${q}` });
      const text = await options(page).first().innerText();
      assert.ok(/<img src=x onerror=alert|<script>alert|onerror=alert\(1\)>/.test(text), `the markup shows as text for ${q}: ${text}`);
      assert.equal(await page.locator('scour-search img, scour-search script').count(), 0, `no element made from the document for ${q}`);
    }
    assert.equal(await page.evaluate(() => window.__alerted ?? false), false, 'no script ran');
    errors.assertClean();
  } finally {
    await context.close();
  }
});
