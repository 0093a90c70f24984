// Which fields of a search's options are set, as one number: bit i for `FIELDS[i]` holding
// something other than undefined or null (a getter that throws leaves its field unset), 0 for no
// options, `NOT_AN_OBJECT` for options that are no object (or an array). The engine then reads only
// the fields set: a keystroke's `{ limit: 10 }` costs two calls across the boundary, not a getter
// and its checks for each of eight fields. A set field is so read twice, here and by the engine (a
// getter that answers differently the second time is read as it then answers).
const FIELDS = ['limit', 'offset', 'facets', 'lang', 'dateFrom', 'dateTo', 'sort', 'filters'];
const NOT_AN_OBJECT = 1 << FIELDS.length;

export function optionsSet(options) {
  if (options == null) return 0;
  // An array is an object, whose methods (`sort`) would read as options.
  if (typeof options !== 'object' || Array.isArray(options)) return NOT_AN_OBJECT;
  let set = 0;
  FIELDS.forEach((field, bit) => {
    try {
      if (options[field] != null) set |= 1 << bit;
    } catch {
      // Read as unset, as the engine reads a throwing getter.
    }
  });
  return set;
}
