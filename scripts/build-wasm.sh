#!/usr/bin/env bash
# Release wasm build -> www/pkg/scour_engine.js + www/pkg/scour_engine_bg.wasm
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

WASM=target/wasm32-unknown-unknown/wasm-release/scour.wasm
OUT=www/pkg

step "cargo build (wasm32, wasm-release)" \
  cargo build --lib --target wasm32-unknown-unknown --profile wasm-release
[ -f "$WASM" ] || die "$WASM was not produced (is crate-type cdylib?)"

step "wasm-bindgen --target web -> $OUT" \
  wasm-bindgen --target web --out-dir "$OUT" --out-name scour_engine "$WASM"

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

if OPT=$(pick_wasm_opt); then
  before=$(wc -c <"$OUT/scour_engine_bg.wasm")
  # The features rustc enables by default for wasm32 (the target_features section is stripped).
  step "wasm-opt -Oz ($OPT)" "$OPT" -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    "$OUT/scour_engine_bg.wasm" -o "$OUT/scour_engine_bg.wasm.opt"
  mv "$OUT/scour_engine_bg.wasm.opt" "$OUT/scour_engine_bg.wasm"
  printf '    wasm: %d -> %d bytes\n' "$before" "$(wc -c <"$OUT/scour_engine_bg.wasm")" >&2
else
  printf '    (no usable wasm-opt: skipping; run `npm ci` for binaryen >= 116)\n' >&2
fi
