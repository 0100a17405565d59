"""Screenshots of workshop mode for docs/screenshots/ (``python -m weerbaar.game.screenshots``):
the result of a vote as the room sees it, and the facilitator's view of the same moment.

A team of a shipped scenario is walked to its first decision with four options (the most a
room usually weighs), hands are entered and revealed, and a note is typed.
"""
from __future__ import annotations

import sys
from collections import deque

PREFERRED = ("desinformatie", "clientelisme", "intimidatie")
HANDS = (4, 11, 7, 2, 1, 3)
MAX_EXPANSIONS = 300


def path_to_choices(scenario, want: int = 4) -> list[str] | None:
    """The shortest choice ids to a scene offering ``want`` options (or the most found)."""
    from ..engine.session import Session, SessionError
    queue, seen, best = deque([[]]), set(), (0, None)
    while queue and len(seen) < MAX_EXPANSIONS:
        actions = queue.popleft()
        s = Session(scenario, seed=1)
        try:
            for a in actions:
                while s.view.can_continue:
                    s.advance()
                s.choose(a)
                s.proceed()
            while s.view.can_continue:
                s.advance()
        except SessionError:
            continue
        if s.ended or s.scene_id in seen:
            continue
        seen.add(s.scene_id)
        choices = [c.id for c in s.view.available_choices()]
        if len(choices) >= want:
            return actions
        best = max(best, (len(choices), actions), key=lambda b: b[0])
        queue.extend(actions + [c] for c in choices)
    return best[1]


def shoot_workshop(shooter, size) -> None:
    from ..storage import SessionStore

    from .screens.workshop_facilitator import FacilitatorScreen
    from .screens.workshop_play import WorkshopScreen
    from .workshop import WorkshopRun
    app = shooter.app(size)
    entries = sorted((e for e in app.catalogue() if e.scenario is not None),
                     key=lambda e: (e.path.stem not in PREFERRED,
                                    PREFERRED.index(e.path.stem) if e.path.stem in PREFERRED else 0))
    path = path_to_choices(entries[0].scenario) if entries else None
    if path is None:
        print("no scenario with a decision; workshop screenshots skipped", file=sys.stderr)
        app.close()
        return
    db = shooter.config / f"workshop-shots-{size[0]}x{size[1]}.db"
    run = WorkshopRun.start(SessionStore(db), entries[0].scenario, ["Noord", "Zuid"], lang="nl",
                            seed=1)
    for choice in path:
        while run.session.view.can_continue:
            run.session.advance()
        run.session.choose(choice, seconds=30.0)
        run.session.proceed()
    while run.session.view.can_continue:
        run.session.advance()
    screen = WorkshopScreen(app, run)
    app.push(screen)
    board = screen.board
    board.open_vote()
    for row, n in zip(board.rows, HANDS):
        board.vote.set(row.choice_id, n)
    screen.reveal()
    shooter.save(app, "workshop-vote", size)
    run.note("Noord twijfelt: eerst de feiten, of meteen iets zeggen in de groep?")
    facilitator = FacilitatorScreen(app, screen)
    app.push(facilitator)
    facilitator.field.value = "Vraag Zuid straks naar de rol van de"
    shooter.save(app, "workshop-facilitator", size)
    app.close()
