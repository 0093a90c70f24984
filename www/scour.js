// <scour-search>: an offline full-text search box over the Scour wasm engine.
// Usage: <script type="module" src="scour.js"></script> <scour-search></scour-search>
// DOM contract: docs/CONTRACTS.md. All document text is inserted as text nodes.
// Nothing is fetched on page load: the engine (and an index's entry file) load when the box
// gets focus, the pointer comes near it, a query is set, or `ready` is read; `load="idle"`
// loads at idle time instead. A chunked index answers with promises while pieces arrive;
// answers to older keystrokes never replace newer ones. With `offline`, the service worker
// beside this file (sw.js) is registered then too, and keeps the page and its search offline.

let engineModule, widgetCount = 0;
const engines = {};
// The engine's wasm, beside this file, named as bundlers (Vite, webpack) find it.
const WASM = new URL('./pkg/scour_engine_bg.wasm', import.meta.url).href;
// Asks the browser for the engine's files and an index's entry file at once, so they
// download in parallel rather than one after another (glue → wasm → entry).
const preload = (href, as, type) => {
  if ([...document.querySelectorAll('link[rel$=preload]')].some(link => link.href == href)) return;
  const link = h('link', as ? { rel: 'preload', href, as, crossorigin: '' } : { rel: 'modulepreload', href });
  if (type) link.type = type;
  document.head.append(link);
};
// The engine module and its wasm are loaded once per page, relative to this file (an import
// of a literal path, which bundlers follow and split off).
const loadEngine = () => engineModule ??= import('./pkg/scour_engine.js')
  .then(async m => (await m.default({ module_or_path: WASM }), m))
  .catch(e => { engineModule = null; throw e; });
// One Scour instance per index ('' = the embedded one), shared by all widgets.
const connect = key => engines[key] ??= (preload(WASM, 'fetch', 'application/wasm'), key && preload(key, 'fetch'), loadEngine())
  .then(m => key ? m.Scour.load(key) : new m.Scour())
  // One throwaway search: V8 compiles wasm functions lazily, so the first keystroke won't pay
  // for it (a chunked index would fetch pieces for it: it is skipped there).
  .then(engine => (engine.stats().chunked || warm(engine), engine))
  .catch(e => { delete engines[key]; throw e; });
const warm = engine => engine.search('e', { limit: 1 });
// `offline`: the service worker beside this file keeps the page and its search for use offline.
const WORKER = new URL('sw.js', import.meta.url).href;
// Longest wait for the worker to take control of a first visit before search loads without it.
const WORKER_WAIT_MS = 3000;
let offlineReady;
// Waits (once per page, at most WORKER_WAIT_MS) for the worker, so that the engine, the index
// and its pieces are fetched through it and kept; search loads whatever happens.
const keepOffline = scope => offlineReady ??= Promise.race([
  registerWorker(scope).catch(e => console.warn('scour: offline:', e.message)),
  new Promise(resolve => setTimeout(resolve, WORKER_WAIT_MS)),
]);
// Registers the worker (scope: its folder, or `scope`), asks it to keep this page and the files it
// links, and resolves once it controls the page.
async function registerWorker(scope) {
  const workers = navigator.serviceWorker;
  if (!workers) throw Error('this browser has no service workers here (they need https)');
  const registration = await workers.register(WORKER, { scope: scope || undefined });
  if (!location.href.startsWith(registration.scope)) throw Error(`the page is outside ${registration.scope}, the scope of ${WORKER} (www/README.md, "Offline")`);
  const links = document.querySelectorAll('script[src],link[rel~=stylesheet],link[rel$=preload]');
  (await workers.ready).active.postMessage({ keep: [location.origin + location.pathname, ...[...links].map(e => e.src || e.href)] });
  if (!workers.controller) await new Promise(resolve => workers.addEventListener('controllerchange', resolve, { once: true }));
}
// Shows "Searching…" only for answers that take longer than this (a fetch, not a keystroke).
const BUSY_DELAY_MS = 150;

// h('a', {href}, 'text', node...): builds an element; strings become text nodes.
const h = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  e.append(...kids);
  return e;
};

// Appends `text` to `el`, wrapping the [start, end) UTF-16 ranges in <mark>.
const mark = (el, text = '', ranges = []) => {
  let i = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < i || e <= s) continue;
    el.append(text.slice(i, s), h('mark', {}, text.slice(s, e)));
    i = e;
  }
  el.append(text.slice(i));
  return el;
};

