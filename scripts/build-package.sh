#!/usr/bin/env bash
# The npm package scour-site (npm/): the indexer built for wasm32-wasip1 (scour.wasm), the web
# bundle of www/bundle-files.txt (the widget and the engine without an embedded index, as
# `make build` left them) and npm/'s own files, assembled in target/npm/scour-site/ and packed
# into target/npm/scour-site-<version>.tgz. Prints the tarball's path.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

STAGE=target/npm/scour-site
INDEXER=target/wasm32-wasip1/release/scour.wasm

[ -f www/bundle/pkg/scour_engine_bg.wasm ] || die "www/bundle/pkg is missing: run make build first"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
package_version=$(node -p "require('./npm/package.json').version")
[ "$version" = "$package_version" ] || die "npm/package.json is version $package_version, Cargo.toml $version: make them equal"

step "cargo build (wasm32-wasip1, release): the indexer" \
  cargo build --release --target wasm32-wasip1 --bin scour --no-default-features

rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -r npm/. "$STAGE/"
while read -r source destination variant; do
  case "$source" in '' | '#'*) continue ;; esac
  [ -z "$variant" ] || continue # the engine with every stemmer: not in the package
  mkdir -p "$(dirname "$STAGE/$destination")"
  cp -r "www/$source" "$STAGE/$destination"
done <www/bundle-files.txt
cp "$INDEXER" "$STAGE/scour.wasm"

step "npm pack" npm pack --silent --pack-destination target/npm "./$STAGE" >/dev/null
echo "$ROOT/target/npm/scour-site-$version.tgz"
