#!/usr/bin/env bash
# make size: bytes a visitor downloads (raw / gzip -9 / brotli -q 11), checked against a budget.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
# 147 KiB gzip for everything but the HTML: the chunked-index engine (fetching, pieces,
# promises) added 16 KiB to the demo's 116, sections, names, bounded decoding and the header
# widget 11 more, languages and joined words 5 more, the engine-weight work (issue 9) 3.6
# less, the language table (an index per language, issue 14) 2 more, reading the index in
# place (issue 9: memory after opening the PHP manual 51 MB -> 27.7 MB) 2.9 more, to 156;
# then building the engines with std rebuilt on the pinned nightly (scripts/build-wasm.sh)
# 11 less, to 147; synonyms (the query side, and their keys in the demo's index) 0.35 more,
# which left 11 bytes of room: 148; completions continuing a shorter one, synonyms in
# titles and lone stems (issue 11) 1.1 more, 57 bytes over, to 149; the engine's glue
# minified (scripts/build-wasm.sh) 2.0 less: 147, with 1.5 of room; a fourth wasm-opt pass
# set 1.0 less, a two-word query's second word scored in its first's pages 0.75 more, a
# costly word typed alone read from its stored first page 1.0 more (146.3, 0.7 of room);
# first pages found by binary search 0.4 more and the engine warmed up after loading (the
# first keystrokes 2-3 times faster) 0.5 more: 148; the engines compiled at opt-level 2
# rather than "z" (a keystroke 9-20% faster in Chromium) 10.1 more, to 157.6: 158; small
# blocks kept on free lists (allocation was 13% of a keystroke) 0.25 more, and proximity
# reading the postings scoring noted (the PHP manual's slowest keystrokes 15-25% faster) 0.65
# more, to 158.5: 159; the excerpt scan eight bytes at a time and proximity bounded by the
# pairs of words a page holds (the seeds' keystroke p95 105 -> 85 us, CACM's 235 -> 200 in
# the shared harness) 1.1 more, to 159.5: 160; the term places of texts scanned again and
# again (the seeds' keystroke p95 101 -> 73 us in Node) 1.8 more, with a review's mends 2.0,
# to 161.5: 162; an excerpt's bounds found among the places' words, its windows' characters
# counted on, and the options' fields named in one call (the seeds' keystroke mean 30.7 ->
# 28.6 us, p95 70 -> 64 in Node) 1.3 more, to 162.8: 163; the widget's and the demo's mends
# from a review (a layout, the modal or the reader view that cannot load says so, the modal's
# icon built without markup for Trusted Types pages, an older page of hits never appended to
# newer ones) 0.5 more, and the JS API's checks of its arguments (bytes, urls, limit, filters)
# 0.4 more, to 163.7: 164; a request that gets no answer failing after a timeout instead of
# keeping every search waiting (0.9 in the engine and its glue), and the widget's checks of a
# bad index URL, lang, open-url-template and strings override, and of properties set before it
# is defined (0.6) 1.5 more, to 165.2: 166; mends from two probes (a whole file's body given
# up on once it stops coming: an entry that stalled kept `Scour.load` waiting for good; piece
# fetches failing together no unhandled rejection, which ended a Node process; a missing
# piece's advice; a `theme` not understood said; a query's text never cutting the "did you
# mean" line) 0.4 more, to 166.2: 166.5; mends from a probe of the install path (what a host
# sends in place of an index named: a web page, gzip without its header, nothing, another file
# at a piece's address; 0.7 in the engine) and `/` and Ctrl/Cmd+K for the first widget shown,
# in document order (widget/shortcut.js, 0.8 as the demo serves it, unminified) 1.6 more, to
# 167.8: 168; an index written inside its site finding the site's root from its own URL
# (format 13; 0.4) and a review's mends (0.3) to 168.5: 168.5; a hit's path line starting below
# the folder its site is served from (0.16, widget/render.js as the demo serves it) to 168.65:
# 168.75; mends from three probes: words read across soft hyphens and zero-width joiners, the
# dotless i and the letters with a stroke folded to their base (format 14; 0.2 in the engine),
# a facet's label from `strings`, a space between a filter's value and its count, a `lang` set
# before the box is wanted, the page's order kept out of the URL, the dropdown's panel no Tab
# stop (0.15) to 169.1: 169.25; the offline worker keeping only Scour's files (a host's page for
# a missing piece had been kept as one) and the engine reading the entry again on such a page
# (0.2) to 169.3: 169.5; mends from three probes: text in the forms keyboards do not type
# (decomposed Hangul and kana, half-width katakana, Hebrew points, Arabic vowel marks, tatweel
# and digits; format 15), a Chinese or Japanese character alone completing to its bigrams, an
# excerpt's context across a dot in a number (1.1 in the engine), and the widget following the
# page's declared colour scheme, keeping a header's text styles out, an inline list kept for
# Back and Enter on the answer under way (1.2) to 171.6: 172; a review's mends (an excerpt's
# elided article checked as one, the nukta letters, Enter's answer cancelled by Escape, blur or
# a new load, a kana and its sound mark one character in highlight.js) to 172.1: 172.25; a damaged
# piece a cache kept fetched again past it, that piece alone and never joined to a fetch under
# way (0.6 in the engine), and the widget's mends from an accessibility probe (IME composition,
# caret keys and Alt+Up, the status line's direction, language and isolated query, written only
# when it changes, the `shortcuts` attribute, the modal's button cut with an ellipsis, a field
# border of 3:1) (1.0) to 174.1: 174.25; a name's underscores as written (`__get`), a Chinese or
# Japanese run's last character found alone, typed or finished (0.5 in the engine), and the
# dropdown following a header component's scrolling box (0.05) to 174.6: 174.75.
# Cutting the engine further is issue 9's.
BUDGET_GZIP=$((174 * 1024 + 768))

