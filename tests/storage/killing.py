"""The kill harness of tests/storage/test_kill.py and bench/reliability.py: a player in a
child process, its output read as it comes, a SIGKILL when the caller is done with it, and
the check that the database it wrote opens cleanly."""
from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scenarios" / "voorbeeld.yaml"
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


class Reader(threading.Thread):
    """Collects a process's output as it comes, prompts without a newline included."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.fd, self.chunks = stream.fileno(), []

    def run(self):
        while chunk := os.read(self.fd, 65536):
            self.chunks.append(chunk)

    @property
    def text(self) -> str:
        return b"".join(self.chunks).decode("utf-8", "replace")

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


@contextlib.contextmanager
def killed(argv: list[str], *, stdin: bool = False):
    """Run ``argv`` (with a pipe to its stdin if asked) and yield (process, reader); on the
    way out, however it is left, the process gets a SIGKILL and its output is read to the end."""
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin else None,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            cwd=ROOT, env=ENV)
    reader = Reader(proc.stdout)
    reader.start()
    try:
        yield proc, reader
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        reader.join(timeout=10)


def terminal_player(db, label: str, *more: str) -> list[str]:
    """The command line of the terminal player on the example scenario, recording to ``db``."""
    return [sys.executable, str(ROOT / "main.py"), "play", str(EXAMPLE), "--text",
            "--db", str(db), "--label", label, *more]


def wait_for(condition, timeout: float = 15.0) -> bool:
    """Whether ``condition()`` came true within ``timeout`` seconds."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started >= timeout:
            return False
        time.sleep(0.005)
    return True


def opens_cleanly(db) -> bool:
    """SQLite's integrity and foreign key checks both pass."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok" \
            and conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