const STYLE = `
:host{display:block;color-scheme:light dark;
--b:var(--scour-bg,light-dark(#fff,#17191e));--f:var(--scour-fg,light-dark(#1c1e23,#e6e8ec));
--a:var(--scour-accent,light-dark(#0a55c8,#8cb6fa));--m:var(--scour-muted,light-dark(#596070,#a4abb8));
--l:var(--scour-border,light-dark(#c4c8d0,#434956));--k:var(--scour-mark-bg,light-dark(#ffe380,#6b5500));
--r:var(--scour-radius,10px);--g:var(--scour-gap,.75rem);
font:var(--scour-font,16px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif);background:var(--b);color:var(--f);overflow-wrap:anywhere}
:host([theme=light]){color-scheme:light}:host([theme=dark]){color-scheme:dark}
:host([hidden]),[hidden]{display:none!important}*{box-sizing:border-box}
input{width:100%;min-height:48px;margin:0;padding:.6em .9em;font:inherit;font-size:max(1em,16px);color:var(--f);background:var(--b);border:1px solid var(--l);border-radius:var(--r)}
input::placeholder{color:var(--m);opacity:1}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.bar{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:0 var(--g);color:var(--m);font-size:.875em}
.bar>:not(:empty){padding:.35em .2em}
button{font:inherit;font-weight:600;color:var(--a);background:none;border:0;margin:0;padding:0 .1em;min-height:24px;text-decoration:underline;cursor:pointer}
[role=listbox]{display:grid;gap:2px;margin:0 0 var(--g)}
[role=option]{display:block;padding:.6em .8em;min-height:48px;border-radius:var(--r);color:var(--f);text-decoration:none;border:2px solid transparent}
[role=option]:hover{background:color-mix(in srgb,var(--a) 8%,var(--b))}
[role=option][aria-selected=true]{border-color:var(--a);background:color-mix(in srgb,var(--a) 12%,var(--b))}
[part~=section]{margin-inline-start:1.5em;min-height:40px;padding:.35em .8em;border-inline-start:2px solid var(--l)}
[part~=section] [part~=title]{font-weight:500}
[part~=title]{font-weight:600;color:var(--a);text-decoration:underline;text-underline-offset:.15em}
p{margin:.25em 0 0}
[part~=meta]{display:block;margin-top:.2em;font-size:.85em;color:var(--m)}
mark{background:var(--k);color:var(--f);border-radius:2px;padding:0 1px}
@media (forced-colors:active){[role=option][aria-selected=true]{outline:3px solid Highlight}}
`;

class ScourSearch extends HTMLElement {
  static observedAttributes = ['placeholder', 'index', 'limit', 'open-url-template'];

  constructor() {
    super();
    const id = this.uid = `scour-${++widgetCount}`;
    this.hits = [];
    this.options = [];
    this.active = -1;
    this.expanded = true;
    this.engine = null;
    this.pending = null;
    this.sequence = 0;
    this.fetching = false;
    this.rerun = false;
    this.expectEngine();
    this.input = h('input', {
      type: 'search', part: 'input', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': id + '-list', autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'search',
    });
    this.statusLine = h('span', { role: 'status', 'aria-live': 'polite', part: 'status' });
    this.timing = h('span', { part: 'timing', 'aria-hidden': 'true' });
    this.list = h('div', { role: 'listbox', id: id + '-list', part: 'results', 'aria-label': 'Search results', hidden: '' });
    this.attachShadow({ mode: 'open', delegatesFocus: true }).append(h('style', {}, STYLE), this.input, h('div', { class: 'bar' }, this.statusLine, this.timing), this.list);
    this.label();

    this.input.addEventListener('input', () => { this.expanded = true; this.run(); });
    this.input.addEventListener('focus', () => { this.want(); this.expanded = true; this.sync(); });
    this.addEventListener('pointerenter', () => this.want());
    this.input.addEventListener('keydown', e => this.key(e));
    this.list.addEventListener('click', e => {
      const o = e.target.closest('[role=option]');
      if (o && !e.button && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey) { e.preventDefault(); this.go(+o.dataset.i); }
    });
    // "/" and Ctrl/Cmd+K focus the box (the first widget on the page wins).
    this.onDocumentKey = e => {
      const t = e.composedPath()[0], edit = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
      if (e.defaultPrevented || edit && t != this.input) return;
      if (e.key == '/' && !edit && !e.ctrlKey && !e.metaKey && !e.altKey || (e.ctrlKey || e.metaKey) && /^k$/i.test(e.key)) {
        e.preventDefault();
        this.input.focus();
        this.input.select();
      }
    };
  }

