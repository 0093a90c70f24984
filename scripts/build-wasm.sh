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

if command -v wasm-opt >/dev/null; then
  before=$(wc -c <"$OUT/scour_engine_bg.wasm")
  step "wasm-opt -Oz" wasm-opt -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$OUT/scour_engine_bg.wasm" -o "$OUT/scour_engine_bg.wasm.opt"
  mv "$OUT/scour_engine_bg.wasm.opt" "$OUT/scour_engine_bg.wasm"
  printf '    wasm: %d -> %d bytes\n' "$before" "$(wc -c <"$OUT/scour_engine_bg.wasm")" >&2
else
  printf '    (wasm-opt not found: skipping; install binaryen for a smaller module)\n' >&2
fi
