// The widget a site puts in its header, in Chromium: the three layouts (inline, dropdown over the
// page, modal dialog), "Show more results", filters with disjunctive counts and the order,
// translations and right-to-left, bad attribute values, axe-core and screenshots of each layout
// (light and dark, 320 and 1280 px). A generated site of 60 HTML pages (folders, dates, three
// filters, sections) is indexed by `scour index --bundle` and served by scripts/serve.mjs.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, cpSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launchBrowser, watchErrors, poll, sourceWidget, ROOT, SCREENSHOTS } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const KINDS = ['guide', 'reference', 'blog'];
const LEVELS = ['beginner', 'expert'];
const TAGS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
const PAGES = 60;

const site = mkdtempSync(path.join(tmpdir(), 'scour-header-'));
const source = path.join(site, '..', path.basename(site) + '-src');

/** Page n of the generated site: every page says "lantern"; kind, level and tag cycle. */
function page(n) {
  const kind = KINDS[n % 3], level = LEVELS[n % 2], tag = TAGS[n % TAGS.length];
  const day = String(1 + (n % 28)).padStart(2, '0'), month = String(1 + (n % 12)).padStart(2, '0');
  return {
    file: `docs/${kind}/page-${n}.html`,
    kind, level, tag, date: `2024-${month}-${day}`,
    html: `<!doctype html><html lang="en"><head><title>Lantern note ${n}</title><meta name="date" content="2024-${month}-${day}"></head>
<body data-scour-filter="kind:${kind}"><main data-scour-filter="level:${level}"><span data-scour-filter="tag:${tag}"></span>
<h1>Lantern note ${n}</h1><p>The lantern ${n} lights the ${kind} path for the ${level}, with oil and a wick.</p>
<h2 id="trimming">Trimming the wick</h2><p>Trim the wick of lantern ${n} before the ${tag} evening.</p></main></body></html>`,
  };
}
const pages = Array.from({ length: PAGES }, (_, n) => page(n));

/**
 * A page of the site in its header: the bundle's widget (with `source`, the one in www/:
 * `sourceWidget`) with `attributes`, some content below.
 */
