// DOM helpers of the widget: elements built from tag, attributes and children (strings become
// text nodes, never markup; SVG elements too), match ranges wrapped in <mark>, and constructable style sheets
// (no <style> element, so a strict `style-src 'self'` policy holds).

/** h('a', { href }, 'text', node…): an element; strings among the children become text nodes. */
export const h = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  e.append(...kids);
  return e;
};

/** svg('path', { d }): an SVG element (no markup parsed, so Trusted Types policies hold). */
export const svg = (tag, attrs = {}) => {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  return e;
};

/** Appends `text` to `el`, wrapping its [start, end) UTF-16 ranges in <mark>; returns `el`. */
export const mark = (el, text = '', ranges = []) => {
  let i = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < i || e <= s) continue;
    el.append(text.slice(i, s), h('mark', {}, text.slice(s, e)));
    i = e;
  }
  el.append(text.slice(i));
  return el;
};

/** A constructable style sheet of `css`, for `shadowRoot.adoptedStyleSheets`. */
export const sheet = css => {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
};

/** Adds a style sheet to a shadow root (each module brings the styles of what it draws). */
export const adopt = (root, s) => { if (!root.adoptedStyleSheets.includes(s)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, s]; };
