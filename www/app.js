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
  if (urlDoc()) openDoc(urlDoc(), query);
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
  if (doc) openDoc(doc, q, shown !== undefined && doc !== shown);
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
  const alternatives = [...words].filter(Boolean).sort((a, b) => b.length - a.length).map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const wordPattern = alternatives.length && new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
  return (el, text) => {
    let i = 0;
    if (wordPattern) for (const m of text.matchAll(wordPattern)) {
      const markElement = document.createElement('mark');
      markElement.textContent = m[0];
      el.append(text.slice(i, m.index), markElement);
      i = m.index + m[0].length;
    }
    el.append(text.slice(i));
    return el;
  };
}

const title = reader.querySelector('h2'), meta = reader.querySelector('.meta'), body = reader.querySelector('.body');

/** The reader view of document `id`, or a line saying why it cannot be shown. */
function openDoc(id, q, focus) {
  showDoc(id, q, focus).catch(e => {
    console.error('scour demo:', e);
    showNothing('Document unavailable: the search engine could not be loaded');
  });
}

function showNothing(why) {
  title.textContent = why;
  meta.replaceChildren();
  body.replaceChildren();
}

async function showDoc(id, q, focus) {
  const scour = await box.ready, doc = await scour.document(id);
  if (!doc) return showNothing('Document not found');
  const highlight = await highlighter(scour, q);
  title.replaceChildren();
  highlight(title, doc.title || doc.id);
  meta.replaceChildren();
  if (doc.date) meta.append(Object.assign(document.createElement('time'), { dateTime: doc.date, textContent: doc.date }));
  if (doc.url && /^https?:/.test(doc.url)) {
    const a = Object.assign(document.createElement('a'), { href: doc.url, textContent: 'Original' });
    meta.append(doc.date ? ' · ' : '', a);
  }
  body.replaceChildren(...doc.body.split(/\n+/).map(p => p.trim()).filter(Boolean).map(p => highlight(document.createElement('p'), p)));
  document.title = `${doc.title || doc.id} — Scour`;
  if (focus) title.focus();
}

addEventListener('popstate', route);
addEventListener('hashchange', () => urlDoc() !== shown && route());
route();

// The widget says when the engine cannot load; this line then stays as it is.
box.ready.then(s => {
  const { documents, terms, indexBytes } = s.stats();
  $('#stats').textContent = `Scour · ${documents} documents, ${terms.toLocaleString()} terms, ${(indexBytes / 1024).toFixed(1)} KB index · works offline`;
}, () => {});
