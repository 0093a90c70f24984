// The widget's base look, as a constructable style sheet: colours and sizes from CSS custom
// properties (light and dark), the text styles a page's header may pass down reset, the box, the
// status line, results with their path, excerpt and sections, the visible focus ring, the modal's
// button, and the dropdown's floating panel; the colour scheme, from the page's when it declares
// one (`color-scheme: dark`, as a theme toggle sets it on its root or body, followed as it
// changes), else the visitor's system setting, the `theme` attribute winning over both.
// Motion only when the visitor has not asked for less; no keyboard shortcut shown on a touch screen.
import { sheet } from './dom.js';

export const BASE = sheet(`
:host{display:block;color-scheme:light dark;
--b:var(--scour-bg,light-dark(#fff,#17191e));--f:var(--scour-fg,light-dark(#1c1e23,#e6e8ec));
--a:var(--scour-accent,light-dark(#0a55c8,#8cb6fa));--m:var(--scour-muted,light-dark(#596070,#a4abb8));
--l:var(--scour-border,light-dark(#c4c8d0,#434956));--e:var(--scour-border,light-dark(#868d99,#6b7280));--k:var(--scour-mark-bg,light-dark(#ffe380,#6b5500));
--r:var(--scour-radius,10px);--g:var(--scour-gap,.75rem);
font:var(--scour-font,16px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif);color:var(--f);overflow-wrap:anywhere;
white-space:normal;text-align:start;text-transform:none;letter-spacing:normal;word-spacing:normal;text-indent:0}
:host([theme=light]){color-scheme:light}:host([theme=dark]){color-scheme:dark}
:host([hidden]),[hidden]{display:none!important}*{box-sizing:border-box}
.box{position:relative;background:var(--b);border-radius:var(--r)}
input{width:100%;min-height:48px;margin:0;padding:.6em .9em;font:inherit;font-size:max(1em,16px);color:var(--f);background:var(--b);border:1px solid var(--e);border-radius:var(--r)}
input::placeholder{color:var(--m);opacity:1}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.bar{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:0 var(--g);color:var(--m);font-size:.875em}
.bar>:not(:empty){padding:.35em .2em}
button{font:inherit;font-weight:600;color:var(--a);background:none;border:0;margin:0;padding:0 .1em;min-height:24px;text-decoration:underline;cursor:pointer}
[role=listbox]{display:grid;gap:2px;margin:0 0 var(--g)}
[role=option]{display:block;padding:.6em .8em;min-height:48px;border-radius:var(--r);color:var(--f);text-decoration:none;border:2px solid transparent;cursor:pointer}
[role=option]:hover{background:color-mix(in srgb,var(--a) 8%,var(--b))}
[role=option][aria-selected=true]{border-color:var(--a);background:color-mix(in srgb,var(--a) 12%,var(--b))}
[part~=section]{margin-inline-start:1.5em;min-height:40px;padding:.35em .8em;border-inline-start:2px solid var(--l)}
[part~=section] [part~=title]{font-weight:500}
[part~=title]{font-weight:600;color:var(--a);text-decoration:underline 1px;text-underline-offset:.4em}
[part~=path]{display:block;font-size:.8em;color:var(--m)}
p{margin:.25em 0 0}
[part~=meta]{display:block;margin-top:.2em;font-size:.85em;color:var(--m)}
[part~=meta]:empty{display:none}
[part~=more]{display:flex;align-items:center;justify-content:center;font-weight:600;color:var(--a);border:1px dashed var(--l)}
mark{background:var(--k);color:var(--f);border-radius:2px;padding:0 1px}
.opener{display:inline-flex;align-items:center;gap:.6em;max-width:100%;white-space:nowrap;min-height:44px;padding:.4em .8em;color:var(--m);background:var(--b);border:1px solid var(--l);border-radius:var(--r);font-weight:400;text-decoration:none}
.opener .label{min-width:0;overflow:hidden;text-overflow:ellipsis}
.opener svg{flex:none;width:1em;height:1em;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}
.opener kbd{font:.8em ui-monospace,monospace;border:1px solid var(--l);border-radius:4px;padding:0 .35em}
@media (hover:none) and (pointer:coarse){.opener kbd{display:none}}
.dropdown .panel{position:absolute;z-index:1000;top:calc(100% + 6px);left:0;width:100%;overflow:auto;overscroll-behavior:contain;padding:.4rem .5rem 0;background:var(--b);border:1px solid var(--l);border-radius:var(--r);box-shadow:0 12px 32px rgb(0 0 0/.2)}
.dropdown .panel.floating{position:fixed;inset:auto;margin:0;color:inherit}
@media (prefers-reduced-motion:no-preference){.dropdown .panel,dialog[open]{animation:scour-in .12s ease-out}}
@keyframes scour-in{from{opacity:0;transform:translateY(-4px)}}
@media (forced-colors:active){[role=option][aria-selected=true]{outline:3px solid Highlight}}
`);

const SCHEMES = {
  light: sheet(':host(:not([theme])){color-scheme:light}'),
  dark: sheet(':host(:not([theme])){color-scheme:dark}'),
};
const followingWidgets = new Set();
let observer = null;

/** Keeps `widget` in the page's declared colour scheme until `unfollowScheme`. */
export function followScheme(widget) {
  followingWidgets.add(widget);
  applyScheme(widget);
  if (observer) return;
  observer = new MutationObserver(() => followingWidgets.forEach(applyScheme));
  for (const element of [document.documentElement, document.body]) if (element) observer.observe(element, { attributes: true });
}

export function unfollowScheme(widget) {
  followingWidgets.delete(widget);
  if (!followingWidgets.size) {
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

/** Adopts the declared scheme's sheet, touching the sheets only when the scheme changed. */
function applyScheme(widget) {
  const root = widget.shadowRoot, wanted = SCHEMES[declared(widget)];
  const others = root.adoptedStyleSheets.filter((s) => s != SCHEMES.light && s != SCHEMES.dark);
  if (root.adoptedStyleSheets.length == others.length + (wanted ? 1 : 0) && (!wanted || root.adoptedStyleSheets.includes(wanted))) return;
  root.adoptedStyleSheets = wanted ? [...others, wanted] : others;
}
