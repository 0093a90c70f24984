#!/usr/bin/env bash
# Scour side by side with lunr, MiniSearch, Pagefind, ... in the shared bench-peers
# harness, without touching it: the harness is copied to a temp dir, Scour's adapter
# is added and registered there, and `node run.mjs` runs in the copy.
#
#   bench/peers/run.sh [harness options] [collection ...]
#
# Collections: a directory, or a name looked up in the harness (seeds) and in
# $DATASETS (cisi, med, cacm, php-manual, ...). Default: seeds cisi med cacm.
# Harness options are passed through (--budget-ms N, --rank-budget-ms N,
# --type-queries N, --first-searches N, --no-browser, --peers a,b,...). After the
# harness, first-search.mjs measures Scour's chunked index first search next to
# Pagefind's (results/first-search.md). Environment: PEERS (default
# scour,lunr,minisearch,pagefind), BENCH_PEERS (harness, default
# ../shared/bench-peers beside the repository), DATASETS (default
# ../shared/datasets beside it), RESULTS (default bench/peers/results/<UTC time>/),
# FIRST_SEARCH=0 (skip first-search.mjs) or only (skip the harness run),
# REBUILD=1 (cargo build --release and make build first), KEEP_WORK=1 (keep the temp copy).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
HARNESS=${BENCH_PEERS:-$ROOT/../shared/bench-peers}
DATASETS=${DATASETS:-$ROOT/../shared/datasets}
FIRST_SEARCH=${FIRST_SEARCH:-1}
PEERS=${PEERS:-scour,lunr,minisearch,pagefind}

die() { echo "run.sh: $*" >&2; exit 1; }
usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

resolve() {
  local c=$1
  if [ -d "$c" ]; then (cd "$c" && pwd)
  elif [[ $c != */* && -d $HARNESS/$c ]]; then echo "$HARNESS/$c"
  elif [[ $c != */* && -d $DATASETS/$c ]]; then echo "$DATASETS/$c"
  else die "no collection directory '$c' (looked in ., $HARNESS, $DATASETS)"; fi
}

opts=() cols=() budget=(--budget-ms 5000) rank_budget=(--rank-budget-ms 30000) peers=(--peers "$PEERS")
while [ $# -gt 0 ]; do
  case $1 in
    -h|--help) usage ;;
    --no-browser) opts+=("$1") ;;
    --budget-ms) [ $# -ge 2 ] || usage 2; budget=("$1" "$2"); shift ;;
    --rank-budget-ms) [ $# -ge 2 ] || usage 2; rank_budget=("$1" "$2"); shift ;;
    --peers) [ $# -ge 2 ] || usage 2; peers=("$1" "$2"); shift ;;
    --results) [ $# -ge 2 ] || usage 2; RESULTS=$2; shift ;;
    --*) [ $# -ge 2 ] || usage 2; opts+=("$1" "$2"); shift ;;
    *) cols+=("$(resolve "$1")") ;;
  esac
  shift
