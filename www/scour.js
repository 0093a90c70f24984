// <scour-search>: the search box a site puts in its page or header, over the Scour wasm engine.
// Usage: <script type="module" src="scour.js"></script> <scour-search></scour-search>
// This module is the element: its attributes, state and keyboard, wired to small modules in
// widget/: engine.js (loading, the worker), query.js (one search), render.js (results),
// strings.js (every text, translations), layout.js (the dropdown), modal.js, filters.js,
// shortcut.js (`/` and Ctrl/Cmd+K), offline.js, style.js and dom.js. DOM contract:
// docs/CONTRACTS.md; attributes: www/README.md.
// Only the widget's own modules load with the page: the engine (and an index's entry file) load
// when the box is wanted (focus, the pointer near it, a query set, `ready` read) or at idle time;
// answers to older keystrokes never replace newer ones (each query has a sequence number).
import { h, svg, adopt } from './widget/dom.js';
import { BASE, followScheme, unfollowScheme } from './widget/style.js';
import { EN, LANGUAGE_TAG, Text, languageOf, loadStrings, primaryLanguage } from './widget/strings.js';
import { connect, searchPage } from './widget/engine.js';
import { optionElement, entries, href } from './widget/render.js';
import { SHORTCUTS, listen, unlisten } from './widget/shortcut.js';

const LAYOUTS = ['inline', 'dropdown', 'modal'];
/** Inline: the results are part of the page, under the box. */
const inline = widget => ({
  show() {},
  escape: () => false,
  summon() { widget.input.focus(); widget.input.select(); },
});

/** Keys that move the caret in the box. */
const CARET_KEYS = ['Home', 'End', 'ArrowLeft', 'ArrowRight'];
/** Shows "Searching…" only for answers that take longer than this (a fetch, not a keystroke). */
const BUSY_DELAY_MS = 150;
const DEFAULT_LIMIT = 10;
/** The most hits a page asks for: a page of thousands would cost every keystroke. */
const MOST_LIMIT = 1000;
const NO_RESULTS = { hits: [], total: 0, facets: {}, suggestion: null };
let widgetCount = 0;

class ScourSearch extends HTMLElement {
  static observedAttributes = ['placeholder', 'index', 'limit', 'open-url-template', 'lang', 'filters', 'sort', 'theme', 'shortcuts'];

  constructor() {
    super();
    const id = this.uid = `scour-${++widgetCount}`;
    this.options = [];
    this.hits = [];
    this.total = 0;
    this.active = -1;
    this.expanded = true;
    this.engine = null;
    this.pending = null;
    this.sequence = 0;
    /** The engine whose answer a search awaits (keystrokes meanwhile wait for it), if any. */
    this.fetching = null;
    this.rerun = false;
    this.overrides = {};
    this.text = new Text('en', EN);
    this.expectEngine();
    this.input = h('input', {
      type: 'search', part: 'input', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': id + '-list', autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'search',
    });
    // Its direction is its text's: English on a right-to-left page reads left to right.
    this.statusLine = h('span', { role: 'status', 'aria-live': 'polite', part: 'status', dir: 'auto' });
    this.timing = h('span', { part: 'timing', 'aria-hidden': 'true' });
    this.list = h('div', { role: 'listbox', id: id + '-list', part: 'results', hidden: '' });
    this.filterSlot = h('div', { hidden: '' });
    // Not a stop of its own on Tab: a scrolling box of no focusable child would be one.
    this.panel = h('div', { class: 'panel', part: 'panel', tabindex: '-1' }, h('div', { class: 'bar' }, this.statusLine, this.timing), this.filterSlot, this.list);
    this.box = h('div', { class: 'box', part: 'box' }, this.input, this.panel);
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    adopt(root, BASE);
    root.append(this.box);

    // Text being composed (an IME's kana before its kanji) is searched once, when committed:
    // Safari and some of Firefox's input methods send the committing input after its end.
    const typed = () => { this.expanded = true; this.openOnAnswer = false; this.run(); };
    this.input.addEventListener('input', e => {
      if (e.isComposing) return;
      const committed = this.committed;
      this.committed = null;
      if (committed !== this.input.value) typed();
    });
    this.input.addEventListener('compositionend', () => { this.committed = this.input.value; typed(); });
    const show = () => { this.want(); this.expanded = true; this.sync(); };
    this.input.addEventListener('focus', show);
    // Enter pressed before an answer opens nothing once the visitor has gone elsewhere.
    this.input.addEventListener('blur', () => { this.openOnAnswer = false; });
    // A press in the box it has the focus of shows what Escape hid.
    this.input.addEventListener('click', () => this.expanded || show());
    this.addEventListener('pointerenter', () => this.want());
    this.input.addEventListener('keydown', e => this.key(e));
    // The focus stays in the box when a result is pressed (the combobox pattern).
    this.panel.addEventListener('mousedown', e => { if (!e.target.closest('button,select')) e.preventDefault(); });
    this.list.addEventListener('click', e => {
      const o = e.target.closest('[role=option]');
      if (o && !e.button && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey) { e.preventDefault(); this.go(+o.dataset.i); }
    });
  }

