// One widget search over a Scour engine, as plain data in and out, so that it runs the same on
// the page and in the worker: a page of hits (`offset`, `limit`), the filters and the order, and
// facet counts that are disjunctive within a facet (a facet with selected values is counted by
// a second query without its own selection, so its other values keep their counts).

/**
 * request: { q, limit, offset, filters: { name: [values] }, sort, facets: [names] | null, lang }
 * (`lang`: the language whose pages a multilingual index searches; none: every page).
 * Returns { hits, total, facets, suggestion }, or a promise of it while a chunked index fetches.
 */
export function runSearch(scour, { q, limit, offset = 0, filters = {}, sort, facets, lang }) {
  const chosen = Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length));
  const wanted = offset == 0 && facets?.length > 0;
  const calls = [scour.query(q, { limit, offset, filters: chosen, sort, facets: wanted, lang })];
  // Each facet with a selection: counted as if only the other facets' selections applied.
  const own = wanted ? facets.filter(name => Object.hasOwn(chosen, name)) : [];
  for (const name of own) {
    const { [name]: _, ...others } = chosen;
    calls.push(scour.query(q, { limit: 0, filters: others, facets: true, lang }));
  }
  const combine = ([main, ...counts]) => {
    // Own keys only, set as own keys: a filter may be named `constructor` or `__proto__`.
    const countsOf = (found, name) => (Object.hasOwn(found, name) ? found[name] : {});
    const named = wanted ? facets.map(name => {
      const i = own.indexOf(name);
      return [name, countsOf(i < 0 ? main.facets : counts[i].facets, name)];
    }) : [];
    return { hits: main.hits, total: main.total, suggestion: main.suggestion, facets: Object.fromEntries(named) };
  };
  return calls.some(c => c instanceof Promise) ? Promise.all(calls).then(combine) : combine(calls);
}
