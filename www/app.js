// Demo page: the query lives in ?q=, the reader view in #doc=<id>.
import './scour.js';

const $ = s => document.querySelector(s);
const box = $('scour-search'), intro = $('#intro'), reader = $('#reader');
const urlQuery = () => new URLSearchParams(location.search).get('q') ?? '';
const urlDoc = () => new URLSearchParams(location.hash.slice(1)).get('doc');
let fresh = true, pause, shown;

// Typing rewrites the current history entry; the first change after a pause
// (or after opening a result) starts a new one, so Back goes to the previous search.
box.addEventListener('scour:search', ({ detail: { query } }) => {
  if (query === urlQuery()) return;
  const u = new URL(location);
  if (query) u.searchParams.set('q', query); else u.searchParams.delete('q');
  history[fresh ? 'pushState' : 'replaceState'](null, '', u);
  fresh = false;
  clearTimeout(pause);
  pause = setTimeout(() => fresh = true, 1000);
  if (urlDoc()) showDoc(urlDoc(), query);
});
box.addEventListener('scour:select', () => fresh = true);

// Example links fill the box without reloading.
intro.addEventListener('click', e => {
  const a = e.target.closest('a[href^="?q="]');
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  history.pushState(null, '', a.href);
  route();
  box.focus();
});

function route() {
  const q = urlQuery(), doc = urlDoc();
  if (box.value !== q) box.value = q;
  box.open = !doc;
  intro.hidden = !!doc;
  reader.hidden = !doc;
  if (doc) showDoc(doc, q, shown !== undefined && doc !== shown);
  else document.title = 'Scour — instant offline search';
  shown = doc;
}

// Highlights, in text, the words the engine matched for the query (as found in the hits' titles and excerpts).
async function highlighter(scour, q) {
  const words = new Set();
  if (q.trim()) for (const hit of (await scour.query(q, { limit: 1000 })).hits) {
    for (const [s, e] of hit.titleMatches) words.add(hit.title.slice(s, e).toLowerCase());
    for (const [s, e] of hit.excerptMatches) words.add(hit.excerpt.slice(s, e).toLowerCase());
  }
  const alt = [...words].filter(Boolean).sort((a, b) => b.length - a.length).map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = alt.length && new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt.join('|')})`, 'giu');
  return (el, text) => {
    let i = 0;
    if (re) for (const m of text.matchAll(re)) {
      const mk = document.createElement('mark');
      mk.textContent = m[0];
      el.append(text.slice(i, m.index), mk);
      i = m.index + m[0].length;
    }
    el.append(text.slice(i));
    return el;
  };
}

async function showDoc(id, q, focus) {
  const scour = await box.ready, d = await scour.document(id);
  const title = reader.querySelector('h2'), meta = reader.querySelector('.meta'), body = reader.querySelector('.body');
  if (!d) {
    title.textContent = 'Document not found';
    meta.replaceChildren();
    body.replaceChildren();
    return;
  }
  const hl = await highlighter(scour, q);
  title.replaceChildren();
  hl(title, d.title || d.id);
  meta.replaceChildren();
  if (d.date) meta.append(Object.assign(document.createElement('time'), { dateTime: d.date, textContent: d.date }));
  if (d.url && /^https?:/.test(d.url)) {
    const a = Object.assign(document.createElement('a'), { href: d.url, textContent: 'Original' });
    meta.append(d.date ? ' · ' : '', a);
  }
  body.replaceChildren(...d.body.split(/\n+/).map(p => p.trim()).filter(Boolean).map(p => hl(document.createElement('p'), p)));
  document.title = `${d.title || d.id} — Scour`;
  if (focus) title.focus();
}

addEventListener('popstate', route);
addEventListener('hashchange', () => urlDoc() !== shown && route());
route();

box.ready.then(s => {
  const { documents, terms, indexBytes } = s.stats();
  $('#stats').textContent = `Scour · ${documents} documents, ${terms.toLocaleString()} terms, ${(indexBytes / 1024).toFixed(1)} KB index · works offline`;
});
