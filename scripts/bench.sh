#!/usr/bin/env bash
# make bench: search latency over tests/bench/queries.json, in Chromium (wasm) and native.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build-wasm.sh

log "browser (Chromium, wasm-release + wasm-opt): scour.search(q, {limit: 10})"
node scripts/bench-browser.mjs || die "browser bench"

log "native (release): index.search(q, limit 10)"
if grep -q '^\[\[bench\]\]' Cargo.toml && grep -A3 '^\[\[bench\]\]' Cargo.toml | grep -q 'harness *= *false'; then
  cargo bench -q --bench search || die "native bench"
else
  # Without a [[bench]] harness = false entry the file runs as an ignored libtest test.
  cargo test -q --release --bench search -- --ignored --nocapture --test-threads=1 || die "native bench"
fi

# Hostile query shapes, a keystroke at a time (native, release): the PHP manual, then the same
# with one generated page of 100 MB (not checked in). The browser figures above give the
# wasm/native ratio to read them by (README, "Hostile queries").
PHP=../shared/datasets/php-manual
if [ -f "$PHP/corpus.jsonl" ]; then
  log "hostile queries (native, release): the PHP manual"
  cargo run --release -q -- bench "$PHP" --hostile --queries 20 || die "hostile bench"
  log "hostile queries (native, release): the PHP manual and one page of 100 MB"
  cargo run --release -q -- bench "$PHP" --hostile --queries 20 --big-page 100 || die "hostile bench, 100 MB page"
  log "hostile queries in the wasm engine (Node's V8): the PHP manual, then with a page of 100 MB"
  node bench/hostile/wasm.mjs "$PHP/corpus.jsonl" 100 || die "hostile bench, wasm"
else
  log "no $PHP: hostile query bench skipped"
fi
