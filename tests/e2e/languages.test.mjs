// The multilingual fixture site (tests/fixtures/multilingual) in the widget, in Chromium, as a
// site ships it: `scour index --bundle`, then one page per fixture page in its language (its
// `<html lang>` or front matter `lang`) with a `<scour-search>` over the index. A stemmed word
// of each language finds its page, French elisions and Chinese and Japanese typed with or
// without spaces find the same page, the page's language is searched by default (`lang` on the
// element overrides it, `lang="*"` searches all), and highlights land on the original text. The
// index holds one index per language and one of all: a page fetches its language's pieces only.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, watchErrors, poll, sourceWidget, ROOT } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const FIXTURE = path.join(ROOT, 'tests/fixtures/multilingual');
const site = mkdtempSync(path.join(tmpdir(), 'scour-languages-'));
let server, browser;
const opened = [];

/** What a fixture page says: its language tag, its heading (the hit's title) and its text. */
function fixturePage(file) {
  const source = readFileSync(path.join(FIXTURE, file), 'utf8');
  if (file.endsWith('.md')) {
    const [, front, body] = source.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
    const field = (name) => front.match(new RegExp(`^${name}: (.*)$`, 'm'))[1];
    return { lang: field('lang'), title: field('title'), text: body };
  }
  const main = source.match(/<main[^>]*>([\s\S]*)<\/main>/)[1];
  return {
    lang: source.match(/<html lang="([^"]*)"/)[1],
    title: source.match(/<h1>(.*)<\/h1>/)[1],
    text: main.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(code)),
  };
}

const PAGES = Object.fromEntries(['en', 'de', 'fr', 'es', 'ru', 'zh', 'ja'].map((name) => [name, fixturePage(`${name}.html`)]));
PAGES.ko = fixturePage('ko.md');
PAGES.mixed = fixturePage('mixed.html');

/**
 * Writes a page of language `htmlLang` with the widget (and its `attributes`); its path. The
 * widget is the bundle's, or with `source` the one in www/ (`sourceWidget`).
 */
function widgetPage(name, htmlLang, attributes = '', { source = false } = {}) {
  writeFileSync(path.join(site, `${name}.html`), `<!doctype html><html lang="${htmlLang}"><meta charset="utf-8">
<title>${name}</title><link rel="icon" href="data:,"><script type="module" src="${source ? 'source' : 'search'}/scour.js"></script>
<scour-search index="search/scour-index.bin" ${attributes}></scour-search>`);
  return `${name}.html`;
}

before(async () => {
  execFileSync('cargo', ['run', '--release', '-q', '--', 'index', FIXTURE, '--out', path.join(site, 'search'), '--bundle'],
    { cwd: ROOT, stdio: 'pipe', timeout: 600_000 });
  await sourceWidget(path.join(site, 'source'), path.join(site, 'search'));
  server = await startServer({ root: site, port: 0 });
  browser = await launchBrowser();
}, { timeout: 600_000 });

