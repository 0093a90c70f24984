// Search results as JS objects. Every key an index gives (a meta field's, a filter's or its
// value's) is set as an own property, `__proto__` and `constructor` too.
//
// Hits are built from one record the engine writes (src/hits.rs): every
// string of the hits joined in `text`, and `numbers` saying where each one is and holding the
// rest. One call across the boundary and one string decoded for all the hits, instead of a
// call per field, string, array and number.
//
// `numbers`: the hit count, then per hit: id, title, date, url (a string is its UTF-16 start
// and length in `text`; an absent one is -1, 0), the meta count and its key-value strings,
// score, excerpt, excerpt ranges, title ranges (a count, then start and end of each), the
// section count, and per section: title, anchor, url, excerpt, excerpt ranges, title ranges.
export function hitsFrom(text, numbers) {
  let at = 0;
  const next = () => numbers[at++];
  const string = () => {
    const start = next();
    const length = next();
    return start < 0 ? null : text.substring(start, start + length);
  };
  const ranges = () => {
    const list = new Array(next());
    for (let i = 0; i < list.length; i++) list[i] = [next(), next()];
    return list;
  };
  const meta = () => {
    const fields = {};
    for (let count = next(); count > 0; count--) ownKey(fields, string(), string());
    return fields;
  };
  const section = () => ({
    title: string(),
    anchor: string(),
    url: string(),
    excerpt: string(),
    excerptMatches: ranges(),
    titleMatches: ranges(),
  });
  const hits = new Array(next());
  for (let i = 0; i < hits.length; i++) {
    hits[i] = {
      id: string(),
      title: string(),
      date: string(),
      url: string(),
      meta: meta(),
      score: next(),
      excerpt: string(),
      excerptMatches: ranges(),
      titleMatches: ranges(),
      sections: Array.from({ length: next() }, section),
    };
  }
  return hits;
}

/** `{ filter: { value: count } }` from `[[filter, [[value, count], ...]], ...]`. */
export function facetsFrom(filters) {
  const object = (entries) => entries.reduce((made, [key, value]) => ownKey(made, key, value), {});
  return object(filters.map(([name, counts]) => [name, object(counts)]));
}

/** `object` with `key` set as its own property: `object[key] = value` would set the prototype
 * of `__proto__`. */
const ownKey = (object, key, value) =>
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
