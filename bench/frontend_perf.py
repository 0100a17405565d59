"""Front-end performance: first frame, draw time of a full play screen, idle CPU.

    python bench/frontend_perf.py            # dummy video driver (headless)
    xvfb-run -a python bench/frontend_perf.py --real   # a real X11 window under Xvfb

Figures go to standard output and bench/out/frontend_perf.json; docs/performance.md
records them. Each measurement runs in a fresh interpreter, as a player would start it.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

FIRST_FRAME = """
import time, os, sys
from weerbaar.game.app import App
from weerbaar.game.settings import Settings, SettingsStore
app = App(Settings(), SettingsStore(), save_settings=False, size=(1920, 1080))
app.to_title()
if sys.argv[1] != "-":
    app.open_scenario(sys.argv[1])
app.step([])
print(time.time())
app.close()
"""

IDLE = """
import resource, threading, time, sys
import pygame
from weerbaar.game.app import App
from weerbaar.game.settings import Settings, SettingsStore
seconds = float(sys.argv[1])
app = App(Settings(), SettingsStore(), save_settings=False, size=(1920, 1080))
app.to_title()
app.open_scenario(sys.argv[2])
if sys.argv[3] == "timer":  # walk to the first timed decision and let its timer run
    from weerbaar.game.screens.play import PlayScreen
    play = app.find(PlayScreen)
    s = play.session
    while play.timer is None or play.timer.total < seconds + 3:
        if s.ended:
            raise SystemExit("no timed decision long enough on the first choices' path")
        if s.phase.value == "consequence":
            play.proceed()
        elif s.view.can_continue:
            play.advance()
        else:
            play.choose(s.view.available_choices()[0].id)
        app.step([], dt=0.0)
marks = {}
def mark(name):
    r = resource.getrusage(resource.RUSAGE_SELF)
    marks[name] = (time.perf_counter(), r.ru_utime + r.ru_stime)
threading.Timer(1.0, mark, ("start",)).start()
def stop():
    mark("end")
    pygame.event.post(pygame.event.Event(pygame.QUIT))
threading.Timer(1.0 + seconds, stop).start()
app.run()
(t0, c0), (t1, c1) = marks["start"], marks["end"]
print((c1 - c0) / (t1 - t0))
"""


def env(real: bool) -> dict:
    e = dict(os.environ, PYTHONPATH=str(ROOT), PYGAME_HIDE_SUPPORT_PROMPT="1",
             WEERBAAR_CONFIG_DIR=str(ROOT / "bench" / "out" / "config"))
    if not real:
        e["SDL_VIDEODRIVER"] = "dummy"
    e["SDL_AUDIODRIVER"] = "dummy"
    return e


def first_frame(real: bool, scenario: str, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.time()
        res = subprocess.run([PY, "-c", FIRST_FRAME, scenario], env=env(real), cwd=ROOT,
                             capture_output=True, text=True, check=True)
        out.append(float(res.stdout.strip().splitlines()[-1]) - t0)
    return out


def idle_cpu(real: bool, scenario: str, seconds: float, timer: bool = False) -> float:
    res = subprocess.run([PY, "-c", IDLE, str(seconds), scenario, "timer" if timer else "-"],
                         env=env(real), cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return float(res.stdout.strip().splitlines()[-1])


def draw_times(real: bool, scenario: str, frames: int) -> dict:
    code = textwrap.dedent(f"""
    import time, json, statistics, pygame
    from weerbaar.game.app import App
    from weerbaar.game.settings import Settings, SettingsStore
    from weerbaar.game.screens.play import PlayScreen
    app = App(Settings(), SettingsStore(), save_settings=False, size=(1920, 1080))
    app.to_title()
    app.open_scenario({scenario!r})
    play = app.find(PlayScreen)
    app.step([])
    results = {{}}
    def measure(name, flip):
        times = []
        for _ in range({frames}):
            t = time.perf_counter()
            app.draw()
            if flip:
                pygame.display.flip()
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        results[name] = {{"mean_ms": statistics.mean(times), "p95_ms": times[int(len(times) * .95)],
                         "max_ms": times[-1]}}
    measure("play", False)
    measure("play+flip", True)
    while play.session.view.can_continue:
        play.advance()
    first = next(c for c in play.session.view.available_choices())
    play.choose(first.id)
    app.step([], dt=0.1)
    measure("consequence", False)
    t = time.perf_counter()
    app.step([], dt=0.01); app.draw()
    cold = []
    for size in (1280, 720), (1920, 1080):
        app.resize(size)
        t = time.perf_counter()
        app.draw()
        cold.append((time.perf_counter() - t) * 1000)
    results["relayout_ms"] = max(cold)
    print(json.dumps(results))
    """)
    res = subprocess.run([PY, "-c", code], env=env(real), cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", action="store_true", help="use the real video driver (X11)")
    parser.add_argument("--scenario", default=str(ROOT / "scenarios" / "voorbeeld.yaml"))
    parser.add_argument("--timer-scenario", default=str(ROOT / "scenarios" / "desinformatie.yaml"),
                        help="idle CPU with a timer running: at its first timed decision")
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from weerbaar.engine import check_file
    playable = [p for p in (ROOT / "scenarios").glob("*.yaml")
                if "." not in p.stem and check_file(str(p))[0] is not None]
    biggest = max(playable, key=lambda p: p.stat().st_size)  # the most text to lay out
    scenario = args.scenario if args.scenario != parser.get_default("scenario") else str(biggest)
    driver = "x11 (Xvfb)" if args.real else "dummy"
    title = first_frame(args.real, "-", args.runs)
    play = first_frame(args.real, scenario, args.runs)
    draws = draw_times(args.real, scenario, 300)
    idle = idle_cpu(args.real, scenario, args.idle_seconds)
    timer = idle_cpu(args.real, args.timer_scenario, args.idle_seconds, timer=True)
    result = {
        "driver": driver, "scenario": Path(scenario).name, "cores": os.cpu_count(),
        "first_frame_title_s": {"median": statistics.median(title), "max": max(title)},
        "first_frame_play_s": {"median": statistics.median(play), "max": max(play)},
        "draw_1920x1080": draws,
        "idle_cpu_percent_of_one_core": idle * 100,
        "timer_running_cpu_percent_of_one_core": timer * 100,
        "timer_scenario": Path(args.timer_scenario).name,
    }
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"frontend_perf{'-real' if args.real else ''}.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    ok = (max(title) < 1.5 and max(play) < 1.5 and draws["play"]["mean_ms"] < 4
          and idle * 100 < 3 and timer * 100 < 3)
    print("within the bars" if ok else "OUTSIDE THE BARS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
