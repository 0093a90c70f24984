// The dropdown layout: the results float in a panel under the box, over the page, while the box
// (or the panel) is in use; closed by Escape, a click or focus elsewhere, or an opened hit; never
// over the box, and as wide as the viewport allows (320 px phones included). Loaded with the page
// for `layout="dropdown"` only. A layout is a controller the element calls: `show(open)`,
// `escape()` (true when it handled the key) and `summon()`, and the modal's `close()` too;
// inline's is in scour.js, the modal's in widget/modal.js.

/** Space kept between the panel and the viewport's edges. */
const EDGE = 8;
/** Widest panel, in CSS pixels, when the box is narrower (a header's box). */
const PANEL_WIDTH = 560;

/** Dropdown: the panel floats under the box while the box (or the panel) is in use. */
export function dropdown(widget) {
  const { panel, input } = widget;
  const outside = e => { if (!e.composedPath().includes(widget)) widget.open = false; };
  const place = () => {
    const box = input.getBoundingClientRect(), viewport = document.documentElement.clientWidth;
    const width = Math.min(Math.max(box.width, PANEL_WIDTH), viewport - 2 * EDGE);
    const rtl = getComputedStyle(widget).direction == 'rtl';
    const left = Math.max(EDGE, Math.min(rtl ? box.right - width : box.left, viewport - EDGE - width));
    panel.style.width = `${width}px`;
    panel.style.left = `${left - box.left}px`;
    panel.style.maxHeight = `${Math.max(160, innerHeight - box.bottom - 2 * EDGE)}px`;
  };
  let shown = false;
  panel.hidden = true;
  // Focus leaving the widget (Tab away, a click on the page) closes the panel; checked after the
  // event, since redrawing the filter bar moves the focus out and back within one task.
  widget.addEventListener('focusout', () => setTimeout(() => { if (!widget.matches(':focus-within')) widget.open = false; }));
  return {
    show(open) {
      panel.hidden = !open;
      if (open == shown) return;
      if (open) place(); // measured when it opens (and on resize), not on every keystroke
      shown = open;
      const listen = open ? addEventListener : removeEventListener;
      listen('resize', place);
      listen.call(document, 'pointerdown', outside, true);
    },
    escape() {
      if (!shown) return false;
      widget.open = false;
      return true;
    },
    summon() { input.focus(); input.select(); },
  };
}