  connectedCallback() {
    listen(this);
    followScheme(this);
    if (this.layoutName) return;
    const load = this.getAttribute('load');
    if (load == 'idle') (window.requestIdleCallback ?? setTimeout)(() => this.want());
    else if (load != null && load != 'focus') this.warn('load', load, '"focus" (the default) or "idle"');
    this.setLayout();
    this.label();
    // Properties set before the upgrade hide the setters.
    for (const name of ['strings', 'value', 'open']) if (Object.hasOwn(this, name)) {
      const value = this[name];
      delete this[name];
      this[name] = value;
    }
    // The placeholder and the modal's button show before the box is wanted: their language now.
    if (languageOf(this) != 'en') this.loadText();
    // Back to a page whose inline list a hit was opened from: its query again.
    const kept = this.layoutName == 'inline' && history.state?.[this.stateKey()];
    if (typeof kept == 'string' && kept && !this.input.value) this.value = kept;
  }

  disconnectedCallback() {
    unlisten(this);
    unfollowScheme(this);
    // An open dropdown listens on the page (resize, pointer presses): closing it stops that. An
    // open modal moved in the page would come back a dialog that is not modal.
    if (this.expanded && this.layoutName != 'inline') this.open = false;
  }

  attributeChangedCallback(name, _, value) {
    if (name == 'placeholder') this.label();
    else if (name == 'index') this.pending && this.load();
    // The language searched opens its own index of a multilingual site.
    else if (name == 'lang' || name == 'filters') {
      if (this.pending) this.load();
      // The placeholder and the modal's button show before the box is wanted (once set up).
      else if (name == 'lang' && this.layout) this.loadText();
    }
    else if (name == 'sort') this.pending && this.loadFilters().then(() => this.run());
    else if (name == 'theme') /^(light|dark)?$/.test(value ?? '') || this.warn('theme', value, '"light" or "dark"');
    else if (name == 'shortcuts') this.showShortcut();
    else {
      if (name == 'open-url-template') this.urlTemplate = this.checkedTemplate();
      this.run();
    }
  }

