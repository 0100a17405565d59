"""Sessions as xAPI statements (version 1.0.3) for a learning record store.

- actor: an Agent named by the session's label (no personal data), with an account whose
  name is the session id: labels such as "Team 2" recur across workshops, ids do not;
- initialized (the scenario), answered (a scene, interaction type "choice", the option
  chosen as the response, meters before and after in the result), completed (the scenario,
  with the ending and the final meters); a decision that was undone is voided;
- ``context.registration`` is the session id, so an LRS groups a session's statements;
- statement ids are uuid5 of the session and the step, so sending twice duplicates nothing.

Activity and extension ids live under one base IRI; an organisation may set its own
(``--xapi-base``). The ids need not resolve, but must stay the same once statements are sent.
"""
from __future__ import annotations

import urllib.parse
import uuid
from datetime import datetime

from ..engine.model import Scenario

from ..storage.records import DecisionRecord, SessionRecord
from .texts import scene_text, text_of

XAPI_VERSION = "1.0.3"
DEFAULT_BASE = "https://weerbaar.example/xapi"
# The namespace of statement ids: uuid5(URL namespace, "https://weerbaar.example/xapi/statements").
ID_NAMESPACE = uuid.UUID("db355886-c972-5885-868e-f7c89c44d8c7")
ADL = "http://adlnet.gov/expapi"
VERBS = {
    "initialized": {"nl": "begon", "en-US": "initialized"},
    "answered": {"nl": "koos", "en-US": "answered"},
    "completed": {"nl": "voltooide", "en-US": "completed"},
    "voided": {"nl": "trok in", "en-US": "voided"},
}


def base_problem(base: str) -> str:
    """Why ``base`` cannot be the base IRI of activity and extension ids ('' if it can)."""
    if any(c.isspace() or ord(c) < 32 or c in '<>"{}|\\^`' for c in base):
        return "expected an IRI without spaces or quotes"
    try:
        parts = urllib.parse.urlsplit(base)
        host, _ = parts.hostname, parts.port
    except ValueError:
        return "expected an absolute http(s) IRI"
    if parts.scheme not in ("http", "https") or not host:
        return "expected an absolute http(s) IRI"
    if parts.query or parts.fragment:
        return "expected an IRI without '?' or '#'"
    return ""


def statement_id(session_id: str, step: str) -> str:
    """A stable statement id: the same session and step always give the same id."""
    return str(uuid.uuid5(ID_NAMESPACE, f"{session_id}/{step}"))


