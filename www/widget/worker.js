// The engine in a module Web Worker, seen from the page: `RemoteScour` has the methods of
// `Scour` (query, search, document, filters, stats), each a message to widget/engine-worker.js
// answered with a promise, and `searchPage` runs a whole widget search (widget/query.js) in one
// round trip. Every answer carries the id of its request, which settles that request's promise.

/**
 * Opens the index at `url` for `lang` in a worker `started` by widget/engine.js's
 * `startWorker`; rejects with `workerFailed` if the worker cannot run. `stopped` is called when
 * the worker stops later (its wasm trapped): it is not used again.
 */
export async function openInWorker({ worker, failure }, url, lang, stopped) {
  const remote = new RemoteScour(worker, failure, stopped);
  try {
    await remote.call('open', [url, lang]);
  } catch (e) {
    worker.terminate(); // a retry starts a new one
    throw e;
  }
  return remote;
}

// Exported so that its name survives minification: `ready`'s constructor says the engine is in
// a worker.
export class RemoteScour {
  /** `failure`: a promise of why `worker` failed (widget/engine.js's `startWorker`). */
  constructor(worker, failure, stopped) {
    this.worker = worker;
    this.stopped = stopped;
    /** Why the worker stopped: every call after it rejects with this at once. */
    this.failure = null;
    this.calls = new Map();
    this.nextId = 0;
    this.lastStats = null;
    worker.onmessage = ({ data: { id, value, error, crashed, stats } }) => {
      const call = this.calls.get(id);
      if (crashed) this.stop(`the search engine crashed (${error})`);
      if (!call) return;
      this.calls.delete(id);
      if (stats) this.lastStats = stats;
      error ? call.reject(Error(error)) : call.resolve(value);
    };
    // The worker's module failed to load or run (e.g. a policy forbids workers), or its wasm
    // trapped where no call could catch it.
    failure.then(why => this.stop(why));
  }

  /** Stops the worker for good: every call waiting or to come rejects with why. */
  stop(why) {
    if (this.failure) return;
    this.failure = Object.assign(Error(why), { workerFailed: true });
    this.worker.terminate();
    this.stopped?.();
    this.failAll(this.failure);
  }

  /** Sends `method(...args)` to the worker; a promise of its answer. */
  call(method, args = []) {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const id = ++this.nextId;
      this.calls.set(id, { resolve, reject });
      this.worker.postMessage({ id, method, args });
    });
  }

  failAll(error) {
    for (const { reject } of this.calls.values()) reject(error);
    this.calls.clear();
  }

  query(q, options) { return this.call('query', [q, options]); }
  search(q, options) { return this.call('search', [q, options]); }
  document(id) { return this.call('document', [id]); }
  filters() { return this.call('filters'); }
  /** The counts of the last answer (the worker sends them with each). */
  stats() { return this.lastStats; }
  /** A widget search (widget/query.js). */
  searchPage(request) { return this.call('searchPage', [request]); }
}