  /** A promise of the engine (rejected when it cannot load); reading it starts loading. */
  get ready() { this.want(); return this.readyPromise; }
  /** The query in the box; setting it runs the search (after the engine is ready). */
  get value() { return this.input.value; }
  set value(q) { this.input.value = q; this.expanded = true; this.openOnAnswer = false; if (q) this.want(); this.run(); }
  /** Whether the results are shown (the list, the dropdown's panel, the modal's dialog). */
  get open() { return this.expanded; }
  set open(v) {
    this.expanded = !!v;
    if (!v) this.openOnAnswer = false;
    if (!v && this.layoutName == 'modal') this.layout.close();
    this.sync();
  }
  /** Overrides of the strings table (widget/strings.js), e.g. `{ more: 'More' }`. */
  get strings() { return this.overrides; }
  set strings(table) {
    this.overrides = {};
    for (const [key, value] of Object.entries({ ...table })) {
      // `filter:<name>` names a filter of the index (widget/filters.js).
      const known = Object.hasOwn(EN, key) || key.startsWith('filter:');
      if (!known) this.warn('strings', key, `one of its keys: ${Object.keys(EN).join(', ')}, or filter:<name>`, `strings.${key}`);
      else if (typeof value == 'string' || EN[key]?.other && Object.values({ other: 0, ...value }).every(form => typeof form == 'string')) this.overrides[key] = value;
      else this.warn('strings', key, 'a string, or plural forms { one, other } of strings', `strings.${key}`);
    }
    if (this.pending) this.loadText().then(() => this.run());
    else this.text = new Text(this.text.lang, { ...this.text.table, ...this.overrides });
    this.label();
  }

  /** The `layout` attribute's layout: inline unless it says dropdown or modal. */
  setLayout() {
    let name = this.getAttribute('layout') ?? 'inline';
    if (!LAYOUTS.includes(name)) {
      this.warn('layout', name, `one of ${LAYOUTS.map(l => `"${l}"`).join(', ')} (inline is the default)`);
      name = 'inline';
    }
    this.layoutName = name;
    this.box.classList.add(name);
    this.layout = inline(this);
    if (name == 'modal') this.setModal();
    else if (name == 'dropdown') {
      this.panel.hidden = true;
      import('./widget/layout.js').then(m => { this.layout = m.dropdown(this); this.sync(); }, e => {
        // Inline then: the results (and the status saying why search fails) stay in view.
        console.error('scour: the dropdown layout could not load:', e);
        this.box.classList.replace('dropdown', 'inline');
        this.layoutName = 'inline';
        this.panel.hidden = false;
      });
    }
  }

  /** The modal: its button now, the dialog's behaviour (widget/modal.js) when first wanted. */
  setModal() {
    const mac = /Mac|iP/.test(navigator.platform);
    const icon = svg('svg', { viewBox: '0 0 16 16', 'aria-hidden': 'true' });
    icon.append(svg('circle', { cx: '6.5', cy: '6.5', r: '4.5' }), svg('path', { d: 'm10 10 4.5 4.5' }));
    this.opener = h('button', { type: 'button', class: 'opener', part: 'button', 'aria-haspopup': 'dialog' },
      icon, h('span', { class: 'label' }), h('kbd', { 'aria-hidden': 'true' }, mac ? '⌘ K' : 'Ctrl K'));
    this.box.hidden = true;
    this.shadowRoot.prepend(this.opener);
    this.showShortcut();
    let modal;
    // A controller, or null when the modal could not load (said once, tried again next time).
    const controller = () => modal ??= import('./widget/modal.js').then(m => m.modal(this).controller, e => {
      modal = undefined;
      console.error('scour: the modal could not load:', e);
      return null;
    });
    this.layout = {
      show() {},
      escape: () => (controller().then(c => c?.escape()), true),
      summon: () => controller().then(c => c?.summon()),
      close: () => modal?.then(c => c?.close()),
      relabel: t => modal?.then(c => c?.relabel(t)),
    };
    this.opener.addEventListener('click', () => { this.want(); this.layout.summon(); });
    this.opener.addEventListener('focus', () => { this.want(); controller(); });
    this.addEventListener('pointerenter', controller, { once: true });
  }

  summon() { this.want(); this.layout.summon(); }

