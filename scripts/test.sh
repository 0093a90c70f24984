#!/usr/bin/env bash
# make test: everything CI checks, fail fast on the first failure.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
T0=$SECONDS

bash scripts/setup.sh --no-npm || die "tool setup"

step "cargo fmt --all --check (fix: cargo fmt --all)" cargo fmt --all --check
step "cargo clippy --workspace --all-targets -- -D warnings" \
  cargo clippy --workspace --all-targets -- -D warnings
step "cargo test --workspace" cargo test --workspace

# tests/web.rs in headless Chromium through chromedriver (wasm-pack would otherwise try to download one).
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
step "wasm-pack test --headless --chrome (tests/web.rs)" wasm-pack test --headless --chrome

step "npm ci" npm ci --no-audit --no-fund   # playwright-core, binaryen (wasm-opt), axe-core
bash scripts/build-wasm.sh || die "wasm build"
step "page weight within the budget (make size)" env SKIP_BUILD=1 bash scripts/size.sh
step "node --test tests/e2e/ (Playwright + Chromium)" node --test tests/e2e/

log "all checks passed in $((SECONDS - T0))s"
