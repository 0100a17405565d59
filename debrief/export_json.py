"""The sessions with every decision as JSON: a versioned document, described by
``export.schema.json``."""
from __future__ import annotations

from typing import Iterable

from ..storage.clock import utc_now
from ..storage.records import DecisionRecord, SessionRecord

FORMAT = "weerbaar-sessions"
VERSION = 1


def export_document(records: Iterable[SessionRecord], exported_at: str | None = None) -> dict:
    return {"format": FORMAT, "version": VERSION, "exported_at": exported_at or utc_now(),
            "sessions": [session_dict(r) for r in records]}


def session_dict(r: SessionRecord) -> dict:
    return {
        "id": r.id,
        "scenario": {"id": r.scenario_id, "version": r.scenario_version, "hash": r.content_hash},
        "language": r.language, "label": r.label, "mode": r.mode, "seed": r.seed,
        "started_at": r.started_at, "ended_at": r.ended_at, "ending": r.ending,
        "final_vars": dict(r.final_vars) if r.final_vars is not None else None,
        "extra": dict(r.extra),
        "decisions": [decision_dict(d) for d in r.history],
        "notes": [{"step": n.step, "scene": n.scene, "text": n.text, "written_at": n.written_at}
                  for n in r.notes],
    }


def decision_dict(rec: DecisionRecord) -> dict:
    return {**rec.decision.to_dict(), "seq": rec.seq, "made_at": rec.made_at,
            "undone": rec.undone, "votes": dict(rec.votes), "overridden": rec.overridden}
