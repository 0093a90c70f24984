// Run-time loading of index files built by the CLI: `Scour.load(url)` and `Scour.fromBytes`
// in Chromium with the real wasm engine (www/pkg), against tests/fixtures/docs-site and
// tests/fixtures/html-site indexed by `scour index`. Expected results are derived from the
// fixture files themselves (front matter, folder layout), not hard-coded counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { setup, poll, watchErrors, ROOT } from './harness.mjs';

const DOCS_SITE = path.join(ROOT, 'tests/fixtures/docs-site');
const HTML_SITE = path.join(ROOT, 'tests/fixtures/html-site');

// Everything this file serves besides www/ lives in one temp dir, mounted at /_load/:
// a blank page to run the engine in, and the two index files written by the CLI.
const dir = mkdtempSync(path.join(tmpdir(), 'scour-load-'));
writeFileSync(
  path.join(dir, 'blank.html'),
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>load</title><link rel="icon" href="data:,"><p>blank</p>',
);
const DOCS_URL = '/_load/docs/scour-index.bin';
const HTML_URL = '/_load/html/scour-index.bin';

const h = setup({ mounts: { '/_load/': dir } });
after(() => rmSync(dir, { recursive: true, force: true }));

before(
  () => {
    // A site served from a folder of its own (/_load/served/), its index written inside it.
    cpSync(HTML_SITE, path.join(dir, 'served'), { recursive: true });
    const served = [[path.join(dir, 'served'), 'served/search'], [path.join(dir, 'served'), 'served/search-single', '--single-file']];
    for (const [site, out, ...flags] of [[DOCS_SITE, 'docs'], [HTML_SITE, 'html'], [DOCS_SITE, 'docs-single', '--single-file'], ...served]) {
      try {
        execFileSync('cargo', ['run', '--release', '-q', '--', 'index', site, '--out', path.join(dir, out), ...flags], {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: 'pipe',
          timeout: 600_000,
        });
      } catch (e) {
        throw new Error(`scour index ${path.relative(ROOT, site)} failed: ${e.message}\n${e.stderr ?? ''}`);
      }
      const file = path.join(dir, out, 'scour-index.bin');
      assert.ok(existsSync(file), `scour index wrote no ${file}`);
    }
  },
  { timeout: 600_000 },
);

// ---------------------------------------------------------------------------------------------
// What the docs-site fixture says about itself: id, url, date and tags of every page, read
// from its front matter (YAML `---` or TOML `+++`, in the forms the fixture uses).

/** Every file under `root` with extension `ext`, as paths relative to `root` with `/`. */
function files(root, ext) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(ext)) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