  connectedCallback() {
    document.addEventListener('keydown', this.onDocumentKey);
    const load = this.getAttribute('load');
    if (load == 'idle') (window.requestIdleCallback ?? setTimeout)(() => this.want());
    else if (load != null && load != 'focus') this.warn('load', load, '"focus" (the default) or "idle"');
  }

  disconnectedCallback() { document.removeEventListener('keydown', this.onDocumentKey); }

  attributeChangedCallback(name) {
    if (name == 'placeholder') this.label();
    else if (name == 'index') this.pending && this.load();
    else this.run();
  }

  /** A promise of the engine (rejected when it cannot load); reading it starts loading. */
  get ready() { this.want(); return this.readyPromise; }
  /** The query in the box; setting it runs the search (after the engine is ready). */
  get value() { return this.input.value; }
  set value(q) { this.input.value = q; this.expanded = true; if (q) this.want(); this.run(); }
  /** Whether the result list is shown (it closes after a hit is opened). */
  get open() { return this.expanded; }
  set open(v) { this.expanded = !!v; this.sync(); }

  label() {
    const p = this.getAttribute('placeholder');
    this.input.placeholder = p ?? 'Search';
    this.input.setAttribute('aria-label', p || 'Search');
  }

  /** Starts loading the engine, once. */
  want() { if (!this.pending) this.load(); }