afterEach(async () => {
  const problems = [];
  for (const { context, page } of opened.splice(0)) {
    problems.push(...page.errors);
    await context.close();
  }
  if (problems.length) throw new Error(`the page reported errors:\n  ${problems.join('\n  ')}`);
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

/**
 * Opens `rel` in a fresh context, its errors watched, recording each `scour:search` and the
 * index files its requests fetch (`page.fetched`: paths under search/, the worker's included).
 */
async function open(rel) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.errors = watchErrors(page);
  page.fetched = [];
  context.on('request', (request) => {
    const file = new URL(request.url()).pathname.match(/^\/search\/((?:pieces\/)?[\w-]+\.bin)$/)?.[1];
    if (file) page.fetched.push(file);
  });
  opened.push({ context, page });
  await page.addInitScript(() => {
    window.searches = [];
    document.addEventListener('scour:search', (e) => window.searches.push(e.detail));
  });
  await page.goto(new URL(rel, server.url).href);
  return page;
}

/**
 * Types `query` into the widget and waits for its answer: the hits' titles, the marked text of
 * each (title and excerpt) and the total.
 */
async function typeQuery(page, query) {
  await page.locator('scour-search input').fill(query);
  const { total } = await poll(() => page.evaluate((q) => window.searches.findLast((s) => s.query === q), query), Boolean,
    { timeout: 15_000, message: `the answer to ${query}` });
  const hits = await page.locator('scour-search a[part="hit"]').evaluateAll((links) => links.map((link) => ({
    title: link.querySelector('[part="title"]').textContent,
    titleMarks: [...link.querySelectorAll('[part="title"] mark')].map((mark) => mark.textContent),
    marks: [...link.querySelectorAll('mark')].map((mark) => mark.textContent),
  })));
  return { hits, total, titles: hits.map((hit) => hit.title) };
}

/** Every highlight of `hits` is text of `page` as written (not folded, stemmed nor segmented). */
function assertMarksOnOriginal(hits, page, query) {
  for (const mark of hits.flatMap((hit) => hit.marks)) {
    assert.ok(page.text.includes(mark) || page.title.includes(mark), `${query}: the highlight "${mark}" is not in the page`);
  }
}

// A word that is not in the page, found through its language's stemmer, and a form of it in the
// page that is highlighted.
const STEMMED = [
  { name: 'en', query: 'borrowed', marked: 'borrowing' },
  { name: 'de', query: 'Hauses', marked: 'Häuser' },
  { name: 'de', query: 'Gärten', marked: 'Garten' },
  { name: 'fr', query: 'universités', marked: 'université' },
  { name: 'es', query: 'prestar', marked: 'prestan' },
  { name: 'ru', query: 'книга', marked: 'книги' },
];

test('a stemmed word finds its page in each language, on a page of that language', async () => {
  for (const { name, query, marked } of STEMMED) {
    const fixture = PAGES[name];
    assert.ok(!fixture.text.toLowerCase().includes(query.toLowerCase()), `${query} is not in the ${name} page as typed`);
    assert.ok(fixture.text.includes(marked), `${marked} is in the ${name} page`);
    const page = await open(widgetPage(name, fixture.lang));
    const { hits, titles } = await typeQuery(page, query);
    assert.deepEqual(titles, [fixture.title], `${query} on the ${fixture.lang} page`);
    assert.ok(hits[0].marks.includes(marked), `${query}: ${marked} is highlighted, not ${hits[0].marks}`);
    assertMarksOnOriginal(hits, fixture, query);
  }
});

test('a French word is found and highlighted after its elided article, typed with or without accents', async () => {
  const fixture = PAGES.fr;
  assert.ok(fixture.title.includes("L'école") && fixture.text.includes("l'université"));
  const page = await open(widgetPage('fr', fixture.lang));
  for (const query of ['école', 'ecole', "l'école"]) {
    const { hits, titles } = await typeQuery(page, query);
    assert.deepEqual(titles, [fixture.title], query);
    assert.deepEqual(hits[0].titleMarks, ['école'], `${query}: the word is highlighted, not its article`);
    assertMarksOnOriginal(hits, fixture, query);
  }
  const { hits } = await typeQuery(page, "d'université");
  assert.ok(hits[0].marks.includes('université'), "d'université finds l'université");
});

// Chinese and Japanese queries, each typed without and with spaces: words of the heading.
const UNSPACED = [
  { name: 'zh', spellings: ['北京大学', '北京 大学', '北京大学图书馆', '北京大学 图书馆'] },
  { name: 'ja', spellings: ['東京都立図書館', '東京都立 図書館', '東京 都立図書館'] },
];

test('Chinese and Japanese find the same page typed with and without spaces, highlighted as written', async () => {
  for (const { name, spellings } of UNSPACED) {
    const fixture = PAGES[name];
    const page = await open(widgetPage(name, fixture.lang));
    const unspaced = spellings[0].replace(/ /g, '');
    for (const query of spellings) {
      const { hits, titles } = await typeQuery(page, query);
      assert.deepEqual(titles, [fixture.title], query);
      assertMarksOnOriginal(hits, fixture, query);
      const marked = hits[0].marks.join('');
      for (const word of query.split(' ')) assert.ok(marked.includes(word), `${query}: ${word} is highlighted in ${hits[0].marks}`);
      assert.ok(fixture.text.includes(unspaced) || fixture.title.includes(unspaced));
    }
  }
});

test("the widget searches its page's language; lang overrides it and lang=\"*\" searches all", async () => {
  // 한국어 is in the Korean page and in the page of mixed scripts, whose language is none (`und`).
  const query = '한국어', korean = PAGES.ko, mixed = PAGES.mixed;
  assert.ok(korean.text.includes(query) && mixed.text.includes(query));
  const every = [korean.title, mixed.title].sort();
  const titles = async (rel) => (await typeQuery(await open(rel), query)).titles;

  assert.deepEqual(await titles(widgetPage('ko', korean.lang)), [korean.title], 'the page is Korean: its language only');
  assert.deepEqual(await titles(widgetPage('ko-page', `${korean.lang}-KR`, 'worker="off"')), [korean.title], 'on the page as in the worker');
  assert.deepEqual((await titles(widgetPage('ko-all', korean.lang, 'lang="*"'))).sort(), every, 'lang="*"');
  assert.deepEqual((await titles(widgetPage('ko-pt', 'pt'))).sort(), every, 'a language the index lacks searches every page');
  assert.deepEqual((await titles(widgetPage('ko-facet', korean.lang, 'filters="lang"'))).sort(), every, 'the lang facet is the visitor’s');

  const page = await open(widgetPage('en-ko', PAGES.en.lang, `lang="${korean.lang}"`));
  assert.deepEqual((await typeQuery(page, query)).titles, [korean.title], 'lang on the element overrides the page’s');
  const { total } = await typeQuery(page, PAGES.en.title);
  assert.equal(total, 0, 'the English page is not searched from a Korean widget');
  await page.evaluate(() => document.querySelector('scour-search').setAttribute('lang', '*'));
  await poll(() => page.locator('scour-search a[part="hit"] [part="title"]').allTextContents(), (found) => found.includes(PAGES.en.title),
    { message: 'the English page once lang="*" is set' });
});

test('a lang that is no language tag is reported once and ignored: the page’s language is searched, else every one', async () => {
  const query = '한국어', korean = PAGES.ko, every = [korean.title, PAGES.mixed.title].sort();
  const cases = [
    { lang: '@@@', page: korean.lang, titles: [korean.title], warned: 1 },
    { lang: 'english please', page: '', titles: every, warned: 1 },
    { lang: 'xx', page: korean.lang, titles: every, warned: 0 }, // a tag the site lacks: every language
  ];
  for (const [n, c] of cases.entries()) {
    const page = await open(widgetPage(`garbled-${n}`, c.page, `lang="${c.lang}"`, { source: true }));
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    assert.deepEqual((await typeQuery(page, query)).titles.sort(), c.titles, `lang="${c.lang}"`);
    await typeQuery(page, korean.title);
    assert.equal(warnings.filter((w) => w.includes(`<scour-search lang="${c.lang}">`)).length, c.warned, warnings.join('\n'));
  }
});

test("a page fetches its language's own index: no piece of another language's, nor of all", async () => {
  const query = { en: 'borrowed', fr: 'universités', de: 'Hauses', '*': '한국어' };
  const fetched = {};
  for (const [name, q] of Object.entries(query)) {
    const page = await open(name == '*' ? widgetPage('all', 'en', 'lang="*"') : widgetPage(name, PAGES[name].lang));
    const { titles } = await typeQuery(page, q);
    assert.ok(titles.length > 0, `${q} finds a page on the ${name} page`);
    const { documents } = await page.evaluate(() => document.querySelector('scour-search').ready.then((engine) => engine.stats()));
    // Every fixture page, and the Italian one of it.jsonl.
    assert.equal(documents, name == '*' ? Object.keys(PAGES).length + 1 : 1, `the ${name} page's index holds its language's pages only`);
    const entries = page.fetched.filter((file) => file.startsWith('pieces/entry-'));
    assert.equal(entries.length, 1, `the ${name} page fetches one entry: ${entries}`);
    assert.ok(page.fetched.includes('scour-index.bin'), 'and the language table');
    fetched[name] = new Set(page.fetched.filter((file) => file.startsWith('pieces/')));
  }
  for (const [a, pieces] of Object.entries(fetched)) {
    for (const [b, others] of Object.entries(fetched)) {
      const shared = a < b ? [...pieces].filter((file) => others.has(file)) : [];
      assert.deepEqual(shared, [], `the ${a} and ${b} pages fetch none of each other's pieces`);
    }
  }
});
