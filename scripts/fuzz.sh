#!/usr/bin/env bash
# make fuzz (and make test, unless FUZZ=0): builds the cargo-fuzz targets
# in fuzz/ and runs each from its seeds (fuzz/seeds/<target>; the readers' are the test
# fixtures) for an equal share of
# FUZZ_SECONDS (120 by default), inputs up to 2 MB. New inputs go to target/fuzz-corpus/;
# a crash is saved in fuzz/artifacts/<target>/ and fails the run. Runs on the pinned nightly
# (scripts/lib.sh; scripts/setup.sh installs it); installs cargo-fuzz when missing.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

have_nightly || die "no $NIGHTLY toolchain: bash scripts/setup.sh --no-npm installs it"
command -v cargo-fuzz >/dev/null || step "cargo install cargo-fuzz" cargo install cargo-fuzz --locked

TARGETS=(decode decode_resealed query ingest_html ingest_markdown ingest_jsonl)
EACH=$(( ${FUZZ_SECONDS:-120} / ${#TARGETS[@]} ))
step "cargo +$NIGHTLY fuzz build" bash -c "cd fuzz && cargo +$NIGHTLY fuzz build -O"
seeds() {
  case $1 in
    ingest_html) echo ../tests/fixtures/html-site/docs ../tests/fixtures/html-site/blog ../tests/fixtures/multilingual ;;
    ingest_markdown) echo ../tests/fixtures/docs-site/guide ../tests/fixtures/bad ;;
    ingest_jsonl) echo ../tests/fixtures/collection ../tests/fixtures/bad ;;
    *) echo "seeds/$1" ;;
  esac
}
for target in "${TARGETS[@]}"; do
  corpus="$ROOT/target/fuzz-corpus/$target"
  mkdir -p "$corpus"
  step "fuzz $target for ${EACH}s" bash -c "set -o pipefail; cd fuzz && cargo +$NIGHTLY fuzz run -O $target '$corpus' $(seeds "$target") -- \
    -max_total_time=$EACH -max_len=2097152 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 2>&1 | tail -n 12"
done
