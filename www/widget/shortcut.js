// The page's keyboard shortcut, one for all its widgets: `/` (not in a field) and Ctrl/Cmd+K
// summon the widget whose box has the focus, else the first one shown, in document order (a
// header's box hidden on narrow screens gives way to the one shown), unless the page took the key.

const widgets = new Set();

/** Lets `widget` ({ input, summon() }) be summoned while it is in the page. */
export function listen(widget) {
  if (!widgets.size) document.addEventListener('keydown', onKey);
  widgets.add(widget);
}

export function unlisten(widget) {
  widgets.delete(widget);
  if (!widgets.size) document.removeEventListener('keydown', onKey);
}

function onKey(e) {
  const target = e.composedPath()[0];
  const editing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  const slash = e.key == '/' && !editing && !e.ctrlKey && !e.metaKey && !e.altKey;
  if (e.defaultPrevented || !slash && !((e.ctrlKey || e.metaKey) && /^k$/i.test(e.key))) return;
  const widget = editing ? [...widgets].find(w => w.input == target) : first();
  if (!widget) return;
  e.preventDefault();
  widget.summon();
}

/** The first widget shown, in document order; the first of all when none is shown. */
function first() {
  const inOrder = [...widgets].sort((a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  return inOrder.find(w => w.checkVisibility?.() ?? w.getClientRects().length > 0) ?? inOrder[0];
}
