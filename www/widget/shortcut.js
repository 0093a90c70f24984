// The page's keyboard shortcut for all its widgets: `/` (not in a field) and Ctrl/Cmd+K summon
// the widget the key was pressed in, else the first one shown in document order (a header's box
// hidden on narrow screens gives way to the one shown), unless the page took the key. A widget's
// `shortcuts` attribute turns `/` off (`ctrl-k`), or both (`none`).

const widgets = new Set();

/** The keys that summon a widget, by its `shortcuts` attribute (no attribute: all of them). */
export const SHORTCUTS = { all: ['/', 'ctrl-k'], 'ctrl-k': ['ctrl-k'], none: [] };

/** Lets `widget` ({ input, summon(), shortcuts() }) be summoned while in the page. */
export function listen(widget) {
  if (!widgets.size) document.addEventListener('keydown', onKey);
  widgets.add(widget);
}

export function unlisten(widget) {
  widgets.delete(widget);
  if (!widgets.size) document.removeEventListener('keydown', onKey);
}

function onKey(e) {
  const path = e.composedPath(), target = path[0];
  const editing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  const slash = e.key == '/' && !editing && !e.ctrlKey && !e.metaKey && !e.altKey;
  if (e.defaultPrevented || !slash && !((e.ctrlKey || e.metaKey) && /^k$/i.test(e.key))) return;
  const key = slash ? '/' : 'ctrl-k', answering = [...widgets].filter(w => w.shortcuts().includes(key));
  // The widget the key was pressed in (its box, a hit, its dialog), else the first shown; a
  // widget the key is turned off in leaves the key alone.
  const inside = [...widgets].find(w => path.includes(w));
  if (inside && !answering.includes(inside)) return;
  const widget = editing ? (inside?.input == target ? inside : null) : inside ?? first(answering);
  if (!widget) return;
  e.preventDefault();
  widget.summon();
}

/** The first of `candidates` shown, in document order; the first of all when none is shown. */
function first(candidates) {
  const inOrder = candidates.sort(byPlace);
  return inOrder.find(w => w.checkVisibility?.() ?? w.getClientRects().length > 0) ?? inOrder[0];
}

/** Document order, a widget in a shadow tree placed where its host is. */
function byPlace(a, b) {
  let [x, y] = [outermost(a), outermost(b)];
  if (x == y) [x, y] = [a, b];
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

function outermost(node) {
  for (let root; (root = node.getRootNode()) instanceof ShadowRoot;) node = root.host;
  return node;
}
