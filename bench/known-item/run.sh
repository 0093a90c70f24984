#!/usr/bin/env bash
# The known-item benchmark: Scour (`scour eval`, both query rules) and the peers of the
# shared bench-peers harness (Node mode; Pagefind in Chromium, where the harness ranks it)
# on the queries of bench/known-item/<collection>/, scored by MRR@10, success@1 and nDCG@10.
#
#   bench/known-item/run.sh [collection ...]        # default: tldr php-manual
#
# A collection named NAME-held-out (the second, held-out sets) is NAME's corpus with its own
# queries and judgments.
# The corpora are not copied: each collection is assembled in a temp dir from a symlink to
# $DATASETS/<name>/corpus.jsonl and this folder's queries.jsonl and qrels.txt. Steps:
#   1. `scour eval DIR --run` and `scour eval DIR --all-words --run` (the search box's rule);
#   2. bench/peers/run.sh --no-browser on those dirs: the harness's own nDCG@10 per peer;
#   3. rank.mjs in that harness copy: a TREC run per peer (the harness keeps none);
#   4. score.mjs: MRR@10, success@1, nDCG@10 of every run, and Scour's misses.
# Environment: PEERS (default scour,lunr,minisearch,flexsearch,orama,pagefind; add fuse for
# Fuse.js, which scans every page for every word: about 20 more minutes),
# DATASETS (default ../shared/datasets beside the repository), BENCH_PEERS (the harness,
# passed on to bench/peers/run.sh), BUDGET_MS (timed loops of the harness, default 200:
# only relevance matters here), AS_TYPED=0 (skip the as-you-type rankings), RESULTS
# (default bench/known-item/results/<UTC time>/), KEEP_WORK=1 (keep the temp dir).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATASETS=${DATASETS:-$ROOT/../shared/datasets}
PEERS=${PEERS:-scour,lunr,minisearch,flexsearch,orama,pagefind}
BUDGET_MS=${BUDGET_MS:-200}
die() { echo "known-item/run.sh: $*" >&2; exit 1; }

cols=("$@")
[ ${#cols[@]} -gt 0 ] || cols=(tldr php-manual)
for c in "${cols[@]}"; do
  [ -f "$HERE/$c/queries.jsonl" ] && [ -f "$HERE/$c/qrels.txt" ] || die "no queries for '$c' in $HERE/$c"
  [ -f "$DATASETS/${c%-held-out}/corpus.jsonl" ] || die "no corpus $DATASETS/${c%-held-out}/corpus.jsonl"
done
BIN=$ROOT/target/release/scour
[ -x "$BIN" ] || (cd "$ROOT" && cargo build --release)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/scour-known-item.XXXXXX")
cleanup() { if [ "${KEEP_WORK:-0}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
dirs=()
for c in "${cols[@]}"; do
  mkdir -p "$WORK/collections/$c"
  ln -s "$(cd "$DATASETS/${c%-held-out}" && pwd)/corpus.jsonl" "$WORK/collections/$c/corpus.jsonl"
  cp "$HERE/$c/queries.jsonl" "$HERE/$c/qrels.txt" "$WORK/collections/$c/"
  dirs+=("$WORK/collections/$c")
done

RESULTS=${RESULTS:-$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$RESULTS/runs"
RESULTS=$(cd "$RESULTS" && pwd)
started=$(date +%s)
{
  echo "date: $(date -u +%FT%TZ)"
  echo "scour: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), $(git -C "$ROOT" status --short 2>/dev/null | wc -l) changed files; cli built $(date -u -r "$BIN" +%FT%TZ)"
  echo "command: bench/known-item/run.sh ${cols[*]} (PEERS=$PEERS BUDGET_MS=$BUDGET_MS)"
} | tee "$RESULTS/meta.txt" >&2

# 1. scour eval: any word (its default rule for prose) and all words (the search box's).
for d in "${dirs[@]}"; do
  c=$(basename "$d")
  mkdir -p "$RESULTS/runs/$c"
  for mode in any all; do
    flag=(); [ $mode = any ] || flag=(--all-words)
    echo "scour eval $c ${flag[*]}" >&2
    "$BIN" eval "$d" ${flag[@]+"${flag[@]}"} --run "$RESULTS/runs/$c/scour-eval-$mode.run" | tee -a "$RESULTS/scour-eval.txt"
  done
done

# 2. The harness, Node only (Pagefind is ranked in a browser there, so it is left to step 3),
# kept in a temp copy for step 3. Pagefind needs no harness run for relevance.
harness_peers=$(echo "$PEERS" | tr ',' '\n' | grep -vx 'pagefind' | paste -sd, -)
mkdir -p "$WORK/tmp"
TMPDIR=$WORK/tmp KEEP_WORK=1 FIRST_SEARCH=0 PEERS=$harness_peers \
  "$ROOT/bench/peers/run.sh" --no-browser --budget-ms "$BUDGET_MS" --rank-budget-ms 600000 \
  --type-queries 5 --results "$RESULTS/harness" "${dirs[@]}" >"$RESULTS/harness.out" 2>"$RESULTS/harness.log" \
  || { tail -n 20 "$RESULTS/harness.log" >&2; die "the harness failed (log: $RESULTS/harness.log)"; }
COPY=$(find "$WORK/tmp" -maxdepth 1 -name 'scour-bench-peers.*' -type d | head -n 1)
[ -n "$COPY" ] || die "the harness copy was not kept"

# 3. Per-query rankings of every peer, in that copy (Scour's adapter uses the CLI it copied).
cp "$HERE/rank.mjs" "$COPY/known-item-rank.mjs"
typed=(); [ "${AS_TYPED:-1}" = 0 ] || typed=(--as-typed)
(cd "$COPY" && SCOUR_BIN="$COPY/scour" node known-item-rank.mjs --peers "$PEERS" ${typed[@]+"${typed[@]}"} \
  --out "$RESULTS/runs" "${dirs[@]}") 2>&1 | tee "$RESULTS/rank.log" >&2

# 4. Scores, and Scour's misses.
for d in "${dirs[@]}"; do
  c=$(basename "$d")
  runs=("$RESULTS/runs/$c"/scour-eval-any.run "$RESULTS/runs/$c"/scour-eval-all.run)
  for p in ${PEERS//,/ }; do
    for f in "$RESULTS/runs/$c/$p.run" "$RESULTS/runs/$c/$p.typed.run"; do [ ! -f "$f" ] || runs+=("$f"); done
  done
  node "$HERE/score.mjs" --misses scour-eval-any,scour-eval-all,scour.typed "$d" "${runs[@]}" >"$RESULTS/$c.md"
  echo >>"$RESULTS/$c.md"
  # Assigned first: `set -e` stops on a failed assignment, not on an argument of echo.
  ndcg=$(node -e '
    const fs = require("fs");
    const last = new Map();
    for (const l of fs.readFileSync(process.argv[1], "utf8").split("\n")) if (l.trim()) { const r = JSON.parse(l); last.set(r.peer, r); }
    console.log([...last.values()].map((r) => `${r.peer} ${r.ndcg_10 ?? r.error}`).join(", "));
  ' "$RESULTS/harness/$c.jsonl")
  echo "harness nDCG@10 ($c.jsonl): $ndcg" >>"$RESULTS/$c.md"
done
echo "known-item/run.sh: done in $(( $(date +%s) - started )) s; results in $RESULTS" >&2
for c in "${cols[@]}"; do echo; cat "$RESULTS/$c.md"; done
