// What a result looks like: a hit as a link (title, path, excerpt, date), each of its sections as
// an indented link to `page#anchor`, and the "Show more results" option; where each link leads
// (`open-url-template`, `highlight`). Document text only ever becomes text nodes.
import { h, mark } from './dom.js';

/**
 * The option element for entry `i` of the list: a hit, one of its sections, or "more".
 * `link(hit, section)` gives its href.
 */
export function optionElement({ hit, section, more }, id, i, { link, text, index }) {
  const attrs = { role: 'option', id, tabindex: '-1', 'data-i': i };
  if (more) return h('div', { ...attrs, part: 'more' }, text.get('more'));
  if (section) {
    return h('a', { ...attrs, part: 'hit section', href: link(hit, section) },
      mark(h('span', { part: 'title' }), section.title, section.titleMatches),
      mark(h('p', { part: 'excerpt' }), section.excerpt, section.excerptMatches));
  }
  const where = path(hit, index), meta = h('span', { part: 'meta' });
  if (hit.date) meta.append(h('time', { datetime: hit.date }, hit.date));
  return h('a', { ...attrs, part: 'hit', href: link(hit) },
    mark(h('span', { part: 'title' }), hit.title || hit.id, hit.titleMatches),
    ...where ? [h('span', { part: 'path' }, where)] : [],
    mark(h('p', { part: 'excerpt' }), hit.excerpt, hit.excerptMatches),
    meta);
}

/** Hits and their sections as the list's entries, in order. */
export const entries = hits => hits.flatMap(hit => [{ hit }, ...(hit.sections ?? []).map(section => ({ hit, section }))]);

/**
 * Where a hit sits in its site, for the line under its title: a `breadcrumb` (or `path`)
 * field of `data-scour-meta`, else the folders of its URL's path (`/docs/guide/install/` gives
 * `docs › guide`) below those it shares with the index's (a site in `/project/` is not named).
 */
function path(hit, index) {
  const given = hit.meta?.breadcrumb ?? hit.meta?.path;
  if (given) return given;
  if (!hit.url) return '';
  let parts;
  try {
    const url = new URL(hit.url, document.baseURI);
    // The link of another scheme is the reader view's (see `href`): its text is no path.
    if (!/^https?:$/.test(url.protocol)) return '';
    parts = folders(url);
    if (/^https?:/.test(index) && new URL(index).origin == url.origin) {
      const site = folders(new URL('.', index));
      while (site.length && site[0] == parts[0]) { site.shift(); parts.shift(); }
    }
  } catch { return ''; }
  if (/^index\.\w+$/.test(parts.at(-1))) parts.pop();
  // The folders above the page (its own name is the title's business).
  return parts.slice(0, -1).map(p => p.replace(/[-_]+/g, ' ')).join(' › ');
}

/** The segments of `url`'s path. */
const folders = url => url.pathname.split('/').filter(Boolean).map(decodeURIComponent);

/**
 * The link of a hit (or of one of its sections): its URL, through `template` when set, with
 * `?scour-highlight=<query>` when `highlight`; `#doc=<id>` when it has none or it is not http(s).
 */
export function href(hit, q, section, { template, highlight }) {
  const doc = '#doc=' + encodeURIComponent(hit.id), url = section ? section.url : hit.url;
  const u = template && (url || !template.includes('{url}'))
    ? template.replace(/\{(id|url)\}/g, (_, k) => k == 'id' ? encodeURIComponent(hit.id) : encodeURI(url ?? ''))
    : url || doc;
  try {
    const link = new URL(u, document.baseURI);
    if (!/^https?:$/.test(link.protocol)) return doc;
    if (!highlight || u == doc || !q.trim()) return u;
    link.searchParams.set('scour-highlight', q.trim());
    return link.href;
  } catch { return doc; }
}
