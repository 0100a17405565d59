#!/usr/bin/env bash
# Weerbaar vs inkjs in one run, on the peer benchmark's generated stories.
#   bench/run.sh [N ...]          (default: 100 1000 10000)
# For each N: the peer's run_peer.sh (inkjs compile/play, py-floor, transitions) writes its
# JSON line; then the same story.json is rendered to Weerbaar's format and measured here,
# each measurement in its own process. Results: bench/out/results.jsonl; table: bench/table.py.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
PEER=${PEER:-$ROOT/../shared/peer-bench}
PY=${PY:-$ROOT/.venv/bin/python}
OUT=$HERE/out
export PEER_WORK=$OUT/peer
mkdir -p "$OUT" "$PEER_WORK"
SIZES=${*:-100 1000 10000}
for n in $SIZES; do
  "$PEER/run_peer.sh" "$n" > /dev/null
  story=$PEER_WORK/n$n/story.json
  yaml=$OUT/story$n.yaml
  "$PY" "$HERE/peer_render.py" "$story" -o "$yaml"
  wall() {  # wall-clock seconds of a whole process, best of 3
    local best=
    for _ in 1 2 3; do
      local t
      t=$( { /usr/bin/time -f %e "$@" > /dev/null; } 2>&1 | tail -1)
      best=$(python3 -c "print(min(float('$t'), float('${best:-$t}')))")
    done
    echo "$best"
  }
  ink_compile_s=$(wall node "$PEER/ink_bench.js" compile "$PEER_WORK/n$n/story.ink" "$OUT/ink$n.json")
  our_load_s=$(wall "$PY" "$HERE/engine_bench.py" load "$yaml")
  {
    echo "{\"n\": $n, \"ink_compile_process_s\": $ink_compile_s, \"weerbaar_load_process_s\": $our_load_s,"
    echo " \"load\": $("$PY" "$HERE/engine_bench.py" load "$yaml"),"
    echo " \"build\": $("$PY" "$HERE/engine_bench.py" build "$yaml"),"
    echo " \"play_rules\": $("$PY" "$HERE/engine_bench.py" play "$yaml"),"
    echo " \"play_session\": $("$PY" "$HERE/engine_bench.py" play "$yaml" --session),"
    echo " \"trace\": $("$PY" "$HERE/engine_bench.py" trace "$yaml" --seed 7),"
    echo " \"peer\": $(tail -1 "$PEER_WORK/results.jsonl")}"
  } | tr -d '\n' >> "$OUT/results.jsonl"
  echo >> "$OUT/results.jsonl"
  echo "n=$n done" >&2
done
for f in "$ROOT"/scenarios/*.yaml; do
  case "$f" in *.transcripts.yaml) continue ;; esac
  "$PY" "$HERE/engine_bench.py" explore "$f" >> "$OUT/explore.jsonl"
done
"$PY" "$HERE/table.py" "$OUT/results.jsonl" "$OUT/explore.jsonl"
