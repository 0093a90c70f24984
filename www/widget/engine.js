// Loading and connecting the engine: the wasm engine module once per page, one engine per index
// shared by every widget on it ('' = the index embedded in the module). An index loaded from
// files (the `index` attribute) runs in a module Web Worker unless `worker="off"`
// (widget/worker.js); the embedded index, or a page where a worker cannot start, runs here.
// With `offline`, the service worker is registered first (widget/offline.js).
import { runSearch } from './query.js';

// The engine's wasm, written as bundlers (Vite, webpack) find and emit it.
const WASM = new URL('../pkg/scour_engine_bg.wasm', import.meta.url).href;
const engines = {};
let engineModule;

/**
 * Asks the browser for a file now, so the engine's files and the entry download in parallel
 * (the engine's module is asked for by its import, at the same moment).
 */
const preload = (href, type) => {
  if ([...document.querySelectorAll('link[rel$=preload]')].some(link => link.href == href)) return;
  const link = document.createElement('link');
  Object.assign(link, { rel: 'preload', href, as: 'fetch', crossOrigin: '' });
  if (type) link.type = type;
  document.head.append(link);
};

/** The engine module with its wasm instantiated, once per page (imported by a literal path, which bundlers follow). */
const loadEngine = () => engineModule ??= import('../pkg/scour_engine.js')
  .then(async m => (await m.default({ module_or_path: WASM }), m))
  .catch(e => { engineModule = null; throw e; });

/** One throwaway search: V8 compiles wasm lazily, so the first keystroke won't pay for it. */
export const warm = scour => scour.stats().chunked || scour.search('e', { limit: 1 });

/** The engine here on the page: `Scour.load(url)`, or the embedded index for ''. */
const onPage = url => (preload(WASM, 'application/wasm'), url && preload(url), loadEngine())
  .then(m => url ? m.Scour.load(url) : new m.Scour())
  .then(scour => (warm(scour), scour));

/**
 * The engine for the index at `url` ('' = the embedded one), shared by every widget asking for
 * it: a promise of a `Scour`, or of a `RemoteScour` (the same methods, answering with promises)
 * when `inWorker` and a worker can start.
 */
export function connect(url, { inWorker = false } = {}) {
  const key = (inWorker && url ? 'worker:' : 'page:') + url;
  return engines[key] ??= (inWorker && url
    ? import('./worker.js').then(w => w.openInWorker(url)).catch(e => {
      if (!e.workerFailed) throw e;
      console.warn(`scour: the search worker did not start (${e.message}); searching on the page`);
      return onPage(url);
    })
    : onPage(url)
  ).catch(e => { delete engines[key]; throw e; });
}

/** Runs a widget search (widget/query.js) on the page or in the engine's worker. */
export const searchPage = (scour, request) => scour.searchPage ? scour.searchPage(request) : runSearch(scour, request);
