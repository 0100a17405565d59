"""The loader's readers of the scenario's nodes: scenes (with their choices, routes, timer and
posts) and endings (with their claim). Mixed into ``engine.loader._Loader``."""
from __future__ import annotations



from .model import (EMPTY, NO_EFFECTS, SCENE_KINDS, TONES, Choice, Ending, Post, Route,
                    Scene, Timer, Variant)
from .yamlsource import YList, YMap
from .readers import (CHOICE_KEYS, ENDING_KEYS, KIND_KEYS, MESSAGE_KEYS, POST_KEYS,
                      ROUTE_KEYS, SCENE_KEYS, TIMER_KEYS, _type_name, misspelled_exit)


class Nodes:
    def declare_nodes(self, scenes: YMap, endings: YMap):
        for sid in scenes:
            self.name(sid, scenes.key_at(sid), "scene")
        for eid in endings:
            if self.name(eid, endings.key_at(eid), "ending") is None:
                continue
            if eid in scenes:
                self.r.error("E015", f"'{eid}' is both a scene and an ending", endings.key_at(eid),
                             "scenes and endings share one set of ids; rename one")
        self.env.scenes = set(scenes) | set(endings)
        for sid, body in scenes.items():
            ids = set()
            choices = body.get("choices") if isinstance(body, YMap) else None
            if isinstance(body, YMap) and choices is None:  # 'chioces:': chosen() must not echo it
                choices = next((v for k, v in body.items() if misspelled_exit(k) == "choices"), None)
            if isinstance(choices, YList):
                for i, c in enumerate(choices):
                    if isinstance(c, YMap):
                        cid = c.get("id", f"c{i + 1}")
                        if isinstance(cid, str):
                            ids.add(cid)
            self.env.choices[sid] = ids
        self.env.missteps = _misstep_pairs(scenes)
        self.env.endings = frozenset(endings)

    def variants(self, value, at, what: str) -> tuple[Variant, ...]:
        if not isinstance(value, YList):
            return (Variant(self.text(value, at, what, shown=True)),)
        if not value:
            self.r.error("E005", f"{what}: the list of variants is empty", at)
            return (Variant(EMPTY),)
        out = []
        for i, item in enumerate(value):
            pos = value.at(i)
            if isinstance(item, YMap):
                cond = self.condition(item["if"], item.at("if"), f"{what} variant {i + 1} 'if'") \
                    if "if" in item else None
                langs = {k: v for k, v in item.items() if k != "if"}
                text = self.text_map(item, langs, f"{what} variant {i + 1}", shown=True)
            else:
                cond, text = None, self.text(item, pos, f"{what} variant {i + 1}", shown=True)
            if i < len(value) - 1 and not (isinstance(item, YMap) and "if" in item):
                self.r.error("E022", f"{what} variant {i + 1} has no 'if', so the variants after "
                             "it are never shown", pos, "only the last variant goes without 'if'")
            out.append(Variant(text, cond))
        if isinstance(value[-1], YMap) and "if" in value[-1]:
            self.r.error("E022", f"{what}: the last variant has an 'if'", value.at(len(value) - 1),
                         "end with a variant without 'if', shown when no other holds")
        return tuple(out)

    def scene(self, sid, body, at, targets: set, characters: dict) -> Scene | None:
        b = self.mapping(body, at, f"scene '{sid}'")
        if b is None or not self.keys(b, SCENE_KEYS, ("text",), f"scene '{sid}'"):
            return None
        kind = b.get("kind", "dialogue")
        if kind not in SCENE_KINDS:
            self.r.error("E006", f"scene '{sid}' kind: expected one of {', '.join(SCENE_KINDS)} "
                         f"(got {kind!r})", b.at("kind"), self.guess(kind, SCENE_KINDS))
        for key, wants in KIND_KEYS.items():
            if key in b and kind != wants:
                self.r.error("E004", f"'{key}' belongs to scenes of kind '{wants}'", b.key_at(key),
                             f"add 'kind: {wants}' or remove '{key}'")
        speaker = b.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            self.r.error("E006", f"scene '{sid}' speaker: expected a character id "
                         f"(got {_type_name(speaker)})", b.at("speaker"))
            speaker = None
        elif speaker is not None and speaker not in characters:
            self.r.error("E019", f"unknown character '{speaker}'", b.at("speaker"),
                         self.guess(speaker, characters) or "declare it under 'characters:'")
        choices = self.choices(sid, b, targets)
        routes = self.routes(sid, b, targets)
        if choices and routes:
            self.r.error("E006", f"scene '{sid}' has both 'choices' and 'next'", b.key_at("next"),
                         "a scene either offers choices or routes on its own")
        timer = self.timer(sid, b, choices) if "timer" in b else None
        posts = self.posts(sid, b, characters)
        return Scene(
            id=sid, kind=kind, speaker=speaker, choices=choices, next=routes, timer=timer,
            text=self.variants(b["text"], b.at("text"), f"scene '{sid}' text"),
            on_enter=self.effects(b["on_enter"], b.at("on_enter"), f"scene '{sid}' on_enter")
            if "on_enter" in b else NO_EFFECTS,
            debrief=self.text(b["debrief"], b.at("debrief"), f"scene '{sid}' debrief")
            if "debrief" in b else None,
            posts=posts,
            channel=self.text(b["channel"], b.at("channel"), "channel") if "channel" in b else None,
            headline=self.text(b["headline"], b.at("headline"), "headline")
            if "headline" in b else None,
            outlet=self.string(b.get("outlet", ""), b.at("outlet"), "outlet") or "",
            image=self.string(b.get("image", ""), b.at("image"), "image") or "")

    def choices(self, sid: str, b: YMap, targets: set) -> tuple[Choice, ...]:
        if "choices" not in b:
            return ()
        items = self.listing(b["choices"], b.at("choices"), f"scene '{sid}' choices") or []
        out, seen = [], {}
        for i, c in enumerate(items):
            pos = items.at(i)
            c = self.mapping(c, pos, f"scene '{sid}' choice {i + 1}")
            if c is None or not self.keys(c, CHOICE_KEYS, ("text", "goto"),
                                          f"scene '{sid}' choice {i + 1}"):
                continue
            if "id" in c:
                # an invalid id is reported; a stand-in keeps the graph whole for other checks
                cid = self.name(c["id"], c.at("id"), "choice id") or f"c{i + 1}"
            else:
                cid = f"c{i + 1}"
                self.r.warn("W007", f"scene '{sid}' choice {i + 1} has no id", pos,
                            f"recorded sessions point at choices by id; add 'id: ...'")
            if cid in seen:
                self.r.error("E015", f"choice id '{cid}' is used twice in scene '{sid}'", c.at("id"),
                             f"first used at line {seen[cid][0]}")
                continue
            what = f"choice '{cid}'"
            goto = self.goto(c["goto"], c.at("goto"), f"{what} goto", targets)
            choice = Choice(
                id=cid or "", index=len(out), goto=goto or "",
                text=self.varying(c["text"], c.at("text"), f"{what} text"),
                condition=self.condition(c["if"], c.at("if"), f"{what} 'if'") if "if" in c else None,
                effects=self.effects(c["effects"], c.at("effects"), f"{what} effects")
                if "effects" in c else NO_EFFECTS,
                feedback=self.varying(c["feedback"], c.at("feedback"), f"{what} feedback")
                if "feedback" in c else None,
                debrief=self.text(c["debrief"], c.at("debrief"), f"{what} debrief")
                if "debrief" in c else None,
                misstep=self.flag_value(c, "misstep", what))
            if cid is not None:
                seen[cid] = pos
                out.append(choice)
        return tuple(out)

    def routes(self, sid: str, b: YMap, targets: set) -> tuple[Route, ...]:
        if "next" not in b:
            return ()
        items = self.listing(b["next"], b.at("next"), f"scene '{sid}' next") or []
        out = []
        for i, r in enumerate(items):
            r = self.mapping(r, items.at(i), f"scene '{sid}' route {i + 1}")
            if r is None or not self.keys(r, ROUTE_KEYS, ("goto",), f"scene '{sid}' route {i + 1}"):
                continue
            what = f"scene '{sid}' route {i + 1}"
            chance = self.integer(r["chance"], r.at("chance"), f"{what} chance", 0, 100) \
                if "chance" in r else None
            out.append(Route(
                goto=self.goto(r["goto"], r.at("goto"), f"{what} goto", targets) or "",
                condition=self.condition(r["if"], r.at("if"), f"{what} 'if'") if "if" in r else None,
                chance=chance, index=i))
        return tuple(out)

    def timer(self, sid: str, b: YMap, choices: tuple[Choice, ...]) -> Timer | None:
        t = self.mapping(b["timer"], b.at("timer"), f"scene '{sid}' timer")
        if t is None or not self.keys(t, TIMER_KEYS, ("seconds", "default"), f"scene '{sid}' timer"):
            return None
        seconds = self.integer(t["seconds"], t.at("seconds"), "timer seconds", 1, 3600)
        ids = [c.id for c in choices]
        if not ids and any(misspelled_exit(k) for k in b):
            return None  # the choices were not read ('chioces:'); that is the error to report
        if t["default"] not in ids:
            self.r.error("E023", f"timer default '{t['default']}' is not a choice of scene '{sid}'",
                         t.at("default"), self.guess(t["default"], ids) or "name one of its choices")
            return None
        return Timer(seconds or 1, t["default"])

    def posts(self, sid: str, b: YMap, characters: dict) -> tuple[Post, ...]:
        key = "posts" if "posts" in b else "messages" if "messages" in b else None
        if key is None:
            return ()
        allowed, author_key = (POST_KEYS, "author") if key == "posts" else (MESSAGE_KEYS, "from")
        items = self.listing(b[key], b.at(key), f"scene '{sid}' {key}") or []
        out = []
        for i, p in enumerate(items):
            what = f"scene '{sid}' {key[:-1]} {i + 1}"
            p = self.mapping(p, items.at(i), what)
            if p is None or not self.keys(p, allowed, (author_key, "text"), what):
                continue
            author = self.string(p[author_key], p.at(author_key), f"{what} {author_key}") or ""
            handle = p.get("handle", "")
            if author in characters and not handle:
                handle = characters[author].handle
            out.append(Post(
                author=author, handle=str(handle),
                text=self.text(p["text"], p.at("text"), f"{what} text", shown=True),
                time=self.string(p.get("time", ""), p.at("time"), f"{what} time") or "",
                likes=self.integer(p["likes"], p.at("likes"), f"{what} likes", 0)
                if "likes" in p else None,
                shares=self.integer(p["shares"], p.at("shares"), f"{what} shares", 0)
                if "shares" in p else None,
                condition=self.condition(p["if"], p.at("if"), f"{what} 'if'") if "if" in p else None))
        return tuple(out)

    def ending(self, eid, body, at) -> Ending | None:
        b = self.mapping(body, at, f"ending '{eid}'")
        if b is None or not self.keys(b, ENDING_KEYS, ("title", "text"), f"ending '{eid}'"):
            return None
        tone = b.get("tone", "neutral")
        if tone not in TONES:
            self.r.error("E006", f"ending '{eid}' tone: expected one of {', '.join(TONES)} "
                         f"(got {tone!r})", b.at("tone"), self.guess(tone, TONES))
        return Ending(
            id=eid, tone=tone,
            title=self.text(b["title"], b.at("title"), f"ending '{eid}' title"),
            text=self.variants(b["text"], b.at("text"), f"ending '{eid}' text"),
            debrief_questions=self.texts(b, "debrief_questions", f"ending '{eid}' debrief question"),
            image=self.string(b.get("image", ""), b.at("image"), "image") or "",
            requires=self.claim(b, eid))

    def flag_value(self, m: YMap, key: str, what: str) -> bool:
        """An optional true/false key such as a choice's ``misstep``."""
        value = m.get(key, False)
        if not isinstance(value, bool):
            self.r.error("E006", f"{what} {key}: expected true or false (got {_type_name(value)})",
                         m.at(key))
            return False
        return value

    def claim(self, b: YMap, eid: str):
        """An ending's ``requires``: a condition checked in the context of a claim."""
        if "requires" not in b:
            return None
        saved = self.env.context
        self.env.context = "requires"
        try:
            return self.condition(b["requires"], b.at("requires"), f"ending '{eid}' requires")
        finally:
            self.env.context = saved


def _misstep_pairs(scenes: YMap) -> frozenset:
    """The (scene, choice) pairs marked ``misstep: true``, read before any condition is
    compiled so that ``missteps()`` knows them everywhere."""
    pairs = set()
    for sid, body in scenes.items():
        if isinstance(body, YMap) and isinstance(body.get("choices"), YList):
            for i, c in enumerate(body["choices"]):
                if isinstance(c, YMap) and c.get("misstep") is True:
                    cid = c.get("id", f"c{i + 1}")
                    if isinstance(cid, str):
                        pairs.add((sid, cid))
    return frozenset(pairs)
