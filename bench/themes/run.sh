#!/usr/bin/env bash
# The themes benchmark: do the same pages rank the same once they are a documentation site's HTML,
# in its theme's chrome, as they do from their clean text? gen.py renders a collection's corpus as
# the site of each theme; each site, and the corpus.jsonl itself (the baseline), is indexed by
# `scour index ... --single-file`, and the known-item queries of bench/known-item/NAME and
# NAME-held-out are searched on every index (score.py) and scored by MRR@10 and success@1.
#
#   bench/themes/run.sh [collection ...]        # default: php-manual tldr
#
# Each query goes through `scour search --json --limit 10`, searched finished (a space after its
# last word): the baseline then ranks as `scour eval --all-words` does, which is checked (the top
# 10 of every query) and whose figures are printed under each table.
# Prints one Markdown table per collection: a row per index, MRR@10 and S@1 per query set.
# Environment: THEMES (default: all of gen.py's, space-separated), AS_TYPED=1 (search each query
# as typed, its last word also completed as a prefix, as the search box does while no space
# follows; no check against `scour eval` then), JOBS (searches at once, default: the number of
# cores), DATASETS (default ../shared/datasets beside the repository), KEEP_WORK=1 (keep the temp
# dir: the indexes and a TREC run per index and query set; each site is deleted once indexed).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
KNOWN=$ROOT/bench/known-item
DATASETS=${DATASETS:-$ROOT/../shared/datasets}
THEMES=${THEMES:-alabaster furo rtd material pydata docusaurus bootstrap hyde rustdoc mdbook vitepress docsy just-the-docs starlight javadoc doxygen gitbook pkgdown}
JOBS=${JOBS:-$(nproc)}
die() { echo "themes/run.sh: $*" >&2; exit 1; }

cols=("$@")
[ ${#cols[@]} -gt 0 ] || cols=(php-manual tldr)
for c in "${cols[@]}"; do
  for s in "$c" "$c-held-out"; do
    [ -f "$KNOWN/$s/queries.jsonl" ] && [ -f "$KNOWN/$s/qrels.txt" ] || die "no queries for '$s' in $KNOWN/$s"
  done
  [ -f "$DATASETS/$c/corpus.jsonl" ] || die "no corpus $DATASETS/$c/corpus.jsonl"
done
BIN=$ROOT/target/release/scour
[ -x "$BIN" ] || (cd "$ROOT" && cargo build --release)
typed=(); [ "${AS_TYPED:-0}" = 0 ] || typed=(--as-typed)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/scour-themes.XXXXXX")
cleanup() { if [ "${KEEP_WORK:-0}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
started=$(date +%s)
echo "scour: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), $(git -C "$ROOT" status --short 2>/dev/null | wc -l) changed files; cli built $(date -u -r "$BIN" +%FT%TZ)" >&2

# The name a site shows in its chrome (the site name is on every page).
site_name() {
  case $1 in
    php-manual) echo "PHP Manual" ;;
    tldr) echo "tldr pages" ;;
    *) echo "$1" ;;
  esac
}

# index SOURCE OUT: a single-file index of SOURCE in OUT, its log in OUT.log.
index() {
  "$BIN" index "$1" --out "$2" --single-file >"$2.log" 2>&1 || { cat "$2.log" >&2; die "scour index $1 failed"; }
}

# Top 10 of every query in a TREC run, one "qid rank docid" line each, sorted.
top10() { awk '$4 <= 10 { print $1, $4, $3 }' "$1" | sort; }

for c in "${cols[@]}"; do
  w=$WORK/$c
  corpus=$(cd "$DATASETS/$c" && pwd)/corpus.jsonl
  mkdir -p "$w/index" "$w/runs" "$w/eval"
  sets=()
  for s in "$c" "$c-held-out"; do
    mkdir -p "$w/sets/$s"
    ln -s "$corpus" "$w/sets/$s/corpus.jsonl"
    cp "$KNOWN/$s/queries.jsonl" "$KNOWN/$s/qrels.txt" "$w/sets/$s/"
    sets+=(--set "$w/sets/$s")
  done

  echo "$c: indexing corpus.jsonl and $(wc -w <<<"$THEMES") sites" >&2
  index "$corpus" "$w/index/baseline"
  rows=("baseline (corpus.jsonl)=$w/index/baseline")
  for t in $THEMES; do
    python3 "$HERE/gen.py" "$corpus" "$w/site" --site-name "$(site_name "$c")" --theme "$t"
    index "$w/site/$t" "$w/index/$t"
    rm -rf "$w/site/$t"
    rows+=("$t=$w/index/$t")
  done

  echo "$c: searching" >&2
  {
    echo "**$c** ($(grep -c . "$corpus") pages)"
    echo
    python3 "$HERE/score.py" "$BIN" "${sets[@]}" ${typed[@]+"${typed[@]}"} --jobs "$JOBS" --runs "$w/runs" "${rows[@]}"
    echo
    figures=()
    for s in "$c" "$c-held-out"; do
      # The last line of its table: collection, queries, nDCG@10, MAP@100, P@10, Recall@100, MRR@10, S@1.
      figures+=("$s $("$BIN" eval "$w/sets/$s" --all-words --run "$w/eval/$s.run" 2>/dev/null \
        | awk 'END { printf "%.3f / %.3f", $(NF - 1), $NF }')")
      if [ ${#typed[@]} = 0 ] && ! cmp -s <(top10 "$w/eval/$s.run") <(top10 "$w/runs/baseline.$s.run"); then
        echo "themes/run.sh: the baseline's rankings of $s differ from scour eval --all-words's" >&2
      fi
    done
    echo "\`scour eval --all-words\` (MRR@10 / S@1): ${figures[0]}, ${figures[1]}"
  } >"$WORK/$c.md"
done
echo "themes/run.sh: done in $(( $(date +%s) - started )) s" >&2
for c in "${cols[@]}"; do echo; cat "$WORK/$c.md"; done
