// Every string the widget shows or announces, from one table: English here, the other built-in
// languages in strings/<lang>.js, each fetched only when a widget needs it. `lang` on the element
// (or the nearest ancestor, or the page) picks the table; the `strings` property overrides any
// entry. Plurals and numbers use Intl.PluralRules and Intl.NumberFormat, made once per language
// when its table loads (with the page, or when the box is first wanted), never while typing.

export const EN = {
  search: 'Search', // the box's placeholder and accessible name, and the modal's button
  results: 'Search results', // the result list's accessible name
  loading: 'Loading search…',
  searching: 'Searching…',
  unavailable: 'Search is unavailable.',
  retry: 'Retry',
  count: { one: '{n} result', other: '{n} results' },
  showing: { one: 'Showing {shown} of {n} result', other: 'Showing {shown} of {n} results' },
  none: 'No results for “{q}”',
  didYouMean: 'No results for “{q}”. Did you mean {suggestion}?',
  more: 'Show more results',
  close: 'Close',
  filters: 'Filters',
  all: 'All',
  sort: 'Sort',
  relevance: 'Best match',
  newest: 'Newest first',
  ms: '{ms} ms',
};

/**
 * The built-in tables besides English, by primary subtag, each imported by a literal path so
 * that bundlers (Vite, esbuild, webpack) find and split them off.
 */
const TABLES = {
  de: () => import('./strings/de.js'),
  fr: () => import('./strings/fr.js'),
  es: () => import('./strings/es.js'),
  pt: () => import('./strings/pt.js'),
  ja: () => import('./strings/ja.js'),
  zh: () => import('./strings/zh.js'),
};

/** Languages with a built-in table (primary subtags). */
const LANGUAGES = ['en', ...Object.keys(TABLES)];

/** A language tag (`pt-BR`), or none. */
export const LANGUAGE_TAG = /^([a-z]{2,3}\b[\w-]*)?$/i;

/**
 * The primary subtag of the language `el` is written in (`pt-BR` → `pt`): its `lang`, else the
 * nearest ancestor's, i.e. the page's; '' when none says. `lang="*"` (a widget searching every
 * language) and a value that is no language tag name none: the ancestors' is used.
 */
export function primaryLanguage(el) {
  let declared = el.closest('[lang]') ?? document.documentElement;
  while (declared && !LANGUAGE_TAG.test(declared.lang?.trim())) declared = declared.parentElement?.closest('[lang]');
  return (declared?.lang ?? '').trim().toLowerCase().split('-')[0];
}

/** The built-in language for `el`: its `lang`, its ancestors' or the page's, else English. */
export function languageOf(el) {
  const primary = primaryLanguage(el);
  return LANGUAGES.includes(primary) ? primary : 'en';
}

const tables = { en: Promise.resolve(EN) };

/**
 * The strings of `lang` (English entries fill any gap), with `overrides()` over them as they
 * are once the table is in, as a `Text`: `text(key, values)` fills `{placeholders}` and picks
 * a plural form by `values.n`.
 */
export async function loadStrings(lang, overrides = () => ({})) {
  tables[lang] ??= TABLES[lang]().then(m => ({ ...EN, ...m.default })).catch(e => {
    delete tables[lang];
    console.warn(`scour: the ${lang} strings could not be loaded (${e.message}); English is used`);
    return EN;
  });
  const table = await tables[lang];
  // The overrides as they are once the table is in: set meanwhile, they count.
  const text = new Text(lang, { ...table, ...overrides() });
  text.plural && text.number; // made now, while the engine loads, rather than on a keystroke
  return text;
}

export class Text {
  constructor(lang, table) {
    this.lang = lang;
    this.table = table;
  }

  get plural() { return this.plurals ??= new Intl.PluralRules(this.lang); }
  get number() { return this.numbers ??= new Intl.NumberFormat(this.lang); }

  /** The string `key` with `{name}` filled from `values` (numbers formatted for the language). */
  get(key, values = {}) {
    return this.fill(this.template(key, values), values);
  }

  /**
   * The string `key` as its text and, in place of their placeholders, the nodes `nodes` names
   * (a query isolated in a `<bdi>`, a button), for a status line.
   */
  parts(key, nodes, values = {}) {
    // Split around a capture: the odd pieces are the placeholders.
    return this.template(key, values).split(/(\{\w+\})/).map((piece, i) => (i % 2 && nodes[piece.slice(1, -1)]) || this.fill(piece, values));
  }

  /** The string `key` unfilled, in the plural form `values.n` asks for. */
  template(key, values) {
    const s = this.table[key] ?? EN[key] ?? key;
    return typeof s == 'object' ? s[this.plural.select(values.n ?? 0)] ?? s.other : s;
  }

  fill(s, values) {
    return s.replace(/\{(\w+)\}/g, (_, k) => typeof values[k] == 'number' ? this.number.format(values[k]) : values[k] ?? '');
  }
}