  /** The keys that summon this widget: its `shortcuts` attribute's. */
  shortcuts() {
    const value = this.getAttribute('shortcuts');
    if (value == null || Object.hasOwn(SHORTCUTS, value)) return SHORTCUTS[value ?? 'all'];
    this.warn('shortcuts', value, '"all" (the default: / and Ctrl/Cmd+K), "ctrl-k" or "none"');
    return SHORTCUTS.all;
  }

  /** The modal's button shows its key only when that key opens it. */
  showShortcut() {
    const hint = this.opener?.querySelector('kbd');
    if (hint) hint.hidden = !this.shortcuts().includes('ctrl-k');
  }

  label() {
    const placeholder = this.getAttribute('placeholder'), name = placeholder || this.text.get('search');
    this.input.placeholder = placeholder ?? this.text.get('search');
    this.input.setAttribute('aria-label', name);
    this.list.setAttribute('aria-label', this.text.get('results'));
    // The status is in its table's language, which may not be the page's (no table of it).
    if (Object.keys(this.overrides ?? {}).length) this.statusLine.removeAttribute('lang');
    else this.statusLine.lang = this.text.lang;
    this.opener?.querySelector('.label').replaceChildren(name);
    this.layout?.relabel?.(this.text);
  }

  /** Starts loading the engine, the page's strings and the filter bar, once. */
  want() { if (!this.pending) this.load(); }

  async load() {
    const index = this.getAttribute('index'), offline = this.getAttribute('offline'), lang = this.getAttribute('lang')?.trim() ?? '';
    if (lang != '*' && !LANGUAGE_TAG.test(lang)) this.warn('lang', lang, 'a language tag, or "*"');
    const pending = this.pending = Promise.all([
      (offline == null ? Promise.resolve() : import('./widget/offline.js').then(m => m.keepOffline(offline)))
        .then(() => {
          let url = '';
          try { if (index) url = this.indexUrl = new URL(index, document.baseURI).href; } catch {
            throw Error(`index="${index}" is not a URL: give an index's URL`);
          }
          return connect(url, { inWorker: this.inWorker(url), lang: this.searchLanguage() });
        }),
      this.loadText(),
      this.loadFilters(),
    ]).then(([engine]) => engine);
    if (this.engine || this.readyFailed) this.expectEngine();
    this.engine = null;
    this.openOnAnswer = false;
    this.sequence++; // the old index's hits go
    this.render('', NO_RESULTS);
    this.status(this.text.get('loading'));
    try {
      const engine = await pending;
      if (this.pending != pending) return;
      await this.filterBar?.check(engine).catch(e => console.warn('scour: filters:', e));
      if (this.pending != pending) return;
      this.engine = engine;
      this.resolveReady(engine);
      this.status('');
      this.run();
    } catch (e) {
      if (this.pending != pending) return;
      console.error('scour:', e);
      this.readyFailed = true;
      this.rejectReady(e);
      this.unavailable();
    }
  }

  /** Whether the engine runs in a worker: for an index from files, unless `worker="off"`. */
  inWorker(url) {
    const value = this.getAttribute('worker');
    if (value != null && value != 'on' && value != 'off') this.warn('worker', value, '"on" (the default) or "off"');
    return !!url && value != 'off';
  }

  /** The strings of the element's (or the page's) language, with the `strings` overrides. */
  async loadText() {
    const lang = languageOf(this), text = await loadStrings(lang, () => this.overrides);
    // A language set meanwhile has its own load.
    if (languageOf(this) != lang) return;
    this.text = text;
    this.label();
  }

  /** The names of the `filters` attribute. */
  filterNames() { return (this.getAttribute('filters') ?? '').split(',').map(n => n.trim()).filter(Boolean); }

  /** The filter bar (widget/filters.js), for a `filters` or `sort` attribute. */
  async loadFilters() {
    const names = this.filterNames(), sort = this.getAttribute('sort');
    if (!names.length && sort == null) {
      this.filterBar = null;
      this.filterSlot.replaceChildren();
      this.filterSlot.hidden = true;
      return;
    }
    const { FilterBar } = await import('./widget/filters.js');
    this.filterBar = new FilterBar(this, names, sort, () => this.run());
    if (this.engine) await this.filterBar.check(this.engine);
    this.filterSlot.replaceChildren(this.filterBar.element);
    this.filterSlot.hidden = false;
  }

