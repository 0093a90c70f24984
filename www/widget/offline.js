// The `offline` attribute: registers the service worker beside the widget (sw.js), lists the
// page's files for it to keep, and waits (once per page, at most WAIT_MS) until it controls the
// page, so that the engine, the index and its pieces are fetched through it and kept.
const WORKER = new URL('../sw.js', import.meta.url).href;
const WIDGET = new URL('../', import.meta.url).href;
/** Longest wait for the worker to take control of a first visit before search loads without it. */
const WAIT_MS = 3000;
let offlineReady;

/** Resolves once the worker controls the page, or after WAIT_MS; never rejects. */
export const keepOffline = scope => offlineReady ??= Promise.race([
  registerWorker(scope).catch(e => console.warn('scour: offline:', e.message)),
  new Promise(resolve => setTimeout(resolve, WAIT_MS)),
]);

async function registerWorker(scope) {
  const workers = navigator.serviceWorker;
  if (!workers) throw Error('this browser has no service workers here (they need https)');
  const registration = await workers.register(WORKER, { scope: scope || undefined });
  if (!location.href.startsWith(registration.scope)) throw Error(`the page is outside ${registration.scope}, the scope of ${WORKER}: for every page, give offline="/" and have the server send Service-Worker-Allowed: / with it, or write the bundle at the site's root`);
  // The page, the files it links, and the widget's own modules (fetched before the worker ran).
  const links = document.querySelectorAll('script[src],link[rel~=stylesheet],link[rel$=preload]');
  const modules = performance.getEntriesByType('resource').map(e => e.name)
    .filter(url => url.startsWith(WIDGET + 'widget/') || url == WIDGET + 'scour.js');
  (await workers.ready).active.postMessage({ keep: [location.origin + location.pathname, ...[...links].map(e => e.src || e.href), ...modules] });
  if (!workers.controller) await new Promise(resolve => workers.addEventListener('controllerchange', resolve, { once: true }));
}