done
[ ${#cols[@]} -gt 0 ] || cols=("$(resolve seeds)" "$(resolve cisi)" "$(resolve med)" "$(resolve cacm)")
[ -f "$HARNESS/run.mjs" ] || die "no harness at $HARNESS"
command -v node >/dev/null || die "node is missing"

# Scour's CLI (builds the index files) and wasm package (searches them).
BIN=$ROOT/target/release/scour
PKG=$ROOT/www/pkg
if [ "${REBUILD:-0}" = 1 ]; then
  (cd "$ROOT" && cargo build --release && make build)
fi
[ -x "$BIN" ] || (cd "$ROOT" && cargo build --release)
[ -f "$PKG/scour_engine.js" ] && [ -f "$PKG/scour_engine_bg.wasm" ] || (cd "$ROOT" && make build)
stale() { # artifact, sources it is built from
  local f=$1 newer; shift
  newer=$(cd "$ROOT" && find "$@" -newer "$f" -type f 2>/dev/null | head -n 3 | tr '\n' ' ')
  [ -z "$newer" ] || echo "run.sh: warning: ${f#"$ROOT"/} is older than $newer(REBUILD=1 rebuilds)" >&2
}
stale "$BIN" core/src ingest/src src build.rs Cargo.toml Cargo.lock
stale "$PKG/scour_engine_bg.wasm" core/src src/lib.rs src/wasm.rs build.rs corpus Cargo.toml Cargo.lock
# what `scour index --bundle` copies (first-search.mjs)
[ "$FIRST_SEARCH" = 0 ] || stale "$ROOT/www/bundle/pkg/scour_engine_bg.wasm" core/src src/lib.rs src/wasm.rs Cargo.toml Cargo.lock
SCOUR_VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n 1) ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), wasm built $(date -u -r "$PKG/scour_engine_bg.wasm" +%FT%TZ))"
built() { date -u -r "$1" +%FT%TZ 2>/dev/null || echo missing; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/scour-bench-peers.XXXXXX")
cleanup() { if [ "${KEEP_WORK:-0}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

# The harness copy: no node_modules, results or generated files of the original.
(cd "$HARNESS" && tar cf - --exclude=./node_modules --exclude=./results --exclude=./out --exclude=./dist .) | tar xf - -C "$WORK"
chmod -R u+w "$WORK"
mkdir -p "$WORK/browser/scour-pkg"
cp "$PKG/scour_engine.js" "$PKG/scour_engine_bg.wasm" "$WORK/browser/scour-pkg/"
cp "$HERE/scour.mjs" "$WORK/adapters/scour.mjs"
cp "$HERE/first-search.mjs" "$WORK/first-search.mjs"
cp "$HERE/first-search-page.mjs" "$WORK/browser/scour-first-search.mjs"
# One CLI, engine and widget for the whole run, even if they are rebuilt meanwhile: the
# CLI's --bundle copies them from this checkout's www/ when it runs, so first-search.mjs
# puts this snapshot of them back over what it copied.
cp -p "$BIN" "$WORK/scour"
BIN=$WORK/scour
mkdir -p "$WORK/scour-bundle/pkg"
cp -p "$ROOT/www/bundle/web/scour.js" "$WORK/scour-bundle/"
cp -p "$ROOT/www/bundle/pkg/scour_engine.js" "$ROOT/www/bundle/pkg/scour_engine_bg.wasm" "$WORK/scour-bundle/pkg/"
"$BIN" index "$ROOT/corpus" --out "$WORK/seed-index" --single-file >/dev/null 2>&1 || die "scour index $ROOT/corpus failed"
node "$HERE/patch-harness.mjs" "$WORK"

# npm ci refuses the shared lock file with npm >= 11 (it lists only the Linux
# pagefind binaries); npm install then installs from the same lock without changing it.
if ! (cd "$WORK" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>"$WORK/npm-ci.log"); then
  echo "run.sh: npm ci failed ($(grep -m1 'Missing' "$WORK/npm-ci.log" | sed 's/^npm error //')); using npm install with the same lock" >&2
  (cd "$WORK" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  cmp -s "$HARNESS/package-lock.json" "$WORK/package-lock.json" || echo "run.sh: warning: npm install changed package-lock.json" >&2
fi

RESULTS=${RESULTS:-$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
[[ $RESULTS != "$HERE/results/"* ]] || ln -sfn "$(basename "$RESULTS")" "$HERE/results/latest"
cmd=(node run.mjs "${peers[@]}" "${budget[@]}" "${rank_budget[@]}" ${opts[@]+"${opts[@]}"} --results "$RESULTS" "${cols[@]}")
{
  echo "date: $(date -u +%FT%TZ)"
  echo "scour: $SCOUR_VERSION"
  echo "cli built $(built "$BIN"); bundle engine (www/bundle/pkg) built $(built "$WORK/scour-bundle/pkg/scour_engine_bg.wasm"); widget $(built "$WORK/scour-bundle/scour.js")"
  echo "git status: $(git -C "$ROOT" status --short 2>/dev/null | wc -l) changed files"
  echo "harness: $HARNESS"
  [ "$FIRST_SEARCH" = only ] || echo "command (in a temp copy): ${cmd[*]}"
} | tee -a "$RESULTS/meta.txt" >&2

started=$(date +%s)
if [ "$FIRST_SEARCH" != only ]; then
  (cd "$WORK" && SCOUR_BIN="$BIN" SCOUR_VERSION="$SCOUR_VERSION" SCOUR_SEED_INDEX="$WORK/seed-index/scour-index.bin" \
    "${cmd[@]}" >"$RESULTS/records.out" 2> >(tee "$RESULTS/progress.log" >&2))
  echo "run.sh: harness done in $(( $(date +%s) - started )) s" >&2
fi
# Scour's chunked first search (and Pagefind's, also on Fast 3G), in the same copy.
if [ "$FIRST_SEARCH" != 0 ]; then
  fs_cmd=(node first-search.mjs "${cmd[@]:2}")
  echo "first search (in the temp copy): ${fs_cmd[*]}" | tee -a "$RESULTS/meta.txt" >&2
  (cd "$WORK" && SCOUR_BIN="$BIN" SCOUR_BUNDLE="$WORK/scour-bundle" "${fs_cmd[@]}" >/dev/null 2> >(tee -a "$RESULTS/progress.log" >&2))
fi
echo "run.sh: done in $(( $(date +%s) - started )) s; results in $RESULTS" >&2

if [ "$FIRST_SEARCH" != only ]; then
  echo
  cat "$RESULTS/summary.md"
  echo
  node "$HERE/table.mjs" "$RESULTS" | tee "$RESULTS/table.md"
fi
if [ -f "$RESULTS/first-search.md" ]; then echo; cat "$RESULTS/first-search.md"; fi
