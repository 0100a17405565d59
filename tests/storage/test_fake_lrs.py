"""Sending to addresses that are not a working LRS: whatever they answer, Weerbaar says one
clear line, exits 2, and never reports a statement as stored."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .helpers import record
from .test_commands import weerbaar

HTML = b"<!doctype html><html><body><h1>Welkom bij de gemeente</h1></body></html>"


class FakeLrs(BaseHTTPRequestHandler):
    mode = "html"
    posts: list = []

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", kind="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        FakeLrs.posts.append(body)
        mode = FakeLrs.mode
        if mode == "html":
            self.reply(200, HTML, "text/html; charset=utf-8")
        elif mode == "redirect":
            self.reply(301, HTML, "text/html", [("Location", "https://lrs.example.org/xAPI/statements")])
        elif mode == "notfound":
            self.reply(404, b"<h1>Not Found</h1>", "text/html")
        elif mode == "slow":
            time.sleep(3)
            self.reply(200, json.dumps([s["id"] for s in json.loads(body)]).encode())
        elif mode in ("forgetful", "other-ids"):
            ids = [s["id"] for s in json.loads(body)]
            if mode == "other-ids":
                ids = ["00000000-0000-4000-8000-000000000000"]
            self.reply(200, json.dumps(ids).encode())

    def do_GET(self):  # the read-back: a forgetful LRS holds nothing
        self.reply(404, b'{"detail": "not found"}')


@pytest.fixture(scope="module")
def fake():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLrs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/xAPI"
    server.shutdown()
    server.server_close()


@pytest.fixture
def recorded(store, scenario, db_path):
    for i in range(3):  # more statements than one request would carry one by one
        record(store, scenario, ["reageren", "geen_commentaar", "undo", "uitleggen"], label=f"T{i}")
    return db_path


EXPECTED = {
    "html": "answered 200 but not with JSON (content type 'text/html; charset=utf-8')",
    "redirect": "redirects (301) to https://lrs.example.org/xAPI/statements",
    "notfound": "is not an xAPI statements endpoint (404: <h1>Not Found</h1>)",
    "slow": "cannot reach the LRS (no reply within 1 s)",
    "forgetful": "but reading it back gives 404: not found",
    "other-ids": "answered 200, but not with the ids of the statements sent",
}


@pytest.mark.parametrize("mode", list(EXPECTED))
def test_a_reply_that_is_not_an_lrs_storing_is_one_error_and_exit_2(fake, recorded, mode):
    FakeLrs.mode, FakeLrs.posts = mode, []
    r = weerbaar("export", "--db", str(recorded), "--format", "xapi", "--lrs", fake,
                 "--lrs-user", "trainer", "--lrs-timeout", "1",
                 env={"WEERBAAR_LRS_PASSWORD": "geheim"})
    assert r.returncode == 2 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("weerbaar export: error: ")
    assert EXPECTED[mode] in lines[0]
    assert "stored (" not in r.stdout and r.stdout == ""
    assert len(FakeLrs.posts) == 1  # stopped at the first reply, no statement sent alone


@pytest.mark.parametrize("base", ["not a uri", "weerbaar", "ftp://x.nl/xapi", "https://x.nl/a?b",
                                  "https://[::1/xapi", "https://x.nl/<x>"])
def test_a_wrong_xapi_base_is_refused_before_anything_is_read(tmp_path, base):
    r = weerbaar("export", "--db", str(tmp_path / "none.db"), "--format", "xapi",
                 "--xapi-base", base)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.startswith("weerbaar export: error: --xapi-base: expected")


def test_a_good_xapi_base_is_used(recorded):
    r = weerbaar("export", "--db", str(recorded), "--format", "xapi", "--xapi-base",
                 "https://lrs.gemeente.nl/xapi/weerbaar")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["object"]["id"].startswith("https://lrs.gemeente.nl/xapi/weerbaar/")


def test_the_timeout_is_validated():
    r = weerbaar("export", "--format", "xapi", "--lrs-timeout", "-1")
    assert r.returncode == 2 and "expected seconds between 0 and 3600" in r.stderr