const header = (attributes, { lang = 'en', dir = '', source = false, root = '' } = {}) => `<!doctype html><html lang="${lang}"${dir ? ` dir="${dir}"` : ''}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>header</title><link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/page.css"><script type="module" src="/${source ? 'source' : `${root}search`}/scour.js"></script></head>
<body><header><a href="/" class="logo">Docs</a><scour-search index="/${root}search/scour-index.bin" ${attributes}></scour-search></header>
<main><h1>Welcome</h1><p id="first">The first paragraph of the page, which a dropdown floats over.</p>${'<p>More text of the page.</p>'.repeat(12)}</main></body></html>`;
const PAGE_CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#fff;color:#1c1e23}
@media (prefers-color-scheme:dark){body{background:#17191e;color:#e6e8ec}a{color:#8cb6fa}}
header{display:flex;align-items:center;justify-content:space-between;gap:1rem;padding:.5rem 1rem;border-bottom:1px solid #8888}
header scour-search{flex:0 1 18rem;min-width:0}main{max-width:46rem;margin:0 auto;padding:0 1rem}`;

let server, browser;
const opened = [];

before(async () => {
  mkdirSync(source, { recursive: true });
  for (const p of pages) {
    mkdirSync(path.dirname(path.join(source, p.file)), { recursive: true });
    writeFileSync(path.join(source, p.file), p.html);
  }
  execFileSync('cargo', ['run', '--release', '-q', '--', 'index', source, '--out', path.join(site, 'search'), '--bundle', '--base-url', '/'],
    { cwd: ROOT, stdio: 'pipe', timeout: 600_000 });
  for (const p of pages) {
    mkdirSync(path.dirname(path.join(site, p.file)), { recursive: true });
    writeFileSync(path.join(site, p.file), p.html.replace('<head>', '<head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">'));
  }
  // The same pages as a site served from a folder of its own (a project's pages, /project/),
  // its index and bundle written inside it, so that its pages' URLs are found from the index's.
  const project = path.join(site, 'project');
  for (const p of pages) {
    mkdirSync(path.dirname(path.join(project, p.file)), { recursive: true });
    writeFileSync(path.join(project, p.file), p.html);
  }
  execFileSync('cargo', ['run', '--release', '-q', '--', 'index', project, '--out', path.join(project, 'search'), '--bundle'],
    { cwd: ROOT, stdio: 'pipe', timeout: 600_000 });
  await sourceWidget(path.join(site, 'source'), path.join(site, 'search'));
  writeFileSync(path.join(site, 'page.css'), PAGE_CSS);
  writeFileSync(path.join(site, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  writeFileSync(path.join(site, 'index.html'), '<!doctype html><html lang="en"><title>home</title><link rel="icon" href="/favicon.svg"><p>home');
  server = await startServer({ root: site, port: 0 });
  browser = await launchBrowser();
}, { timeout: 600_000 });

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
  rmSync(source, { recursive: true, force: true });
});

afterEach(async () => {
  const problems = [];
  for (const { context, tab } of opened.splice(0)) {
    problems.push(...tab.errors);
    await context.close().catch(() => {});
  }
  if (problems.length) throw new Error(`the page reported errors:\n  ${problems.join('\n  ')}`);
});

/** Writes /<name>.html with the widget's `attributes` and opens it in a fresh context. */
async function visit(name, attributes, { lang, dir, source, root, viewport = { width: 1280, height: 800 }, colorScheme = 'light', query = '' } = {}) {
  writeFileSync(path.join(site, `${name}.html`), header(attributes, { lang, dir, source, root }));
  const context = await browser.newContext({ viewport, colorScheme, serviceWorkers: 'block' });
  const tab = await context.newPage();
  tab.errors = watchErrors(tab);
  tab.warnings = [];
  tab.on('console', (m) => m.type() === 'warning' && tab.warnings.push(m.text()));
  opened.push({ context, tab });
  await context.addInitScript(() => document.addEventListener('scour:search', (e) => window.__searched?.push(e.detail.query)));
  await tab.goto(`${server.url}${name}.html${query}`);
  await tab.waitForFunction(() => customElements.get('scour-search'));
  return tab;
}

const ready = (tab) => tab.waitForFunction(async () => !!(await document.querySelector('scour-search').ready), null, { timeout: 15_000 });
/** The widget's state as seen by the tests. */
const state = (tab) => tab.evaluate(() => {
  const el = document.querySelector('scour-search'), root = el.shadowRoot, input = root.querySelector('input');
  const rect = (e) => { const r = e?.getBoundingClientRect(); return r && { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height }; };
  const panel = root.querySelector('.panel'), active = input.getAttribute('aria-activedescendant');
  const visible = (e) => !!e && e.getClientRects().length > 0;
  return {
    value: input.value,
    expanded: input.getAttribute('aria-expanded'),
    panelShown: visible(panel) && visible(root.querySelector('[role=listbox]')),
    panel: rect(panel), input: rect(input),
    hits: [...root.querySelectorAll('[role=option][part=hit]')].map((o) => o.querySelector('[part~=title]').textContent),
    options: root.querySelectorAll('[role=option]').length,
    more: !!root.querySelector('[part~=more]'),
    active: active && root.getElementById(active)?.getAttribute('part'),
    activeIndex: active ? [...root.querySelectorAll('[role=option]')].findIndex((o) => o.id === active) : -1,
    activeRect: rect(active && root.getElementById(active)),
    status: root.querySelector('[role=status]').textContent,
    focusInBox: document.activeElement === el && root.activeElement === input,
    focused: root.activeElement?.getAttribute('part') ?? root.activeElement?.localName ?? document.activeElement?.localName,
    dialogOpen: !!root.querySelector('dialog')?.open,
    viewport: { width: document.documentElement.clientWidth, height: innerHeight },
    first: rect(document.getElementById('first')),
  };
});
/** Types `q` into the box and waits until the widget has shown its results. */
async function search(tab, q) {
  await tab.evaluate(() => { window.__searched = []; });
  await tab.locator('scour-search input').fill(q);
  await poll(() => tab.evaluate(() => window.__searched), (done) => done.includes(q), { timeout: 15_000, message: `results for ${q}` });
}

test('a site served from a folder of its own: the hits lead into it, and their path lines start below it', async () => {
  const tab = await visit('project', 'layout="dropdown"', { root: 'project/' });
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern');
  const hits = await tab.evaluate(() => [...document.querySelector('scour-search').shadowRoot.querySelectorAll('[part=hit]')]
    .map((a) => ({ href: a.getAttribute('href'), path: a.querySelector('[part~=path]')?.textContent })));
  assert.ok(hits.length > 0, 'hits for lantern');
  for (const hit of hits) {
    assert.match(new URL(hit.href, server.url).pathname, /^\/project\/docs\//, JSON.stringify(hit));
    assert.match(hit.path, /^docs › (guide|reference|blog)$/, JSON.stringify(hit));
  }
});

test('dropdown: floats over the page under the box, keyboard-complete, closes on Escape, outside click, focus elsewhere and a selected hit', async () => {
  const tab = await visit('dropdown', 'layout="dropdown" placeholder="Search the docs"');
  const before = await state(tab);
  await tab.keyboard.press('/');
  await ready(tab);
  await search(tab, 'lantern');
  let s = await state(tab);
  assert.equal(s.panelShown, true);
  assert.equal(s.expanded, 'true');
  assert.deepEqual(s.first, before.first, 'the page did not move: the panel floats over it');
  assert.ok(s.panel.top >= s.input.bottom, `the panel is under the box (${s.panel.top} >= ${s.input.bottom})`);
  assert.ok(s.panel.left >= 0 && s.panel.right <= s.viewport.width, 'the panel is inside the viewport');
  assert.ok(s.panel.width > s.input.width, 'wider than a header box');
  assert.ok(s.panel.bottom <= s.viewport.height, 'the panel fits the viewport height');
  const hit = await tab.evaluate(({ left, right, top, bottom }) => document.elementFromPoint((left + right) / 2, (top + bottom) / 2)?.localName, s.panel);
  assert.equal(hit, 'scour-search', 'the panel is above the page content');

  // Keyboard: Down, Down, Escape closes (the text stays), Down opens again.
  await tab.keyboard.press('ArrowDown');
  await tab.keyboard.press('ArrowDown');
  assert.equal((await state(tab)).activeIndex, 1);
  await tab.keyboard.press('Escape');
  s = await state(tab);
  assert.equal(s.panelShown, false, 'Escape closes the panel');
  assert.equal(s.value, 'lantern', 'the query stays');
  assert.equal(s.focusInBox, true);
  await tab.keyboard.press('ArrowDown');
  assert.equal((await state(tab)).panelShown, true, 'ArrowDown opens it again');

  // A click on the page closes it and lands on the page, not on a result.
  const url = tab.url();
  await tab.mouse.click(5, 700);
  s = await state(tab);
  assert.equal(s.panelShown, false, 'a click outside closes the panel');
  assert.equal(tab.url(), url, 'and opens nothing');

  // Focus elsewhere (Tab away) closes it.
  await tab.locator('scour-search input').focus();
  await tab.keyboard.type(' ');
  await poll(() => state(tab), (x) => x.panelShown, { message: 'open again' });
  await tab.keyboard.press('Shift+Tab');
  await poll(() => state(tab), (x) => !x.panelShown, { message: 'focus leaving the widget closes the panel' });
  // One Tab forward leaves too: the scrolling panel is no stop of its own.
  await tab.locator('scour-search input').focus();
  await tab.keyboard.type(' ');
  await poll(() => state(tab), (x) => x.panelShown, { message: 'open again' });
  await tab.keyboard.press('Tab');
  await poll(() => state(tab), (x) => !x.panelShown, { message: 'one Tab leaves the widget and closes the panel' });
  assert.notEqual(await tab.evaluate(() => document.activeElement?.localName), 'scour-search');

  // Enter opens the active hit and closes the panel.
  await tab.locator('scour-search input').focus();
  await search(tab, 'lantern 7');
  await tab.keyboard.press('ArrowDown');
  await tab.keyboard.press('Enter');
  await tab.waitForURL(/\/docs\/.*page-7/);
});

test('dropdown at 320 px: the panel fits the phone and never covers the box; right-to-left aligns it to the right', async () => {
  for (const dir of ['', 'rtl']) {
    const tab = await visit(`dropdown-320${dir}`, 'layout="dropdown"', { viewport: { width: 320, height: 640 }, dir });
    await tab.locator('scour-search input').focus();
    await ready(tab);
    await search(tab, 'wick');
    const s = await state(tab);
    assert.equal(s.panelShown, true);
    assert.ok(s.panel.left >= 0 && s.panel.right <= 320, `inside 320 px: ${JSON.stringify(s.panel)}`);
    assert.ok(s.panel.top >= s.input.bottom, 'under the box');
    assert.ok(await tab.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll');
    // The panel starts at the box's start edge (its right edge in rtl), as far as the viewport lets it.
    const clamp = (x, lo, hi) => Math.min(Math.max(x, lo), hi);
    if (!dir) assert.ok(Math.abs(s.panel.left - clamp(s.input.left, 8, 312 - s.panel.width)) < 1, JSON.stringify([s.panel, s.input]));
    if (dir) {
      assert.ok(Math.abs(s.panel.right - clamp(s.input.right, 8 + s.panel.width, 312)) < 1, `aligned to the box's right edge in rtl: ${JSON.stringify([s.panel, s.input])}`);
      const align = await tab.evaluate(() => getComputedStyle(document.querySelector('scour-search').shadowRoot.querySelector('[part~=section]')).borderInlineStartWidth);
      assert.equal(align, '2px');
    }
  }
});

