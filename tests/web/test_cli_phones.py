"""``weerbaar workshop FILE --phones``: one line ``join: URL`` on stdout, a server that
answers at that address, and clear errors for options that do not fit."""
import os
import subprocess
import sys

import httpx

from tests.conftest import ROOT, SCENARIOS

ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
ENV.pop("PYGAME_HIDE_SUPPORT_PROMPT", None)  # the command itself keeps stdout to one line


def weerbaar(*args, **kw):
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "workshop", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
                            **kw)


def test_the_join_line_names_a_server_that_answers(tmp_path):
    p = weerbaar(str(SCENARIOS / "voorbeeld.yaml"), "--phones", "--host", "127.0.0.1",
                 "--port", "0", "--db", str(tmp_path / "w.db"))
    try:
        line = p.stdout.readline().strip()
        assert line.startswith("join: http://127.0.0.1:"), line
        url = line.removeprefix("join: ")
        base, code = url.rsplit("/r/", 1)
        assert len(code) >= 6
        r = httpx.post(f"{base}/api/join", json={"code": code}, timeout=10)
        assert r.status_code == 200 and r.json()["mode"] == "vote"
        assert httpx.post(f"{base}/api/join", json={"code": "AAAAAA"},
                          timeout=10).status_code == 403
    finally:
        p.terminate()
        p.wait(timeout=10)


def test_phone_options_without_phones_are_refused():
    p = weerbaar(str(SCENARIOS / "voorbeeld.yaml"), "--solo")
    out, err = p.communicate(timeout=60)
    assert p.returncode == 2 and out == ""
    assert "--solo, --host and --port go with --phones" in err


def test_a_port_out_of_range_is_refused():
    p = weerbaar(str(SCENARIOS / "voorbeeld.yaml"), "--phones", "--port", "70000")
    out, err = p.communicate(timeout=60)
    assert p.returncode == 2 and "--port: expected 0 to 65535" in err


def test_a_taken_port_is_reported_without_a_traceback(tmp_path):
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        p = weerbaar(str(SCENARIOS / "voorbeeld.yaml"), "--phones", "--host", "127.0.0.1",
                     "--port", str(port), "--db", str(tmp_path / "w.db"))
        out, err = p.communicate(timeout=60)
    assert p.returncode == 2 and out == ""
    assert "--phones: cannot serve on 127.0.0.1" in err and "Traceback" not in err
