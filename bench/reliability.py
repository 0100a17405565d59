"""Reliability benchmark: nothing lost, nothing crashes (issues 16 and 17).

    .venv/bin/python bench/reliability.py fuzz [--mutants 10000] [--seed 1] [--through explore]
    .venv/bin/python bench/reliability.py kill [--runs 100] [--seed 1]
    .venv/bin/python bench/reliability.py matrix
    .venv/bin/python bench/reliability.py all

- fuzz: seeded mutants of the shipped scenarios (line edits, control characters, look-alike
  digits, invisible characters, huge names, deep nesting, random bytes) through the real
  ``lint`` command, or with ``--through explore`` the ``explore`` command (in one process,
  output discarded); counts tracebacks and mutants over the time limit.
- kill: the terminal player killed with SIGKILL at random moments; counts decisions that
  were acknowledged on screen but are missing from the database, and failed
  ``integrity_check``s.
- matrix: every kind of bad database × every command that opens one; counts tracebacks,
  files changed that should not have been, and sessions lost.

Each prints one JSON line per part (and a table to stderr); docs/reliability.md has figures.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.storage.killing import killed, opens_cleanly, terminal_player, wait_for  # noqa: E402
SCENARIOS = sorted(p for p in (ROOT / "scenarios").glob("*.yaml") if ".transcripts." not in p.name)
CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\t\n"] + ["\x7f", "\ufffe", "\x85"]
LOOK_ALIKES = ["٤", "٠", "４", "\u00a0", "\u2009", "\u200b", "\u200d", "\ufeff", "\u202e"]
YAML_NOISE = ":-[]{}'\"&*!|>#%@`\t\n,?"
TIME_LIMIT = 10.0


# ---- fuzz --------------------------------------------------------------------------------
def mutate(text: str, rng: random.Random) -> str:
    """One seeded mutant: 1-4 edits of one of the kinds the attack tests cover."""
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        line = lines[i]
        pos = rng.randint(0, len(line))
        kind = rng.choice(["drop", "dup", "swap", "cut", "noise", "control", "lookalike",
                           "huge", "nest", "bytes", "number", "goto"])
        if kind == "drop":
            del lines[i]
        elif kind == "dup":
            lines.insert(i, line)
        elif kind == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif kind == "cut":
            lines[i] = line[:pos] + "\n"
        elif kind == "noise":
            lines[i] = line[:pos] + "".join(rng.choice(YAML_NOISE) for _ in range(rng.randint(1, 4))) + line[pos:]
        elif kind == "control":
            lines[i] = line[:pos] + rng.choice(CONTROLS) + line[pos:]
        elif kind == "lookalike":
            lines[i] = line[:pos] + rng.choice(LOOK_ALIKES) + line[pos:]
        elif kind == "huge":
            lines[i] = line[:pos] + "x" * rng.choice([10**3, 10**5, 10**6]) + line[pos:]
        elif kind == "nest":
            depth = rng.choice([10, 100, 5000])
            lines[i] = line[:pos] + "[" * depth + "]" * depth + line[pos:]
        elif kind == "bytes":
            lines[i] = line[:pos] + "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(5)) + line[pos:]
        elif kind == "number":
            lines[i] = line[:pos] + rng.choice(["-1", "1e400", str(10**30), "0x7f", ".nan", "-0"]) + line[pos:]
        else:  # a goto to a scene that does not exist, or to itself
            lines[i] = line.replace("goto: ", "goto: " + rng.choice(["", "x", "begin ", "eind_"]), 1)
    return "".join(lines)


class _Alarm(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Alarm()


def fuzz(mutants: int, seed: int, command: str = "lint") -> dict:
    """Seeded mutants through ``lint`` (every mutant) or ``explore`` (the mutants that
    load: the others stop at the checker, which the lint run covers)."""
    from weerbaar.engine import check_text
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in SCENARIOS]
    tracebacks, timeouts, exits, slowest, run = [], [], {}, 0.0, 0
    old = signal.signal(signal.SIGALRM, _on_alarm)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mutant.yaml"
        for n in range(mutants):
            text = mutate(sources[n % len(sources)], rng)
            if command == "explore" and check_text(text, "m.yaml")[0] is None:
                continue
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            run += 1
            outcome, seconds = _run_one([command, str(path)])
            slowest = max(slowest, seconds)
            if outcome == "timeout":
                timeouts.append(n)
            elif isinstance(outcome, int):
                exits[outcome] = exits.get(outcome, 0) + 1
            else:
                tracebacks.append((n, outcome))
    signal.signal(signal.SIGALRM, old)
    for n, tb in tracebacks[:3]:
        print(f"mutant {n}: {tb}", file=sys.stderr)
    return {"part": "fuzz", "command": command, "mutants": mutants, "run": run, "seed": seed,
            "tracebacks": len(tracebacks), "timeouts": len(timeouts),
            "time_limit_s": TIME_LIMIT, "exit_codes": {str(k): v for k, v in sorted(exits.items())},
            "slowest_s": round(slowest, 2), "total_s": round(time.monotonic() - started, 1)}


def _run_one(argv: list[str]):
    """The command's exit code, "timeout", or the traceback's end; and the seconds taken."""
    from weerbaar.cli import run as cli_run
    t0 = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return cli_run(argv), time.monotonic() - t0
    except _Alarm:
        return "timeout", time.monotonic() - t0
    except BaseException:  # noqa: BLE001 - a traceback is what is counted here
        return traceback.format_exc(limit=3)[-400:], time.monotonic() - t0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


# ---- kill --------------------------------------------------------------------------------
def kill(runs: int, seed: int) -> dict:
    from weerbaar.cli.play import UI
    rng = random.Random(seed)
    lost = integrity_failures = acked_total = 0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kill.db"
        for run in range(runs):
            label = f"kill {run}"
            with killed(terminal_player(db, label, "--seed", str(run)), stdin=True) as (proc, out):
                _play_then_kill(proc, out, rng, UI.table("nl")["choose"])
            acked = [line for line in out.lines if line.startswith("→ ")]
            acked_total += len(acked)
            integrity_failures += not opens_cleanly(db)
            conn = sqlite3.connect(db)
            recorded = conn.execute(
                "SELECT COUNT(*) FROM decisions d JOIN sessions s ON s.id = d.session_id "
                "WHERE s.label = ?", (label,)).fetchone()[0]
            conn.close()
            lost += max(0, len(acked) - recorded)
    return {"part": "kill", "runs": runs, "seed": seed, "acknowledged_decisions": acked_total,
            "decisions_lost": lost, "integrity_failures": integrity_failures}


def _play_then_kill(proc, out, rng: random.Random, prompt: str) -> None:
    wait_for(lambda: prompt in out.text, timeout=20)
    try:
        for _ in range(rng.randrange(0, 6)):
            time.sleep(rng.uniform(0.01, 0.06))
            proc.stdin.write(rng.choice(["1", "2", "u"]) + "\n")
            proc.stdin.flush()
    except BrokenPipeError:
        pass
    time.sleep(rng.choice([0.0, rng.uniform(0, 0.004), rng.uniform(0.004, 0.05)]))


# ---- the bad-database matrix ---------------------------------------------------------------
MISSING_ID = "ffff0000"
COMMANDS = {
    "sessions": (["sessions"], "read"),
    "sessions --delete": (["sessions", "--delete", MISSING_ID], "write"),
    "export json": (["export", "--format", "json"], "read"),
    "export xapi": (["export", "--format", "xapi"], "read"),
    "debrief": (["debrief", "--out", "{dir}/report.html"], "read"),
    "replay ID": (["replay", MISSING_ID], "read"),
    "play --text": (["play", str(ROOT / "scenarios" / "voorbeeld.yaml"), "--text", "--seed", "1"], "record"),
}


def _store(path: Path, *, sessions: int = 2) -> Path:
    from weerbaar.engine import load_scenario
    from weerbaar.engine.session import Session
    from weerbaar.storage import Recorder, SessionStore
    scenario = load_scenario(str(ROOT / "scenarios" / "voorbeeld.yaml"))
    with SessionStore(path) as store:
        for i in range(sessions):
            s = Session(scenario, i)
            Recorder.start(store, s, language="nl", label=f"Team {i + 1}")
            s.choose(s.view.available_choices()[i % 2].id)
            s.proceed()
    return path


def _altered(path: Path, *sql: str) -> Path:
    """A database with recorded sessions (``_store``), then changed by ``sql``."""
    _store(path)
    conn = sqlite3.connect(path)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def _foreign(path: Path, user_version: int = 0) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Anna')")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    return path


def _kinds():
    """name -> function(folder) making the database file (or not) and giving its path."""
    def missing(d):
        return d / "none.db"

    def empty(d):
        (d / "e.db").write_bytes(b"")
        return d / "e.db"

    def text(d):
        (d / "t.db").write_text("dit is geen database\n" * 50)
        return d / "t.db"

    def folder(d):
        (d / "f.db").mkdir()
        return d / "f.db"

    def newer(d):
        return _altered(d / "n.db", "PRAGMA user_version = 99")

    def damaged(d):
        return _altered(d / "d.db", "UPDATE decisions SET after = '{junk' WHERE rowid = 1",
                        "UPDATE sessions SET extra = '[' WHERE rowid = 2")

    def truncated(d):
        p = _altered(d / "c.db", "PRAGMA journal_mode = DELETE")
        raw = p.read_bytes()
        p.write_bytes(raw[:len(raw) // 2])
        return p

    def first_schema(d):
        from weerbaar.storage import schema
        p = d / "v1.db"
        conn = sqlite3.connect(p, isolation_level=None)
        schema.migrate(conn, upto=1)
        conn.close()
        return p

    return {"missing": missing, "empty file": empty, "text file": text, "folder": folder,
            "foreign sqlite": lambda d: _foreign(d / "o.db"),
            "foreign user_version 2": lambda d: _foreign(d / "o2.db", 2),
            "newer schema": newer, "damaged rows": damaged, "truncated": truncated,
            "first schema": first_schema, "read-only store": lambda d: _store(d / "ro.db"),
            "good store": lambda d: _store(d / "g.db")}


def _snapshot(folder: Path) -> dict:
    out = {}
    for p in sorted(folder.rglob("*")):
        out[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
    return out


def _sessions(path: Path) -> set:
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)  # leaves no -shm
        rows = {r[0] for r in conn.execute("SELECT id FROM sessions")}
        conn.close()
        return rows
    except (sqlite3.Error, OSError):
        return set()


def matrix() -> dict:
    rows, tracebacks, changed, lost = [], 0, 0, 0
    for kind, make in _kinds().items():
        for name, (argv, mode) in COMMANDS.items():
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp) / "data"
                folder.mkdir()
                db = make(folder)
                before_files, before_sessions = _snapshot(folder), _sessions(db)
                args = [a.replace("{dir}", tmp) for a in argv] + ["--db", str(db)]
                wrap = _read_only(folder) if kind == "read-only store" else []
                r = subprocess.run(wrap + [sys.executable, str(ROOT / "main.py"), *args],
                                   capture_output=True, text=True, cwd=ROOT, timeout=120,
                                   env={**os.environ, "SDL_VIDEODRIVER": "dummy",
                                        "SDL_AUDIODRIVER": "dummy"}, stdin=subprocess.DEVNULL)
                after_files, after_sessions = _snapshot(folder), _sessions(db)
                tb = "Traceback" in r.stderr
                # a reading command never changes a file; a writing one may when it succeeds,
                # and may bring an older store's schema up to date even when it then
                # refuses (an unknown id)
                may_write = mode != "read" and (r.returncode == 0 or kind == "first schema")
                ch = after_files != before_files and not may_write
                ls = len(before_sessions - after_sessions)
                tracebacks, changed, lost = tracebacks + tb, changed + ch, lost + ls
                rows.append({"kind": kind, "command": name, "exit": r.returncode, "traceback": tb,
                             "changed": ch, "lost": ls, "message": r.stderr.strip().splitlines()[-1:]})
    for row in rows:
        print(f"{row['kind']:24} {row['command']:18} exit {row['exit']}  "
              f"{'TRACEBACK ' if row['traceback'] else ''}{'CHANGED ' if row['changed'] else ''}"
              f"{'LOST ' if row['lost'] else ''}{(row['message'] or [''])[0][:110]}", file=sys.stderr)
    return {"part": "matrix", "kinds": len(_kinds()), "commands": len(COMMANDS), "cells": len(rows),
            "tracebacks": tracebacks, "files_changed": changed, "sessions_lost": lost}


def _read_only(folder: Path) -> list[str]:
    if os.geteuid() != 0:
        for p in [folder, *folder.iterdir()]:
            p.chmod(0o555 if p.is_dir() else 0o444)
        return []
    if not shutil.which("unshare"):
        raise SystemExit("the read-only case needs unshare(1) when run as root")
    return ["unshare", "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(folder)]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("part", choices=["fuzz", "kill", "matrix", "all"])
    p.add_argument("--mutants", type=int, default=10_000)
    p.add_argument("--through", choices=["lint", "explore"], default="lint",
                   help="the command the mutants go through (fuzz)")
    p.add_argument("--runs", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    results = []
    if args.part in ("fuzz", "all"):
        results.append(fuzz(args.mutants, args.seed, args.through))
        print(json.dumps(results[-1]), flush=True)
    if args.part in ("kill", "all"):
        results.append(kill(args.runs, args.seed))
        print(json.dumps(results[-1]), flush=True)
    if args.part in ("matrix", "all"):
        results.append(matrix())
        print(json.dumps(results[-1]), flush=True)
    bad = sum(r.get(k, 0) for r in results for k in
              ("tracebacks", "timeouts", "decisions_lost", "integrity_failures", "files_changed",
               "sessions_lost"))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