test("dropdown in a header that cuts off what overflows it: the panel floats over the page and follows the box as it scrolls", async () => {
  const tab = await visit('dropdown-clipped', 'layout="dropdown"', { viewport: { width: 1024, height: 420 } });
  await tab.evaluate(() => {
    const header = document.querySelector('header');
    header.style.cssText = 'overflow:hidden;height:56px;position:relative';
    document.body.style.minHeight = '2000px';
  });
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern');
  const onTop = () => tab.evaluate(() => {
    const panel = document.querySelector('scour-search').shadowRoot.querySelector('.panel').getBoundingClientRect();
    return document.elementFromPoint((panel.left + panel.right) / 2, panel.bottom - 10)?.localName;
  });
  let s = await state(tab);
  assert.equal(s.panelShown, true);
  assert.ok(s.panel.bottom > 56 + 100, `the panel reaches past the header: ${JSON.stringify(s.panel)}`);
  assert.equal(await onTop(), 'scour-search', 'the panel is seen below the header, not cut off by it');
  assert.ok(Math.abs(s.panel.top - s.input.bottom - 6) < 8, `under the box: ${s.panel.top} / ${s.input.bottom}`);
  await tab.evaluate(() => scrollBy(0, 30));
  await poll(() => state(tab), (x) => Math.abs(x.panel.top - x.input.bottom - 6) < 8, { message: 'the panel follows the box as the page scrolls' });
  s = await state(tab);
  assert.equal(s.panelShown, true);
  await tab.keyboard.press('ArrowDown');
  await tab.keyboard.press('Escape');
  assert.equal((await state(tab)).panelShown, false, 'Escape closes it');
  await tab.keyboard.press('ArrowDown');
  assert.equal(await onTop(), 'scour-search', 'and ArrowDown shows it again on top');
  await tab.keyboard.press('Enter');
  await tab.waitForURL(/\/docs\//);
});

test("dropdown slotted into a header component whose shadow tree cuts off what overflows it: the panel floats over the page and follows the box as that tree scrolls", async () => {
  const tab = await visit('dropdown-slotted', 'layout="dropdown"', { viewport: { width: 1024, height: 600 } });
  await tab.evaluate(() => {
    customElements.define('x-header', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<div style="overflow:auto;height:56px"><div style="height:200px"><slot></slot></div></div>';
      }
    });
    const header = document.createElement('x-header');
    header.append(document.querySelector('scour-search'));
    document.body.prepend(header);
  });
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern');
  const seen = await tab.evaluate(() => {
    const panel = document.querySelector('scour-search').shadowRoot.querySelector('.panel').getBoundingClientRect();
    return { bottom: panel.bottom, at: document.elementFromPoint((panel.left + panel.right) / 2, panel.bottom - 10)?.localName };
  });
  assert.ok(seen.bottom > 56 + 100, JSON.stringify(seen));
  assert.equal(seen.at, 'scour-search', 'the panel is seen below the header component');
  const before = await state(tab);
  await tab.evaluate(() => { document.querySelector('x-header').shadowRoot.firstElementChild.scrollTop = 20; });
  await poll(() => state(tab), (x) => x.input.bottom < before.input.bottom - 10 && Math.abs(x.panel.top - x.input.bottom - 6) < 8,
    { message: 'the panel follows the box as the header component\'s tree scrolls' });
});

