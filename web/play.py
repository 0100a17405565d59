"""The one adapter between the phone server and the engine and session store.

Everything the server asks of ``engine.session.Session`` and ``store`` goes through here:
making a solo session recorded under a pseudonym, taking a step, and turning the state of
a session into the plain view a phone gets. A view holds only what a player of the game
sees on screen at that moment: never the facilitator's notes, the effects or targets of
choices not yet made, debrief texts, nor anything of other sessions.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..engine.replay import replay_decisions
from ..engine.session import Session, SessionError

from ..engine.state import Phase
from ..engine.model import Scenario
from ..storage import Recorder, SessionStore, StoreError

SOLO_MODE = "play"      # the store's mode for a phone's solo session
EXTRA_KEY = "phones"    # the session's extra: {"phones": {"room": code, "workshop": id}}


class StepRefused(ValueError):
    """A step the session cannot take now (wrong phase, a choice not on offer)."""


@dataclass
class SoloPlay:
    """One phone's solo session, recorded in the store as it is played."""

    session: Session
    recorder: Recorder
    lang: str
    seq: int = 0  # steps taken: a phone names the seq it saw, so a resent step counts once

    @property
    def session_id(self) -> str:
        return self.recorder.session_id

    @classmethod
    def start(cls, store: SessionStore, scenario: Scenario, *, seed: int, lang: str,
              pseudonym: str, room: str, workshop: str) -> "SoloPlay":
        session = Session(scenario, seed)
        recorder = Recorder.start(store, session, language=lang, label=pseudonym,
                                  mode=SOLO_MODE,
                                  extra={EXTRA_KEY: {"room": room, "workshop": workshop}})
        return cls(session, recorder, lang)

    @classmethod
    def resume(cls, store: SessionStore, scenario: Scenario, session_id: str,
               lang: str) -> "SoloPlay | None":
        """A recorded session brought back after a crash, its decisions taken again; None
        when it cannot be (another scenario version, or the record is gone)."""
        try:
            record = store.get(session_id)
        except StoreError:
            return None
        if record.content_hash != scenario.content_hash:
            return None
        try:
            session = replay_decisions(scenario, record.decisions, record.seed).session
        except SessionError:
            return None
        recorder = Recorder(store, session_id)
        if not session.ended:
            recorder.attach(session)
        return cls(session, recorder, record.language if record.language in scenario.languages
                   else lang)

    # ---- acting ---------------------------------------------------------------------------
    def choose(self, key: str) -> None:
        """Take the option the phone names by its letter (``view`` shows the letters only:
        a scenario's choice ids are the author's words and may give hints)."""
        s = self.session
        offered = {letter(i): c.id for i, c in enumerate(s.view.available_choices())}
        if s.phase is not Phase.SCENE or key not in offered:
            raise StepRefused("that choice is not on offer now")
        try:
            s.choose(offered[key])
        except SessionError as exc:
            raise StepRefused(str(exc)) from None
        self.seq += 1

    def go_on(self) -> None:
        """Continue: from a consequence to the next scene, or on from a scene that routes."""
        s = self.session
        try:
            if s.phase is Phase.CONSEQUENCE:
                s.proceed()
            elif s.view.can_continue:
                s.advance()
            else:
                raise StepRefused("there is nothing to continue from now")
        except SessionError as exc:
            raise StepRefused(str(exc)) from None
        self.seq += 1

    def close(self) -> None:
        self.recorder.detach(self.session)

    # ---- what the phone shows -------------------------------------------------------------
    def progress(self) -> tuple[int, str | None]:
        """(decisions made, ending reached or None): the projector's view of this play."""
        s = self.session
        return len(s.decisions), (s.view.ending.id if s.ended and s.view.ending else None)

    def view(self) -> dict:
        s, sc, lang = self.session, self.session.scenario, self.lang
        tx = _texter(sc, lang)
        out = {"seq": self.seq, "phase": s.phase.value, "title": tx(sc.title),
               "meters": [{"label": tx(m.label), "value": s.vars[k], "min": m.min,
                           "max": m.max, "good": m.good} for k, m in sc.meters.items()]}
        if s.ended:
            e = s.view.ending
            out["ending"] = {"title": tx(e.title), "text": s.view.text(lang), "tone": e.tone,
                             "questions": [tx(q) for q in e.debrief_questions]}
            return out
        if s.phase is Phase.CONSEQUENCE:
            out["consequence"] = _consequence(s, tx, lang)
            return out
        out["scene"] = _scene(s, tx, lang)
        out["choices"] = [{"id": letter(i), "letter": letter(i),
                           "text": s.view.choice_text(c, lang)}
                          for i, c in enumerate(s.view.available_choices())]
        out["can_continue"] = s.view.can_continue
        return out


def letter(index: int) -> str:
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def _texter(scenario: Scenario, lang: str):
    return lambda text: text.get(lang, scenario.languages) if text is not None else ""


def _scene(s: Session, tx, lang: str) -> dict:
    node, sc = s.view.node, s.scenario
    speaker = sc.characters.get(node.speaker) if node.speaker else None
    return {"kind": node.kind, "text": s.view.text(lang),
            "speaker": tx(speaker.name) if speaker else "",
            "role": tx(speaker.role) if speaker and speaker.role else "",
            "channel": tx(node.channel), "headline": tx(node.headline), "outlet": node.outlet,
            "posts": [{"author": p.author, "handle": p.handle, "time": p.time,
                       "text": s.view.post_text(p, lang), "likes": p.likes, "shares": p.shares}
                      for p in s.view.posts()]}


def _consequence(s: Session, tx, lang: str) -> dict:
    d = s.decisions[-1]
    meters = s.scenario.meters
    changes = [{"label": tx(meters[k].label), "before": a, "after": b, "good": meters[k].good}
               for k, (a, b) in d.changes().items() if k in meters]
    return {"choice": s.view.chosen_text(lang), "feedback": s.view.feedback_text(lang) or "",
            "changes": changes}


def situation(session: Session, lang: str, limit: int = 400) -> str:
    """The situation in short, for a phone's ballot: the scene's text, cut at a sentence
    end near ``limit`` characters."""
    text = " ".join(session.view.text(lang).split())
    if len(text) <= limit:
        return text
    cut = text.rfind(". ", 0, limit)
    return text[:cut + 1] if cut > limit // 2 else text[:limit].rstrip() + "…"


def open_store(path) -> SessionStore:
    return SessionStore(path)
