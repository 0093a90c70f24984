// Types of the `<scour-search>` element (scour.js): importing the module defines the element.
import type { FilterCounts, Hit, Results, Scour, SearchOptions, Section, Stats, StoredDocument } from './engine/index.js';

/** Detail of `scour:search`, fired after every search. */
export interface SearchEventDetail {
  query: string;
  total: number;
  /** Milliseconds from the keystroke to the rendered list. */
  ms: number;
  engineMs: number;
  renderMs: number;
}

/** Detail of `scour:select`, fired (cancelable) when a hit or one of its sections is opened. */
export interface SelectEventDetail {
  hit: Hit;
  /** The section opened, for a section's link. */
  section?: Section;
}

/** The element's own events (bubbling and composed), besides an HTMLElement's. */
export interface ScourSearchEventMap extends HTMLElementEventMap {
  'scour:search': CustomEvent<SearchEventDetail>;
  /** `preventDefault()` keeps the widget from following the link. */
  'scour:select': CustomEvent<SelectEventDetail>;
}

/** The engine running in the widget's Web Worker (`worker="on"`, the default with `index`): `Scour`'s methods, each answering with a promise. */
export interface RemoteScour {
  search(query: string, options?: SearchOptions): Promise<Hit[]>;
  query(query: string, options?: SearchOptions): Promise<Results>;
  document(id: string): Promise<StoredDocument | undefined>;
  filters(): Promise<FilterCounts>;
  /** The counts the worker sent with its last answer. */
  stats(): Stats | null;
}

/**
 * `<scour-search>`: a search box over a Scour index. Attributes (www/README.md): `index`,
 * `layout` (`inline`, `dropdown`, `modal`), `placeholder`, `limit`, `filters`, `sort`, `lang`,
 * `worker` (`on`, `off`), `load` (`focus`, `idle`), `show-timing`, `open-url-template`, `theme`
 * (`light`, `dark`), `highlight`, `offline`.
 */
export class ScourSearch extends HTMLElement {
  /** The query in the box; setting it searches. */
  value: string;
  /** Whether the results are shown (setting `false` closes a dropdown or the dialog). */
  open: boolean;
  /** Overrides of the widget's texts, by key: `{ more: 'More…', 'filter:tag': 'Topic' }`. */
  strings: Readonly<Record<string, string>>;
  /** The engine, once loaded (rejected when it cannot load); reading it starts loading. */
  readonly ready: Promise<Scour | RemoteScour>;
  addEventListener<K extends keyof ScourSearchEventMap>(
    type: K,
    listener: (this: ScourSearch, event: ScourSearchEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ScourSearchEventMap>(
    type: K,
    listener: (this: ScourSearch, event: ScourSearchEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'scour-search': ScourSearch;
  }
}
