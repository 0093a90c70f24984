// End-to-end tests of www/highlight.js (highlight on arrival) in Chromium: the fixture
// tests/fixtures/highlight/page.html, a destination page under the strict CSP it declares
// (default-src 'self'; script-src 'self'; style-src 'self'), loads the script from /scour/ as a
// site would and is opened with and without `?scour-highlight=`. Every test fails on a CSP
// violation (`securitypolicyviolation` events and console errors), a page error or a dialog.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, poll, watchErrors, WWW, ROOT } from './harness.mjs';

const h = setup({ mounts: { '/scour/': WWW, '/site/': path.join(ROOT, 'tests/fixtures/highlight') } });

const opened = [];
/** Opens the fixture page with `query` in the parameter (none when undefined), in a fresh context. */
async function open(query, { hash = '', reducedMotion = 'no-preference' } = {}) {
  const context = await h.browser.newContext({ viewport: { width: 1000, height: 700 }, reducedMotion });
  const page = await context.newPage();
  page.errors = watchErrors(page);
  page.on('dialog', (dialog) => {
    page.errors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI}`));
    // Chromium scrolls to a #fragment again after scripts run, so the calls are what shows whether the script fought it.
    window.scrolledIntoView = [];
    const scrollIntoView = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (options) {
      window.scrolledIntoView.push(options);
      return scrollIntoView.call(this, options);
    };
  });
  opened.push({ context, page });
  const search = query === undefined ? '' : `?scour-highlight=${encodeURIComponent(query)}`;
  await page.goto(new URL(`site/page.html${search}${hash}`, h.url).href);
  return page;
}

afterEach(async () => {
  const problems = [];
  for (const { context, page } of opened.splice(0)) {
    problems.push(...page.errors, ...(await page.evaluate(() => window.cspViolations)).map((v) => `CSP violation: ${v}`));
    await context.close();
  }
  if (problems.length) throw new Error(`the page reported errors:\n  ${problems.join('\n  ')}`);
});

/** The text of each highlight mark under `selector`. */
const markedWords = (page, selector = 'body') =>
  page.$$eval(`${selector} mark.scour-highlight`, (marks) => marks.map((mark) => mark.textContent));
/** The page's text and the tag of each element, marks left out: what marking must not change. */
const pageShape = (page) => page.evaluate(() => ({
  text: document.documentElement.textContent,
  tags: [...document.querySelectorAll('*:not(mark.scour-highlight)')].map((e) => e.tagName),
}));
/** Runs the exported `highlight(main, queryText)` in the page; returns its count. */
const highlightMain = (page, queryText) => page.evaluate(async (queryText) => {
  const { highlight } = await import('/scour/highlight.js');
  return highlight(document.querySelector('main'), queryText);
}, queryText);
/** How far the first mark's middle is from the window's middle, in pixels. */
const firstMarkOffCentre = (page) => page.evaluate(() => {
  const box = document.querySelector('mark.scour-highlight').getBoundingClientRect();
  return Math.abs(box.top + box.height / 2 - innerHeight / 2);
});

test('marks words starting with a query word, and identifier parts, in the main content only', async () => {
  const page = await open('array push');
  assert.deepEqual(await markedWords(page, '#prefix'), ['Push', 'pushes', 'pushed', 'Arrays']);
  assert.deepEqual(await markedWords(page, '#identifiers'), ['array', 'push', 'array', 'push', 'Array', 'push']);
  assert.deepEqual(await markedWords(page, 'header'), [], 'nothing outside <main> is marked');
  const background = await page.$eval('mark.scour-highlight', (mark) => getComputedStyle(mark).backgroundColor);
  assert.equal(background, 'rgb(255, 227, 128)', "the site's stylesheet styles the marks");
});

test('never marks inside script, textarea, select, input, svg, ignored sections or existing marks', async () => {
  const page = await open('array push café');
  assert.ok((await markedWords(page)).length > 0);
  for (const selector of ['#data', '#textarea', '#select', '#input', '#svg', '#ignored', '#existing']) {
    assert.deepEqual(await markedWords(page, selector), [], `no mark in ${selector}`);
  }
  assert.equal(await page.$eval('#textarea', (textarea) => textarea.value), 'array push café');
  const inStyle = await page.evaluate(async () => {
    const { highlight } = await import('/scour/highlight.js');
    const detached = document.createElement('div');
    const style = document.createElement('style');
    style.textContent = 'p.push { color: red }';
    detached.append(style, 'push');
    return { count: highlight(detached, 'push'), styleText: style.innerHTML };
  });
  assert.deepEqual(inStyle, { count: 1, styleText: 'p.push { color: red }' });
});

test('leaves the text and every other element as they were', async () => {
  const plain = await pageShape(await open());
  const page = await open('array push café');
  assert.ok((await markedWords(page)).length > 10);
  assert.deepEqual(await pageShape(page), plain);
});

test('an HTML-looking query only creates marks, as text', async () => {
  const plain = await pageShape(await open());
  const page = await open('<img src=x onerror=alert(1)>');
  assert.deepEqual(await markedWords(page, '#folding'), ['img', 'src']);
  assert.deepEqual(await pageShape(page), plain);
  assert.equal(await page.locator('img').count(), 0);
});

test('is idempotent: running again gives the same marks, a new query replaces them, an empty one removes them', async () => {
  const page = await open('array push');
  const marks = await markedWords(page);
  const shape = await pageShape(page);
  assert.equal(await highlightMain(page, 'array push'), marks.length);
  assert.deepEqual(await markedWords(page), marks);
  assert.equal(await page.locator('mark.scour-highlight mark').count(), 0, 'no nested marks');
  assert.deepEqual(await pageShape(page), shape);
  assert.equal(await highlightMain(page, 'cafeteria'), 1);
  assert.deepEqual(await markedWords(page), ['cafeteria']);
  assert.deepEqual(await pageShape(page), shape);
  assert.equal(await highlightMain(page, ''), 0);
  assert.deepEqual(await markedWords(page), [], 'an empty query removes the marks');
  assert.deepEqual(await pageShape(page), shape);
});

test('folds case and diacritics both ways', async () => {
  const page = await open('cafe');
  assert.deepEqual(await markedWords(page, '#folding'), ['Café', 'CAFÉS', 'cafeteria']);
  assert.equal(await highlightMain(page, 'CAFÉ'), 3);
});

test('folds the dotless i and letters with a stroke, and reads a word across soft hyphens, as the engine does', async () => {
  const page = await open('soren lodz ılık donaudampfschiff');
  assert.deepEqual(await markedWords(page, '#letters'), ['Søren', 'ILIK', 'Łódź', 'Donau\u00ADdampf\u00ADschiff']);
});

test('reads Korean words whole, a kana with its sound mark, ß as ss, tatweel and Arabic-Indic digits as the engine does; a lone sound mark marks nothing else', async () => {
  const page = await open('사과 strasse مكتبة 2002');
  assert.deepEqual(await markedWords(page, '#scripts'), ['사과를', 'Straße', 'مكتـــبة', '٢٠٠٢']);
  // Half-width ﾟ alone had folded to nothing, which every word starts with.
  assert.deepEqual(await markedWords(await open('ﾟ'), '#letters'), []);
  // A half-width kana and its sound mark are one character, as the engine reads them.
  assert.deepEqual(await markedWords(await open('パソコン'), '#scripts'), ['ﾊﾟ', 'ｿ', 'ｺ', 'ﾝ']);
});

test('reads the query as the engine does: exclusions, operators and one-letter words are not marked', async () => {
  const page = await open('-array "push" OR x');
  assert.deepEqual(await markedWords(page, '#identifiers'), ['push', 'push', 'push']);
  assert.equal(await highlightMain(page, 'title:cafe -"array push" a'), 3);
});

test('marks nothing without the parameter, or with no word to mark', async () => {
  const page = await open();
  assert.equal(await page.locator('mark.scour-highlight').count(), 0);
  assert.equal(await page.evaluate(() => scrollY), 0);
  for (const query of ['', '-array', 'a OR b']) {
    const other = await open(query);
    assert.equal(await other.locator('mark.scour-highlight').count(), 0, `no mark for ${JSON.stringify(query)}`);
  }
});

test('stops at 1000 marks and walks trees too deep for a recursive walk', async () => {
  const page = await open();
  const result = await page.evaluate(async () => {
    const { highlight } = await import('/scour/highlight.js');
    let root = document.createElement('span');
    root.append('push '.repeat(1500));
    for (let depth = 0; depth < 10_000; depth++) root = document.createElement('span').appendChild(root).parentNode;
    return { count: highlight(root, 'push'), marks: root.querySelectorAll('mark').length };
  });
  assert.deepEqual(result, { count: 1000, marks: 1000 });
});

test('scrolls the first mark to the middle of the window', async () => {
  const page = await open('array push');
  await poll(() => firstMarkOffCentre(page), (off) => off < 2, { message: 'the first mark centred' });
  assert.deepEqual(await page.evaluate(() => window.scrolledIntoView), [{ block: 'center', behavior: 'smooth' }]);
});

test('scrolls at once under prefers-reduced-motion', async () => {
  const page = await open('array push', { reducedMotion: 'reduce' });
  assert.ok(await firstMarkOffCentre(page) < 2, 'centred by the time the page has loaded');
  assert.deepEqual(await page.evaluate(() => window.scrolledIntoView), [{ block: 'center', behavior: 'instant' }]);
});

test("keeps the browser's scroll to a #fragment", async () => {
  const page = await open('array push', { hash: '#appendix' });
  assert.ok((await markedWords(page)).length > 0);
  assert.deepEqual(await page.evaluate(() => window.scrolledIntoView), [], 'the script did not scroll');
  await page.waitForTimeout(500);
  const top = await page.$eval('#appendix', (heading) => heading.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 2, `#appendix at the top of the window (top ${top})`);
});

test('the fixture enforces its policy: an inline style is reported', async () => {
  const page = await open();
  await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
  const violations = await poll(() => page.evaluate(() => window.cspViolations), (v) => v.length > 0);
  assert.match(violations[0], /^style-src/);
  await page.evaluate(() => (window.cspViolations.length = 0));
  page.errors.splice(0);
});