test('modal: a button, Ctrl+K and / open a dialog; focus is trapped and returned; Escape closes; keyboard only', async () => {
  const tab = await visit('modal', 'layout="modal"');
  const button = tab.locator('scour-search [part=button]');
  assert.equal(await button.isVisible(), true);
  assert.equal(await tab.locator('scour-search input').isVisible(), false, 'no box before the dialog opens');
  // Keyboard: Tab to the button, Enter opens.
  await tab.keyboard.press('Tab');
  await tab.keyboard.press('Tab');
  assert.equal((await state(tab)).focused, 'button');
  await tab.keyboard.press('Enter');
  await poll(() => state(tab), (s) => s.dialogOpen && s.focusInBox, { message: 'the dialog with the focus in its box' });
  await ready(tab);
  await search(tab, 'lantern');
  // Tab cycles inside the dialog.
  for (let i = 0; i < 8; i++) {
    await tab.keyboard.press('Tab');
    const inside = await tab.evaluate(() => {
      const root = document.querySelector('scour-search').shadowRoot;
      return document.activeElement === document.querySelector('scour-search') && !!root.activeElement?.closest('dialog');
    });
    assert.ok(inside, `Tab ${i + 1} stays in the dialog`);
  }
  await tab.keyboard.press('Shift+Tab');
  await tab.locator('scour-search input').focus();
  await tab.keyboard.press('Escape');
  let s = await state(tab);
  assert.equal(s.dialogOpen, false, 'Escape closes');
  assert.equal(s.focused, 'button', 'the focus is back on the button');

  await tab.keyboard.press('Control+k');
  await poll(() => state(tab), (x) => x.dialogOpen && x.focusInBox, { message: 'Ctrl+K opens' });
  // Escape, then Ctrl+K before the dialog's close event arrives: it stays open.
  const reopened = await tab.evaluate(async () => {
    const widget = document.querySelector('scour-search'), dialog = widget.shadowRoot.querySelector('dialog');
    const closed = new Promise(resolve => dialog.addEventListener('close', resolve, { once: true }));
    const key = (target, init) => target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init }));
    key(widget.input, { key: 'Escape' });
    key(document.body, { key: 'k', ctrlKey: true });
    await closed;
    await new Promise(resolve => setTimeout(resolve, 100));
    return dialog.open;
  });
  assert.equal(reopened, true, 'the dialog opened again at once stays open');
  await tab.keyboard.press('Escape');
  await tab.locator('main h1').click();
  await tab.keyboard.press('/');
  await poll(() => state(tab), (x) => x.dialogOpen && x.focusInBox, { message: '/ opens' });
  s = await state(tab);
  assert.equal(s.value, 'lantern', 'the query stays between openings');
  // A click on the backdrop closes it.
  await tab.mouse.click(5, 5);
  assert.equal((await state(tab)).dialogOpen, false);
  // Enter on a hit opens it.
  await tab.keyboard.press('Control+k');
  await poll(() => state(tab), (x) => x.dialogOpen);
  await search(tab, 'lantern 12');
  await tab.keyboard.press('Enter');
  await tab.waitForURL(/page-12/);
});

test('Show more results: pages through every hit with offset, announces the count, keeps the active option in view', async () => {
  const tab = await visit('more', 'layout="dropdown" limit="10"');
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern');
  let s = await state(tab);
  assert.equal(s.hits.length, 10);
  assert.equal(s.status, `Showing 10 of ${PAGES} results`);
  assert.equal(s.more, true);
  // Keyboard: Up from the top goes to the last option, "Show more results"; Enter loads the next page.
  await tab.keyboard.press('ArrowUp');
  assert.equal((await state(tab)).active, 'more');
  await tab.keyboard.press('Enter');
  await poll(() => state(tab), (x) => x.hits.length === 20, { message: '20 hits' });
  s = await state(tab);
  assert.equal(s.status, `Showing 20 of ${PAGES} results`, 'the new count, in the polite status');
  assert.equal(s.active, 'hit', 'the first new hit is active');
  assert.ok(s.activeRect.top >= s.panel.top && s.activeRect.bottom <= s.panel.bottom + 1, `the active option is in view: ${JSON.stringify([s.activeRect, s.panel])}`);
  const titles = new Set(s.hits);
  assert.equal(titles.size, 20, 'no hit twice');
  // The pointer works too; the last page leaves no "more".
  for (let n = 30; n <= PAGES; n += 10) {
    await tab.locator('scour-search [part~=more]').click();
    await poll(() => state(tab), (x) => x.hits.length === n, { message: `${n} hits` });
  }
  s = await state(tab);
  assert.equal(s.more, false);
  assert.equal(s.status, `${PAGES} results`);
  assert.equal(new Set(s.hits).size, PAGES);
});