  /** A new `ready` promise, settled by the next load (a rejection nobody awaits is quiet). */
  expectEngine() {
    this.readyFailed = false;
    this.readyPromise = new Promise((resolve, reject) => { this.resolveReady = resolve; this.rejectReady = reject; });
    this.readyPromise.catch(() => {});
  }

  status(...parts) {
    // The same words again are not written again: a screen reader reads each change of the line.
    const same = parts.every(part => typeof part == 'string') && !this.statusLine.childElementCount && parts.join('') == this.statusLine.textContent;
    if (!same) this.statusLine.replaceChildren(...parts);
    this.sync();
  }

  /** Hits per page: the `limit` attribute when it is a whole number from 1 to 1000, else 10. */
  limit() {
    const value = this.getAttribute('limit');
    if (value == null) return DEFAULT_LIMIT;
    if (/^\s*[1-9]\d*\s*$/.test(value) && +value <= MOST_LIMIT) return +value;
    this.warn('limit', value, `a whole number from 1 to ${MOST_LIMIT}`);
    return DEFAULT_LIMIT;
  }

  /** Says once, on the console, that an attribute's value (or `what`) is not understood. */
  warn(name, value, accepted, what = `<scour-search ${name}="${value}">`) {
    const key = `${name}=${value}`;
    if ((this.warned ??= new Set()).has(key)) return;
    this.warned.add(key);
    console.warn(`scour: ${what} is not understood: use ${accepted}; the default is used instead.`);
  }

  /** "Search is unavailable" with a retry that loads the index again. */
  unavailable() {
    this.openOnAnswer = false;
    const retry = h('button', { type: 'button' }, this.text.get('retry'));
    retry.onclick = () => { this.pending = null; this.want(); this.input.focus(); };
    this.status(this.text.get('unavailable') + ' ', retry);
  }

  /**
   * The language searched: the element's or the page's `lang`, as its primary subtag (the engine
   * opens that language's own index of a multilingual site, and the index of all languages when
   * the site lacks it); none with `lang="*"`, or when `filters` names the `lang` facet (the
   * visitor picks).
   */
  searchLanguage() {
    if (this.getAttribute('lang')?.trim() == '*' || this.filterNames().includes('lang')) return undefined;
    return primaryLanguage(this) || undefined;
  }

  /** The query for the page of hits from `offset`. */
  request(q, offset) {
    return { q, limit: this.limit(), offset, lang: this.searchLanguage(), ...this.filterBar?.request() };
  }

  // Runs the query in the box and renders the results; fires `scour:search`. An answer may be a
  // promise (a chunked index fetching pieces, or the worker): keystrokes made meanwhile wait for
  // it, then the box's latest query runs (no piece is fetched for a skipped prefix), and only
  // the answer to the latest call is rendered.
  async run() {
    // An answer awaited from an index replaced since holds no keystroke back.
    if (this.fetching && this.fetching == this.engine) { this.rerun = true; return; }
    const engine = this.engine, q = this.input.value, sequence = ++this.sequence;
    if (!engine) return;
    const t0 = performance.now();
    let results = NO_RESULTS, failed = false;
    if (q.trim()) {
      try {
        results = searchPage(engine, this.request(q, 0));
        if (results instanceof Promise) {
          const busy = setTimeout(() => sequence == this.sequence && this.status(this.text.get('searching')), BUSY_DELAY_MS);
          this.fetching = engine;
          try { results = await results; } finally {
            clearTimeout(busy);
            if (this.fetching == engine) this.fetching = null;
            if (this.rerun) { this.rerun = false; this.run(); }
          }
        }
      } catch (e) {
        console.warn('scour:', e);
        failed = true;
        // A crashed engine or a stopped worker is not asked again: Retry loads a new one.
        if ((e.crashed || e.workerFailed) && this.engine == engine) this.engine = this.pending = null;
      }
    }
    if (sequence != this.sequence) return;
    const t1 = performance.now();
    const shown = failed ? NO_RESULTS : results;
    this.render(q, shown);
    if (failed) this.unavailable();
    const t2 = performance.now(), ms = t2 - t0;
    this.timing.textContent = q.trim() && this.hasAttribute('show-timing') ? this.text.get('ms', { ms: ms < 1 ? ms.toFixed(2) : ms.toFixed(1) }) : '';
    this.fire('search', { query: q, total: shown.total, ms, engineMs: t1 - t0, renderMs: t2 - t1 });
    if (this.openOnAnswer && q == this.input.value) {
      this.openOnAnswer = false;
      if (this.options.length) this.go(0);
    }
  }

