#!/usr/bin/env python3
"""Markdown tables of bench/run.sh's results, as they go into docs/performance.md."""
import json
import sys


def rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    results = rows(sys.argv[1])
    print("| N | inkjs compile (process) | Weerbaar load+check (process) | ratio | machine build | "
          "inkjs playthroughs/s | Weerbaar playthroughs/s: rules (ratio) | Weerbaar playthroughs/s: "
          "full Session (ratio) | Session steps/s | same walks as inkjs |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|")
    for r in results:
        peer = r["peer"]
        ink_pt = peer["ink_play"]["playthroughs_per_s"]
        ours_pt = r["play_rules"]["playthroughs_per_s"]
        same = r["trace"]["trace_sha256"] == peer["trace"]["ink_trace"]
        sess_pt = r["play_session"]["playthroughs_per_s"]
        print(f"| {r['n']:,} | {r['ink_compile_process_s'] * 1e3:,.0f} ms | "
              f"{r['weerbaar_load_process_s'] * 1e3:,.0f} ms | "
              f"{r['weerbaar_load_process_s'] / r['ink_compile_process_s']:.2f}× | "
              f"{r['build']['build_ms']:,.0f} ms | {ink_pt:,.0f} | "
              f"{ours_pt:,.0f} ({ours_pt / ink_pt:.1f}×) | {sess_pt:,.0f} ({sess_pt / ink_pt:.1f}×) | "
              f"{r['play_session']['steps_per_s']:,} | {'yes' if same else 'NO'} |")
    if len(sys.argv) > 2:
        print()
        print("| scenario | states | exhaustive exploration |")
        print("|---|---:|---:|")
        for r in rows(sys.argv[2]):
            print(f"| {r['file']} | {r['states']:,} | {r['explore_ms']:,.1f} ms |")


if __name__ == "__main__":
    main()
