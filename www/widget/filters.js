// The filter bar: for each name of the `filters` attribute, its values with their counts as
// toggle buttons (a select when there are many), and the order (best match or newest first)
// when the index has dates; the choices go with every query and live in the page's URL
// (`?scour-<name>=<value>`, `?scour-sort=date`). Counts are disjunctive within a facet
// (widget/query.js). Loaded only when the element has a `filters` or `sort` attribute.
import { h, sheet, adopt } from './dom.js';

/** A facet with more values than this is a select rather than buttons. */
const MANY_VALUES = 8;
const SORTS = ['relevance', 'date'];
const PARAM = 'scour-';

const STYLE = sheet(`
[part~=filters]{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1rem;margin:.1rem 0 .5rem}
[part~=facet]{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem}
.name{font-size:.8em;font-weight:600;color:var(--m);margin-inline-end:.15rem}
.chip{min-height:32px;padding:.1em .75em;font-weight:400;color:var(--f);background:var(--b);border:1px solid var(--l);border-radius:999px;text-decoration:none}
.chip[aria-pressed=true]{color:var(--b);background:var(--a);border-color:var(--a)}
.chip span{color:inherit;opacity:.8}
select{min-height:32px;font:inherit;font-size:.9em;color:var(--f);background:var(--b);border:1px solid var(--l);border-radius:6px;padding:0 .4em}
`);

export class FilterBar {
  /**
   * names: the facets to show (each once); sort: the `sort` attribute (null: the default order, relevance);
   * onChange(): runs the search again.
   */
  constructor(widget, names, sort, onChange) {
    this.widget = widget;
    this.names = [...new Set(names)];
    this.onChange = onChange;
    this.dated = false;
    this.element = h('div', { part: 'filters', hidden: '' });
    adopt(widget.shadowRoot, STYLE);
    const url = new URLSearchParams(location.search);
    // Without a prototype, a filter named `__proto__` or `constructor` is a key like any other.
    this.selected = Object.setPrototypeOf(Object.fromEntries(this.names.map(name => [name, url.getAll(PARAM + name)])), null);
    // The attribute's order, unless the page's URL names one (a shared or reloaded search).
    if (sort != null && !SORTS.includes(sort)) widget.warn('sort', sort, '"relevance" (the default) or "date"');
    const fromUrl = url.get(PARAM + 'sort');
    /** The page's order: the URL names only an order the visitor chose instead. */
    this.pageSort = SORTS.includes(sort) ? sort : 'relevance';
    this.sort = SORTS.includes(fromUrl) ? fromUrl : this.pageSort;
  }

  /** Checks the names against the index's filters; names it lacks are reported and dropped. */
  async check(engine) {
    if (!this.names.length) return;
    const known = await engine.filters();
    // Own names only: every object has a `constructor`.
    const has = name => Object.hasOwn(known, name);
    for (const name of this.names.filter(n => !has(n))) {
      const have = Object.keys(known);
      this.widget.warn('filters', name, have.length ? `names of the index's filters (${have.join(', ')})` : 'nothing: this index has no filters');
    }
    this.names = this.names.filter(has);
    for (const name in this.selected) if (!this.names.includes(name)) delete this.selected[name];
  }

  /** What a query needs: { filters, sort, facets }. */
  request() {
    return { filters: this.selected, sort: this.sort, facets: this.names };
  }

  /** Draws the facets of `results` (after a first page; `q` empty hides the bar). */
  render(results, q) {
    if (results.hits.some(hit => hit.date)) this.dated = true;
    const text = this.widget.text, el = this.element;
    const focused = this.widget.shadowRoot.activeElement?.dataset?.key;
    const groups = this.names.map(name => this.facet(name, results.facets?.[name] ?? {}, text)).filter(Boolean);
    if (this.dated) {
      const select = h('select', { part: 'sort', 'aria-label': text.get('sort'), 'data-key': 'sort' },
        ...SORTS.map(s => h('option', { value: s }, text.get(s == 'date' ? 'newest' : 'relevance'))));
      select.value = this.sort;
      select.onchange = () => this.choose(() => { this.sort = select.value; });
      groups.push(select);
    }
    el.replaceChildren(...groups);
    el.hidden = !q.trim() || !groups.length || (!results.total && !this.chosen());
    if (focused) el.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  }

  /** One facet: its values with counts (chosen ones even at 0), as buttons or a select. */
  facet(name, counts, text) {
    const chosen = this.selected[name];
    const count = value => (Object.hasOwn(counts, value) ? counts[value] : 0);
    const values = [...new Set([...chosen, ...Object.keys(counts)])]
      .sort((a, b) => count(b) - count(a) || a.localeCompare(b));
    if (!values.length) return null;
    const label = text.table[`filter:${name}`] ?? name;
    if (values.length > MANY_VALUES) {
      const select = h('select', { part: 'facet', 'aria-label': label, 'data-key': name },
        h('option', { value: '' }, `${label}: ${text.get('all')}`),
        ...values.map(v => h('option', { value: v }, `${v} (${text.number.format(count(v))})`)));
      select.value = chosen[0] ?? '';
      select.onchange = () => this.choose(() => { this.selected[name] = select.value ? [select.value] : []; });
      return select;
    }
    return h('div', { role: 'group', part: 'facet', 'aria-label': label },
      h('span', { class: 'name', 'aria-hidden': 'true' }, label),
      ...values.map(v => {
        const on = chosen.includes(v);
        // A space, not a margin, between value and count: read as two words, and kept between
        // them on a right-to-left page (where `linux 84` is one left-to-right run).
        const button = h('button', { type: 'button', class: 'chip', 'aria-pressed': on, 'data-key': `${name}=${v}` },
          v, ' ', h('span', {}, text.number.format(count(v))));
        button.onclick = () => this.choose(() => {
          this.selected[name] = on ? chosen.filter(x => x != v) : [...chosen, v];
        });
        return button;
      }));
  }

  chosen() { return Object.values(this.selected).some(v => v.length); }

  /** Applies a change of the choices: into the URL, then a new search. */
  choose(change) {
    change();
    const url = new URL(location.href);
    for (const name of this.names) {
      url.searchParams.delete(PARAM + name);
      for (const v of this.selected[name]) url.searchParams.append(PARAM + name, v);
    }
    if (this.sort == this.pageSort) url.searchParams.delete(PARAM + 'sort');
    else url.searchParams.set(PARAM + 'sort', this.sort);
    if (url.href != location.href) history.replaceState(history.state, '', url);
    this.onChange();
  }
}
