// Service worker of <scour-search offline> (www/README.md, "Offline"). It keeps only what search
// needs, keyed by full URL: under its folder, the widget's files (scour.js, highlight.js, widget/
// and the engine in pkg/) and index entries (network first) and pieces (cache first: named by
// their content's hash); elsewhere, the pages holding an `offline` widget and the files they link
// (network first), as the widget lists them. The rest passes through. Online, nothing but a piece
// is ever answered from the cache, and no piece the engine found damaged there.
const CACHE = 'scour-3';
const HOME = new URL('./', location.href).href;
const WIDGET_FILES = ['scour.js', 'highlight.js', 'pkg/scour_engine.js', 'pkg/scour_engine_bg.wasm'].map(file => HOME + file);
/** The widget's modules (widget/*.js: its parts, the engine's worker, translations). */
const WIDGET_MODULES = HOME + 'widget/';
const PIECE = /\/pieces\/[\w-]+\.bin$/;
/** Requests for a page or a file it links (what a widget can ask to keep). */
const PAGE_DESTINATIONS = ['document', 'script', 'style'];

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', event => event.waitUntil(dropOtherCaches()));

// A page with an `offline` widget: keep its files, and control it now (its first visit).
self.addEventListener('message', event => {
  const urls = event.data?.keep;
  if (Array.isArray(urls)) event.waitUntil(Promise.all([self.clients.claim(), keep(urls)]));
});

self.addEventListener('fetch', event => {
  const answer = event.request.method == 'GET' && strategy(event.request);
  if (answer) event.respondWith(caches.open(CACHE).then(cache => answer(event, cache)));
});

/** How a request is answered, or nothing when it is not this worker's business. */
function strategy({ url, mode, destination }) {
  const path = url.split(/[?#]/)[0], home = path.startsWith(HOME);
  if (home && PIECE.test(path)) return piece;
  if (home && path.endsWith('.bin')) return entry;
  if (home && (WIDGET_FILES.includes(path) || path.startsWith(WIDGET_MODULES) && path.endsWith('.js'))) return widgetFile;
  if (url.startsWith(location.origin + '/') && (mode == 'navigate' || PAGE_DESTINATIONS.includes(destination))) return pageFile;
}

/**
 * A piece: the cached copy, else the network's answer (then cached, when it is one). The engine
 * asks past caches (`cache: 'reload'`) for a piece whose copy it found damaged: the network's
 * answer then replaces the copy (offline, the copy still answers, and the engine says what is
 * wrong with it).
 */
async function piece({ request }, cache) {
  const cached = await cache.match(request.url);
  if (cached && request.cache != 'reload') return cached;
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    return cached || Promise.reject(error);
  }
  if (response.ok && await isIndexFile(response)) await cache.put(request.url, response.clone());
  return response;
}

/** Whether a response is a file of Scour's, not a host's page for a file it lacks (never kept). */
async function isIndexFile(response) {
  const head = new Uint8Array(await response.clone().arrayBuffer()).subarray(0, 5);
  return String.fromCharCode(...head) == 'SCOUR';
}

/**
 * An index's entry: the network's answer, copied; offline, the copy. A new build's entry
 * reaches the engine only once the pieces cached for the earlier build are dropped.
 */
function entry({ request }, cache) {
  return networkFirst(request, () => cache.match(request.url), async fresh => {
    if (!await isIndexFile(fresh)) return;
    await dropPiecesOfOtherBuilds(cache, request.url, fresh.clone());
    await cache.put(request.url, fresh.clone());
  });
}

/** A widget file: the network's answer, copied; offline, the copy. */
function widgetFile(event, cache) {
  const url = event.request.url;
  return networkFirst(event.request, () => cache.match(url), fresh => event.waitUntil(cache.put(url, fresh.clone())));
}

/**
 * A page or a file it links: the network's answer, copied when a widget asked to keep it (a copy
 * exists); offline, the copy (for a page, the copy of its address whatever the query string:
 * `?q=…` and `?scour-highlight=…` are the page's state, not another page).
 */
async function pageFile(event, cache) {
  const { request } = event, kept = await cache.match(request.url);
  const anyQuery = () => request.mode == 'navigate' && cache.match(request.url, { ignoreSearch: true });
  return networkFirst(request, () => kept ?? anyQuery(), fresh => kept && event.waitUntil(cache.put(request.url, fresh.clone())));
}

/** The network's answer, given to `onFresh` when it is a success; offline, `fallback()`'s copy if any. */
async function networkFirst(request, fallback, onFresh) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    return (await fallback()) || Promise.reject(error);
  }
  if (response.ok) await onFresh(response);
  return response;
}

/** Caches the files a page lists that are not cached yet (pages of this origin only). */
async function keep(urls) {
  const cache = await caches.open(CACHE);
  const ours = urls.filter(url => typeof url == 'string' && url.startsWith(location.origin + '/'));
  await Promise.all(ours.map(async url => (await cache.match(url)) ?? cache.add(url).catch(e => console.warn(`scour sw: cannot keep ${url}:`, e))));
}

/** When an entry differs from its cached copy, the pieces cached beside it belong to another build. */
async function dropPiecesOfOtherBuilds(cache, url, fresh) {
  const folder = new URL('pieces/', url).href;
  const pieces = (await cache.keys()).filter(request => request.url.startsWith(folder));
  const old = pieces.length && await cache.match(url);
  if (!old || sameBytes(await old.arrayBuffer(), await fresh.arrayBuffer())) return;
  await Promise.all(pieces.map(request => cache.delete(request)));
}

function sameBytes(a, b) {
  const x = new Uint8Array(a), y = new Uint8Array(b);
  return x.length == y.length && x.every((byte, i) => byte == y[i]);
}

/** Caches of earlier versions of this worker (`scour-v1` ignored query strings, `scour-2` kept a host's page as a piece). */
async function dropOtherCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter(name => name.startsWith('scour-') && name != CACHE).map(name => caches.delete(name)));
}
