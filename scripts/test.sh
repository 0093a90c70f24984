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
# The fuzz targets run on the pinned nightly scripts/setup.sh installs; FUZZ=0 skips them.
if [ "${FUZZ:-1}" != 0 ]; then
  step "fuzz smoke run: scripts/fuzz.sh (2 minutes)" bash scripts/fuzz.sh
else
  log "fuzzing skipped (FUZZ=0; bash scripts/fuzz.sh runs it)"
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
step "node --test tests/e2e/ (Playwright + Chromium)" node --test tests/e2e/*.test.mjs
bash scripts/test-install.sh || die "what users install (npm package, cargo install)"
bash scripts/recipes.sh plain eleventy || die "integration recipes (scripts/recipes.sh)"
step "node --test tests/firefox/ (selenium-webdriver + geckodriver + Firefox)" node --test tests/firefox/*.test.mjs

log "all checks passed in $((SECONDS - T0))s"
