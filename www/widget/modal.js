// The modal layout: the button drawn by the element opens the box in a native <dialog>
// (showModal: the page behind is inert, Escape closes it), Tab and Shift+Tab stay inside it,
// a click on the backdrop or an opened hit closes it, and closing gives the focus back to the
// button. Loaded only for `layout="modal"`, when the button is first wanted.
import { h, sheet, adopt } from './dom.js';

const STYLE = sheet(`
dialog{width:min(42rem,calc(100vw - 1rem));max-height:min(44rem,calc(100dvh - max(.5rem,6vh) - 1rem));margin:max(.5rem,6vh) auto auto;padding:.75rem;border:1px solid var(--l);border-radius:var(--r);background:var(--b);color:var(--f);box-shadow:0 24px 64px rgb(0 0 0/.35)}
dialog[open]{display:flex;flex-direction:column;gap:.25rem}
dialog::backdrop{background:rgb(10 12 16/.5)}
dialog .box{display:flex;flex-direction:column;min-height:0;flex:1}
dialog .panel{overflow:auto;overscroll-behavior:contain;min-height:0}
.close{align-self:flex-end;padding:.2em .4em}
`);

export function modal(widget) {
  const { box, opener, text } = widget;
  const close = h('button', { type: 'button', class: 'close', part: 'close' }, text.get('close'));
  const dialog = h('dialog', { part: 'dialog', 'aria-label': text.get('search') }, close, box);
  adopt(widget.shadowRoot, STYLE);
  widget.shadowRoot.append(dialog);
  box.hidden = false;

  const shut = () => {
    if (!dialog.open) return;
    dialog.close();
  };
  close.onclick = shut;
  // The close event comes a task later (in Chromium sometimes frames later): a dialog opened again
  // meanwhile (Escape, then Ctrl+K at once) stays open.
  dialog.addEventListener('close', () => {
    if (dialog.open) return;
    widget.open = false;
    opener.focus();
  });
  // A click on the backdrop lands on the dialog itself.
  dialog.addEventListener('click', e => { if (e.target == dialog) shut(); });
  // Focus stays in the dialog: Tab from the last control goes to the first, and back.
  dialog.addEventListener('keydown', e => {
    if (e.key != 'Tab') return;
    const stops = [...dialog.querySelectorAll('button,input,select,[href]:not([tabindex="-1"])')].filter(el => !el.closest('[hidden]') && !el.disabled);
    const first = stops[0], last = stops.at(-1), here = widget.shadowRoot.activeElement;
    if (e.shiftKey ? here == first : here == last) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  });
  return {
    controller: {
      show() {},
      escape() { shut(); return true; },
      summon() {
        if (!dialog.open) dialog.showModal();
        widget.open = true;
        widget.input.focus();
        widget.input.select();
      },
      close: shut,
      relabel(t) { close.textContent = t.get('close'); dialog.setAttribute('aria-label', t.get('search')); },
    },
  };
}
