// scour-site: Scour's search engine in WebAssembly, the build without an embedded index.
// Open a site's index (written by `npx scour-site index`) with `await Scour.load(url)`.
// Types: index.d.ts. This module sits one folder below the package's root, as the widget's
// engine.js does, so that both name the wasm by the same path: a bundler that leaves these URLs
// as written (esbuild) finds one file where both look.
import initEngine, { Scour as Engine } from '../pkg/scour_engine.js';

let loaded = false;

/**
 * The engine's `Scour` class. Used before `init()` has finished, it says so, rather than
 * failing inside the generated glue with a TypeError that names none of this.
 */
export const Scour = new Proxy(Engine, {
  get(target, key, receiver) {
    const value = Reflect.get(target, key, receiver);
    return !loaded && typeof value == 'function' && Object.hasOwn(target, key) ? notLoaded : value;
  },
  construct(target, args, newTarget) {
    if (!loaded) notLoaded();
    return Reflect.construct(target, args, newTarget);
  },
});

Object.defineProperty(Engine.prototype, 'constructor', { value: Scour, writable: true, configurable: true });

/**
 * The instances `free()` was called on. Any call on one then says so, rather than failing
 * inside the generated glue with "null pointer passed to rust"; a second `free()` does nothing.
 */
const freed = new WeakSet();
for (const name of Object.getOwnPropertyNames(Engine.prototype)) {
  const method = Engine.prototype[name];
  if (name == 'constructor' || name.startsWith('__') || typeof method != 'function') continue;
  Engine.prototype[name] = {
    [name](...args) {
      if (freed.has(this)) {
        if (name == 'free') return;
        throw new Error(`scour-site: this Scour was freed (its free() was called) and cannot ${name}: open the index again, with Scour.load, to search it`);
      }
      if (name == 'free') freed.add(this);
      return method.apply(this, args);
    },
  }[name];
}

/**
 * A chunked index's pieces are fetched from beside its entry file, so `fromFile` needs the
 * entry's http(s) URL where no page's URL resolves a relative one (in Node): it says so, where
 * the first search would fail to fetch "pieces/…".
 */
const fromFile = Engine.fromFile;
Engine.fromFile = function (bytes, url) {
  const scour = fromFile.call(this, bytes, url);
  if (scour.stats().chunked && !isFetched(url) && typeof location == 'undefined') {
    scour.free();
    throw new Error(`scour-site: cannot open ${url} as a chunked index: its pieces are fetched from beside it, so give its http(s) URL (with no page to resolve a path against, as in Node, fetch reads no paths or file: URLs)`);
  }
  return scour;
};

/** Whether `url` is one Node's `fetch` can ask for: http(s), not a path or a `file:` URL. */
function isFetched(url) {
  try { return /^https?:$/.test(new URL(url).protocol); } catch { return false; }
}

function notLoaded() {
  throw new Error('scour-site: the engine is not loaded yet: call `await init()` before using Scour');
}

/**
 * Loads the engine's wasm once (later calls wait for the same load): by default the package's
 * pkg/scour_engine_bg.wasm, named so that bundlers find it; `module_or_path` names another URL,
 * `Response`, bytes or compiled module.
 */
export async function init(options) {
  await initEngine(options ?? { module_or_path: new URL('../pkg/scour_engine_bg.wasm', import.meta.url) });
  loaded = true;
}

export default init;