/** The filter bar: each facet's values with their counts and whether each is chosen. */
const facets = (tab) => tab.evaluate(() => {
  const root = document.querySelector('scour-search').shadowRoot;
  const out = {};
  for (const g of root.querySelectorAll('[part~=facet]')) {
    const name = g.getAttribute('aria-label');
    if (g.localName === 'select') out[name] = { select: [...g.options].map((o) => o.textContent), value: g.value };
    else out[name] = Object.fromEntries([...g.querySelectorAll('button')].map((b) => [b.firstChild.textContent, `${b.lastChild.textContent}${b.getAttribute('aria-pressed') === 'true' ? '*' : ''}`]));
  }
  const sort = root.querySelector('[part~=sort]');
  return { facets: out, sort: sort && sort.value };
});

test('filters: values with counts as toggle buttons (a select for many), disjunctive within a facet, in the URL; sort by date', async () => {
  const tab = await visit('filters', 'filters="kind,level,tag" limit="100"');
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern');
  let f = await facets(tab);
  const count = (key, value) => String(pages.filter((p) => p[key] === value).length);
  assert.deepEqual(f.facets.kind, Object.fromEntries(KINDS.map((k) => [k, count('kind', k)])));
  assert.deepEqual(f.facets.level, Object.fromEntries(LEVELS.map((k) => [k, count('level', k)])));
  assert.equal(f.facets.tag.select.length, TAGS.length + 1, 'ten tags: a select with "All"');
  assert.equal(f.sort, 'relevance', 'the index has dates: an order control');
  // Each value's button is named by its value and its count, two words.
  for (const k of KINDS) {
    assert.equal(await tab.getByRole('button', { name: `${k} ${count('kind', k)}`, exact: true }).count(), 1, `button "${k} ${count('kind', k)}"`);
  }

  // Keyboard: Tab from the box reaches the first facet value; Space toggles it.
  await tab.keyboard.press('Tab');
  const focusedKey = await tab.evaluate(() => document.querySelector('scour-search').shadowRoot.activeElement?.dataset.key);
  assert.match(focusedKey, /^kind=/);
  const kind = focusedKey.split('=')[1];
  await tab.keyboard.press('Space');
  await poll(() => facets(tab), (x) => x.facets.kind[kind].endsWith('*'), { message: `${kind} chosen` });
  let s = await state(tab);
  assert.equal(s.hits.length, Number(count('kind', kind)), `only ${kind} pages`);
  f = await facets(tab);
  for (const other of KINDS.filter((k) => k !== kind)) assert.equal(f.facets.kind[other], count('kind', other), `${other} keeps its count (disjunctive)`);
  const both = (level) => String(pages.filter((p) => p.kind === kind && p.level === level).length);
  assert.deepEqual(f.facets.level, Object.fromEntries(LEVELS.map((l) => [l, both(l)])), 'the other facet counts within the choice');
  assert.equal(new URL(tab.url()).searchParams.get('scour-kind'), kind);
  assert.equal(await tab.evaluate(() => document.querySelector('scour-search').shadowRoot.activeElement?.dataset.key), focusedKey, 'the focus stays on the button');

  // A second value of the same facet: OR within the facet.
  const second = KINDS.find((k) => k !== kind);
  await tab.locator(`scour-search [data-key="kind=${second}"]`).click();
  await poll(() => state(tab), (x) => x.hits.length === Number(count('kind', kind)) + Number(count('kind', second)), { message: 'two kinds' });
  // The select: one tag.
  await tab.locator('scour-search select[part~=facet]').selectOption('bravo');
  await poll(() => state(tab), (x) => x.hits.length === pages.filter((p) => [kind, second].includes(p.kind) && p.tag === 'bravo').length, { message: 'tag bravo' });
  assert.deepEqual(new URL(tab.url()).searchParams.getAll('scour-kind').sort(), [kind, second].sort());
  assert.equal(new URL(tab.url()).searchParams.get('scour-tag'), 'bravo');

  // Sort by date: newest first.
  await tab.locator('scour-search select[part~=sort]').selectOption('date');
  await poll(() => tab.evaluate(() => [...document.querySelector('scour-search').shadowRoot.querySelectorAll('[part=hit] time')].map((t) => t.dateTime)),
    (dates) => dates.length > 1 && dates.every((d, i) => i === 0 || dates[i - 1] >= d), { message: 'dates descending' });
  assert.equal(new URL(tab.url()).searchParams.get('scour-sort'), 'date');

  // The URL brings the choices back.
  await tab.reload();
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern');
  f = await facets(tab);
  assert.ok(f.facets.kind[kind].endsWith('*') && f.facets.kind[second].endsWith('*'));
  assert.equal(f.facets.tag.value, 'bravo');
  assert.equal(f.sort, 'date');
  // A facet's label, from the strings property.
  await tab.evaluate(() => { document.querySelector('scour-search').strings = { 'filter:kind': 'Type' }; });
  await search(tab, 'lantern 1');
  await poll(() => facets(tab), (x) => x.facets.Type && !x.facets.kind, { message: 'the kind facet labelled Type' });
});