const unquote = (s) => s.trim().replace(/^(["'])(.*)\1$/, '$2');
/** `[a, "b"]` → ['a', 'b']. */
const inlineList = (s) => s.trim().replace(/^\[|\]$/g, '').split(',').map(unquote).filter(Boolean);

function frontMatter(text) {
  const fence = text.startsWith('---\n') ? '---' : text.startsWith('+++\n') ? '+++' : null;
  if (!fence) return {};
  const end = text.indexOf(`\n${fence}\n`, 4);
  assert.ok(end > 0, 'unterminated front matter');
  const lines = text.slice(4, end).split('\n');
  const fields = {};
  const sep = fence === '---' ? ':' : '=';
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].indexOf(sep);
    if (at < 0 || /^\s/.test(lines[i])) continue;
    const key = lines[i].slice(0, at).trim();
    let value = lines[i].slice(at + 1).trim();
    if (key === 'tags') {
      if (value) fields.tags = inlineList(value);
      else {
        fields.tags = [];
        while (/^\s+-\s/.test(lines[i + 1] ?? '')) fields.tags.push(unquote(lines[++i].replace(/^\s+-\s/, '')));
      }
    } else {
      fields[key] = unquote(value);
    }
  }
  return fields;
}

/** The first `# Heading` of a Markdown body (the title when the front matter has none). */
const firstHeading = (text) => text.match(/^# (.+)$/m)?.[1].trim();

const DOCS = files(DOCS_SITE, '.md').map((rel) => {
  const text = readFileSync(path.join(DOCS_SITE, rel), 'utf8');
  const fm = frontMatter(text);
  const id = rel.replace(/\.md$/, '');
  const folder = id === 'index' ? '' : id.replace(/(^|\/)index$/, '');
  return {
    id,
    url: folder ? `/${folder}/` : '/',
    title: fm.title ?? firstHeading(text),
    date: fm.date ? fm.date.slice(0, 10) : null,
    tags: fm.tags ?? [],
  };
});
const DOC = Object.fromEntries(DOCS.map((d) => [d.id, d]));

// A word of each page's own (each appears in that page only: checked below against the files).
const UNIQUE = {
  index: 'lighthouse',
  'guide/index': 'compass',
  'guide/install': 'tarball',
  'guide/configure': 'verbosity',
  'reference/cli': 'porcelain',
  'reference/troubleshooting': 'ulimit',
};
// A word in many docs-site pages, for facets, sorting and date bounds.
const COMMON = 'ferrule';
const containing = (word) =>
  DOCS.filter((d) => readFileSync(path.join(DOCS_SITE, `${d.id}.md`), 'utf8').toLowerCase().includes(word)).map((d) => d.id);

test('the fixture reading above understood the docs-site front matter', () => {
  assert.deepEqual(Object.keys(UNIQUE).sort(), DOCS.map((d) => d.id));
  for (const [id, word] of Object.entries(UNIQUE)) assert.deepEqual(containing(word), [id], word);
  assert.ok(DOCS.filter((d) => d.date).length >= 3, `too few dated pages: ${JSON.stringify(DOCS)}`);
  assert.ok(DOCS.some((d) => !d.date), 'some page is undated');
  assert.ok(DOCS.some((d) => d.tags.length > 1), 'some page has several tags');
  assert.ok(DOCS.every((d) => d.date === null || /^\d{4}-\d\d-\d\d$/.test(d.date)), JSON.stringify(DOCS));
  assert.ok(containing(COMMON).length >= 4, `${COMMON} is in too few pages`);
});

// ---------------------------------------------------------------------------------------------
// The page: /_load/blank.html with the engine imported and both indexes loaded.

/** A watched page (errors fail the test) with `window.docs` and `window.html` loaded. */
async function engine() {
  const page = await h.open('_load/blank.html');
  await page.evaluate(
    async ([docsUrl, htmlUrl]) => {
      const mod = await import('/pkg/scour_engine.js');
      await mod.default();
      window.Scour = mod.Scour;
      window.docs = await mod.Scour.load(docsUrl);
      window.html = await mod.Scour.load(htmlUrl);
    },
    [DOCS_URL, HTML_URL],
  );
  return page;
}

/** `scour.query(q, options)` with facet counts on the loaded index `which` ('docs' or 'html'). */
const query = (page, which, q, options) =>
  page.evaluate(([which, q, options]) => window[which].query(q, { facets: true, ...options }), [which, q, options]);

const ids = (results) => results.hits.map((hit) => hit.id);
const sorted = (list) => [...list].sort();

test('Scour.load opens CLI-built indexes; stats count the fixture pages', async () => {
  const page = await engine();
  const stats = await page.evaluate(() => [window.docs.stats(), window.html.stats()]);
  assert.equal(stats[0].documents, DOCS.length);
  assert.equal(stats[1].documents, files(HTML_SITE, '.html').length);
  const size = readFileSync(path.join(dir, 'docs/scour-index.bin')).length;
  assert.ok(stats[0].terms > 0 && stats[0].indexBytes > 0, JSON.stringify(stats));
  assert.ok(stats[0].indexBytes <= size * 64, `indexBytes ${stats[0].indexBytes} vs file ${size}`);
});

test('a word unique to a page finds that page first, with its title, url and front-matter date', async () => {
  const page = await engine();
  for (const [id, word] of Object.entries(UNIQUE)) {
    const results = await query(page, 'docs', word, { limit: 10 });
    const first = results.hits[0];
    assert.ok(first, `${word}: no hits`);
    const expected = DOC[id];
    assert.deepEqual(
      { id: first.id, title: first.title, url: first.url, date: first.date },
      { id, title: expected.title, url: expected.url, date: expected.date },
      `${word}`,
    );
    assert.ok(first.excerpt.toLowerCase().includes(word), `${word}: excerpt ${JSON.stringify(first.excerpt)}`);
    const marked = first.excerptMatches.map(([s, e]) => first.excerpt.slice(s, e).toLowerCase());
    assert.ok(marked.includes(word), `${word}: marked ${JSON.stringify(marked)} in ${JSON.stringify(first.excerpt)}`);
  }
  // The example of the brief, spelled out.
  const tarball = await query(page, 'docs', 'tarball');
  assert.deepEqual(ids(tarball), ['guide/install']);
  assert.equal(tarball.total, 1);
  assert.equal(tarball.hits[0].url, '/guide/install/');
  assert.equal(tarball.hits[0].date, DOC['guide/install'].date);
  // search() returns the same hits as query().hits.
  const hits = await page.evaluate(() => window.docs.search('tarball', { limit: 10 }));
  assert.deepEqual(hits, tarball.hits);
});

test('browse mode: an empty query with a tag filter lists exactly the pages with that tag', async () => {
  const page = await engine();
  const tags = [...new Set(DOCS.flatMap((d) => d.tags))].sort();
  assert.ok(tags.length >= 3, JSON.stringify(tags));
  for (const tag of tags) {
    const results = await query(page, 'docs', '', { filters: { tag: [tag] }, limit: 100 });
    const expected = DOCS.filter((d) => d.tags.includes(tag)).map((d) => d.id);
    assert.deepEqual(sorted(ids(results)), sorted(expected), `tag ${tag}`);
    assert.equal(results.total, expected.length, `tag ${tag}`);
  }
  // Several values: any of them; a string is one value.
  const two = [tags[0], tags[tags.length - 1]];
  const either = await query(page, 'docs', '', { filters: { tag: two }, limit: 100 });
  assert.deepEqual(sorted(ids(either)), sorted(DOCS.filter((d) => d.tags.some((t) => two.includes(t))).map((d) => d.id)));
  const one = await query(page, 'docs', '', { filters: { tag: tags[0] }, limit: 100 });
  assert.deepEqual(sorted(ids(one)), sorted(DOCS.filter((d) => d.tags.includes(tags[0])).map((d) => d.id)));
  // An unknown tag lists nothing; an empty query without restrictions lists nothing.
  assert.deepEqual(ids(await query(page, 'docs', '', { filters: { tag: ['no-such-tag'] } })), []);
  assert.deepEqual(ids(await query(page, 'docs', '', {})), []);
  // html-site filters from data-scour-filter.
  const docsSection = await query(page, 'html', '', { filters: { section: ['docs'] }, limit: 100 });
  assert.deepEqual(sorted(ids(docsSection)), ['docs/index', 'docs/intro']);
});

/** Facet counts the hits imply: for each tag, how many hits carry it. */
function expectedFacets(hitIds) {
  const counts = {};
  for (const id of hitIds) for (const tag of DOC[id].tags) counts[tag] = (counts[tag] ?? 0) + 1;
  return counts;
}

test('facets.tag counts the matching pages that carry each tag', async () => {
  const page = await engine();
  const all = await query(page, 'docs', COMMON, { limit: 100 });
  assert.equal(all.hits.length, all.total);
  assert.deepEqual(sorted(ids(all)), sorted(containing(COMMON)), `${COMMON}: hits`);
  assert.deepEqual(all.facets.tag ?? {}, expectedFacets(ids(all)), `${COMMON}: facets.tag`);
  assert.ok(Object.keys(all.facets.tag).length >= 3, JSON.stringify(all.facets));

  // Facets count every match, not only the page returned.
  const paged = await query(page, 'docs', COMMON, { limit: 1 });
  assert.equal(paged.hits.length, 1);
  assert.equal(paged.total, all.total);
  assert.deepEqual(paged.facets, all.facets);

  // With a filter, the counts are those of the filtered hits.
  const tag = DOCS.find((d) => d.tags.length > 1).tags[0];
  const filtered = await query(page, 'docs', COMMON, { filters: { tag: [tag] }, limit: 100 });
  const expected = containing(COMMON).filter((id) => DOC[id].tags.includes(tag));
  assert.deepEqual(sorted(ids(filtered)), sorted(expected), `${COMMON} tag ${tag}`);
  assert.deepEqual(filtered.facets.tag ?? {}, expectedFacets(ids(filtered)), `${COMMON} tag ${tag}: facets.tag`);

  // A unique word: the facets of its one page.
  const one = await query(page, 'docs', 'tarball', { limit: 100 });
  assert.deepEqual(one.facets.tag ?? {}, expectedFacets(['guide/install']));

  // No docs-site tag is on two pages; html-site's data-scour-filter="section:docs" is, so the
  // counts above 1 are checked there. Filters read from the attributes in the fixture files.
  const htmlFilters = Object.fromEntries(
    files(HTML_SITE, '.html').map((rel) => {
      const filters = {};
      for (const [, name, value] of readFileSync(path.join(HTML_SITE, rel), 'utf8').matchAll(/data-scour-filter="([^:"]+):([^"]+)"/g)) {
        (filters[name] ??= []).push(value);
      }
      return [rel.replace(/\.html$/, ''), filters];
    }),
  );
  const harbor = await query(page, 'html', 'harbor', { limit: 100 });
  assert.equal(harbor.hits.length, harbor.total);
  const counts = {};
  for (const id of ids(harbor)) {
    for (const [name, values] of Object.entries(htmlFilters[id])) {
      for (const value of values) {
        counts[name] ??= {};
        counts[name][value] = (counts[name][value] ?? 0) + 1;
      }
    }
  }
  assert.deepEqual(harbor.facets, counts, `harbor: facets of ${JSON.stringify(ids(harbor))}`);
  assert.ok(Object.values(counts).some((c) => Object.values(c).some((n) => n > 1)), JSON.stringify(counts));
});

/** Dates descending, undated (null) last. */
function assertNewestFirst(hits, what) {
  const dates = hits.map((hit) => hit.date);
  const firstUndated = dates.indexOf(null);
  const dated = firstUndated < 0 ? dates : dates.slice(0, firstUndated);
  assert.ok(dates.slice(dated.length).every((d) => d === null), `${what}: undated hits not last: ${JSON.stringify(dates)}`);
  for (let i = 1; i < dated.length; i++) {
    assert.ok(dated[i - 1] >= dated[i], `${what}: not newest first: ${JSON.stringify(dates)}`);
  }
}

test("sort: 'date' returns the newest first and the undated last", async () => {
  const page = await engine();
  const byDate = await query(page, 'docs', COMMON, { sort: 'date', limit: 100 });
  const byScore = await query(page, 'docs', COMMON, { sort: 'relevance', limit: 100 });
  assert.deepEqual(sorted(ids(byDate)), sorted(ids(byScore)), 'the same hits in another order');
  assert.equal(byDate.total, byScore.total);
  for (const hit of byDate.hits) assert.equal(hit.date, DOC[hit.id].date, hit.id);
  assertNewestFirst(byDate.hits, COMMON);
  const dated = byDate.hits.filter((hit) => hit.date);
  assert.ok(dated.length >= 3 && dated.length < byDate.hits.length, `want dated and undated hits: ${JSON.stringify(ids(byDate))}`);
  const expectedDates = containing(COMMON).map((id) => DOC[id].date).filter(Boolean).sort().reverse();
  assert.deepEqual(dated.map((hit) => hit.date), expectedDates);

  // Paging through the date order gives the same order.
  const pages = [];
  for (let offset = 0; offset < byDate.total; offset += 2) {
    pages.push(...ids(await query(page, 'docs', COMMON, { sort: 'date', limit: 2, offset })));
  }
  assert.deepEqual(pages, ids(byDate));

  // Browse mode sorted by date.
  const tag = DOCS.find((d) => d.date && d.tags.length).tags[0];
  const browse = await query(page, 'docs', '', { filters: { tag: [tag] }, sort: 'date', limit: 100 });
  assertNewestFirst(browse.hits, `browse tag ${tag}`);

  // html-site dates come from <meta name="date">.
  const html = await query(page, 'html', 'harbor OR tides OR squall OR barnacle', { sort: 'date', limit: 100 });
  assertNewestFirst(html.hits, 'html-site');
  assert.equal(html.hits[0].id, 'blog/storm');
  assert.equal(html.hits[0].date, '2024-09-30');
});

test('dateFrom / dateTo keep the pages dated within the bounds, inclusive', async () => {
  const page = await engine();
  const dates = [...new Set(DOCS.map((d) => d.date).filter(Boolean))].sort();
  assert.ok(dates.length >= 4, JSON.stringify(dates));
  const within = (from, to) => (d) => d.date && (!from || d.date >= from) && (!to || d.date <= to);
  const cases = [
    { dateFrom: dates[1], dateTo: dates[2] },
    { dateFrom: dates[1] },
    { dateTo: dates[1] },
    { dateFrom: dates[dates.length - 1], dateTo: dates[dates.length - 1] },
    { dateFrom: '1999-01-01', dateTo: '1999-12-31' },
    { dateFrom: dates[2], dateTo: dates[1] },
  ];
  const matching = containing(COMMON);
  for (const bounds of cases) {
    const keep = within(bounds.dateFrom, bounds.dateTo);
    const what = JSON.stringify(bounds);
    // With a query.
    const results = await query(page, 'docs', COMMON, { ...bounds, limit: 100 });
    const expected = matching.filter((id) => keep(DOC[id]));
    assert.deepEqual(sorted(ids(results)), sorted(expected), `${COMMON} ${what}`);
    assert.equal(results.total, expected.length, `${COMMON} ${what}: total`);
    assert.deepEqual(results.facets.tag ?? {}, expectedFacets(expected), `${COMMON} ${what}: facets`);
    // Browse mode: the bounds alone are a restriction.
    const browse = await query(page, 'docs', '', { ...bounds, limit: 100 });
    assert.deepEqual(sorted(ids(browse)), sorted(DOCS.filter(keep).map((d) => d.id)), `browse ${what}`);
  }
  // Bounds and a tag filter together.
  const [from, to] = [dates[0], dates[dates.length - 2]];
  const tag = DOCS.find((d) => d.tags.length > 1).tags[0];
  const both = await query(page, 'docs', '', { dateFrom: from, dateTo: to, filters: { tag: [tag] }, limit: 100 });
  assert.deepEqual(
    sorted(ids(both)),
    sorted(DOCS.filter((d) => within(from, to)(d) && d.tags.includes(tag)).map((d) => d.id)),
  );
});

test('html-site: page chrome, scripts and ignored sections are not found; content is', async () => {
  const page = await engine();
  const content = {
    index: 'barnacle',
    'docs/index': 'mooring',
    'docs/intro': 'anchorage',
    'docs/tides': 'neap',
    'blog/storm': 'squall',
  };
  const htmlIds = files(HTML_SITE, '.html').map((rel) => rel.replace(/\.html$/, ''));
  assert.deepEqual(Object.keys(content).sort(), htmlIds);
  for (const [id, word] of Object.entries(content)) {
    const results = await query(page, 'html', word);
    assert.deepEqual(ids(results), [id], word);
  }
  const tides = await query(page, 'html', 'neap');
  assert.equal(tides.hits[0].url, '/docs/tides.html');
  assert.equal(tides.hits[0].title, 'Tide tables');
  assert.equal(tides.hits[0].meta.author, 'Jane Doe');

  const hidden = [
    'Navigation-only-word',
    'Masthead-only-word',
    'Copyright-footer-word',
    'analyticsOnlyWord',
    'stylesheet-only-word',
    'Noscript-only-word',
    'Ignoredsecretword',
    'Outsidemain-only-word',
  ];
  // Each hidden word is in the fixture files (so not finding it means something).
  const sources = htmlIds.map((id) => readFileSync(path.join(HTML_SITE, `${id}.html`), 'utf8')).join('\n');
  for (const word of hidden) assert.ok(sources.includes(word), `${word} is not in the fixture`);
  for (const word of hidden) {
    for (const q of [word, `"${word}"`]) {
      const results = await query(page, 'html', q, { limit: 100 });
      assert.deepEqual(ids(results), [], `${q} must not be found`);
      assert.equal(results.total, 0, q);
    }
  }
  // And no stored text holds them.
  const bodies = await page.evaluate((list) => Promise.all(list.map((id) => window.html.document(id))), htmlIds);
  for (const [i, doc] of bodies.entries()) {
    assert.ok(doc, `document(${htmlIds[i]})`);
    for (const word of hidden) {
      assert.ok(!doc.body.includes(word) && !doc.title.includes(word), `${doc.id} holds ${word}`);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Bad input: a clear Error, never a crash.

/** Runs `fn` in the page; returns { name, message, isError } of what it threw or rejected with. */
const failure = (page, fn, arg) =>
  page.evaluate(
    async ([source, arg]) => {
      try {
        await new Function('arg', `return (${source})(arg)`)(arg);
      } catch (e) {
        return { isError: e instanceof Error, name: e?.name, message: String(e?.message ?? e) };
      }
      return null;
    },
    [fn.toString(), arg],
  );

/** A page of `context` whose errors are watched, with the engine as `window.Scour`. */
async function engineIn(context) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL('_load/blank.html', h.url).href);
  await page.evaluate(async () => {
    const mod = await import('/pkg/scour_engine.js');
    await mod.default();
    window.Scour = mod.Scour;
  });
  return { page, errors };
}

test('an index written inside a site served from a folder links to the pages in that folder', async () => {
  const page = await engine();
  for (const index of ['/_load/served/search/scour-index.bin', '/_load/served/search-single/scour-index.bin']) {
    const urls = await page.evaluate(async (index) => {
      const scour = await window.Scour.load(index);
      return (await scour.query('tide', {})).hits.map((hit) => hit.url);
    }, index);
    assert.ok(urls.length > 0, `${index}: hits for tide`);
    for (const url of urls) {
      assert.ok(url.startsWith('/_load/served/'), `${index}: ${url}`);
      const status = await page.evaluate((url) => fetch(url).then((r) => r.status), url);
      assert.equal(status, 200, `${index}: ${url} is a page of the site`);
    }
  }
  // From another origin, the pages are that origin's: whole URLs.
  const { server, origin } = await flakyHost();
  try {
    const urls = await page.evaluate(async (index) => {
      const scour = await window.Scour.load(index);
      return (await scour.query('tide', {})).hits.map((hit) => hit.url);
    }, `${origin}/as-is/served/search/scour-index.bin`);
    assert.ok(urls.length > 0 && urls.every((url) => url.startsWith(`${origin}/as-is/served/`)), JSON.stringify(urls));
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('Scour.load of a missing file rejects with an Error naming the URL and the status', async () => {
  // The 404 is expected: its own context, whose errors are checked here, allowing exactly it.
  const context = await h.browser.newContext();
  try {
    const { page, errors } = await engineIn(context);
    const missing = '/_load/no-such-index.bin';
    const got = await failure(page, (url) => window.Scour.load(url), missing);
    assert.ok(got, 'Scour.load of a missing file resolved');
    assert.equal(got.isError, true, JSON.stringify(got));
    assert.ok(got.message.includes(missing), `message names the URL: ${got.message}`);
    assert.match(got.message, /\b404\b/, `message names the status: ${got.message}`);
    // The page saw the 404 (and nothing else).
    await poll(() => errors.some((e) => e.startsWith('HTTP 404') && e.includes(missing)), Boolean, {
      message: 'the 404 response event',
    });
    const expected = (e) =>
      (e.startsWith('HTTP 404') && e.includes(missing)) ||
      /^console\.error: Failed to load resource: .*\b404\b/.test(e);
    assert.deepEqual(errors.filter((e) => !expected(e)), []);
  } finally {
    await context.close();
  }
});

test('Scour.load of a file that is not an index rejects saying what it is', async () => {
  const page = await engine();
  const url = '/_load/blank.html';
  const got = await failure(page, (url) => window.Scour.load(url), url);
  assert.ok(got, 'Scour.load of an HTML page resolved');
  assert.equal(got.isError, true, JSON.stringify(got));
  assert.ok(got.message.includes(url), `message names the URL: ${got.message}`);
  assert.match(got.message, /: the data is a web page \(HTML\), not a Scour index: .*publish every file/, got.message);
  // What a host sends in place of an index is named, with what to do: a single-page app's page
  // for every path, a compressed file served without saying so.
  const { server, origin } = await flakyHost();
  try {
    for (const file of ['docs-single/scour-index.bin', 'docs/scour-index.bin']) {
      const html = await loadWithin(page, `${origin}/page/${file}`);
      assert.match(html.message ?? '', /: the data is a web page \(HTML\), not a Scour index: .*single-page app's fallback/, JSON.stringify(html));
      const gzip = await loadWithin(page, `${origin}/gzip/${file}`);
      assert.match(gzip.message ?? '', /: the data is gzip-compressed, not a Scour index as written: .*Content-Encoding: gzip$/, JSON.stringify(gzip));
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('a server that never answers fails a load and a piece fetch after the timeout, saying so', async () => {
  const page = await engine();
  // Requests the route holds are never answered (routing also bypasses the HTTP cache).
  await page.route(/\/_load\/(stalled\/|docs\/pieces\/)/, () => {});
  const stalledEntry = '/_load/stalled/scour-index.bin';
  const entry = await failure(page, (url) => window.Scour.load(url, { timeout: 300 }), stalledEntry);
  assert.ok(entry?.isError, `the load of an unanswered entry: ${JSON.stringify(entry)}`);
  assert.ok(entry.message.includes(stalledEntry), entry.message);
  assert.match(entry.message, /no answer within 300 ms/, entry.message);
  // The entry is answered; the pieces a query needs are not.
  const piece = await failure(
    page,
    async (url) => (await window.Scour.load(url, { timeout: 300 })).query('tarball', {}),
    DOCS_URL,
  );
  assert.ok(piece?.isError, `a query whose pieces are not answered: ${JSON.stringify(piece)}`);
  assert.match(piece.message, /\/_load\/docs\/pieces\/.*no answer within 300 ms/, piece.message);
  // Past 2^31 - 1 ms, setTimeout would fire at once.
  for (const timeout of [0, -5, 1.5, 'soon', 2 ** 31]) {
    const refused = await failure(page, (t) => window.Scour.load('/_load/stalled/x.bin', { timeout: t }), timeout);
    assert.ok(refused?.isError, `timeout ${timeout}: ${JSON.stringify(refused)}`);
    assert.match(refused.message, /timeout must be a whole number of milliseconds/, refused.message);
  }
  // A load option of the wrong type is named as one, before anything is fetched.
  const lang = await failure(page, () => window.Scour.load('/_load/stalled/x.bin', { lang: 5 }));
  assert.equal(lang?.message, 'load options: lang must be a string', JSON.stringify(lang));
  const array = await failure(page, () => window.Scour.load('/_load/stalled/x.bin', ['fr']));
  assert.equal(array?.message, 'load options: expected an object of named options', JSON.stringify(array));
  // A search's option is none of a load's: named, with the options there are.
  const limit = await failure(page, () => window.Scour.load('/_load/stalled/x.bin', { limit: 5 }));
  assert.equal(limit?.message, 'load options: unknown option "limit": the options are lang, bytes, timeout', JSON.stringify(limit));
});

test('a piece whose body stalls fails after the timeout, and is fetched again once the server sends it', async () => {
  const page = await engine();
  // A server of its own (another origin, CORS allowed) for the docs index: its pieces send their
  // headers and five bytes, then nothing, until `stalling` is turned off.
  const docs = path.join(dir, 'docs');
  let stalling = true;
  const server = createServer((request, response) => {
    const file = path.join(docs, decodeURIComponent(new URL(request.url, 'http://host').pathname));
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    if (!file.startsWith(docs + path.sep) || !existsSync(file)) return response.writeHead(404, headers).end();
    const body = readFileSync(file);
    response.writeHead(200, { ...headers, 'content-type': 'application/octet-stream', 'content-length': body.length });
    if (stalling && file.includes(`${path.sep}pieces${path.sep}`)) response.write(body.subarray(0, 5));
    else response.end(body);
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  try {
    const url = `http://127.0.0.1:${server.address().port}/scour-index.bin`;
    const stalled = await page.evaluate(async (url) => {
      window.stalled = await window.Scour.load(url, { timeout: 300 });
      const pending = new Promise((resolve) => setTimeout(resolve, 5000, { pending: 'after 5 s' }));
      try {
        return await Promise.race([window.stalled.query('tarball', {}).then((answered) => ({ answered })), pending]);
      } catch (e) {
        return { message: String(e?.message ?? e) };
      }
    }, url);
    assert.match(stalled.message ?? '', /\/pieces\/.*no answer within 300 ms/, JSON.stringify(stalled));
    stalling = false;
    const [again, expected] = await page.evaluate(async () =>
      [(await window.stalled.query('tarball', {})).total, (await window.docs.query('tarball', {})).total]);
    assert.ok(expected > 0, 'the docs index finds tarball');
    assert.equal(again, expected, 'the piece that stalled is fetched again');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

/**
 * A server of its own on another origin (CORS allowed), serving `dir` as a flaky or misconfigured
 * host would: `/stall/F` sends F's headers and five bytes, then nothing; `/broken/F` five bytes,
 * then drops the connection; `/drip/F` sends F in eight parts 100 ms apart; `/page/F` answers
 * with an HTML page, as a single-page app's host does for every path; `/gzip/F` sends F
 * gzip-compressed without saying so; any other first folder, F as it is. Resolves to the server
 * and its origin.
 */
async function flakyHost() {
  const server = createServer((request, response) => {
    const [, mode, ...rest] = new URL(request.url, 'http://host').pathname.split('/');
    const file = path.join(dir, ...rest);
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    if (mode === 'page') return response.writeHead(200, { ...headers, 'content-type': 'text/html' }).end('<!doctype html>\n<title>App</title><div id=app></div>');
    if (!file.startsWith(dir + path.sep) || !existsSync(file)) return response.writeHead(404, headers).end();
    const body = mode === 'gzip' ? gzipSync(readFileSync(file)) : readFileSync(file);
    response.writeHead(200, { ...headers, 'content-type': 'application/octet-stream', 'content-length': body.length });
    if (mode === 'stall') return response.write(body.subarray(0, 5));
    if (mode === 'broken') return response.write(body.subarray(0, 5), () => setTimeout(() => response.destroy(), 50));
    if (mode !== 'drip') return response.end(body);
    const part = Math.ceil(body.length / 8);
    const send = (at) => {
      if (response.destroyed) return;
      if (at >= body.length) return response.end();
      response.write(body.subarray(at, at + part));
      setTimeout(send, 100, at + part);
    };
    send(0);
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Loads `url` with a 300 ms timeout in `page`: the total for `tarball`, a message, or pending after 5 s. */
function loadWithin(page, url) {
  return page.evaluate(async (url) => {
    const pending = new Promise((resolve) => setTimeout(resolve, 5000, { pending: 'after 5 s' }));
    const loaded = window.Scour.load(url, { timeout: 300 })
      .then(async (scour) => ({ total: (await scour.query('tarball', {})).total }));
    try {
      return await Promise.race([loaded, pending]);
    } catch (e) {
      return { message: String(e?.message ?? e) };
    }
  }, url);
}

test('a whole file is given up on once its body stops coming, not while it comes slowly', async () => {
  const page = await engine();
  const { server, origin } = await flakyHost();
  try {
    const expected = await page.evaluate(async () => (await window.docs.query('tarball', {})).total);
    assert.ok(expected > 0, 'the docs index finds tarball');
    // A single file and a chunked index's entry whose bodies stall.
    for (const file of ['docs-single/scour-index.bin', 'docs/scour-index.bin']) {
      const url = `${origin}/stall/${file}`;
      const got = await loadWithin(page, url);
      assert.ok(got.message?.includes(url), JSON.stringify(got));
      assert.match(got.message, /no answer within 300 ms/, got.message);
    }
    // A single file taking 700 ms whose parts never keep it waiting 300 ms.
    assert.deepEqual(await loadWithin(page, `${origin}/drip/docs-single/scour-index.bin`), { total: expected });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('a file whose connection breaks midway is refused saying so', async () => {
  // The broken responses are expected: its own context, whose errors are checked here.
  const context = await h.browser.newContext();
  const { server, origin } = await flakyHost();
  try {
    const { page, errors } = await engineIn(context);
    for (const file of ['docs-single/scour-index.bin', 'docs/scour-index.bin']) {
      const url = `${origin}/broken/${file}`;
      const got = await loadWithin(page, url);
      assert.match(got.message ?? '', /: the connection broke before the whole file came \(.+\); check it, then try again$/, JSON.stringify(got));
      assert.ok(got.message.startsWith(`cannot fetch ${url}:`), got.message);
    }
    const expected = (e) => /ERR_CONTENT_LENGTH_MISMATCH/.test(e);
    assert.deepEqual(errors.filter((e) => !expected(e)), []);
  } finally {
    server.closeAllConnections();
    server.close();
    await context.close();
  }
});

test('Scour.fromBytes refuses truncated, foreign and other-version bytes with advice', async () => {
  const page = await engine();
  const bytes = [...readFileSync(path.join(dir, 'docs-single/scour-index.bin'))];
  assert.ok(bytes.length > 100);
  // The intact bytes open and search like the loaded chunked index.
  const intact = await page.evaluate(async (b) => {
    const scour = window.Scour.fromBytes(new Uint8Array(b));
    return [scour.query('tarball', {}), await window.docs.query('tarball', {})];
  }, bytes);
  assert.deepEqual(intact[0], intact[1]);
  // The entry file of a chunked index is refused with advice: it needs Scour.load.
  const entry = [...readFileSync(path.join(dir, 'docs/scour-index.bin'))];
  const refused = await failure(page, (b) => window.Scour.fromBytes(new Uint8Array(b)), entry);
  assert.ok(refused?.isError, JSON.stringify(refused));
  assert.match(refused.message, /Scour\.load/, refused.message);

  const fromBytes = (b) => window.Scour.fromBytes(new Uint8Array(b));
  const newer = [...bytes];
  newer[8] = (newer[8] + 1) & 0xff;
  const cases = [
    ['half of the file', bytes.slice(0, bytes.length >> 1), 'truncated'],
    ['all but the last byte', bytes.slice(0, -1), 'truncated'],
    ['the header only', bytes.slice(0, 12), 'truncated'],
    ['format version byte changed', newer, 'rebuild the index with scour'],
    ['a zip file', [...Buffer.from('PK\x03\x04 a zip file', 'latin1')], 'not a Scour index'],
    ['nothing', [], 'not a Scour index'],
  ];
  for (const [what, data, expected] of cases) {
    const got = await failure(page, fromBytes, data);
    assert.ok(got, `${what}: fromBytes succeeded`);
    assert.equal(got.isError, true, `${what}: ${JSON.stringify(got)}`);
    assert.ok(got.message.includes(expected), `${what}: ${got.message}`);
  }
  // A flipped payload byte fails the checksum.
  const flipped = [...bytes];
  flipped[bytes.length - 5] ^= 0x55;
  const corrupt = await failure(page, fromBytes, flipped);
  assert.ok(corrupt?.isError, JSON.stringify(corrupt));
  assert.match(corrupt.message, /corrupt/, corrupt.message);
});

test('invalid search options throw Errors naming the option', async () => {
  const page = await engine();
  const cases = [
    [{ sort: 'sideways' }, 'sort'],
    [{ limit: -1 }, 'limit'],
    [{ limit: 1.5 }, 'limit'],
    [{ offset: -3 }, 'offset'],
    [{ dateFrom: 'yesterday' }, 'dateFrom'],
    [{ dateTo: '2024-13' }, 'dateTo'],
    [{ filters: { tag: [1] } }, 'filters.tag'],
    [{ filters: 'tag' }, 'filters'],
  ];
  for (const [options, name] of cases) {
    for (const method of ['query', 'search']) {
      const got = await failure(
        page,
        ([method, options]) => window.docs[method]('ferrule', options),
        [method, options],
      );
      const what = `${method}(${JSON.stringify(options)})`;
      assert.ok(got, `${what} did not throw`);
      assert.equal(got.isError, true, `${what}: ${JSON.stringify(got)}`);
      assert.ok(got.message.includes(name), `${what}: ${got.message}`);
    }
  }
  // The offending value is quoted where it is a string.
  const sort = await failure(page, () => window.docs.query('ferrule', { sort: 'sideways' }));
  assert.ok(sort.message.includes('sideways'), sort.message);
  const from = await failure(page, () => window.docs.query('ferrule', { dateFrom: 'yesterday' }));
  assert.ok(from.message.includes('yesterday'), from.message);
  // The engine still works after the errors.
  assert.deepEqual(ids(await query(page, 'docs', 'tarball')), ['guide/install']);
});
