// The widget's colour scheme, from the page's: a page that declares one scheme on its root or
// body (`color-scheme: dark`, as a theme toggle sets it) gets the widget in that scheme, and a
// toggle's change is followed; a page declaring none, or both, leaves it to the visitor's system
// setting. The `theme` attribute wins over both.
import { sheet } from './dom.js';

const SCHEMES = {
  light: sheet(':host(:not([theme])){color-scheme:light}'),
  dark: sheet(':host(:not([theme])){color-scheme:dark}'),
};
const widgets = new Set();
let observer = null;

/** Keeps `widget` in the page's declared scheme until `unfollow`. */
export function follow(widget) {
  widgets.add(widget);
  apply(widget);
  if (observer) return;
  observer = new MutationObserver(() => widgets.forEach(apply));
  for (const element of [document.documentElement, document.body]) if (element) observer.observe(element, { attributes: true });
}

export function unfollow(widget) {
  widgets.delete(widget);
  if (!widgets.size) {
    observer?.disconnect();
    observer = null;
  }
}

/** `light` or `dark` when the widget's surroundings declare that scheme alone. */
function declared(widget) {
  const scheme = getComputedStyle(widget.parentElement ?? document.documentElement).colorScheme;
  const named = scheme.split(/\s+/).filter((word) => word in SCHEMES);
  return named.length == 1 ? named[0] : null;
}

function apply(widget) {
  const root = widget.shadowRoot, scheme = declared(widget);
  const others = root.adoptedStyleSheets.filter((s) => s != SCHEMES.light && s != SCHEMES.dark);
  root.adoptedStyleSheets = scheme ? [...others, SCHEMES[scheme]] : others;
}
