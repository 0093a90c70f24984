# Shared helpers for scripts/*.sh. Source it: `. "$(dirname "$0")/lib.sh"`.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\n\033[31mFAILED: %s\033[0m\n' "$*" >&2; exit 1; }

# step "description" cmd args... : run a step, fail fast with a clear message.
step() {
  local what="$1"; shift
  log "$what"
  local t0=$SECONDS
  "$@" || die "$what  (command: $*)"
  printf '    ok (%ds)\n' $((SECONDS - t0)) >&2
}

# The nightly toolchain the shipped wasm engines are built with (std rebuilt for size, see
# scripts/build-wasm.sh) and the fuzz targets run on; pinned, so that a build is the same
# whenever it runs. Installed by scripts/setup.sh with rust-src, which -Zbuild-std needs.
NIGHTLY=nightly-2026-05-19

# Whether the pinned nightly and its rust-src are installed.
have_nightly() {
  rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1 \
    && [ -d "$(rustup run "$NIGHTLY" rustc --print sysroot)/lib/rustlib/src/rust/library" ]
}

# The wasm-bindgen version pinned in Cargo.toml (e.g. 0.2.130).
pinned_wasm_bindgen() {
  sed -n 's/^wasm-bindgen *= *"=\{0,1\}\([0-9][0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml" | head -n1
}

chromium_bin() {
  local c
  for c in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    [ -n "$c" ] && [ -x "$c" ] && { echo "$c"; return 0; }
  done
  return 1
}

firefox_bin() {
  local c
  for c in "${FIREFOX:-}" /usr/bin/firefox-esr /usr/bin/firefox; do
    [ -n "$c" ] && [ -x "$c" ] && { echo "$c"; return 0; }
  done
  return 1
}

# geckodriver: $GECKODRIVER, then PATH (cargo install puts it in ~/.cargo/bin, on PATH above).
geckodriver_bin() {
  local c
  for c in "${GECKODRIVER:-}" "$(command -v geckodriver 2>/dev/null || true)"; do
    [ -n "$c" ] && [ -x "$c" ] && { echo "$c"; return 0; }
  done
  return 1
}
