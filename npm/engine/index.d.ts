// Types of scour-site's engine (index.js): the `Scour` class, its options and what it answers.

/** A `[start, end)` range of UTF-16 indices into a JS string: a match to highlight. */
export type MatchRange = [start: number, end: number];

/**
 * What `search`, `query` and `document` return: the answer itself when every piece of the
 * index it needs is in memory (always for a single-file index), else a promise of it while a
 * chunked index fetches pieces. `await` works for both.
 */
export type Answer<T> = T | Promise<T>;

/** Options of `search` and `query`; every field is optional, and a field none of these throws. */
export interface SearchOptions {
  /** Most hits returned: a whole number of 0 or more, at most 1,000 (default 10). */
  limit?: number;
  /** Hits skipped before the first returned, for paging (default 0). */
  offset?: number;
  /** Only documents with one of the values of each named filter (`{ tag: ['rust', 'wasm'] }`). */
  filters?: Readonly<Record<string, string | readonly string[]>>;
  /** Only documents dated on or after this day, `"YYYY-MM-DD"`. */
  dateFrom?: string;
  /** Only documents dated on or before this day, `"YYYY-MM-DD"`. */
  dateTo?: string;
  /** Best first (default), or newest first. */
  sort?: 'relevance' | 'date';
  /** Count the hits per filter value (`Results.facets`); a chunked index fetches its filters for it. */
  facets?: boolean;
  /** Only the pages of this language, of an index of several (`"fr"`). */
  lang?: string;
}

/** Options of `Scour.load`; every field is optional. */
export interface LoadOptions {
  /** The language's own index, of a chunked index of several languages (`"fr"`). */
  lang?: string;
  /** The file's bytes, for a caller that fetched them itself. */
  bytes?: Uint8Array | ArrayBuffer;
  /** Milliseconds each request waits for the server to answer before it fails (default 30,000). */
  timeout?: number;
}

/** A section of a hit's page (a heading with an anchor) that matches the query. */
export interface Section {
  title: string;
  anchor: string;
  /** The page's URL with `#anchor`, when the page has a URL. */
  url: string | null;
  excerpt: string;
  excerptMatches: MatchRange[];
  titleMatches: MatchRange[];
}

/** A document that matches a query. */
export interface Hit {
  id: string;
  title: string;
  /** `"YYYY-MM-DD"`, when the document has a date. */
  date: string | null;
  url: string | null;
  /** The document's `data-scour-meta` fields. */
  meta: Record<string, string>;
  score: number;
  /** A passage of the document around the query's words. */
  excerpt: string;
  excerptMatches: MatchRange[];
  titleMatches: MatchRange[];
  /** Its best-matching sections, up to 3. */
  sections: Section[];
}

/** Documents per value of each filter: `{ tag: { rust: 3, wasm: 1 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** What `query` answers. */
export interface Results {
  hits: Hit[];
  /** Documents that match, of which `hits` is one page. */
  total: number;
  /** Hits per value of each filter (`{ tag: { rust: 3 } }`), with `facets: true`; else `{}`. */
  facets: FilterCounts;
  /** A spelling that finds documents, when the query finds none. */
  suggestion: string | null;
}

/** What `stats` answers. */
export interface Stats {
  documents: number;
  terms: number;
  /** Bytes of index read so far (all of it, unless chunked). */
  indexBytes: number;
  /** Whether pieces are fetched as queries need them. */
  chunked: boolean;
}

/** A document as the index stores it. */
export interface StoredDocument {
  id: string;
  title: string;
  date: string | null;
  url: string | null;
  body: string;
}

/** A search engine over one index. Bad input throws (or rejects with) an `Error` saying what is wrong. */
export class Scour {
  /** This build has no embedded index: open one with `Scour.load` or `Scour.fromBytes`. */
  private constructor();
  /**
   * Fetches an index written by `scour index`: a single file, or a chunked index's entry file
   * (`scour-index.bin`), whose pieces are fetched later, as queries need them.
   */
  static load(url: string | URL, options?: LoadOptions): Promise<Scour>;
  /** Opens a single-file index's bytes (`scour index --single-file`). */
  static fromBytes(bytes: Uint8Array | ArrayBuffer): Scour;
  /**
   * Opens the bytes of an index file fetched from `url` (a single file, or a chunked index's
   * entry, whose pieces are then fetched relative to `url`): `load` for a caller that fetched them.
   */
  static fromFile(bytes: Uint8Array | ArrayBuffer, url: string | URL): Scour;
  /** The best hits for `query`, in the search box's query language. */
  search(query: string, options?: SearchOptions): Answer<Hit[]>;
  /** Hits, total, facet counts and a spelling suggestion for `query`. */
  query(query: string, options?: SearchOptions): Answer<Results>;
  /** Every filter of the index with each of its values and how many documents carry it (`{ tag: { a: 3 } }`). */
  filters(): Answer<FilterCounts>;
  /** Document count, term count and the bytes of index read so far. */
  stats(): Stats;
  /** A stored document by id, or `undefined`. */
  document(id: string): Answer<StoredDocument | undefined>;
  /**
   * Types word `word` (modulo 64) of the index's own key by key, each key a search, and returns
   * how many searches ran (0 for a chunked index): the browser optimises the engine's wasm only
   * once it has run enough, so call it once per task in idle time after loading (word 0, 1, …),
   * before the visitor types.
   */
  warm(word: number): number;
  /** Frees the engine's memory. Any later call on the instance throws, saying so; a second `free()` does nothing. */
  free(): void;
}

/** Where the engine's wasm comes from: a URL, a fetch `Response`, its bytes or a compiled module. */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the engine's wasm once (later calls wait for the same load). By default the file beside
 * this module; with a bundler that does not copy files named by `new URL(…, import.meta.url)`
 * (esbuild), name it: `init({ module_or_path: url })`.
 */
export function init(options?: { module_or_path?: WasmSource | Promise<WasmSource> }): Promise<void>;
export default init;
