// Where the results go: `inline` (in the page's flow, under the box), `dropdown` (a panel floating
// over the page under the box, closed by Escape, a click or focus elsewhere, or an opened hit;
// never over the box, and as wide as the viewport allows, 320 px phones included) and `modal`
// (a button that opens the box in a dialog: widget/modal.js, loaded when first needed). Each is
// a controller the element calls: `show(open)`, `escape()`, `summon()`, `close()`.

export const LAYOUTS = ['inline', 'dropdown', 'modal'];
/** Space kept between the panel and the viewport's edges. */
const EDGE = 8;
/** Widest panel, in CSS pixels, when the box is narrower (a header's box). */
const PANEL_WIDTH = 560;

/** Inline: the results are part of the page. */
export const inline = widget => ({
  show() {},
  escape() { return false; },
  summon() { widget.input.focus(); widget.input.select(); },
  close() {},
});

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
  // Focus leaving the widget (Tab away, a click on the page) closes the panel.
  widget.addEventListener('focusout', e => { if (!widget.contains(e.relatedTarget)) widget.open = false; });
  return {
    show(open) {
      panel.hidden = !open;
      if (open) place();
      if (open == shown) return;
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
    close() { widget.open = false; },
  };
}
