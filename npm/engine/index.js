// scour-site: Scour's search engine in WebAssembly, the build without an embedded index.
// Open a site's index (written by `npx scour-site index`) with `await Scour.load(url)`.
// Types: index.d.ts. This module sits one folder below the package's root, as the widget's
// engine.js does, so that both name the wasm by the same path: a bundler that leaves these URLs
// as written (esbuild) finds one file where both look.
import initEngine, { Scour } from '../pkg/scour_engine.js';

export { Scour };

/**
 * Loads the engine's wasm once (later calls wait for the same load): by default the package's
 * pkg/scour_engine_bg.wasm, named so that bundlers find it; `module_or_path` names another URL,
 * `Response`, bytes or compiled module.
 */
export async function init(options) {
  await initEngine(options ?? { module_or_path: new URL('../pkg/scour_engine_bg.wasm', import.meta.url) });
}

export default init;
