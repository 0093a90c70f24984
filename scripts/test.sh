#!/usr/bin/env bash
# make test: everything CI checks, fail fast on the first failure.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
T0=$SECONDS

bash scripts/setup.sh --no-npm || die "tool setup"

step "cargo fmt --all --check (fix: cargo fmt --all)" cargo fmt --all --check
# The engines first: the command line embeds the one `scour index --bundle` writes.
step "npm ci" npm ci --no-audit --no-fund   # playwright-core, selenium-webdriver, binaryen (wasm-opt), axe-core, bundlers
bash scripts/build-wasm.sh || die "wasm build"
step "cargo clippy --workspace --all-targets -- -D warnings" \
  cargo clippy --workspace --all-targets -- -D warnings
step "cargo test --workspace" cargo test --workspace
# The fuzz targets need nightly: installed when missing (about a minute and a half through the
# registry mirror; FUZZ=0 skips it all), and the 2-minute run skipped only if it cannot be.
if [ "${FUZZ:-1}" != 0 ] && ! rustup run nightly rustc --version >/dev/null 2>&1; then
  log "rustup toolchain install nightly --profile minimal (for the fuzz smoke run)"
  timeout 600 rustup toolchain install nightly --profile minimal >/dev/null 2>&1 \
    || log "nightly could not be installed: the fuzz smoke run is skipped"
fi
if [ "${FUZZ:-1}" != 0 ] && rustup run nightly rustc --version >/dev/null 2>&1; then
  step "fuzz smoke run: scripts/fuzz.sh (2 minutes)" bash scripts/fuzz.sh
else
  log "fuzzing skipped (FUZZ=0, or no nightly toolchain: rustup toolchain install nightly --profile minimal, then bash scripts/fuzz.sh)"
fi

# tests/web/ in headless Chromium and Firefox. The drivers are named explicitly: wasm-pack
# looks for them on PATH only, and would otherwise try to download them.
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || true)}"
GECKODRIVER="${GECKODRIVER:-$(geckodriver_bin || true)}"
[ -x "$CHROMEDRIVER" ] || die "chromedriver not found: run scripts/setup.sh"
[ -x "$GECKODRIVER" ] || die "geckodriver not found: run scripts/setup.sh"
export CHROMEDRIVER GECKODRIVER
# The headless runner gives up after 20 s by default: too short for a debug wasm on a busy
# 2-core machine.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-300}"
step "wasm-pack test --headless --chrome --firefox (tests/web/)" \
  wasm-pack test --headless --chrome --chromedriver "$CHROMEDRIVER" --firefox --geckodriver "$GECKODRIVER"

step "page weight within the budget (make size)" env SKIP_BUILD=1 bash scripts/size.sh
step "node --test tests/e2e/ (Playwright + Chromium)" node --test tests/e2e/
bash scripts/test-install.sh || die "what users install (npm package, cargo install)"
bash scripts/recipes.sh plain eleventy || die "integration recipes (scripts/recipes.sh)"
step "node --test tests/firefox/ (selenium-webdriver + geckodriver + Firefox)" node --test tests/firefox/

log "all checks passed in $((SECONDS - T0))s"