  render(q, results) {
    const { hits, total, suggestion } = results;
    this.query = q;
    this.hits = hits;
    this.total = total;
    this.options = entries(hits);
    if (hits.length < total) this.options.push({ more: true });
    this.active = -1;
    this.list.replaceChildren(...this.options.map((option, i) => this.optionElement(option, i)));
    this.filterBar?.render(results, q);
    const text = this.text;
    q = q.replace(/^(.{60}).+/su, '$1…');
    if (!q.trim()) this.status('');
    else if (total) this.status(this.countText());
    else if (suggestion) {
      const suggestionButton = h('button', { type: 'button' }, suggestion);
      suggestionButton.onclick = () => { this.value = suggestion; this.input.focus(); };
      this.status(...text.parts('didYouMean', { q: h('bdi', {}, q), suggestion: suggestionButton }));
    } else this.status(...text.parts('none', { q: h('bdi', {}, q) }));
  }

  /** "644 results", or "Showing 10 of 644 results" while more can be loaded. */
  countText() {
    const n = this.total, shown = this.hits.length;
    return shown < n ? this.text.get('showing', { n, shown }) : this.text.get('count', { n });
  }

  optionElement(option, i) {
    return optionElement(option, `${this.uid}-${i}`, i, { text: this.text, index: this.indexUrl, link: (hit, section) => this.href(hit, this.query, section) });
  }

  /** The next page of hits ("Show more results"): appended, announced, the first new one active. */
  async more() {
    const engine = this.engine, q = this.query, sequence = this.sequence, shown = this.hits;
    if (this.loadingMore || !engine) return;
    this.loadingMore = true;
    let results;
    try {
      results = searchPage(engine, this.request(q, shown.length));
      if (results instanceof Promise) results = await results;
    } catch (e) {
      console.warn('scour:', e);
      if (sequence == this.sequence) this.unavailable();
      return;
    } finally { this.loadingMore = false; }
    // A search started or drawn meanwhile (a keystroke's answer may come first) has other hits.
    if (sequence != this.sequence || this.hits !== shown) return;
    const first = this.options.length - 1; // the "more" option's place
    this.list.lastElementChild?.remove();
    this.hits = [...this.hits, ...results.hits];
    const added = entries(results.hits);
    if (this.hits.length < this.total && results.hits.length) added.push({ more: true });
    this.options = [...this.options.slice(0, first), ...added];
    this.list.append(...added.map((option, i) => this.optionElement(option, first + i)));
    this.active = added.length ? first : first - 1;
    this.status(this.countText());
  }

