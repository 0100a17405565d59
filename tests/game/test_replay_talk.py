"""The replay speaks people, not engine: no condition source on screen in either language;
ties and overrides of a workshop vote; the facilitator's own notes apart from the author's;
a "wat als" ending marked beside the ending the team really reached."""
from __future__ import annotations

import re

import pygame

from weerbaar.engine import load_scenario
from weerbaar.game.screens.replay_whatif import WhatIfEnding
from weerbaar.game.settings import Settings
from weerbaar.storage import SessionStore

from .recorded import (db, open_replay_from_title, open_sessions_from_title,  # noqa: F401
                       record_plays, recorded_driver)

CALL = re.compile(r"\b(chosen|visited|visits|missteps|ending)\(")


def sources(scenario) -> set[str]:
    """Every condition the scenario has, as its author wrote it."""
    out = set()
    for node in (*scenario.scenes.values(), *scenario.endings.values()):
        out |= {v.condition.source for v in node.text if v.condition}
        for c in getattr(node, "choices", ()):
            out |= {c.condition.source} if c.condition else set()
        out |= {r.condition.source for r in getattr(node, "next", ()) if r.condition}
    return out


def walk_every_step(d, replay) -> set[str]:
    seen: set[str] = set()
    for _ in replay.replay.steps:
        seen |= set(d.app.text.rendered)
        d.key(pygame.K_RIGHT)
    return seen


def test_no_condition_source_is_rendered_in_either_language(recorded_driver, db, scenario_dir):
    plays = {"voorbeeld.yaml": [("Team 1", ["reageren", "uitleggen"]),
                                ("Team 2", ["navragen", "geen_commentaar"])],
             "showcase.yaml": [("Wethouder A", ["zwijgen", "reageren"])]}
    conditions = set()
    for name, moves in plays.items():
        record_plays(db, scenario_dir / name, moves)
        conditions |= sources(load_scenario(str(scenario_dir / name)))
    assert "chosen(begin, reageren)" in conditions and "geheim" in conditions
    for lang in ("nl", "en"):
        d = recorded_driver(settings=Settings(language=lang))
        listing = open_sessions_from_title(d)
        reasons = 0
        for row in list(listing.rows):
            listing.open_replay(row.summary.id)
            d.step()
            seen = walk_every_step(d, d.top)
            reasons += sum(1 for s in seen if s.startswith(("Deze ", "Je kwam", "This ",
                                                            "You came")))
            assert not [s for s in seen if CALL.search(s)]
            assert not [s for s in seen for c in conditions
                        if len(c) > 8 and c in s]        # no source, not even inside a line
            assert not [s for s in seen if "(geheim:" in s or "pers_ingelicht" in s]
            d.key(pygame.K_ESCAPE)
        assert reasons >= 4                               # the reasons were there, in words


def workshop(db, scenario_dir) -> str:
    [sid] = record_plays(db, scenario_dir / "voorbeeld.yaml",
                         [("Team Noord", ["reageren", "uitleggen"])])
    with SessionStore(db) as store:
        store.record_votes(sid, 0, {"reageren": 3, "navragen": 3})          # a tie
        store.record_votes(sid, 1, {"uitleggen": 1, "geen_commentaar": 4}, overridden=True)
        store.add_note(sid, 0, "begin", "Het team twijfelde lang over de toon.")
    return sid


def test_ties_overrides_and_the_facilitators_own_notes_are_shown(recorded_driver, db,
                                                                  scenario_dir):
    workshop(db, scenario_dir)
    d = recorded_driver()
    open_replay_from_title(d)
    drawn = d.app.text.rendered
    assert "3 stemmen · gelijke stand" in drawn
    assert ("Gelijke stand tussen ‘Meteen in de groep reageren: 'Klopt niet!'’ en ‘Eerst met de "
            "communicatieadviseur de feiten op een rij zetten’: de begeleider koos ‘Meteen in de "
            "groep reageren: 'Klopt niet!'’.") in drawn
    assert "VOOR DE BEGELEIDER (UIT HET SCENARIO)" in drawn
    assert any(s.startswith("Snel reageren voelt goed") for s in drawn)     # the author's
    assert "EIGEN NOTITIES VAN DE BEGELEIDER" in drawn
    [own] = [s for s in drawn if s.endswith("Het team twijfelde lang over de toon.")]
    assert re.fullmatch(r"\d\d:\d\d · Het team twijfelde lang over de toon\.", own)
    d.key(pygame.K_RIGHT)
    drawn = d.app.text.rendered
    assert "1 stem" in drawn and "4 stemmen · meerderheid" in drawn
    assert ("De begeleider koos ‘Uitleggen wat er wel en niet besloten is’, tegen de meerderheid "
            "in (‘'Geen commentaar.'’).") in drawn
    assert d.top.step.notes == ()              # the note belongs to step 1 only


def test_a_plain_majority_needs_no_vote_line(recorded_driver, db, scenario_dir):
    [sid] = record_plays(db, scenario_dir / "voorbeeld.yaml", [("Team Zuid", ["navragen"])])
    with SessionStore(db) as store:
        store.record_votes(sid, 0, {"reageren": 1, "navragen": 5})
    d = recorded_driver()
    open_replay_from_title(d)
    drawn = d.app.text.rendered
    assert "5 stemmen · meerderheid" in drawn and "1 stem" in drawn
    from weerbaar.game.screens.replay_view import vote_line
    assert vote_line(d.app.ui, d.top.step) == ""  # a majority decided: nothing to explain


def test_a_what_if_ending_is_marked_beside_the_ending_really_reached(recorded_driver, db,
                                                                      scenario_dir):
    record_plays(db, scenario_dir / "voorbeeld.yaml", [("Team 1", ["reageren", "uitleggen"])])
    d = recorded_driver()
    open_replay_from_title(d)
    replay = d.top
    real = replay.replay.steps[-1].title
    d.key(pygame.K_RIGHT)
    d.click(replay.whatif.rect.center)
    d.key(pygame.K_2)                          # not what the team chose
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, WhatIfEnding)
    reached = d.top.session.view.ending
    assert reached.title.get("nl") != real
    drawn = d.app.text.rendered
    assert "WAT ALS" in drawn
    assert (f"Dit is een ‘wat als’-einde: het team bereikte echt ‘{real}’ (gemengde afloop)."
            in drawn)
    assert reached.title.get("nl") in drawn    # the what-if ending itself, beside it
