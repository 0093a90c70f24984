// Which fields of a search's options are set, as one number: bit i for `FIELDS[i]` holding
// something other than undefined or null (a getter that throws leaves its field unset), 0 for no
// options, `NOT_AN_OBJECT` for options that are no object (or an array), `UNKNOWN` for options
// with a field of their own (`{ limt: 1 }`, which `unknownOption` explains). The engine then reads
// only the fields set: a keystroke's `{ limit: 10 }` costs two calls across the boundary, not a
// getter and its checks for each of eight fields. A set field is so read twice, here and by the
// engine (a getter that answers differently the second time is read as it then answers). With
// `load`, the options are `Scour.load`'s, whose fields are `LOAD_FIELDS`.
const FIELDS = ['limit', 'offset', 'facets', 'lang', 'dateFrom', 'dateTo', 'sort', 'filters'];
const LOAD_FIELDS = ['lang', 'bytes', 'timeout'];
const NOT_AN_OBJECT = 1 << FIELDS.length;
const UNKNOWN = NOT_AN_OBJECT << 1;

export function optionsSet(options, load) {
  if (options == null) return 0;
  // An array is an object, whose methods (`sort`) would read as options.
  if (typeof options !== 'object' || Array.isArray(options)) return NOT_AN_OBJECT;
  if (unknownOption(options, load) !== undefined) return UNKNOWN;
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

// Why options hold a field that a search (or with `load`, `Scour.load`) has none of, naming the
// first: a misspelt name is an error rather than an option silently left out. Inherited fields
// are read as options are, and not checked (an object's own methods are inherited).
export function unknownOption(options, load) {
  const known = load ? LOAD_FIELDS : FIELDS;
  let field;
  try {
    field = Object.keys(options).find((name) => !known.includes(name));
  } catch {
    // A proxy whose keys cannot be listed: its fields are read one by one, as always.
  }
  return field === undefined ? undefined : `unknown option "${field}": the options are ${known.join(', ')}`;
}