  async load() {
    const index = this.getAttribute('index'), offline = this.getAttribute('offline');
    const pending = this.pending = (offline == null ? Promise.resolve() : keepOffline(offline))
      .then(() => connect(index ? new URL(index, document.baseURI).href : ''));
    if (this.engine || this.readyFailed) this.expectEngine();
    this.engine = null;
    this.status('Loading search…');
    try {
      const engine = await pending;
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

  /** A new `ready` promise, settled by the next load (a rejection nobody awaits is quiet). */
  expectEngine() {
    this.readyFailed = false;
    this.readyPromise = new Promise((resolve, reject) => { this.resolveReady = resolve; this.rejectReady = reject; });
    this.readyPromise.catch(() => {});
  }

  status(...t) { this.statusLine.replaceChildren(...t); }

  /** Hits shown: the `limit` attribute when it is a whole number of 1 or more, else 10. */
  limit() {
    const value = this.getAttribute('limit');
    if (value == null) return 10;
    if (/^\s*[1-9]\d*\s*$/.test(value)) return Math.min(+value, 1000);
    this.warn('limit', value, 'a whole number of 1 or more');
    return 10;
  }

  /** Says once, on the console, that an attribute's value is not understood. */
  warn(name, value, accepted) {
    const key = `${name}=${value}`;
    if ((this.warned ??= new Set()).has(key)) return;
    this.warned.add(key);
    console.warn(`scour: <scour-search ${name}="${value}"> is not understood: use ${accepted}; the default is used instead.`);
  }

  /** "Search is unavailable" with a retry that loads the index again. */
  unavailable() {
    const retry = h('button', { type: 'button' }, 'Retry');
    retry.onclick = () => { this.pending = null; this.want(); this.input.focus(); };
    this.status('Search is unavailable. ', retry);
  }

  // Runs the query in the box and renders the results; fires `scour:search`. A chunked
  // index may answer with a promise while it fetches pieces: keystrokes made meanwhile wait
  // for it, then the box's latest query runs (so no piece is fetched for a skipped prefix),
  // and only the answer to the latest call is rendered.
  async run() {
    if (this.fetching) { this.rerun = true; return; }
    const engine = this.engine, q = this.input.value, sequence = ++this.sequence;
    if (!engine) return;
    const t0 = performance.now();
    let results = { hits: [], total: 0, suggestion: null }, failed = false;
    if (q.trim()) {
      try {
        results = engine.query(q, { limit: this.limit() });
        if (results instanceof Promise) {
          const busy = setTimeout(() => sequence == this.sequence && this.status('Searching…'), BUSY_DELAY_MS);
          this.fetching = true;
          try { results = await results; } finally {
            clearTimeout(busy);
            this.fetching = false;
            if (this.rerun) { this.rerun = false; this.run(); }
          }
        }
      } catch (e) {
        console.warn('scour:', e);
        failed = true;
      }
    }
    if (sequence != this.sequence) return;
    const t1 = performance.now();
    if (failed) {
      this.render(q, { hits: [], total: 0 });
      this.unavailable();
    } else this.render(q, results);
    const t2 = performance.now(), ms = t2 - t0;
    this.timing.textContent = q.trim() && this.hasAttribute('show-timing') ? `${ms < 1 ? ms.toFixed(2) : ms.toFixed(1)} ms` : '';
    this.fire('search', { query: q, total: results.total, ms, engineMs: t1 - t0, renderMs: t2 - t1 });
  }

  render(q, { hits, total, suggestion }) {
    this.hits = hits;
    // Each hit is an option, followed by its sections (sub-results) as options of their own.
    this.options = hits.flatMap(hit => [{ hit }, ...(hit.sections ?? []).map(section => ({ hit, section }))]);
    this.active = -1;
    this.list.replaceChildren(...this.options.map((option, i) => this.optionElement(option, i, q)));
    if (!q.trim()) this.status('');
    else if (total) this.status(`${total} result${total == 1 ? '' : 's'}`);
    else if (suggestion) {
      const b = h('button', { type: 'button' }, suggestion);
      b.onclick = () => { this.value = suggestion; this.input.focus(); };
      this.status(`No results for “${q}”. Did you mean `, b, '?');
    } else this.status(`No results for “${q}”`);
    this.sync();
  }

  /** A hit as a link, or one of its sections as an indented link to its heading. */
  optionElement({ hit, section }, i, q) {
    const attrs = { role: 'option', id: `${this.uid}-${i}`, tabindex: '-1', 'data-i': i };
    if (section) {
      return h('a', { ...attrs, part: 'hit section', href: this.href(hit, q, section) },
        mark(h('span', { part: 'title' }), section.title, section.titleMatches),
        mark(h('p', { part: 'excerpt' }), section.excerpt, section.excerptMatches));
    }
    const meta = h('span', { part: 'meta' });
    if (hit.date) meta.append(h('time', { datetime: hit.date }, hit.date));
    return h('a', { ...attrs, part: 'hit', href: this.href(hit, q) },
      mark(h('span', { part: 'title' }), hit.title || hit.id, hit.titleMatches),
      mark(h('p', { part: 'excerpt' }), hit.excerpt, hit.excerptMatches),
      meta);
  }

  // Reflects the open state and the active option in ARIA.
  sync() {
    const on = this.expanded && this.options.length > 0;
    this.list.hidden = !on;
    this.input.setAttribute('aria-expanded', on);
    [...this.list.children].forEach((o, i) => i == this.active ? o.setAttribute('aria-selected', 'true') : o.removeAttribute('aria-selected'));
    const a = on && this.list.children[this.active];
    if (a) {
      this.input.setAttribute('aria-activedescendant', a.id);
      a.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  key(e) {
    const n = this.options.length, k = e.key;
    if (e.isComposing) return;
    if ((k == 'ArrowDown' || k == 'ArrowUp') && n) {
      e.preventDefault();
      this.active = ((k == 'ArrowDown' ? this.active + 1 : (this.active < 0 ? n : this.active) - 1) + n) % n;
      this.expanded = true;
      this.sync();
    } else if (k == 'Enter' && n && this.expanded) {
      e.preventDefault();
      this.go(Math.max(this.active, 0));
    } else if (k == 'Escape') {
      e.preventDefault();
      if (this.input.value) this.value = '';
      else this.input.blur();
    }
  }

  // Opens option i: fires the cancelable `scour:select` (with the section, for a
  // sub-result), then follows its link.
  go(i) {
    const option = this.options[i], a = this.list.children[i];
    if (!option || !this.fire('select', option)) return;
    this.expanded = false;
    this.sync();
    location.assign(a.href);
  }

  /**
   * The link of a hit (or of one of its sections): its URL, through `open-url-template` when
   * set, with `?scour-highlight=<query>` when the `highlight` attribute is set; `#doc=<id>`
   * when it has none or it is not http(s).
   */
  href(hit, q, section) {
    const t = this.getAttribute('open-url-template'), doc = '#doc=' + encodeURIComponent(hit.id);
    const url = section ? section.url : hit.url;
    const u = t && (url || !t.includes('{url}')) ? t.replace(/\{(id|url)\}/g, (_, k) => k == 'id' ? encodeURIComponent(hit.id) : encodeURI(url ?? '')) : url || doc;
    try {
      const link = new URL(u, document.baseURI);
      if (!/^https?:$/.test(link.protocol)) return doc;
      if (!this.hasAttribute('highlight') || u == doc || !q.trim()) return u;
      link.searchParams.set('scour-highlight', q.trim());
      return link.href;
    } catch { return doc; }
  }

  fire(n, detail) {
    return this.dispatchEvent(new CustomEvent('scour:' + n, { detail, bubbles: true, composed: true, cancelable: true }));
  }
}

customElements.get('scour-search') || customElements.define('scour-search', ScourSearch);
export { ScourSearch };