class StatementBuilder:
    """The statements of one session. ``scenario`` (any version) adds names and options to
    the activity definitions; without it the statements carry ids only."""

    def __init__(self, record: SessionRecord, scenario: Scenario | None = None,
                 base: str = DEFAULT_BASE):
        self.r, self.scenario, self.base = record, scenario, base.rstrip("/")

    def statements(self) -> list[dict]:
        r = self.r
        out = [self._statement("start", "initialized", self._scenario_activity(), r.started_at)]
        for rec in r.history:
            out.append(self._answered(rec))
            if not rec.active:
                out.append(self._voided(rec))
        if r.ending is not None and r.ended_at is not None:
            out.append(self._completed())
        return out

    # ---- statements -----------------------------------------------------------------------
    def _statement(self, step: str, verb: str, obj: dict, timestamp: str,
                   result: dict | None = None, context: bool = True) -> dict:
        s = {"id": statement_id(self.r.id, step), "actor": self._actor(),
             "verb": {"id": f"{ADL}/verbs/{verb}", "display": VERBS[verb]},
             "object": obj, "timestamp": timestamp}
        if result:
            s["result"] = result
        if context:
            s["context"] = self._context()
        return s

    def _answered(self, rec: DecisionRecord) -> dict:
        d = rec.decision
        result = {"response": d.choice, "extensions": {
            self._ext("meters-before"): self._meters(d.before),
            self._ext("meters-after"): self._meters(d.after),
            self._ext("flags-after"): self._flags(d.after),
            self._ext("hidden-options"): list(d.hidden),
            self._ext("timed-out"): d.timed_out}}
        if d.seconds is not None:
            result["duration"] = duration(d.seconds)
        if rec.votes:
            result["extensions"][self._ext("votes")] = dict(rec.votes)
            result["extensions"][self._ext("overridden")] = rec.overridden
        s = self._statement(f"decision/{rec.seq}", "answered", self._scene_activity(d),
                            rec.made_at, result)
        s["context"]["extensions"][self._ext("decision-index")] = d.index
        return s

    def _voided(self, rec: DecisionRecord) -> dict:
        target = statement_id(self.r.id, f"decision/{rec.seq}")
        return self._statement(f"void/{rec.seq}", "voided",
                               {"objectType": "StatementRef", "id": target}, rec.made_at,
                               context=False)

    def _completed(self) -> dict:
        r = self.r
        final = dict(r.final_vars or {})
        result = {"completion": True, "extensions": {
            self._ext("ending"): r.ending, self._ext("meters"): self._meters(final),
            self._ext("flags"): self._flags(final)}}
        seconds = (datetime.fromisoformat(r.ended_at)
                   - datetime.fromisoformat(r.started_at)).total_seconds()
        result["duration"] = duration(max(seconds, 0.0))
        ending = self.scenario.endings.get(r.ending) if self.scenario else None
        if ending is not None:
            result["extensions"][self._ext("ending-tone")] = ending.tone
        return self._statement(f"end/{r.ended_at}", "completed", self._scenario_activity(),
                               r.ended_at, result)

    # ---- parts ----------------------------------------------------------------------------
    def _actor(self) -> dict:
        return {"objectType": "Agent", "name": self.r.label,
                "account": {"homePage": self.base, "name": self.r.id}}

    def _context(self) -> dict:
        r = self.r
        return {"registration": r.id, "platform": "Weerbaar", "language": r.language,
                "contextActivities": {"parent": [{"objectType": "Activity",
                                                  "id": self._scenario_iri()}]},
                "extensions": {self._ext("label"): r.label, self._ext("mode"): r.mode,
                               self._ext("scenario-version"): r.scenario_version,
                               self._ext("content-hash"): r.content_hash,
                               self._ext("seed"): r.seed}}

    def _scenario_iri(self) -> str:
        return f"{self.base}/scenarios/{self.r.scenario_id}"

    def _scenario_activity(self) -> dict:
        activity = {"objectType": "Activity", "id": self._scenario_iri()}
        if self.scenario is not None:
            activity["definition"] = {"type": f"{ADL}/activities/simulation",
                                      "name": self._language_map(self.scenario.title)}
        return activity

    def _scene_activity(self, d) -> dict:
        activity = {"objectType": "Activity", "id": f"{self._scenario_iri()}/scenes/{d.scene}"}
        definition = {"type": f"{ADL}/activities/cmi.interaction", "interactionType": "choice"}
        scene = self.scenario.scenes.get(d.scene) if self.scenario else None
        if scene is not None:
            known = {c.id: c for c in scene.choices}
            definition["description"] = {lang: scene_text(scene, self.scenario, lang)
                                         for lang in self.scenario.languages}
            definition["choices"] = [{"id": cid, "description": self._language_map(known[cid].text)}
                                     for cid in d.offered if cid in known]
        activity["definition"] = definition
        return activity

    def _language_map(self, text) -> dict:
        return {lang: text_of(text, self.scenario, lang) for lang in self.scenario.languages}

    def _ext(self, name: str) -> str:
        return f"{self.base}/extensions/{name}"

    @staticmethod
    def _meters(vars_: dict) -> dict:
        return {k: v for k, v in vars_.items() if not isinstance(v, bool)}

    @staticmethod
    def _flags(vars_: dict) -> dict:
        return {k: v for k, v in vars_.items() if isinstance(v, bool)}


def duration(seconds: float) -> str:
    """An ISO 8601 duration with the 0.01 s precision xAPI keeps."""
    text = f"{seconds:.2f}".rstrip("0").rstrip(".")
    return f"PT{text}S"


def statements(records, library=None, base: str = DEFAULT_BASE) -> list[dict]:
    """Every statement of ``records``; ``library`` (a ``ScenarioLibrary``) names things."""
    out = []
    for r in records:
        scenario = library.recorded(r.content_hash) if library else None
        if scenario is None and library is not None:
            scenario = library.current.get(r.scenario_id)
        out += StatementBuilder(r, scenario, base).statements()
    return out