bash scripts/setup.sh >/dev/null
[ "${SKIP_BUILD:-0}" = 1 ] || bash scripts/build-wasm.sh 2>/dev/null || die "wasm build (run: make build)"
[ "${SKIP_BUILD:-0}" = 1 ] || bash scripts/build-package.sh >/dev/null 2>&1 || die "npm package (run: make package)"

gz() { gzip -9 -n -c "$@" | wc -c; }
br() { brotli -q 11 -c "$@" | wc -c; }
row() { # label files...
  local label="$1"; shift
  printf '%-34s %9d %9d %9d\n' "$label" "$(cat "$@" | wc -c)" "$(cat "$@" | gz)" "$(cat "$@" | br)"
}

WASM=www/pkg/scour_engine_bg.wasm
GLUE=www/pkg/scour_engine.js
[ -f "$WASM" ] && [ -f "$GLUE" ] || die "www/pkg is missing: run make build"

# Embedded index: the index.bin that build.rs wrote for the wasm-release build just made
# (scripts/build-wasm.sh builds in target/shipped).
# (The newest non-empty one: the engine built without the `embedded` feature writes an empty one.)
INDEX=$(find target/shipped/wasm32-unknown-unknown/wasm-release/build -path '*/scour-*/out/index.bin' -size +0 \
  -printf '%T@ %p\n' 2>/dev/null | sort -rn | head -n1 | cut -d' ' -f2- || true)

# What the page loads besides HTML: www/ files other than html, bench pages, docs, source maps
# and highlight.js (loaded by the pages search hits lead to, not by the search page).
HIGHLIGHT=www/highlight.js
mapfile -t ASSETS < <(find www -type f ! -path 'www/pkg/*' ! -path 'www/bundle/*' ! -name '*.html' ! -name 'bench*' \
  ! -name '*.md' ! -name '*.txt' ! -name '*.map' ! -name '.*' ! -path "$HIGHLIGHT" | sort)
# Widget modules a page fetches only when it uses them (the dropdown and modal layouts, filters, the
# engine's worker, other languages): counted and printed, but not in the page weight of the demo,
# which uses none of them.
ON_DEMAND='^www/widget/(layout|modal|filters|worker|engine-worker|strings/[a-z]+)\.js$'
mapfile -t LATER < <(printf '%s\n' "${ASSETS[@]}" | grep -E "$ON_DEMAND" || true)
mapfile -t ASSETS < <(printf '%s\n' "${ASSETS[@]}" | grep -vE "$ON_DEMAND" || true)
mapfile -t WIDGET < <(printf '%s\n' "${ASSETS[@]}" | grep -E '\.m?js$' || true)
# The widget as the page loads it: scour.js and the modules it imports.
mapfile -t WITH_PAGE < <(printf '%s\n' "${WIDGET[@]}" | grep -E '^www/(scour\.js|widget/)' | grep -v offline.js || true)

printf '%-34s %9s %9s %9s\n' "bytes" "raw" "gzip -9" "brotli 11"
row "wasm (after wasm-opt)" "$WASM"
if [ -n "$INDEX" ]; then
  row "  incl. embedded index" "$INDEX"
else
  echo "  (embedded index.bin not found under target/; it is inside the wasm)"