  // Reflects the open state and the active option in ARIA and in the layout.
  sync() {
    const on = this.expanded && this.options.length > 0;
    this.list.hidden = !on;
    this.input.setAttribute('aria-expanded', on);
    [...this.list.children].forEach((o, i) => i == this.active ? o.setAttribute('aria-selected', 'true') : o.removeAttribute('aria-selected'));
    const activeOption = on && this.list.children[this.active];
    if (activeOption) {
      this.input.setAttribute('aria-activedescendant', activeOption.id);
      activeOption.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
    this.layout?.show(this.expanded && (on || !!this.statusLine.textContent || !this.filterSlot.hidden && !this.filterBar?.element.hidden));
  }

  key(e) {
    const n = this.options.length, k = e.key;
    // Safari ends a composition before the Enter that commits it, whose keyCode is still 229.
    if (e.isComposing || e.keyCode == 229) return;
    if (k == 'ArrowUp' && e.altKey) {
      // Alt+Up takes the visual focus back to the box and closes a dropdown (the combobox pattern).
      e.preventDefault();
      this.active = -1;
      if (this.layoutName == 'dropdown') this.open = false;
      else this.sync();
    } else if (CARET_KEYS.includes(k) && this.active >= 0) {
      // Keys that move the caret move the visual focus back to the box, as typing does.
      this.active = -1;
      this.sync();
    } else if ((k == 'ArrowDown' || k == 'ArrowUp') && n) {
      e.preventDefault();
      this.openOnAnswer = false;
      this.active = ((k == 'ArrowDown' ? this.active + 1 : (this.active < 0 ? n : this.active) - 1) + n) % n;
      this.expanded = true;
      this.sync();
    } else if (k == 'Enter' && this.expanded && this.input.value.trim() && this.query != this.input.value) {
      // The hits shown are an earlier query's: the first hit of the box's own opens once it is
      // answered (searched now when no answer is under way).
      e.preventDefault();
      this.openOnAnswer = true;
      if (!this.answerUnderWay()) this.run();
    } else if (k == 'Enter' && n && this.expanded) {
      e.preventDefault();
      this.go(Math.max(this.active, 0));
    } else if (k == 'Escape') {
      e.preventDefault();
      this.openOnAnswer = false;
      if (this.layout.escape()) return;
      if (this.input.value) this.value = '';
      else this.input.blur();
    }
  }

  /** Whether a search is awaiting its answer: pieces being fetched, or the engine loading. */
  answerUnderWay() {
    return !!this.fetching || !!this.pending && !this.engine && !this.readyFailed;
  }

  // Opens option i: "more" loads the next page; a hit (or a section) fires the cancelable
  // `scour:select`, then its link is followed and the results close.
  go(i) {
    const option = this.options[i], a = this.list.children[i];
    if (option?.more) return this.more();
    if (!option || !this.fire('select', option)) return;
    // An inline list stays, as the page's own results, and its query is kept for Back.
    if (this.layoutName == 'inline') history.replaceState({ ...history.state, [this.stateKey()]: this.input.value }, '');
    else this.open = false;
    location.assign(a.href);
  }

  /** Where the query of an inline list is kept in the page's history entry. */
  stateKey() {
    return 'scour-search:' + (this.id || [...document.querySelectorAll('scour-search')].indexOf(this));
  }

  /** The link of a hit or section (widget/render.js). */
  href(hit, q, section) {
    return href(hit, q, section, { template: this.urlTemplate, highlight: this.hasAttribute('highlight') });
  }

  /** `open-url-template`, unless it makes no http(s) or relative link of each hit's own (read
   * when it changes, not for every link). */
  checkedTemplate() {
    const template = this.getAttribute('open-url-template');
    if (!template || /^([^{]*\{(id|url)\})+[^{]*$/.test(template) && !/^\s*(?!https?:)[\w+.-]+:/i.test(template)) return template;
    this.warn('open-url-template', template, 'an http(s) or relative URL with {id} or {url}');
  }

  fire(type, detail) {
    return this.dispatchEvent(new CustomEvent('scour:' + type, { detail, bubbles: true, composed: true, cancelable: true }));
  }
}

customElements.get('scour-search') || customElements.define('scour-search', ScourSearch);
export { ScourSearch };
