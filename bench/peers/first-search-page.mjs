// Page side of first-search.mjs: what it runs inside a page that holds a <scour-search>
// widget. Bundled by esbuild (with the harness's lib/measure.mjs) into
// dist/scour-first.bench.js of the harness copy; first-search.mjs adds it to the page.
//   __scourFirst.firstResult(q): focus the widget's input, set the whole query as one
//     input event, wait for the first [role=option] in its shadow root: wall ms.
//   __scourFirst.warm(texts, cfg): the harness's keystrokes (first cfg.maxChars characters
//     of the first cfg.queries texts), each awaited once, so every piece they need is fetched.
//   __scourFirst.typing(texts, cfg): the harness's as-you-type loop (measureTyping) on the
//     widget's engine, each keystroke one engine.query(text, {limit: 10}) as the widget calls
//     it; a call that returns a Promise (it needs a fetch) is counted in `fetched`.
import { keystrokes, measureTyping, timerResolutionUs } from '../lib/measure.mjs';

const now = () => performance.now();
const box = () => document.querySelector('scour-search');

globalThis.__scourFirst = {
  async firstResult(q, timeoutMs = 300000) {
    const root = box().shadowRoot;
    const input = root.querySelector('input');
    const t0 = now();
    input.focus();
    input.value = q;
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve, reject) => {
      const status = () => root.querySelector('[role=status]')?.textContent;
      const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`no result for "${q}" after ${timeoutMs} ms (status: ${status()})`)); }, timeoutMs);
      const done = () => {
        if (!root.querySelector('[role=option]')) return;
        obs.disconnect();
        clearTimeout(timer);
        resolve();
      };
      const obs = new MutationObserver(done);
      obs.observe(root, { subtree: true, childList: true });
      done();
    });
    const ms = now() - t0;
    const stats = (await box().ready).stats();
    return { ms, options: root.querySelectorAll('[role=option]').length, stats };
  },

  async warm(texts, cfg) {
    const engine = await box().ready;
    const t0 = now();
    let calls = 0;
    for (const text of texts.slice(0, cfg.queries)) {
      for (const p of keystrokes(text, cfg.maxChars)) { await engine.query(p, { limit: 10 }); calls++; }
    }
    return { ms: now() - t0, calls };
  },

  async typing(texts, cfg) {
    const engine = await box().ready;
    // An engine in a worker answers every call with a promise (the message's round trip is
    // part of each keystroke); one on the page answers at once unless it fetches a piece.
    const inWorker = engine.constructor.name == 'RemoteScour';
    const fetched = [];
    const search = (p) => {
      const r = engine.query(p, { limit: 10 });
      if (r instanceof Promise && !inWorker) fetched.push(p);
      return r;
    };
    const res = await measureTyping(search, texts, { now, isAsync: inWorker, ...cfg });
    return { ...res, fetched, timer_resolution_us: timerResolutionUs(now), cross_origin_isolated: globalThis.crossOriginIsolated === true };
  },
};