test('sort: the attribute sets the first order, one in the URL overrides it, and a bad value in either is not taken', async () => {
  const open = async (name, attributes, query) => {
    const tab = await visit(name, attributes, { query });
    await tab.locator('scour-search input').focus();
    await ready(tab);
    await search(tab, 'lantern');
    return tab;
  };
  const badUrl = await open('sort-bad-url', 'sort="date"', '?scour-sort=bogus');
  assert.equal((await facets(badUrl)).sort, 'date', "a bad order in the URL leaves the attribute's");
  const badAttribute = await open('sort-bad-attribute', 'sort="newest"', '?scour-sort=date');
  assert.equal((await facets(badAttribute)).sort, 'date', "the URL's order");
  const warned = badAttribute.warnings.filter((w) => w.includes('<scour-search sort="newest"'));
  assert.equal(warned.length, 1, badAttribute.warnings.join('\n'));
  // The page's own order stays out of the URL when the visitor chooses a filter, so that a
  // later order of the page's is taken; the visitor's order goes in.
  const page = await open('sort-page', 'sort="date" filters="kind"', '');
  await page.locator(`scour-search [data-key^="kind="]`).first().click();
  await poll(() => page.url(), (url) => new URL(url).searchParams.has('scour-kind'), { message: 'the filter in the URL' });
  assert.equal(new URL(page.url()).searchParams.get('scour-sort'), null, "the attribute's order is not the visitor's");
  await page.evaluate(() => document.querySelector('scour-search').setAttribute('sort', 'relevance'));
  await poll(() => facets(page), (f) => f.sort === 'relevance', { message: "the page's new order" });
  await page.locator('scour-search select[part~=sort]').selectOption('date');
  await poll(() => page.url(), (url) => new URL(url).searchParams.get('scour-sort') === 'date', { message: "the visitor's order in the URL" });
});

test('filters naming a facet twice draw it once', async () => {
  const tab = await visit('filters-twice', 'filters="kind, kind"', { source: true });
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern');
  const drawn = await tab.locator('scour-search [part~=facet]').evaluateAll((groups) => groups.map((g) => g.getAttribute('aria-label')));
  assert.deepEqual(drawn, ['kind']);
});

test('filters named like what every object has are reported and left out, and searches work (in the worker)', async () => {
  const tab = await visit('filters-inherited', 'filters="kind, constructor, toString"', { source: true });
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern');
  assert.ok((await state(tab)).hits.length > 0, 'hits');
  const drawn = await tab.locator('scour-search [part~=facet]').evaluateAll((groups) => groups.map((g) => g.getAttribute('aria-label')));
  assert.deepEqual(drawn, ['kind']);
  for (const name of ['constructor', 'toString']) {
    const reported = tab.warnings.filter((w) => w.includes(`filters="${name}"`) || w.includes(`"${name}"`));
    assert.equal(reported.length, 1, `${name} reported once: ${tab.warnings.join('\n')}`);
  }
});

test('an open modal moved in the page closes, and opens again as a modal', async () => {
  const tab = await visit('modal-moved', 'layout="modal"', { source: true });
  await tab.keyboard.press('Control+k');
  await poll(() => state(tab), (s) => s.dialogOpen, { message: 'the dialog opens' });
  await ready(tab);
  await search(tab, 'lantern');
  await tab.evaluate(() => { const el = document.querySelector('scour-search'); el.remove(); document.body.append(el); });
  const moved = await tab.evaluate(() => ({ open: document.querySelector('scour-search').open, dialog: document.querySelector('scour-search').shadowRoot.querySelector('dialog').open }));
  assert.deepEqual(moved, { open: false, dialog: false }, 'closed when taken out of the page');
  await tab.keyboard.press('Control+k');
  await poll(() => tab.evaluate(() => document.querySelector('scour-search').shadowRoot.querySelector('dialog').matches(':modal')), (modal) => modal, { message: 'a modal dialog again' });
});

