"""'Verder spelen' on the title screen: the latest play in this window's session database
that did not end goes on where it stopped, recorded in the same record.

The store rebuilds the session from its recorded decisions (``store.resume``); the title
screen only asks whether there is one and which scenario card it belongs to.
"""
from __future__ import annotations

from ..storage import StoreError
from ..storage.resume import resume


def unfinished(app):
    """(the session's summary, its catalogue entry) of the latest unfinished play with at
    least one decision whose scenario is on the title screen, or None."""
    recording = app.recording
    if recording is None or not recording.path.exists():
        return None
    try:
        summaries = recording.store().list()
    except StoreError:
        return None
    entries = {e.scenario.id: e for e in app.catalogue() if e.scenario is not None}
    for summary in reversed(summaries):  # the list is oldest first
        if summary.mode == "play" and summary.ended_at is None and summary.decisions \
                and summary.scenario_id in entries:
            return summary, entries[summary.scenario_id]
    return None


def resume_play(app, summary, entry) -> bool:
    """Open the play screen on the session where it stopped; False (and a notice) if the
    recording no longer fits the scenario file."""
    from .screens.play import PlayScreen
    try:
        session, _recorder = resume(app.recording.store(), summary.id, entry.scenario)
    except (StoreError, ValueError) as exc:
        app.toast(app.ui.t("resume_error", error=str(exc)), "bad")
        return False
    app.push(PlayScreen(app, entry.scenario, session))
    return True
