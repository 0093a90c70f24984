// What the engine's fetches need of JS. `handled(promise)`: the promise, its rejection marked
// handled, so that a piece fetch failing before anyone awaits it is no unhandled rejection (each
// caller that awaits it still sees it).
export function handled(promise) {
  promise.catch(() => {});
  return promise;
}

// The body of a fetched file as an `ArrayBuffer`, read as it comes: a slow connection may take
// longer over it than the server took to answer, but once none of it has come for `ms`
// milliseconds, `abort(why)` gives the request up, which fails the read with `why`; a connection
// that breaks fails it saying so. A few lines here rather than the stream's bindings in the engine.
export async function bodyWhileComing(response, ms, abort, why) {
  const reader = response.body.getReader();
  const parts = [];
  let length = 0;
  for (;;) {
    const timer = setTimeout(abort, ms, why);
    const { done, value } = await reader.read().catch(e => {
      throw e == why ? e : Error(`the connection broke before the whole file came (${e?.message ?? e}); check it, then try again`);
    }).finally(() => clearTimeout(timer));
    if (done) break;
    parts.push(value);
    length += value.length;
  }
  const body = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    body.set(part, at);
    at += part.length;
  }
  return body.buffer;
}

// The site's root, `levels` folders above the index fetched from `url` (at most its URL's
// folders): its path on the page's origin, its whole URL on another origin or with no page.
export function siteRoot(url, levels) {
  const index = new URL(url);
  const root = new URL('../'.repeat(Math.min(levels, index.pathname.length)) || './', index);
  return root.origin == globalThis.location?.origin ? root.pathname : root.href;
}