test('an index replaced while a search waits on the old one answers at once', async () => {
  cpSync(path.join(site, 'search'), path.join(site, 'search2'), { recursive: true });
  const tab = await visit('index-replaced', 'worker="off"', { source: true });
  // The first index's pieces never come.
  await tab.route(/\/search\/pieces\//, () => {});
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await tab.locator('scour-search input').fill('lantern');
  await poll(() => state(tab), (s) => s.status.length > 0, { message: 'the search waits' });
  await tab.evaluate(() => document.querySelector('scour-search').setAttribute('index', '/search2/scour-index.bin'));
  await ready(tab);
  await search(tab, 'lantern wick');
  assert.ok((await state(tab)).hits.length > 0, 'the new index answers while the old one never does');
});

test('dropdown with filters: choosing a value keeps the panel open (pointer and keyboard)', async () => {
  const tab = await visit('dropdown-filters', 'layout="dropdown" filters="kind"');
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern');
  await tab.locator('scour-search [data-key="kind=guide"]').click();
  await poll(() => facets(tab), (x) => x.facets.kind.guide.endsWith('*'), { message: 'guide chosen' });
  await tab.waitForTimeout(50);
  assert.equal((await state(tab)).panelShown, true, 'open after a click on a value');
  await tab.keyboard.press('Tab');
  await tab.keyboard.press('Enter');
  await poll(() => facets(tab), (x) => !x.facets.kind.guide.endsWith('*') || x.facets.kind.reference?.endsWith('*'), { message: 'a second choice' });
  await tab.waitForTimeout(50);
  assert.equal((await state(tab)).panelShown, true, 'open after Enter on a value');
  // Without filters (nor an order) any more, the empty box opens no empty panel.
  await tab.evaluate(() => document.querySelector('scour-search').removeAttribute('filters'));
  await search(tab, '');
  await tab.waitForTimeout(50);
  const panelHidden = () => tab.evaluate(() => document.querySelector('scour-search').shadowRoot.querySelector('.panel').hidden);
  assert.equal(await panelHidden(), true, 'no empty panel for the empty box');
});

test('bad attribute values: one console.warn naming the attribute and what it accepts; the defaults used', async () => {
  const tab = await visit('bad', 'layout="sidebar" limit="-3" filters="kind,colour" worker="maybe"');
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern');
  await search(tab, 'lantern wick');
  const s = await state(tab);
  assert.equal(s.hits.length, 10, 'the default limit');
  const warned = (attr) => tab.warnings.filter((w) => w.includes(`<scour-search ${attr}`));
  assert.equal(warned('layout="sidebar"').length, 1, tab.warnings.join('\n'));
  assert.match(warned('layout="sidebar"')[0], /"inline", "dropdown", "modal"/);
  assert.equal(warned('limit="-3"').length, 1);
  assert.equal(warned('filters="colour"').length, 1);
  assert.match(warned('filters="colour"')[0], /kind, level, tag/);
  assert.equal(warned('worker="maybe"').length, 1);
  assert.deepEqual(Object.keys((await facets(tab)).facets), ['kind'], 'the known filter is shown');
  assert.equal(await tab.locator('scour-search [role=listbox]').isVisible(), true, 'inline, the default layout');
});

test('a widget with no index attribute, over an engine with no index of its own, says to add one', async () => {
  const tab = await visit('no-index', '');
  await tab.evaluate(() => document.querySelector('scour-search').removeAttribute('index'));
  await tab.locator('scour-search input').focus();
  await poll(() => state(tab), (s) => s.status === 'Search is unavailable. Retry', { message: 'the unavailable status' });
  // Said as the widget says why search is unavailable: console.error, the one error of the page.
  assert.equal(tab.errors.length, 1, tab.errors.join('\n'));
  assert.match(tab.errors.pop(), /^console\.error: scour: Error: <scour-search> has no index attribute, .*add index="…\/scour-index\.bin"/);
});

test('translations: lang on the element or the page picks the table; the strings property overrides; plurals', async () => {
  const cases = [
    { attrs: 'lang="de"', placeholder: 'Suche', status: /^10 von 60 Ergebnissen$/, more: 'Weitere Ergebnisse anzeigen' },
    { attrs: '', lang: 'fr', placeholder: 'Rechercher', status: /^10 sur 60 résultats$/, more: 'Afficher plus de résultats' },
    { attrs: '', lang: 'es-MX', placeholder: 'Buscar', status: /^10 de 60 resultados$/, more: 'Mostrar más resultados' },
    { attrs: '', lang: 'pt-BR', placeholder: 'Pesquisar', status: /^10 de 60 resultados$/, more: 'Mostrar mais resultados' },
    { attrs: 'lang="ja"', placeholder: '検索', status: /^60 件中 10 件を表示$/, more: 'さらに表示' },
    { attrs: 'lang="zh"', placeholder: '搜索', status: /^显示 60 条结果中的 10 条$/, more: '显示更多结果' },
  ];
  for (const c of cases) {
    const tab = await visit(`lang-${c.lang ?? c.attrs.slice(6, 8)}`, c.attrs, { lang: c.lang });
    // The page's language is there before the box is wanted; the engine is not.
    await poll(() => tab.locator('scour-search input').getAttribute('placeholder'), (p) => p === c.placeholder, { message: `placeholder ${c.placeholder}` });
    const own = (c.lang ?? c.attrs.slice(6, 8)).slice(0, 2);
    const early = await tab.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => /scour_engine|\/strings\//.test(u)));
    assert.deepEqual(early.map((u) => u.split('/').pop()), [`${own}.js`], 'the page language\'s table, no engine, no other table');
    await tab.locator('scour-search input').focus();
    await ready(tab);
    await search(tab, 'lantern');
    const s = await state(tab);
    assert.match(s.status, c.status, c.attrs + (c.lang ?? ''));
    assert.equal(await tab.locator('scour-search [part~=more]').innerText(), c.more);
  }
  // A language set before the box is wanted shows at once, in the placeholder.
  const later = await visit('lang-later', '');
  await later.evaluate(() => document.querySelector('scour-search').setAttribute('lang', 'fr'));
  await poll(() => later.locator('scour-search input').getAttribute('placeholder'), (p) => p === 'Rechercher', { message: 'the placeholder in French' });
  // Strings set while a language loads are kept once it is in.
  await later.evaluate(() => {
    const el = document.querySelector('scour-search');
    el.setAttribute('lang', 'de');
    el.strings = { search: 'In der Doku suchen' };
  });
  await poll(() => later.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/strings/de.js'))), Boolean, { message: 'the German table loaded' });
  await poll(() => later.evaluate(() => document.querySelector('scour-search').text.lang), (lang) => lang === 'de', { message: 'German in use' });
  assert.equal(await later.locator('scour-search input').getAttribute('placeholder'), 'In der Doku suchen');
  // One result: the singular, picked by Intl.PluralRules; and the strings property overrides.
  const tab = await visit('lang-strings', 'lang="de"');
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern 42');
  await search(tab, '"lantern 42"');
  await tab.evaluate(() => { document.querySelector('scour-search').strings = { more: 'Mehr!', none: 'Nichts zu „{q}“' }; });
  await search(tab, 'zzzqqq');
  assert.equal((await state(tab)).status, 'Nichts zu „zzzqqq“');
  // Setting the value searches; the answer is awaited, not a fixed time (a busy machine).
  await tab.evaluate(() => { document.querySelector('scour-search').value = 'lantern'; });
  const more = () => tab.evaluate(() => document.querySelector('scour-search').shadowRoot.querySelector('[part~=more]')?.textContent);
  await poll(more, (text) => text === 'Mehr!', { message: 'the overridden "more" string' });
});

test('worker: an index from files runs in a module worker; 100 keystrokes in a second end on the last query\'s hits, no older answer drawn after a newer one', async () => {
  const tab = await visit('worker', 'limit="5"');
  await tab.locator('scour-search input').focus();
  await ready(tab);
  const kind = await tab.evaluate(async () => (await document.querySelector('scour-search').ready).constructor.name);
  assert.equal(kind, 'RemoteScour', 'the engine is in a worker');
  assert.ok(await tab.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/widget/engine-worker.js'))));
  await tab.evaluate(() => { window.__renders = []; document.addEventListener('scour:search', (e) => window.__renders.push(e.detail.query)); });
  // 100 keystrokes in about a second: words typed and erased.
  const keys = [];
  const words = ['lantern ', 'wick ', 'trim ', 'oil ', 'guide '];
  while (keys.length < 100) for (const ch of words[keys.length % words.length]) keys.push(ch);
  keys.length = 100;
  // Each key is sent 10 ms after the one before, without waiting for the page to take it.
  const t0 = Date.now(), sent = [];
  for (const [i, ch] of keys.entries()) {
    sent.push(tab.keyboard.press(i % 9 === 8 ? 'Backspace' : ch === ' ' ? 'Space' : ch));
    const early = t0 + (i + 1) * 10 - Date.now();
    if (early > 0) await new Promise((r) => setTimeout(r, early));
  }
  await Promise.all(sent);
  const typedMs = Date.now() - t0;
  assert.ok(typedMs < 1500, `100 keystrokes in ${typedMs} ms`);
  const last = await tab.locator('scour-search input').inputValue();
  await poll(() => tab.evaluate(() => window.__renders.at(-1)), (q) => q === last, { message: 'the last query rendered', timeout: 10_000 });
  await tab.waitForTimeout(500);
  const renders = await tab.evaluate(() => window.__renders);
  assert.equal(renders.at(-1), last, 'nothing rendered after the last query');
  // Every render is of a query typed after the one rendered before it: no older answer came later.
  const typed = [];
  keys.reduce((v, ch, i) => { v = i % 9 === 8 ? v.slice(0, -1) : v + ch; typed.push(v); return v; }, '');
  assert.equal(typed.at(-1), last);
  let at = 0;
  for (const q of renders) {
    const next = typed.indexOf(q, at);
    assert.ok(next >= 0, `"${q}" rendered after a later query: ${JSON.stringify(renders)}`);
    at = next;
  }
  const shown = (await state(tab)).hits;
  const expected = await tab.evaluate(async (q) => (await (await document.querySelector('scour-search').ready).query(q, { limit: 5 })).hits.map((h) => h.title), last);
  assert.deepEqual(shown, expected, `the list holds the hits of "${last}"`);
  console.log(`  100 keystrokes in ${typedMs} ms: ${renders.length} renders, last "${last}"`);

  // worker="off": on the page.
  const page = await visit('worker-off', 'worker="off"');
  await page.locator('scour-search input').focus();
  await ready(page);
  assert.equal(await page.evaluate(async () => (await document.querySelector('scour-search').ready).constructor.name), 'Scour');
});

test('look, accessibility and screenshots: each layout open and closed, light and dark, 320 and 1280 px (axe-core: no violations)', async () => {
  for (const layout of ['inline', 'dropdown', 'modal']) {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [320, 1280]) {
        const tab = await visit(`look-${layout}`, `layout="${layout}" filters="kind,level"`, { viewport: { width, height: 720 }, colorScheme });
        await tab.evaluate((src) => (0, eval)(src), await import('node:fs').then((fs) => fs.readFileSync(AXE, 'utf8')));
        const axe = async (when) => {
          await tab.evaluate(() => Promise.all(document.querySelector('scour-search').shadowRoot.getAnimations().map((a) => a.finished)));
          const { violations } = await tab.evaluate(() => axe.run());
          const said = violations.map((v) => `${v.id}: ${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(' ')}: ${v.nodes[0].any.map((a) => a.message).join('; ')}`);
          assert.deepEqual(said, [], `axe, ${layout} ${when}, ${colorScheme} ${width}px`);
        };
        await axe('closed');
        if (layout === 'modal') await tab.keyboard.press('Control+k');
        else await tab.locator('scour-search input').focus();
        await ready(tab);
        await search(tab, 'lantern wick');
        await tab.keyboard.press('ArrowDown');
        await tab.keyboard.press('ArrowDown');
        await axe('open');
        const shot = `${SCREENSHOTS}/header-${layout}-${colorScheme}-${width}.png`;
        mkdirSync(SCREENSHOTS, { recursive: true });
        await tab.screenshot({ path: shot });
        if (width === 320) assert.ok(await tab.evaluate(() => document.documentElement.scrollWidth <= 320), `${layout}: no horizontal scroll at 320 px`);
      }
    }
  }
  // Focus ring, reduced motion and the title's underline below the marks.
  const tab = await visit('look-details', 'layout="dropdown"');
  await tab.emulateMedia({ reducedMotion: 'reduce' });
  await tab.locator('scour-search input').focus();
  await ready(tab);
  await search(tab, 'lantern');
  const look = await tab.evaluate(() => {
    const root = document.querySelector('scour-search').shadowRoot, input = root.querySelector('input');
    const title = root.querySelector('[part~=title]');
    return {
      outline: getComputedStyle(input).outlineStyle,
      animation: getComputedStyle(root.querySelector('.panel')).animationName,
      offset: parseFloat(getComputedStyle(title).textUnderlineOffset) / parseFloat(getComputedStyle(title).fontSize),
      path: root.querySelector('[part~=path]')?.textContent,
    };
  });
  assert.equal(look.outline, 'solid', 'a visible focus ring on the box');
  assert.equal(look.animation, 'none', 'no motion under prefers-reduced-motion');
  assert.ok(look.offset >= 0.3, 'the underline sits below the marks');
  assert.match(look.path, /^docs › (guide|reference|blog)$/, 'the path under the title');
});
