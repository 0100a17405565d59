"""Which scenario a recorded session is shown on: the exact version it was played on (its
text is kept in the database), else the current file, with the difference made visible."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..engine import ScenarioError, load_scenario_text
from ..engine.model import Scenario

from .errors import ReplayError
from .records import SessionRecord
from .store import SessionStore


@dataclass(frozen=True, slots=True)
class VersionCheck:
    """The scenario version a session was recorded on against the one it is shown on."""

    recorded_version: str
    recorded_hash: str
    shown_version: str
    shown_hash: str
    from_recording: bool  # True: the scenario text kept with the recording

    @property
    def same(self) -> bool:
        return self.recorded_hash == self.shown_hash


class ScenarioLibrary:
    """Scenarios by content hash: those kept in the store and those given as current files."""

    def __init__(self, store: SessionStore | None, current: Iterable[Scenario] = ()):
        self.store = store
        self._by_hash: dict[str, Scenario | None] = {}
        self.current: dict[str, Scenario] = {}
        for s in current:
            self.add_current(s)

    def add_current(self, scenario: Scenario) -> None:
        self.current[scenario.id] = scenario
        self._by_hash[scenario.content_hash] = scenario

    def recorded(self, content_hash: str) -> Scenario | None:
        """The scenario of this hash, from the given files or the text kept in the store."""
        if content_hash not in self._by_hash:
            self._by_hash[content_hash] = self._load(content_hash)
        return self._by_hash[content_hash]

    def _load(self, content_hash: str) -> Scenario | None:
        source = self.store.scenario_source(content_hash) if self.store else None
        if source is None:
            return None
        try:
            return load_scenario_text(source, f"<recorded {content_hash}>")
        except ScenarioError:  # an old text that this engine no longer accepts
            return None

    def for_record(self, record: SessionRecord, prefer_current: bool = False
                   ) -> tuple[Scenario, VersionCheck]:
        """The scenario to show ``record`` on: its own version if known, else the current one."""
        exact = self.recorded(record.content_hash)
        current = self.current.get(record.scenario_id)
        scenario = (current or exact) if prefer_current else (exact or current)
        if scenario is None:
            raise ReplayError(record.id, f"scenario '{record.scenario_id}' version "
                              f"{record.scenario_version or '?'} ({record.content_hash}) is not "
                              "in the database", "give the scenario file with --scenario FILE")
        return scenario, VersionCheck(
            record.scenario_version, record.content_hash, scenario.version,
            scenario.content_hash, from_recording=scenario is not current)

    def for_group(self, records: list[SessionRecord]) -> Scenario:
        """One scenario for the texts of a group of sessions of the same scenario: the current
        file if given, else the version of the most recently started session that is known."""
        scenario_id = records[0].scenario_id
        if scenario_id in self.current:
            return self.current[scenario_id]
        for r in sorted(records, key=lambda r: r.started_at, reverse=True):
            found = self.recorded(r.content_hash)
            if found is not None:
                return found
        raise ReplayError(records[0].id, f"no version of scenario '{scenario_id}' is in the "
                          "database", "give the scenario file with --scenario FILE")
