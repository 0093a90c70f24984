// <scour-search>: an offline full-text search box over the Scour wasm engine.
// Usage: <script type="module" src="scour.js"></script> <scour-search></scour-search>
// DOM contract: docs/CONTRACTS.md. All document text is inserted as text nodes.

let mod, uid = 0;
const engines = {};
// The engine module and its wasm are loaded once per page, relative to this file.
const engine = () => mod ??= import(new URL('pkg/scour_engine.js', import.meta.url)).then(async m => (await m.default(), m));
// One Scour instance per index ('' = the embedded one), shared by all widgets.
const connect = key => engines[key] ??= engine()
  .then(m => key ? m.Scour.load(key) : new m.Scour())
  // One throwaway search: V8 compiles wasm functions lazily, so the first keystroke won't pay for it.
  .then(s => (s.search('e', { limit: 1 }), s))
  .catch(e => { delete engines[key]; throw e; });

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

const CSS = `
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
    const u = this.u = `scour-${++uid}`;
    this.hits = [];
    this.act = -1;
    this.show = true;
    this.ready = new Promise(r => this.res = r);
    this.in = h('input', {
      type: 'search', part: 'input', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': u + '-list', autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'search',
    });
    this.st = h('span', { role: 'status', 'aria-live': 'polite', part: 'status' });
    this.tm = h('span', { part: 'timing', 'aria-hidden': 'true' });
    this.ls = h('div', { role: 'listbox', id: u + '-list', part: 'results', 'aria-label': 'Search results', hidden: '' });
    this.attachShadow({ mode: 'open', delegatesFocus: true }).append(h('style', {}, CSS), this.in, h('div', { class: 'bar' }, this.st, this.tm), this.ls);
    this.label();

    this.in.addEventListener('input', () => { this.show = true; this.run(); });
    this.in.addEventListener('focus', () => { this.show = true; this.sync(); });
    this.in.addEventListener('keydown', e => this.key(e));
    this.ls.addEventListener('click', e => {
      const o = e.target.closest('[role=option]');
      if (o && !e.button && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey) { e.preventDefault(); this.go(+o.dataset.i); }
    });
    // "/" and Ctrl/Cmd+K focus the box (the first widget on the page wins).
    this.dk = e => {
      const t = e.composedPath()[0], edit = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
      if (e.defaultPrevented || edit && t != this.in) return;
      if (e.key == '/' && !edit && !e.ctrlKey && !e.metaKey && !e.altKey || (e.ctrlKey || e.metaKey) && /^k$/i.test(e.key)) {
        e.preventDefault();
        this.in.focus();
        this.in.select();
      }
    };
  }

  connectedCallback() {
    document.addEventListener('keydown', this.dk);
    if (!this.s && !this.p) this.load();
  }

  disconnectedCallback() { document.removeEventListener('keydown', this.dk); }

  attributeChangedCallback(n) {
    if (n == 'placeholder') this.label();
    else if (n == 'index') this.isConnected && this.load();
    else this.run();
  }

  /** The query in the box; setting it runs the search (after the engine is ready). */
  get value() { return this.in.value; }
  set value(q) { this.in.value = q; this.show = true; this.run(); }
  /** Whether the result list is shown (it closes after a hit is opened). */
  get open() { return this.show; }
  set open(v) { this.show = !!v; this.sync(); }

  label() {
    const p = this.getAttribute('placeholder');
    this.in.placeholder = p ?? 'Search';
    this.in.setAttribute('aria-label', p || 'Search');
  }

  async load() {
    const i = this.getAttribute('index'), p = this.p = connect(i ? new URL(i, document.baseURI).href : '');
    if (this.s) this.ready = new Promise(r => this.res = r);
    this.s = null;
    this.status('Loading search…');
    try {
      const s = await p;
      if (this.p != p) return;
      this.s = s;
      this.res(s);
      this.status('');
      this.run();
    } catch (e) {
      if (this.p != p) return;
      console.error('scour:', e);
      this.status('Search is unavailable.');
    }
  }

  status(...t) { this.st.replaceChildren(...t); }

  // Runs the query in the box and renders the results; fires `scour:search`.
  run() {
    const s = this.s, q = this.in.value;
    if (!s) return;
    const t0 = performance.now();
    let r = { hits: [], total: 0, suggestion: null };
    if (q.trim()) try { r = s.query(q, { limit: Math.max(1, parseInt(this.getAttribute('limit')) || 10) }); } catch (e) { console.warn('scour:', e); }
    const t1 = performance.now();
    this.render(q, r);
    const t2 = performance.now(), ms = t2 - t0;
    this.tm.textContent = q.trim() ? `${ms < 1 ? ms.toFixed(2) : ms.toFixed(1)} ms` : '';
    this.fire('search', { query: q, total: r.total, ms, engineMs: t1 - t0, renderMs: t2 - t1 });
  }

  render(q, { hits, total, suggestion }) {
    this.hits = hits;
    this.act = -1;
    this.ls.replaceChildren(...hits.map((hit, i) => {
      const meta = h('span', { part: 'meta' });
      if (hit.date) meta.append(h('time', { datetime: hit.date }, hit.date));
      return h('a', { role: 'option', id: `${this.u}-${i}`, part: 'hit', href: this.href(hit), tabindex: '-1', 'data-i': i },
        mark(h('span', { part: 'title' }), hit.title || hit.id, hit.titleMatches),
        mark(h('p', { part: 'excerpt' }), hit.excerpt, hit.excerptMatches),
        meta);
    }));
    if (!q.trim()) this.status('');
    else if (total) this.status(`${total} result${total == 1 ? '' : 's'}`);
    else if (suggestion) {
      const b = h('button', { type: 'button' }, suggestion);
      b.onclick = () => { this.value = suggestion; this.in.focus(); };
      this.status(`No results for “${q}”. Did you mean `, b, '?');
    } else this.status(`No results for “${q}”`);
    this.sync();
  }

  // Reflects the open state and the active option in ARIA.
  sync() {
    const on = this.show && this.hits.length > 0;
    this.ls.hidden = !on;
    this.in.setAttribute('aria-expanded', on);
    [...this.ls.children].forEach((o, i) => i == this.act ? o.setAttribute('aria-selected', 'true') : o.removeAttribute('aria-selected'));
    const a = on && this.ls.children[this.act];
    if (a) {
      this.in.setAttribute('aria-activedescendant', a.id);
      a.scrollIntoView({ block: 'nearest' });
    } else this.in.removeAttribute('aria-activedescendant');
  }

  key(e) {
    const n = this.hits.length, k = e.key;
    if (e.isComposing) return;
    if ((k == 'ArrowDown' || k == 'ArrowUp') && n) {
      e.preventDefault();
      this.act = ((k == 'ArrowDown' ? this.act + 1 : (this.act < 0 ? n : this.act) - 1) + n) % n;
      this.show = true;
      this.sync();
    } else if (k == 'Enter' && n && this.show) {
      e.preventDefault();
      this.go(Math.max(this.act, 0));
    } else if (k == 'Escape') {
      e.preventDefault();
      if (this.in.value) this.value = '';
      else this.in.blur();
    }
  }

  // Opens hit i: fires the cancelable `scour:select`, then follows its link.
  go(i) {
    const hit = this.hits[i], a = this.ls.children[i];
    if (!hit || !this.fire('select', { hit })) return;
    this.show = false;
    this.sync();
    location.assign(a.href);
  }

  href(hit) {
    const t = this.getAttribute('open-url-template'), doc = '#doc=' + encodeURIComponent(hit.id);
    const u = t && (hit.url || !t.includes('{url}')) ? t.replace(/\{(id|url)\}/g, (_, k) => k == 'id' ? encodeURIComponent(hit.id) : encodeURI(hit.url ?? '')) : hit.url || doc;
    try { return /^(https?|file):$/.test(new URL(u, document.baseURI).protocol) ? u : doc; } catch { return doc; }
  }

  fire(n, detail) {
    return this.dispatchEvent(new CustomEvent('scour:' + n, { detail, bubbles: true, composed: true, cancelable: true }));
  }
}

customElements.get('scour-search') || customElements.define('scour-search', ScourSearch);
export { ScourSearch };
