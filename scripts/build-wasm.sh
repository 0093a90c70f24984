#!/usr/bin/env bash
# Release wasm builds:
#   www/pkg/scour_engine{.js,_bg.wasm}         the demo's engine, with the seed index embedded
#   www/bundle/pkg/scour_engine{.js,_bg.wasm}  the engine `scour index --bundle` ships (no index)
#   www/bundle/stemmers/pkg/…                  the same with every Snowball stemmer, shipped for
#                                              an index with a language other than English
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

WASM=target/wasm32-unknown-unknown/wasm-release/scour.wasm

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
# tries -Oz and a light pass set and keeps whichever transfers smallest (gzip -9), input included.
FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
  --enable-reference-types --enable-multivalue) # rustc's wasm32 defaults (target_features is stripped)
LIGHT=(--strip-debug --strip-producers --dce --remove-unused-module-elements --vacuum)
gzsize() { gzip -9 -n -c "$1" | wc -c; }

# build_engine OUT [cargo flags...]: build, bind and optimise one engine into OUT.
build_engine() {
  local OUT=$1; shift
  step "cargo build (wasm32, wasm-release $*)" \
    cargo build --lib --target wasm32-unknown-unknown --profile wasm-release "$@"
  [ -f "$WASM" ] || die "$WASM was not produced (is crate-type cdylib?)"
  step "wasm-bindgen --target web -> $OUT" \
    wasm-bindgen --target web --out-dir "$OUT" --out-name scour_engine "$WASM"
  optimise "$OUT"
}

# optimise OUT: run wasm-opt on OUT's wasm, keeping what transfers smallest.
optimise() {
  local OUT=$1
  if OPT=$(pick_wasm_opt); then
    W="$OUT/scour_engine_bg.wasm"
    step "wasm-opt -Oz ($OPT)" "$OPT" -Oz "${FEATURES[@]}" "$W" -o "$W.oz"
    step "wasm-opt light passes (${LIGHT[*]})" "$OPT" "${LIGHT[@]}" "${FEATURES[@]}" "$W" -o "$W.light"
    best="$W"; best_gz=$(gzsize "$W")
    for cand in "$W.oz" "$W.light"; do
      gz=$(gzsize "$cand")
      printf '    %-26s %7d bytes, %7d gzip\n' "${cand#"$OUT"/}" "$(wc -c <"$cand")" "$gz" >&2
      if [ "$gz" -lt "$best_gz" ]; then best="$cand"; best_gz=$gz; fi
    done
    printf '    %-26s %7d bytes, %7d gzip (wasm-bindgen output)\n' "${W#"$OUT"/}" "$(wc -c <"$W")" "$(gzsize "$W")" >&2
    [ "$best" = "$W" ] || mv "$best" "$W"
    rm -f "$W.oz" "$W.light"
    printf '    kept: %s\n' "${best#"$OUT"/}" >&2
  else
    printf '    (no usable wasm-opt: skipping; run `npm ci` for binaryen >= 116)\n' >&2
  fi
}

build_engine www/pkg
build_engine www/bundle/pkg --no-default-features
build_engine www/bundle/stemmers/pkg --no-default-features --features stemmers
