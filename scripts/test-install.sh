#!/usr/bin/env bash
# What users install, tested as they use it (after `make build`):
#   - `cargo install --path .` into a temporary root, then `scour index --bundle` run from another
#     folder: the binary carries its web files and needs nothing from this checkout;
#   - the npm package scour-site, packed (scripts/build-package.sh), installed in an app and
#     checked by tests/package/: the npx indexer against the native one, byte for byte; the app
#     bundled by esbuild and Vite and searched in Chromium; its types under `tsc --strict`; no
#     seed index in its engine.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# --debug and target/: the build `cargo test` made is reused (a user's release build is the same code).
step "cargo install --path . (into a temporary root)" \
  cargo install --quiet --path . --root "$TMP/root" --locked --debug --target-dir target
mkdir "$TMP/site"
check_installed() ( # in a subshell: it leaves the checkout
  cd "$TMP/site"
  "$TMP/root/bin/scour" --version | grep -q "index format" || die "scour --version names no index format"
  # `step` runs this on the left of `||`, where `set -e` does not stop: every failure is checked.
  "$TMP/root/bin/scour" index "$ROOT/tests/fixtures/docs-site" --out search --bundle >index.log 2>&1 ||
    { cat index.log >&2; die "scour index --bundle, run from $TMP/site, failed"; }
  [ -s search/scour-index.bin ] || die "scour index, run from $TMP/site, wrote no index"
  while read -r _ file _; do # a variant line names a file the plain engine wrote too
    [ -s "search/$file" ] || die "scour index --bundle, run from $TMP/site, did not write $file"
  done < <(grep -v '^#' "$ROOT/www/bundle-files.txt")
)
step "the installed scour: --version, and index --bundle from another folder" check_installed

step "cargo build --release --bin scour (the native indexer the npx one is compared with)" \
  cargo build --quiet --release --bin scour
bash scripts/build-package.sh >/dev/null || die "npm package"
step "node --test tests/package/ (npm package: npx indexer, bundlers, types, engine)" node --test tests/package/*.test.mjs
