// Loading and connecting the engine: the wasm engine module once per page, one engine per index
// and language shared by every widget on it ('' = the index embedded in the module; of an index
// of several languages, a language opens that language's own index). An index loaded from
// files (the `index` attribute) runs in a module Web Worker unless `worker="off"`
// (widget/worker.js); the embedded index, or a page where a worker cannot start, runs here.
// With `offline`, the service worker is registered first (widget/offline.js). An engine whose
// wasm trapped (a Rust panic, memory exhausted) is never used again: its calls reject, and the
// next load starts a new instance (or a new worker). A widget search (widget/query.js) is
// imported with an engine on the page; in a worker, only the worker imports it.

// The engine's wasm, written as bundlers (Vite, webpack) find and emit it.
const WASM = new URL('../pkg/scour_engine_bg.wasm', import.meta.url).href;
/** Milliseconds of searches that warm an engine up after loading (see `warm`). */
const WARM_MS = 200;
const engines = {};
let engineModule, instance = 0;
/** widget/query.js once imported: a page engine is handed out only after it is. */
let query;
const importQuery = () => query ? null : import('./query.js').then(m => { query = m; });

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

// A trap breaks the wasm instance, and one inside the engine's async work (a chunked index's
// pieces) is thrown in a microtask that none of its promises hears of. So the page's instance is
// watched: its first trap rejects `trapped`, and with it every call guarded on it; the
// instance and its engines are dropped, and the next load imports the module afresh (a new URL
// fragment is a new module instance; the files come from the cache).
let trapped, onTrap;
const isTrap = e => e instanceof WebAssembly.RuntimeError && String(e.stack).includes('scour_engine');
/** The Error a call on a crashed engine rejects with; `cause` is the trap. */
const crashed = e => Object.assign(Error(`the search engine crashed (${e.message}); it starts afresh on the next load`), { cause: e, crashed: true });
const trap = e => {
  if (!engineModule) return;
  engineModule = null;
  instance++;
  for (const key in engines) if (key.startsWith('page:')) delete engines[key];
  onTrap(crashed(e));
};
addEventListener('error', e => isTrap(e.error) && trap(e.error));
addEventListener('unhandledrejection', e => isTrap(e.reason) && trap(e.reason));

/** Runs `call` on the page's engine: a trap, now or while its promise is pending, rejects it. */
const guard = call => {
  const watched = trapped;
  let result;
  try { result = call(); } catch (e) {
    if (!isTrap(e)) throw e;
    trap(e);
    return watched;
  }
  return result instanceof Promise ? Promise.race([result, watched]) : result;
};

/** The engine module with its wasm instantiated, once per page (once per instance). */
const loadEngine = () => engineModule ??= (
  trapped = new Promise((_, reject) => { onTrap = reject; }),
  trapped.catch(() => {}),
  // A literal path, which bundlers follow; after a trap, the same file under a new fragment.
  instance ? import(/* @vite-ignore */ new URL(`../pkg/scour_engine.js#${instance}`, import.meta.url).href) : import('../pkg/scour_engine.js')
)
  .then(async m => (await m.default({ module_or_path: WASM }), m))
  .catch(e => { engineModule = null; throw e; });

/** Whether a widget has searched on the page: warming up stops then. */
let searched = false;
/** Each page engine's instance and the promise its trap rejects: once the instance trapped
 * (warming up, say), the engine's calls reject with it. */
const runsOn = new WeakMap();

/**
 * Warms the engine up between other work: a browser runs wasm as its baseline compiler made it
 * and optimises each function only once it has run enough, so the first keystrokes after loading
 * would take several times as long. The engine types its index's own words, one per task
 * (`Scour.warm`), for WARM_MS in all or until the first search; a chunked index is not warmed.
 */
const warm = async scour => {
  for (let word = 0, spent = 0; spent < WARM_MS && !searched; word++) {
    const start = performance.now();
    if (!await guard(() => scour.warm(word))) return;
    spent += performance.now() - start;
    await new Promise(resolve => setTimeout(resolve));
  }
};

/** The index embedded in the engine; an engine without one says the widget needs `index`. */
const embedded = Scour => {
  try {
    return new Scour();
  } catch (e) {
    if (!/no embedded index/.test(e.message)) throw e;
    throw Error('<scour-search> has no index attribute, and this engine no index of its own: add index="…/scour-index.bin", the address of the file scour index wrote');
  }
};

/** The engine here on the page: `Scour.load(url, { lang })`, or the embedded index for ''. */
const onPage = (url, lang) => (
  preload(WASM, 'application/wasm'), url && preload(url),
  Promise.all([loadEngine(), importQuery()])
)
  .then(([m]) => guard(() => url ? m.Scour.load(url, { lang }) : embedded(m.Scour)))
  .then(scour => (runsOn.set(scour, { instance, trapped }), warm(scour).catch(() => {}), scour));

/**
 * A module worker running widget/engine-worker.js, started at once: its files download while
 * widget/worker.js, which talks to it, does (one round trip less before the first result).
 * Returns the worker and `failure`, a promise of why, the first time it fails (it may before
 * widget/worker.js is there to listen). Throws `workerFailed` if none can start.
 */
const startWorker = () => {
  let worker;
  try {
    worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module', name: 'scour' });
  } catch (e) {
    throw Object.assign(Error(e.message), { workerFailed: true });
  }
  const failure = new Promise(resolve => {
    worker.onerror = event => {
      event.preventDefault();
      resolve(event.message || 'the worker failed');
    };
  });
  return { worker, failure };
};

/** The engine for the index at `url` in a worker; `stopped` is called if the worker stops. */
const workerEngine = async (url, lang, stopped) => {
  const started = startWorker();
  const talk = await import('./worker.js').catch(e => {
    started.worker.terminate();
    throw e;
  });
  return talk.openInWorker(started, url, lang, stopped);
};

/**
 * The engine for the index at `url` ('' = the embedded one) searching `lang` (none: every
 * language), shared by every widget asking for it: a promise of a `Scour`, or of a `RemoteScour`
 * (the same methods, answering with promises) when `inWorker` and a worker can start.
 */
export function connect(url, { inWorker = false, lang } = {}) {
  const key = (inWorker && url ? 'worker:' : 'page:') + url + (url && lang ? ' ' + lang : '');
  // A worker that stopped (its wasm trapped) is dropped: the next load starts another.
  const stopped = () => engines[key] == engine && delete engines[key];
  const engine = engines[key] ??= (inWorker && url
    ? workerEngine(url, lang, stopped).catch(e => {
      if (!e.workerFailed) throw e;
      console.warn(`scour: the search worker did not start (${e.message}); searching on the page`);
      return onPage(url, lang);
    })
    : onPage(url, lang)
  ).catch(e => { delete engines[key]; throw e; });
  return engine;
}

/** Runs a widget search (widget/query.js) on the page or in the engine's worker. */
export const searchPage = (scour, request) => {
  if (scour.searchPage) return scour.searchPage(request);
  searched = true;
  const engine = runsOn.get(scour);
  if (engine && engine.instance != instance) return engine.trapped;
  return guard(() => query.runSearch(scour, request));
};
