// The dropdown layout: the results float in a panel under the box, over the page, while the box
// (or the panel) is in use; closed by Escape, a click or focus elsewhere, or an opened hit; never
// over the box, and as wide as the viewport allows (320 px phones included). In a header that
// cuts off what overflows it (`overflow: hidden`), the panel floats in the top layer (a popover)
// and follows the box as the page, or a box it is in, scrolls. Loaded with the page
// for `layout="dropdown"` only. A layout is a controller the element calls: `show(open)`,
// `escape()` (true when it handled the key) and `summon()`, and the modal's `close()` too;
// inline's is in scour.js, the modal's in widget/modal.js.

/** Space kept between the panel and the viewport's edges. */
const EDGE = 8;
/** Space between the box and the panel, as the style's `top: calc(100% + 6px)`. */
const GAP = 6;
/** Widest panel, in CSS pixels, when the box is narrower (a header's box). */
const PANEL_WIDTH = 560;

/** Dropdown: the panel floats under the box while the box (or the panel) is in use. */
export function dropdown(widget) {
  const { panel, input } = widget;
  const outside = e => { if (!e.composedPath().includes(widget)) widget.open = false; };
  let shown = false, floating = false, frame = 0, scrolled = [];
  const place = () => {
    frame = 0;
    const box = input.getBoundingClientRect(), viewport = document.documentElement.clientWidth;
    const width = Math.min(Math.max(box.width, PANEL_WIDTH), viewport - 2 * EDGE);
    const rtl = getComputedStyle(widget).direction == 'rtl';
    const left = Math.max(EDGE, Math.min(rtl ? box.right - width : box.left, viewport - EDGE - width));
    panel.style.width = `${width}px`;
    panel.style.left = `${floating ? left : left - box.left}px`;
    panel.style.top = floating ? `${panel.parentElement.getBoundingClientRect().bottom + GAP}px` : '';
    panel.style.maxHeight = `${Math.max(160, innerHeight - box.bottom - 2 * EDGE)}px`;
  };
  const follow = () => { frame ||= requestAnimationFrame(place); };
  const float = (open) => {
    if (open) floating = !!panel.showPopover && clipped(widget);
    if (!floating) return;
    panel.classList.toggle('floating', open);
    if (open) {
      panel.popover = 'manual';
      panel.showPopover();
    } else {
      panel.hidePopover();
      panel.removeAttribute('popover');
    }
  };
  panel.hidden = true;
  // Focus leaving the widget (Tab away, a click on the page) closes the panel; checked after the
  // event, since redrawing the filter bar moves the focus out and back within one task.
  widget.addEventListener('focusout', () => setTimeout(() => { if (!widget.matches(':focus-within')) widget.open = false; }));
  return {
    show(open) {
      panel.hidden = !open;
      if (open == shown) return;
      shown = open;
      float(open);
      if (open) place(); // measured when it opens (and on resize or scroll), not on every keystroke
      const listen = open ? addEventListener : removeEventListener;
      listen('resize', follow);
      // Scroll events stay in their shadow tree: one listener in each tree the box is shown in.
      if (open) scrolled = floating ? trees(widget) : [];
      for (const tree of scrolled) listen.call(tree, 'scroll', follow, { capture: true, passive: true });
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

/** Whether an ancestor of `element` cuts off what overflows it, as a header's `overflow: hidden` does. */
function clipped(element) {
  return ancestors(element).some((node) => {
    const style = getComputedStyle(node);
    return style.overflowX != 'visible' || style.overflowY != 'visible' || /paint|content|strict/.test(style.contain);
  });
}

/** The document and the shadow trees (a header component's) that `element` is shown in. */
function trees(element) {
  return [...new Set([document, ...ancestors(element).map((node) => node.getRootNode())])];
}

/** The elements `element` is shown in up to the body, nearest first: through the slot it is shown in
 *  (a header component's shadow tree), else its parent, else its shadow tree's host. */
function ancestors(element) {
  const parent = (node) => node.assignedSlot ?? node.parentElement ?? node.getRootNode().host;
  const found = [];
  for (let node = parent(element); node && node != document.body && node != document.documentElement; node = parent(node)) found.push(node);
  return found;
}
