#!/usr/bin/env bash
# Install the tools the build and tests need; skip whatever is already present.
#   scripts/setup.sh           rust targets + the pinned nightly + wasm-bindgen-cli + wasm-pack + geckodriver + system packages + npm ci
#   scripts/setup.sh --no-npm  same without npm ci
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

NPM=1
[ "${1:-}" = "--no-npm" ] && NPM=0

command -v cargo >/dev/null || die "cargo not found: install Rust via https://rustup.rs"

# 1. rustfmt and clippy (make test runs them; a minimal rustup has neither), and the Rust
#    targets: the browser engine, and the indexer the npm package runs through node:wasi.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  step "rustup component add rustfmt clippy" rustup component add rustfmt clippy
fi
for target in wasm32-unknown-unknown wasm32-wasip1; do
  if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    step "rustup target add $target" rustup target add "$target"
  fi
done

# 1b. The pinned nightly with rust-src: the shipped engines rebuild std with it (16 s through
#     the registry mirror).
if ! have_nightly; then
  step "rustup toolchain install $NIGHTLY --profile minimal --component rust-src" \
    rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
fi

# 2. wasm-bindgen-cli at exactly the version Cargo.toml pins (the CLI must match the crate).
WBG="$(pinned_wasm_bindgen)"
[ -n "$WBG" ] || die "cannot read the wasm-bindgen version pinned in Cargo.toml"
have_wbg="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wbg" != "$WBG" ]; then
  step "cargo install wasm-bindgen-cli $WBG (have: ${have_wbg:-none})" \
    cargo install wasm-bindgen-cli --version "$WBG" --force
fi

# 3. wasm-pack (runs tests/web.rs in headless Chromium and Firefox), the version CI is known to
#    run when it has none.
WASM_PACK=0.15.1
if ! command -v wasm-pack >/dev/null; then
  step "cargo install wasm-pack $WASM_PACK" cargo install wasm-pack --version "$WASM_PACK"
fi

# 4. geckodriver, Firefox's WebDriver (wasm-pack test --firefox, tests/firefox/). Debian does
#    not package it; crates.io does (wasm-pack would download a binary, which fails offline).
if ! geckodriver_bin >/dev/null; then
  step "cargo install geckodriver" cargo install geckodriver --locked
fi

# 5. System packages: Chromium + its WebDriver, Firefox ESR, brotli (make size).
#    (wasm-opt comes from npm `binaryen`: Debian 12's binaryen 108 breaks wasm-bindgen's output.)
missing=()
chromium_bin >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
firefox_bin >/dev/null || missing+=(firefox-esr)
command -v brotli >/dev/null || missing+=(brotli)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    step "apt-get update" apt-get update -qq
    step "apt-get install ${missing[*]}" apt-get install -y -qq "${missing[@]}"
  else
    die "missing system packages: ${missing[*]}
    install them, e.g.:  sudo apt-get install ${missing[*]}"
  fi
fi

# 6. Node packages, exactly as locked.
if [ "$NPM" = 1 ]; then
  command -v npm >/dev/null || die "npm not found: install Node.js 20+"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "npm ci" npm ci --no-audit --no-fund
  fi
fi
exit 0
