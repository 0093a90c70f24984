// What tsc must refuse (`tsc --noEmit --strict`, ../types.test.mjs): each line below is an error
// the declarations catch. Type-checked only, never run.
import { Scour, type SearchOptions } from 'scour-site';
import type { ScourSearch } from 'scour-site/widget';

export function refused(scour: Scour, box: ScourSearch): void {
  // @ts-expect-error: this build has no embedded index, so no public constructor
  new Scour();
  // @ts-expect-error: a query is a string
  scour.search(42);
  // @ts-expect-error: sort is "relevance" or "date"
  const options: SearchOptions = { sort: 'newest' };
  // @ts-expect-error: a misspelt option is none of a search's
  scour.search('array', { limt: 5 });
  // @ts-expect-error: limit is a search's option, not a load's
  void Scour.load('/search/scour-index.bin', { limit: 5 });
  // @ts-expect-error: the detail of scour:search has no hits
  box.addEventListener('scour:search', (event) => event.detail.hits);
  // @ts-expect-error: ready is read-only
  box.ready = Scour.load('/search/scour-index.bin');
  void options;
}
