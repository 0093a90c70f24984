// Highlight on arrival: marks a search's words on the page a hit leads to.
// Usage: <script type="module" src="/scour/highlight.js"></script> on the destination pages;
// a link ending in `?scour-highlight=array%20push` then wraps every word of the page's main
// content (`main`, else `article`, else `body`) that starts with a query word in
// <mark class="scour-highlight"> and, unless the URL has a #fragment, scrolls to the first.
// Owns only those marks: no styles (style them with `mark.scour-highlight`), no innerHTML,
// nothing outside the root. `highlight(root, queryText)` does the same programmatically.

const PARAMETER = 'scour-highlight';
const MARK_CLASS = 'scour-highlight';
const MAX_MARKS = 1000;
const MAX_QUERY_CHARS = 1000;
const MAX_QUERY_WORDS = 32;
/** Text in these is never marked. */
const SKIPPED = 'script, style, noscript, textarea, input, select, svg, mark, [data-scour-ignore]';
/** Characters written without spaces between words (the engine's ranges): each is a word. */
const IDEOGRAPHIC = '\\u3005-\\u3007\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF66-\\uFF9F\\u{20000}-\\u{2FA1F}\\u{30000}-\\u{323AF}';
/** What is never seen inside a word (a soft hyphen, zero-width joiners), as the engine reads it. */
const INVISIBLE = '\\u00AD\\u200C\\u200D\\u2060\\uFEFF';
/** Kana's sound marks, combining or half-width: part of the character before them. */
const SOUND_MARK = '\\u3099\\u309A\\uFF9E\\uFF9F';
const WORD = new RegExp(`(?![${SOUND_MARK}])[${IDEOGRAPHIC}][${SOUND_MARK}]*|(?:(?![${IDEOGRAPHIC}])[\\p{L}\\p{N}\\p{M}${INVISIBLE}])+`, 'gu');
const IDEOGRAPH = new RegExp(`^[${IDEOGRAPHIC}][${SOUND_MARK}]*$`, 'u');
/** A query item: an optional `-`, an optional `title:`, then a quoted phrase or a word. */
const QUERY_ITEM = /(-?)(title:(?=\S))?("[^"]*"?|[^\s"]+)/gi;

/** Letters NFKD leaves whole that the engine folds to their base (the dotless i, a stroke, ß). */
const BASE = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ŧ: 't', ß: 'ss' };
/** Marks and what is never seen, the Arabic tatweel too; not kana's sound marks, which compose. */
const UNSEEN = new RegExp(`(?![\\u3099\\u309A])[\\p{M}${INVISIBLE}\\u0640]`, 'gu');
/** Arabic-Indic and Persian digits, read as the digits they stand for. */
const DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;
/**
 * Lower case without diacritics or compatibility forms, as the engine folds: `Café` → `cafe`,
 * `Søren` → `soren`, `ｶﾞ` → `ガ`; Hangul syllables and voiced kana composed again after NFKD.
 */
const fold = (word) => word.normalize('NFKD').replace(UNSEEN, '').normalize('NFC').toLowerCase()
  .replace(/[ıøłđħŧß]/g, (c) => BASE[c]).replace(DIGIT, (d) => String(d.charCodeAt(0) & 0xF));

/** `-word` and `-"a phrase"` exclude; `--option`, `-x` and a lone `-` are words (as in the engine). */
const isExclusion = (minus, body) => minus === '-' && !body.startsWith('-') && [...body].length !== 1;

/** The words and phrases of a query that are searched for: exclusions and `OR` left out. */
function searchedParts(queryText) {
  const parts = [];
  for (const [item, minus, , body] of queryText.slice(0, MAX_QUERY_CHARS).matchAll(QUERY_ITEM)) {
    if (!isExclusion(minus, body) && item !== 'OR') parts.push(body);
  }
  return parts;
}

/** The folded words to mark: words of one character are dropped, except ideographs. */
function queryWords(queryText) {
  const words = new Set();
  for (const part of searchedParts(queryText)) {
    for (const [word] of part.matchAll(WORD)) {
      const folded = fold(word);
      if ([...folded].length > 1 || folded && IDEOGRAPH.test(word)) words.add(folded);
    }
  }
  return [...words].slice(0, MAX_QUERY_WORDS);
}

/** Text nodes under `root` outside skipped elements, in document order. */
function markableTextNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      return node.matches(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

/** [start, end) of each word of `text` that starts with one of `words`. */
function matchingRanges(text, words) {
  const ranges = [];
  for (const match of text.matchAll(WORD)) {
    const folded = fold(match[0]);
    if (words.some((word) => folded.startsWith(word))) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/** Wraps the ranges of a text node in marks, last first so earlier offsets stay valid. */
function wrapRanges(textNode, ranges) {
  for (const [start, end] of [...ranges].reverse()) {
    textNode.splitText(end);
    const word = textNode.splitText(start);
    const mark = document.createElement('mark');
    mark.className = MARK_CLASS;
    word.replaceWith(mark);
    mark.append(word);
  }
}

/** Puts the text of this module's earlier marks under `root` back in place. */
function removeHighlights(root) {
  for (const mark of root.querySelectorAll(`mark.${MARK_CLASS}`)) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
}

/**
 * Marks the words of `queryText` under `root`, replacing earlier highlights (so running it
 * twice gives the same marks). Returns the number of marks, at most 1000.
 */
export function highlight(root, queryText) {
  removeHighlights(root);
  const words = queryWords(queryText);
  if (!words.length) return 0;
  let count = 0;
  for (const textNode of markableTextNodes(root)) {
    const ranges = matchingRanges(textNode.data, words).slice(0, MAX_MARKS - count);
    wrapRanges(textNode, ranges);
    count += ranges.length;
    if (count === MAX_MARKS) break;
  }
  return count;
}

/** The element whose text is marked: the page's main content. */
const contentRoot = () => document.querySelector('main') ?? document.querySelector('article') ?? document.body;

/** Brings the first mark to the middle of the window, without animation for reduced motion. */
function scrollToFirstMark(root) {
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  root.querySelector(`mark.${MARK_CLASS}`)?.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'instant' : 'smooth' });
}

function highlightFromUrl() {
  const queryText = new URLSearchParams(location.search).get(PARAMETER);
  if (!queryText) return;
  const root = contentRoot();
  if (highlight(root, queryText) && !location.hash) scrollToFirstMark(root);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', highlightFromUrl, { once: true });
else highlightFromUrl();
