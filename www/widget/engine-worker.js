// The worker side of widget/worker.js (a module Web Worker, same origin as the widget): loads the
// wasm engine and one index (of a language), fetching the engine's glue, its wasm and the index's
// entry (or language table) at once, then answers each request with its id and the engine's stats.
// The widget's search (widget/query.js) is imported beside them, not before: a static import
// would be one more round trip before the engine's files are asked for.
const query = import('./query.js');
query.catch(() => {});

// The engine's wasm, written as bundlers (Vite, webpack) find and emit it.
const WASM = new URL('../pkg/scour_engine_bg.wasm', import.meta.url).href;
/** Milliseconds of searches that warm the engine up after loading, as widget/engine.js does. */
const WARM_MS = 200;
/** Milliseconds the index's server has to answer, as the engine waits for its pieces. */
const ANSWER_WITHIN_MS = 30_000;
let scour;

/** The response for `url`, or an Error naming it: why it failed, or that no answer came in time. */
const answered = url => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(Error(`no answer within ${ANSWER_WITHIN_MS} ms: check the connection and that the server is up, then try again`)), ANSWER_WITHIN_MS);
  return fetch(url, { signal: controller.signal })
    .catch(e => { throw Error(`cannot fetch ${url}: ${e.message}`); })
    .finally(() => clearTimeout(timer));
};

const methods = {
  async open(url, lang) {
    const wasm = fetch(WASM);
    const entry = answered(url).then(async r => {
      if (!r.ok) throw Error(`cannot fetch ${url}: the server answered ${r.status} ${r.statusText}`);
      return r.arrayBuffer();
    });
    entry.catch(() => {});
    const engine = await import('../pkg/scour_engine.js');
    await engine.default({ module_or_path: wasm });
    scour = await engine.Scour.load(new URL(url, location.href).href, { lang, bytes: await entry });
    warm();
  },
  query: (q, options) => scour.query(q, options),
  search: (q, options) => scour.search(q, options),
  document: id => scour.document(id),
  filters: () => scour.filters(),
  searchPage: async request => (await query).runSearch(scour, request),
};

/** Warming up: the index's own words typed, one per task, until WARM_MS or a visitor's first
 * request (filters are asked for as the widget loads). */
let warming = WARM_MS;
const VISITOR_REQUESTS = ['query', 'search', 'searchPage', 'document'];
const warm = (word = 0) => {
  const start = performance.now();
  if (warming <= 0 || !scour.warm(word)) return;
  warming -= performance.now() - start;
  setTimeout(warm, 0, word + 1);
};

self.onmessage = async ({ data: { id, method, args } }) => {
  if (VISITOR_REQUESTS.includes(method)) warming = 0;
  try {
    const value = await methods[method](...args);
    postMessage({ id, value, stats: scour?.stats() });
  } catch (e) {
    // A trap (a Rust panic, memory exhausted) breaks the wasm instance: the page stops this
    // worker and starts another.
    const crashed = e instanceof WebAssembly.RuntimeError;
    postMessage({ id, error: String(e?.message ?? e), crashed });
  }
};
