"""A minimal LSP client for the tests: JSON-RPC with Content-Length framing over the pipes of
a real ``weerbaar lsp`` process, as an editor speaks it."""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20


class Client:
    def __init__(self):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "lsp"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env, cwd=ROOT)
        self.next_id = 0
        self.inbox: queue.Queue = queue.Queue()
        self.notifications: list[dict] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            msg = self.inbox.get(timeout=TIMEOUT)
            if msg.get("id") == self.next_id and "method" not in msg:
                return msg
            self.notifications.append(msg)

    def notify(self, method: str, params) -> None:
        self.send({"method": method, "params": params})

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        """Wait for the diagnostics the server publishes for ``uri`` (for ``version``)."""
        while True:
            for msg in self.notifications:
                p = msg.get("params") or {}
                if msg.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri \
                        and (version is None or p.get("version") == version):
                    self.notifications.remove(msg)
                    return p["diagnostics"]
            self.notifications.append(self.inbox.get(timeout=TIMEOUT))

    def initialize(self) -> dict:
        result = self.request("initialize", {"processId": None, "rootUri": None,
                                             "capabilities": {}})
        self.notify("initialized", {})
        return result["result"]

    def open(self, uri: str, text: str) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=TIMEOUT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                pipe.close()
