"""Load on the phone server: 60 phones voting on one decision at once, then 30 solo
sessions played to an ending concurrently, against a real uvicorn on 127.0.0.1.

Checks that no vote is lost or counted twice and that every solo decision is in the session
store, and prints p50/p95 latencies (docs/performance.md). The clients run in the same
process as the server (they share its interpreter), all from one address.

    .venv/bin/python bench/phones_load.py [--phones 60] [--solo 30]
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from weerbaar.engine.loader import load_scenario  # noqa: E402
from weerbaar.storage import SessionStore  # noqa: E402
from weerbaar.web.limits import Limits  # noqa: E402
from weerbaar.web.room import SOLO, VOTE, Room  # noqa: E402
from weerbaar.web.server import PhoneServer  # noqa: E402
from weerbaar.web.solo import SoloSetup  # noqa: E402

# every client comes from 127.0.0.1, and a scripted phone steps far faster than a person
# reads: the limits are raised for the run (the tests check that they hold)
LIMITS = Limits(address_rate=1000.0, address_burst=1000, device_rate=1000.0, device_burst=1000)
CHOICES = [("a", "A", "Optie A"), ("b", "B", "Optie B"), ("c", "C", "Optie C")]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


async def timed(latencies, call):
    t = time.perf_counter()
    r = await call
    latencies.append(time.perf_counter() - t)
    return r


async def join(c, room, latencies):
    r = await timed(latencies, c.post("/api/join", json={"code": room.code}))
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['token']}"}


async def voting(n: int) -> dict:
    room = Room(VOTE, LIMITS)
    with PhoneServer(room, host="127.0.0.1", port=0) as server:
        limits = httpx.Limits(max_connections=n + 10)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}",
                                     limits=limits) as c:
            joins: list[float] = []
            heads = await asyncio.gather(*(join(c, room, joins) for _ in range(n)))
            ballot = room.open_ballot("Wat doe je?", CHOICES)
            votes: list[float] = []
            wanted = [CHOICES[i % 3][1] for i in range(n)]  # phones name options by letter
            async def vote(h, letter):
                r = await timed(votes, c.post("/api/vote", headers=h,
                                              json={"ballot": ballot.id, "option": letter}))
                r.raise_for_status()
            await asyncio.gather(*(vote(h, o) for h, o in zip(heads, wanted)))
            first = room.totals()
            # every phone sends its vote twice more at once (a double tap, a resend): once each
            await asyncio.gather(*(vote(h, o) for h, o in zip(heads, wanted) for _ in range(2)))
            again = room.totals()
            final = room.close_ballot()
            room.open_ballot("Nog een vraag", CHOICES)
            alone: list[float] = []   # one phone at a time: the time one request takes
            for i, h in enumerate(heads):
                r = await timed(alone, c.post("/api/vote", headers=h, json={
                    "ballot": room.ballot.id, "option": CHOICES[i % 3][1]}))
                r.raise_for_status()
    expected = {o: wanted.count(key) for o, key, _ in CHOICES}
    return {"joins": joins, "votes": votes, "alone": alone, "ok": first == again == final == expected,
            "totals": final, "expected": expected}


async def solo_player(c, room, steps):
    h = await join(c, room, [])
    state = (await c.get("/api/state", headers=h)).json()["solo"]
    decisions = 0
    while "ending" not in state:
        body = {"seq": state["seq"], "choice": None}
        if state.get("choices"):
            body["choice"] = state["choices"][decisions % len(state["choices"])]["id"]
            decisions += 1
        r = await timed(steps, c.post("/api/step", headers=h, json=body))
        r.raise_for_status()
        state = r.json()["solo"]
    return decisions


async def solo(n: int, scenario_path: Path, db: Path) -> dict:
    room = Room(SOLO, LIMITS)
    setup = SoloSetup(load_scenario(str(scenario_path)), db, 11, "bench")
    with PhoneServer(room, solo=setup, host="127.0.0.1", port=0) as server:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}",
                                     limits=httpx.Limits(max_connections=n + 10)) as c:
            steps: list[float] = []
            t = time.perf_counter()
            made = await asyncio.gather(*(solo_player(c, room, steps) for _ in range(n)))
            wall = time.perf_counter() - t
    with SessionStore(db) as store:
        records = store.records()
    stored = sorted(len(r.decisions) for r in records)
    return {"steps": steps, "wall": wall, "ok": stored == sorted(made) and
            all(r.ended for r in records) and len(records) == n, "decisions": sum(made)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phones", type=int, default=60)
    ap.add_argument("--solo", type=int, default=30)
    ap.add_argument("--scenario", default=str(ROOT / "scenarios" / "desinformatie.yaml"))
    args = ap.parse_args()
    v = asyncio.run(voting(args.phones))
    print(f"room voting, {args.phones} phones at once: joins p50 {pct(v['joins'], 50):.1f} ms "
          f"p95 {pct(v['joins'], 95):.1f} ms; votes p50 {pct(v['votes'], 50):.1f} ms "
          f"p95 {pct(v['votes'], 95):.1f} ms ({len(v['votes'])} requests); totals {v['totals']}"
          f" {'= expected' if v['ok'] else '!= expected ' + str(v['expected'])}")
    print(f"one vote at a time: p50 {pct(v['alone'], 50):.1f} ms p95 {pct(v['alone'], 95):.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        s = asyncio.run(solo(args.solo, Path(args.scenario), Path(tmp) / "bench.db"))
    print(f"solo play, {args.solo} sessions at once ({Path(args.scenario).name}): steps p50 "
          f"{pct(s['steps'], 50):.1f} ms p95 {pct(s['steps'], 95):.1f} ms ({len(s['steps'])} "
          f"requests, {s['decisions']} decisions, {s['wall']:.1f} s); every decision stored: "
          f"{'yes' if s['ok'] else 'NO'}")
    return 0 if v["ok"] and s["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