fi
row "JS glue (pkg/scour_engine.js)" "$GLUE"
for f in "${WIDGET[@]}"; do row "JS ${f#www/}" "$f"; done
[ ${#WIDGET[@]} -gt 1 ] && row "www JS total" "${WIDGET[@]}"
for f in "${ASSETS[@]}"; do
  case "$f" in *.js|*.mjs) ;; *) row "other ${f#www/}" "$f" ;; esac
done
sum_gz() { local t=0 f; for f in "$@"; do t=$((t + $(gz "$f"))); done; echo "$t"; }
printf '%-34s %9s %9d   (each file gzipped)\n' "widget with the page (${#WITH_PAGE[@]} files)" "" "$(sum_gz "${WITH_PAGE[@]}")"
# The same files as `--bundle` and the npm package ship them: minified (scripts/build-wasm.sh).
SHIPPED_WIDGET=www/bundle/web
[ -d "$SHIPPED_WIDGET" ] && printf '%-34s %9s %9d   (each file gzipped)\n' "  minified, as --bundle ships it" "" \
  "$(sum_gz "${WITH_PAGE[@]/#www/$SHIPPED_WIDGET}")"
[ ${#LATER[@]} -gt 0 ] && echo "loaded only when a page uses them (not in the page weight):"
for f in "${LATER[@]}"; do row "  ${f#www/}" "$f"; done
[ ${#LATER[@]} -gt 0 ] && row "  all of them" "${LATER[@]}"

BUNDLE=www/bundle/pkg/scour_engine_bg.wasm
[ -f "$BUNDLE" ] && row "bundle engine (no index; --bundle)" "$BUNDLE" "www/bundle/pkg/scour_engine.js"
row "highlight.js (destination pages)" "$HIGHLIGHT"

# The npm package (make package): what an app bundles, and what npx downloads to index.
PACKAGE=target/npm/scour-site
if [ -d "$PACKAGE" ]; then
  echo "npm package scour-site:"
  row "  engine pkg/scour_engine_bg.wasm" "$PACKAGE/pkg/scour_engine_bg.wasm"
  row "  glue pkg/scour_engine.js" "$PACKAGE/pkg/scour_engine.js"
  printf '%-34s %9s %9d   (each file gzipped)\n' "  widget with the page (${#WITH_PAGE[@]} files)" "" \
    "$(sum_gz "${WITH_PAGE[@]/#www/$PACKAGE}")"
  row "  engine entry engine/index.js" "$PACKAGE/engine/index.js"
  row "  indexer scour.wasm (npx only)" "$PACKAGE/scour.wasm"
  printf '%-34s %9d (npm pack)\n' "  package tarball" "$(wc -c <"$(ls target/npm/scour-site-*.tgz)")"
else
  echo "(npm package not built: make package, then make size, for its figures)"
fi

# Total page weight, each file compressed on its own (as a server does).
total_raw=0; total_gz=0; total_br=0
for f in "$WASM" "$GLUE" "${ASSETS[@]}"; do
  total_raw=$((total_raw + $(wc -c <"$f"))); total_gz=$((total_gz + $(gz "$f"))); total_br=$((total_br + $(br "$f")))
done
printf '%-34s %9d %9d %9d\n' "page weight (excl. HTML)" "$total_raw" "$total_gz" "$total_br"
printf '    files: %s\n' "$WASM $GLUE ${ASSETS[*]}"

# What the engine is made of: the bundle engine (no index) as shipped, read from the copy with
# function names that build-wasm.sh keeps (the shipped file has none).
NAMED=target/size/bundle-engine-named.wasm
if [ -f "$NAMED" ]; then
  printf '\nengine composition (%s):\n' "$NAMED"
  # What ships neither formats nor panics: a `format!` or a bounds check fails the build here.
  node scripts/wasm-composition.mjs "$NAMED" --top "${TOP:-15}" --forbid core::fmt --forbid panics \
    | sed 's/^/  /' || composition=FAIL
else
  printf '\n(no %s: run scripts/build-wasm.sh for the engine composition)\n' "$NAMED"
fi
verdict=PASS; [ "$total_gz" -le "$BUDGET_GZIP" ] || verdict=FAIL
[ "${composition:-}" != FAIL ] || { echo "the engine ships formatting or panic code (above)"; verdict=FAIL; }
awk -v g="$total_gz" -v b="$BUDGET_GZIP" -v v="$verdict" \
  'BEGIN { printf "budget: %.1f KiB gzip of %g KiB (%.0f%%): %s\n", g / 1024, b / 1024, 100 * g / b, v }'
[ "$verdict" = PASS ]
