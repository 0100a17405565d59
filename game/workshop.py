"""Workshop mode's state: one scenario, teams in turn, each team's play its own recorded
session in the session store.

No pygame here and no game rules: the screens ask ``WorkshopRun`` for the current team's
``Session`` and tell it what the room decided (``decide``: the choice id, with the hands
counted and whether the facilitator overrode them) and what the facilitator noted
(``note``). Everything is written to the store as it happens, so a workshop resumes from
the database after a break or a crash (``WorkshopRun.resume``).
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from ..engine.model import Scenario
from ..engine.session import Session
from ..engine.state import Phase
from ..engine.views import Outcome
from ..storage import Recorder, SessionStore, StoreError
from ..storage import resume as resume_session
from ..storage import workshops
from ..storage.workshops import Workshop

from .workshop_vote import Vote

MAX_TEAMS = 12
TEAM_WORDS = ("team", "groep", "group", "tafel", "table")


def parse_teams(text: str | None) -> list[str]:
    """Team names from "Noord, Zuid" (commas or semicolons); at least one team."""
    names = [n.strip() for n in (text or "").replace(";", ",").split(",")]
    names = list(dict.fromkeys(n[:40] for n in names if n))[:MAX_TEAMS]
    return names or ["1"]


def team_label(name: str, word: str = "Team") -> str:
    """"Noord" -> "Team Noord"; a name that already says what it is stays as it is."""
    first = name.split()[0].lower() if name.split() else ""
    return name if first in TEAM_WORDS else f"{word} {name}"


@dataclass(frozen=True)
class NoteLine:
    step: int
    scene: str
    text: str


class WorkshopRun:
    """The teams of one workshop and the session of the team that plays now."""

    def __init__(self, store: SessionStore, scenario: Scenario, teams: list[str], *,
                 lang: str, seed: int, workshop_id: str):
        self.store, self.scenario = store, scenario
        self.teams, self.lang, self.seed = list(teams), lang, int(seed)
        self.id = workshop_id
        self.index = 0
        self.session: Session | None = None
        self.recorder: Recorder | None = None
        self.notes: list[NoteLine] = []
        self.resumed_at = 0  # decisions the current team had made when the workshop resumed

    # ---- starting and resuming ------------------------------------------------------------
    @classmethod
    def start(cls, store: SessionStore, scenario: Scenario, teams: list[str], *, lang: str,
              seed: int | None = None) -> "WorkshopRun":
        seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
        run = cls(store, scenario, teams, lang=lang, seed=seed, workshop_id=workshops.new_id())
        run._begin(0)
        return run

    @classmethod
    def resume(cls, store: SessionStore, workshop: Workshop, scenario: Scenario,
               lang: str) -> "WorkshopRun":
        """Go on where ``workshop`` stopped: the first team without an ending, rebuilt from
        its recorded decisions (or started, if it had not begun)."""
        started = [t for t in workshop.teams if t.session_id]
        first = store.get(started[0].session_id) if started else None
        run = cls(store, scenario, [t.name for t in workshop.teams], lang=lang,
                  seed=first.seed if first else 0, workshop_id=workshop.id)
        team = workshop.current
        if team is None:
            run.index = len(run.teams)
        elif team.session_id is None:
            run._begin(team.index)
        else:
            run.index = team.index
            run.session, run.recorder = resume_session(store, team.session_id, scenario)
            run.scenario = run.session.scenario  # the version it was played on
            record = store.get(team.session_id)
            run.notes = [NoteLine(n.step, n.scene, n.text) for n in record.notes]
            run.resumed_at = len(run.session.decisions)
        return run

    def _begin(self, index: int) -> None:
        self.index = index
        self.notes = []
        self.resumed_at = 0
        self.session = Session(self.scenario, self.seed)
        self.recorder = Recorder.start(
            self.store, self.session, language=self.lang, label=self.label, mode="workshop",
            extra=workshops.extra_for(self.id, self.teams, index))

    # ---- the teams ------------------------------------------------------------------------
    @property
    def label(self) -> str:
        return team_label(self.teams[self.index]) if self.index < len(self.teams) else ""

    @property
    def session_ids(self) -> tuple[str, ...]:
        """The recorded sessions of the teams that have started, in team order."""
        found = workshops.find(self.store, self.id)
        return found.session_ids if found else ()

    @property
    def finished(self) -> bool:
        return self.index >= len(self.teams)

    @property
    def next_label(self) -> str | None:
        i = self.index + 1
        return team_label(self.teams[i]) if i < len(self.teams) else None

    def next_team(self) -> bool:
        """The current team is done: start the next one. False when none is left."""
        self._close_session()
        if self.index + 1 >= len(self.teams):
            self.index = len(self.teams)
            return False
        self._begin(self.index + 1)
        return True

    # ---- what the room does ---------------------------------------------------------------
    def decide(self, choice_id: str, vote: Vote, seconds: float | None = None) -> Outcome:
        """Take ``choice_id``, recorded with the hands counted. A decision the store cannot
        write is not taken (``RecordingError``, the session unchanged): the room votes again."""
        self.recorder.tally_next(vote.to_dict(), overridden=vote.overrides(choice_id))
        return self.session.choose(choice_id, seconds=seconds)

    def record(self):
        """The current team's session as the store has it (votes, overrides, notes)."""
        return self.store.get(self.recorder.session_id)

    def here(self) -> tuple[int, str]:
        """The step on show, as (decisions made before it, its scene): while a decision's
        consequence shows, that decision's step (a note then is about it)."""
        s = self.session
        if s.phase is Phase.CONSEQUENCE and s.decisions:
            return s.decisions[-1].index, s.decisions[-1].scene
        return len(s.decisions), s.scene_id

    def note(self, text: str) -> NoteLine | None:
        """Store a facilitator's note with the step on show."""
        text = " ".join(text.split())
        if not text:
            return None
        line = NoteLine(*self.here(), text)
        self.store.add_note(self.recorder.session_id, line.step, line.scene, line.text)
        self.notes.append(line)
        return line

    def notes_here(self) -> list[str]:
        step, scene = self.here()
        return [n.text for n in self.notes if n.step == step and n.scene == scene]

    # ---- closing --------------------------------------------------------------------------
    def _close_session(self) -> None:
        if self.session is not None:
            if self.recorder is not None:
                self.recorder.detach(self.session)
        self.session = self.recorder = None

    def close(self) -> None:
        self._close_session()
        self.store.close()
