#!/usr/bin/env bash
# make serve: ensure tools, build the wasm, serve www/ on http://127.0.0.1:${PORT:-8080}
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh   # npm ci brings wasm-opt (binaryen)
bash scripts/build-wasm.sh
command -v node >/dev/null || die "node not found: install Node.js 20+"
log "serving www/"
exec node scripts/serve.mjs www "${PORT:-8080}" "${HOST:-127.0.0.1}"
