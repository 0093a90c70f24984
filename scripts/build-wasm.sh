#!/usr/bin/env bash
# Release wasm builds:
#   www/pkg/scour_engine{.js,_bg.wasm}         the demo's engine, with the seed index embedded
#   www/bundle/pkg/scour_engine{.js,_bg.wasm}  the engine `scour index --bundle` ships (no index)
#   www/bundle/stemmers/pkg/…                  the same with every Snowball stemmer, shipped for
#                                              an index with a language other than English
#   www/bundle/web/…                           the widget's scripts as the bundle ships them:
#                                              minified (www/ keeps them as written, for the demo)
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

# The engines are built with the pinned nightly, rebuilding std so that a panic aborts with no
# message (as stable's panic = "abort" does in a browser, where the message goes nowhere) and
# formatting keeps no Debug output or panic locations: core::fmt, the location strings and the
# Debug tables drop out, 11 KB of the bundle engine's 111 KB gzip. Nothing shipped formats with
# Debug (`{:?}` is in tests only). Legacy symbol names keep the glue's import names short.
# LLVM's inliner gets a threshold of 25 instead of opt-level 2's 225: at 10, 25 and 50 the
# bundle engine is the same size after wasm-opt (113.9-114.2 KB gzip) and as fast, within the
# noise; LLVM's own threshold adds 8.7 KB (122.6 KB; docs/PERFORMANCE.md, "Optimisation level").
have_nightly || die "no $NIGHTLY toolchain with rust-src: bash scripts/setup.sh --no-npm installs it"
export CARGO_TARGET_DIR="$ROOT/target/shipped"
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Csymbol-mangling-version=legacy -Cllvm-args=-inline-threshold=25"
WASM=$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/scour.wasm

# wasm-opt: binaryen >= 116. Older ones (Debian 12 ships 108) rewrite wasm-bindgen's externref
# table as a funcref table and the module fails at init, so they are not used.
# Preferred: the npm `binaryen` package (package.json; `npm ci`). Override with WASM_OPT=/path.
pick_wasm_opt() {
  local c v
  for c in "${WASM_OPT:-}" "$ROOT/node_modules/.bin/wasm-opt" "$(command -v wasm-opt || true)"; do
    [ -n "$c" ] && [ -x "$c" ] || continue
    v=$("$c" --version 2>/dev/null | sed -n 's/.*version \([0-9][0-9]*\).*/\1/p')
    if [ -n "$v" ] && [ "$v" -ge 116 ]; then echo "$c"; return 0; fi
    printf '    (ignoring %s: binaryen %s < 116 breaks externref tables)\n' "$c" "${v:-?}" >&2
  done
  return 1
}

# rustc's opt-level "z" + LTO output is already small: on this module `wasm-opt -Oz` shrinks the
# raw bytes but grows the gzip/brotli size (inlining and code folding compress worse), so this
# tries pass sets and keeps whichever transfers smallest (gzip -9), input included: -Oz, -O1 run
# to a fixed point (about 0.8 KB gzip smaller than the light set on the bundle engine), the same
# with dead arguments removed, whole-program flow analysis, redundant sets removed and code
# folded (about 1.0 KB smaller again; each alone: 0.65, 0.28, 0.22 and 0.06), and a light set.
FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
  --enable-reference-types --enable-multivalue) # rustc's wasm32 defaults (target_features is stripped)
STRIP=(--strip-debug --strip-producers)
CLEAN=(--dce --remove-unused-module-elements --vacuum)
PASS_SETS=("-Oz" "-O1 --converge" "-O1 --dae-optimizing --gufa-optimizing --rse --code-folding --converge"
  "${CLEAN[*]}")
gzsize() { gzip -9 -n -c "$1" | wc -c; }

# build_engine OUT [cargo flags...]: build, bind and optimise one engine into OUT (and with
# NAMED set, a copy with function names there).
build_engine() {
  local OUT=$1; shift
  step "cargo +$NIGHTLY build (wasm32, wasm-release, std rebuilt $*)" \
    cargo "+$NIGHTLY" build --lib --target wasm32-unknown-unknown --profile wasm-release \
    -Zbuild-std=std,panic_abort "$@"
  [ -f "$WASM" ] || die "$WASM was not produced (is crate-type cdylib?)"
  step "wasm-bindgen --target web -> $OUT" \
    wasm-bindgen --target web --out-dir "$OUT" --out-name scour_engine "$WASM"
  optimise "$OUT" "${NAMED:-}"
  glue "$OUT"
}

# glue OUT: the glue, generated code that nobody reads, with the JS it imports from src/
# (wasm-bindgen's snippets: src/hits.js, src/options.js, src/fetch.js) put in its place, so
# that a page fetches one script (the glue ships alone: www/bundle-files.txt), then minified
# by esbuild (npm `esbuild`, package.json): 6.4 KB gzip as written, 4.2 minified. The exported names
# stay (no `--format`, no `--bundle`, which would rename the `Scour` class), and so do the
# wasm's import names, `new URL('…_bg.wasm', import.meta.url)`, which bundlers look for, and
# the first line, the TypeScript types' hint; other names are shortened.
ESBUILD="$ROOT/node_modules/.bin/esbuild"
glue() {
  local G="$1/scour_engine.js"
  inline_snippets "$1" >"$1/inlined.js" || die "could not put the snippets into $G"
  if [ -x "$ESBUILD" ]; then
    { head -n 1 "$G" && "$ESBUILD" "$1/inlined.js" --minify --log-level=warning; } >"$G.min" ||
      die "esbuild could not minify $G"
    mv "$G.min" "$G"
  else
    printf '    (no esbuild: the glue stays as written; run `npm ci`)\n' >&2
    mv "$1/inlined.js" "$G"
  fi
  rm -rf "$1/inlined.js" "$1/snippets"
  printf '    %-34s %7d bytes, %7d gzip\n' "glue" "$(wc -c <"$G")" "$(gzsize "$G")" >&2
}

