// A small app over scour-site, as a site writes it: the engine's API and the widget, bundled by
// esbuild and Vite and searched in Chromium (../bundlers.test.mjs), type-checked by
// `tsc --noEmit --strict` (../types.test.mjs). The index is in search/ beside the page.
import { init, Scour, type Hit, type Results, type SearchOptions } from 'scour-site';
import 'scour-site/widget';
import type { RemoteScour, SearchEventDetail } from 'scour-site/widget';

const INDEX = new URL('search/scour-index.bin', document.baseURI).href;
const OPTIONS: SearchOptions = { limit: 5, sort: 'relevance' };

/** Lists the hits of "install" from the engine, then reports what the widget finds. */
async function main(): Promise<void> {
  await init();
  const scour = await Scour.load(INDEX);
  const results: Results = await scour.query('install', OPTIONS);
  document.querySelector('#hits')?.replaceChildren(...results.hits.map(hitItem));
  document.body.dataset.total = String(results.total);

  const box = document.querySelector('scour-search');
  if (!box) throw new Error('no <scour-search> on the page');
  box.addEventListener('scour:search', (event) => {
    const detail: SearchEventDetail = event.detail;
    document.body.dataset.widgetTotal = String(detail.total);
  });
  const engine: Scour | RemoteScour = await box.ready;
  document.body.dataset.documents = String(engine.stats()?.documents);
}

function hitItem(hit: Hit): HTMLLIElement {
  const item = document.createElement('li');
  item.textContent = hit.url ? `${hit.title} (${hit.url})` : hit.title;
  return item;
}

main().catch((error: unknown) => {
  document.body.dataset.error = String(error);
  throw error;
});
