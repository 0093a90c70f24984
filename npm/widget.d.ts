// Types of the `<scour-search>` element (scour.js): importing the module defines the element.
import type { Hit, Scour, Section } from './index.js';

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

/**
 * `<scour-search>`: a search box over a Scour index. Attributes: `index` (the index's URL),
 * `placeholder`, `limit`, `load` (`"focus"` or `"idle"`), `open-url-template`, `theme`
 * (`"light"` or `"dark"`), `highlight`, `show-timing`, `offline`.
 */
export class ScourSearch extends HTMLElement {
  /** The query in the box; setting it searches. */
  value: string;
  /** Whether the result list is shown. */
  open: boolean;
  /** The engine, once loaded (rejected when it cannot load); reading it starts loading. */
  readonly ready: Promise<Scour>;
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
