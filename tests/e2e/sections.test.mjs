// Sections as sub-results in Chromium: tests/fixtures/docs-site indexed by `scour index`, its
// Markdown headings turned into anchored sections, searched through the JS API and shown by
// the widget as indented options linking to `page#anchor`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setup, poll, ROOT } from './harness.mjs';

const SITE = path.join(ROOT, 'tests/fixtures/docs-site');
// The fixture page and heading the queries below aim at (tests/fixtures/docs-site/guide/install.md).
const PAGE = { id: 'guide/install', url: '/guide/install/' };
const HEADING = 'Checking the installation';
const ANCHOR = 'checking-the-installation';

const dir = mkdtempSync(path.join(tmpdir(), 'scour-sections-'));
writeFileSync(
  path.join(dir, 'search.html'),
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>sections</title><link rel="icon" href="data:,">
<script type="module" src="/scour.js"></script>
<main><scour-search index="/_sections/index/scour-index.bin" highlight></scour-search></main>`,
);
const h = setup({ mounts: { '/_sections/': dir } });
after(() => rmSync(dir, { recursive: true, force: true }));

before(() => {
  execFileSync('cargo', ['run', '--release', '-q', '--', 'index', SITE, '--out', path.join(dir, 'index')], {
    cwd: ROOT, stdio: 'pipe', timeout: 600_000,
  });
}, { timeout: 600_000 });

test('a word under a heading gives that section as a sub-result with its anchor, url and excerpt', async () => {
  const page = await h.open('_sections/search.html');
  const results = await page.evaluate(async () => {
    const { default: init, Scour } = await import('/pkg/scour_engine.js');
    await init();
    const scour = await Scour.load('/_sections/index/scour-index.bin');
    return scour.query('commit', { limit: 10 });
  });
  const hit = results.hits.find((h) => h.id == PAGE.id);
  assert.ok(hit, JSON.stringify(results.hits.map((h) => h.id)));
  assert.equal(hit.sections.length, 1, JSON.stringify(hit.sections));
  const [section] = hit.sections;
  assert.deepEqual(
    { title: section.title, anchor: section.anchor, url: section.url },
    { title: HEADING, anchor: ANCHOR, url: `${PAGE.url}#${ANCHOR}` },
  );
  const marked = section.excerptMatches.map(([s, e]) => section.excerpt.slice(s, e).toLowerCase());
  assert.deepEqual(marked, ['commit']);
  assert.ok(!section.excerpt.includes(HEADING), `the excerpt starts after the heading: ${section.excerpt}`);
  // A word of the page's intro only gives no section.
  const intro = await page.evaluate(async () => {
    const { Scour } = await import('/pkg/scour_engine.js');
    const scour = await Scour.load('/_sections/index/scour-index.bin');
    return scour.query('quarantine', { limit: 10 });
  });
  assert.deepEqual(intro.hits.map((h) => [h.id, h.sections.length]), [[PAGE.id, 0]]);
});

test('the widget shows sections as indented options after their page, reachable by keyboard', async () => {
  const page = await h.open('_sections/search.html');
  const box = page.locator('scour-search input');
  await box.fill('commit');
  const options = page.locator('scour-search [role=option]');
  await poll(() => options.count(), (n) => n >= 2, { message: 'a hit and its section', timeout: 15_000 });
  const parts = await options.evaluateAll((list) => list.map((o) => [o.getAttribute('part'), o.querySelector('[part~=title]').textContent, o.getAttribute('href')]));
  const at = parts.findIndex(([part]) => part == 'hit section');
  assert.ok(at > 0, JSON.stringify(parts));
  assert.equal(parts[at - 1][0], 'hit', 'a section follows its page');
  assert.equal(parts[at][1], HEADING);
  const link = new URL(parts[at][2], page.url());
  assert.equal(link.pathname + link.hash, `${PAGE.url}#${ANCHOR}`);
  assert.equal(link.searchParams.get('scour-highlight'), 'commit', 'the highlight attribute adds the query');
  const indent = await options.nth(at).evaluate((o) => getComputedStyle(o).marginInlineStart);
  assert.notEqual(indent, '0px');
  await box.focus();
  for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown');
  const active = await page.evaluate(() => {
    const root = document.querySelector('scour-search').shadowRoot;
    return root.getElementById(root.querySelector('input').getAttribute('aria-activedescendant'))?.getAttribute('part');
  });
  assert.equal(active, 'hit section');
});