# inline_snippets OUT: OUT's glue with each `import { f } from './snippets/…';` line replaced
# by that file (once, however many lines import it), its `export (async) function`s made plain
# functions (and for an `import * as name from …` line, which wasm-bindgen writes for a
# snippet the wasm imports straight, `name` made an object of them); fails on a snippet it
# cannot read, an import or export of another kind in one, or an import left in the glue.
inline_snippets() {
  awk -v dir="$1" '
    /^import (\{ [A-Za-z0-9_$, ]+ \}|\* as [A-Za-z0-9_$]+) from .\.\/snippets\/[^ ]+.;?$/ {
      path = $NF; gsub(/[\047";]/, "", path); file = dir "/" path; lines = 0; names = ""
      if (file in inlined) {
        if ($2 == "*") print "const " $4 " = { " inlined[file] " };"
        next
      }
      while ((getline line < file) > 0) {
        if (line ~ /^export (async )?function [A-Za-z0-9_$]+/) {
          name = line; sub(/^export (async )?function /, "", name); sub(/[^A-Za-z0-9_$].*/, "", name)
          names = names (names == "" ? "" : ", ") name
          sub(/^export /, "", line)
        }
        if (line ~ /^(import|export)[ {]/) { print "cannot inline " file ": " line > "/dev/stderr"; exit 1 }
        print line; lines++
      }
      if (!lines) { print "cannot read the snippet " file > "/dev/stderr"; exit 1 }
      close(file)
      inlined[file] = names
      if ($2 == "*" && names == "") { print "no exported function in the snippet " file > "/dev/stderr"; exit 1 }
      if ($2 == "*") print "const " $4 " = { " names " };"
      next
    }
    /^import / { print "unexpected import in the glue: " $0 > "/dev/stderr"; exit 1 }
    { print }' "$1/scour_engine.js"
}

# minify_web: the scripts www/bundle-files.txt ships from www/bundle/web/ (what `scour index
# --bundle` and the npm package copy), each file minified on its own from its source in www/,
# so that their imports and file names stay as written: 15.7 KB gzip of the widget a page loads
# becomes 9.3.
minify_web() {
  local OUT=www/bundle/web source file
  rm -rf "$OUT"
  [ -x "$ESBUILD" ] || printf '    (no esbuild: the bundle'"'"'s scripts stay as written; run `npm ci`)\n' >&2
  while read -r source; do
    while IFS= read -r file; do
      mkdir -p "$OUT/$(dirname "$file")"
      if [ -x "$ESBUILD" ]; then
        "$ESBUILD" "www/$file" --minify --log-level=warning --outfile="$OUT/$file" ||
          die "esbuild could not minify www/$file"
      else
        cp "www/$file" "$OUT/$file"
      fi
    done < <(cd www && find "${source#bundle/web/}" -type f | sort)
  done < <(grep -o '^bundle/web/[^ ]*' www/bundle-files.txt)
}

# optimise OUT [NAMED]: run wasm-opt on OUT's wasm, keeping what transfers smallest; NAMED gets
# the same module with its function names, for `make size`'s composition.
optimise() {
  local OUT=$1 NAMED=${2:-} W="$1/scour_engine_bg.wasm" OPT best best_gz best_set="" gz i passes
  if ! OPT=$(pick_wasm_opt); then
    printf '    (no usable wasm-opt: skipping; run `npm ci` for binaryen >= 116)\n' >&2
    [ -z "$NAMED" ] || { mkdir -p "$(dirname "$NAMED")"; cp "$W" "$NAMED"; }
    return
  fi
  best="$W"; best_gz=$(gzsize "$W")
  printf '    %-34s %7d bytes, %7d gzip\n' "wasm-bindgen output" "$(wc -c <"$W")" "$best_gz" >&2
  for i in "${!PASS_SETS[@]}"; do
    read -ra passes <<<"${PASS_SETS[$i]}"
    step "wasm-opt ${PASS_SETS[$i]}" "$OPT" "${STRIP[@]}" "${passes[@]}" "${FEATURES[@]}" "$W" -o "$W.$i"
    gz=$(gzsize "$W.$i")
    printf '    %-34s %7d bytes, %7d gzip\n' "${PASS_SETS[$i]}" "$(wc -c <"$W.$i")" "$gz" >&2
    if [ "$gz" -lt "$best_gz" ]; then best="$W.$i"; best_gz=$gz; best_set=${PASS_SETS[$i]}; fi
  done
  if [ -n "$NAMED" ]; then
    mkdir -p "$(dirname "$NAMED")"
    read -ra passes <<<"$best_set"
    if [ -n "$best_set" ]; then
      "$OPT" -g --strip-producers "${passes[@]}" "${FEATURES[@]}" "$W" -o "$NAMED" || die "wasm-opt -g $best_set"
    else
      cp "$W" "$NAMED"
    fi
  fi
  [ "$best" = "$W" ] || mv "$best" "$W"
  rm -f "$W".[0-9]
  printf '    kept: %s\n' "${best_set:-the wasm-bindgen output}" >&2
}

build_engine www/pkg
NAMED=target/size/bundle-engine-named.wasm build_engine www/bundle/pkg --no-default-features
build_engine www/bundle/stemmers/pkg --no-default-features --features stemmers
step "esbuild --minify -> www/bundle/web" minify_web
