"""Everything fits, for a room: at 1280×720, 1920×1080 and 1024×768 (4:3 projectors) every
option of every decision of the shipped scenarios is in view without scrolling at the
normal and the large text size; meter labels and titles wrap and are never cut; and labels,
hints and times are at least 70 % of the body size. Asserted on the layout, not on pixels."""
from __future__ import annotations

import random
from functools import lru_cache

import pygame
import pytest

from weerbaar.engine import load_scenario
from weerbaar.engine.session import Session
from weerbaar.game.screens.play import PlayScreen
from weerbaar.game.screens.play_layout import plan_choices
from weerbaar.game.settings import TEXT_SIZES
from weerbaar.game.widgets import Button, TimerBar

from ..conftest import read_on
from .conftest import ROOT

SIZES = [(1280, 720), (1920, 1080), (1024, 768)]
SHIPPED = sorted(p for p in (ROOT / "scenarios").glob("*.yaml")
                 if not p.name.endswith(".transcripts.yaml"))
NORMAL, LARGE = 1, 2


@lru_cache(maxsize=None)
def offered_sets(path, walks: int = 200) -> dict[str, set[tuple[str, ...]]]:
    """Per scene, the sets of options offered together in seeded random plays (the options
    a player can meet at once; conditions hide the others)."""
    scenario = load_scenario(str(path))
    rng = random.Random(scenario.id)
    seen: dict[str, set[tuple[str, ...]]] = {}
    for n in range(walks):
        s = Session(scenario, seed=n)
        for _ in range(500):
            if s.ended:
                break
            if not read_on(s):
                offered = s.view.available_choices()
                seen.setdefault(s.scene_id, set()).add(tuple(c.id for c in offered))
                s.choose(rng.choice(offered).id)
    return seen


def open_play(driver, path, size, step, lang="nl"):
    d = driver(path, size=size)
    app = d.app
    app.set_settings(app.settings.__class__(text_size=step, language=lang))
    d.step()
    return d, app.find(PlayScreen)


def smallest_main(play, ui) -> pygame.Rect:
    """The room below the top bar when the scene has a timer that waits for the player to
    read a long situation (its bar has "Ik ben klaar met lezen": the least room there is)."""
    main, gap = play.main.copy(), ui.theme.px(10)
    if play.timer is not None:  # as PlayScreen.layout makes it
        main.height += play.timer.height_for(ui) + gap
    held = TimerBar(30)
    held.held = True
    main.height -= held.height_for(ui) + gap
    return main


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", [NORMAL, LARGE], ids=["normal", "large"])
def test_every_choice_of_every_decision_is_in_view(driver, size, step):
    for path in SHIPPED:
        for lang in load_scenario(str(path)).languages:  # the top bar differs by language
            d, play = open_play(driver, path, size, step, lang)
            options_in_view(d.app.ui, play, offered_sets(path), lang)
            d.app.close()


def largest_sets(sc, offered, lang):
    """Per decision, the options offered together with the most text: (scene, [(id, text)])."""
    for sid, sets in sorted(offered.items()):
        def text(c):
            return sc.scenes[sid].choice(c).text.get(lang)
        ids = max(sets, key=lambda ids: sum(len(text(c)) for c in ids))
        yield sid, [(c, text(c)) for c in ids]


def options_in_view(ui, play, offered, lang) -> None:
    """Every decision's largest set of options offered at once is whole in view."""
    t, sc, size = ui.theme, play.scenario, ui.theme.size
    main = smallest_main(play, ui)
    window = pygame.Rect(0, 0, *size)
    for sid, options in largest_sets(sc, offered, lang):
        buttons = [Button(text, "choice", number=i + 1) for i, (_, text) in enumerate(options)]
        plan = plan_choices(ui, buttons, main, ui.text.line_height(t.small) + t.px(8))
        where = f"{sc.id}/{sid} ({lang}) at {size}, text {ui.settings.text_size}"
        assert plan.fits, f"{where}: options below the fold"
        for b, r in plan.places:
            assert window.contains(r.move(plan.area.topleft)), where
            assert b.height_for(r.width, ui) <= r.height, where
            assert b.text_px(ui) >= 0.7 * t.body, where  # legible from five metres
        assert window.contains(plan.card), where
        assert plan.card.height >= 2 * ui.text.line_height(t.body), where


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", [NORMAL, LARGE], ids=["normal", "large"])
def test_the_workshop_board_shows_every_option_of_every_decision(make_app, tmp_path, size, step):
    """The room view (workshop mode opens at the large size): every option of every decision
    in view while the room reads, votes and sees the result, with a countdown running."""
    from weerbaar.game.screens.workshop_play import WorkshopScreen
    from weerbaar.game.widgets.tally import READ, REVEALED, VOTING, TallyBoard
    from weerbaar.game.workshop import WorkshopRun
    from weerbaar.storage import SessionStore
    for n, path in enumerate(SHIPPED):
        sc = load_scenario(str(path))
        for lang in sc.languages:
            app = make_app(size=size, scenarios_dir=ROOT / "scenarios")
            app.to_title()
            app.set_settings(app.settings.__class__(text_size=step, language=lang))
            run = WorkshopRun.start(SessionStore(tmp_path / f"{n}{lang}.db"), sc, ["Noord"],
                                    lang=lang, seed=1)
            while run.session.view.can_continue:  # to a decision: the board beside it
                run.session.advance()
            room = WorkshopScreen(app, run)
            app.push(room)
            app.step(None, dt=1 / 60)
            for sid, options in largest_sets(sc, offered_sets(path), lang):
                for phase in (READ, VOTING, REVEALED):
                    room.board = TallyBoard(options)
                    room.board.phase, room.board.selected = phase, 0
                    room.timer = TimerBar(60)  # the countdown shares the heading's line
                    room.layout(app.ui)
                    where = f"{sc.id}/{sid} ({lang}) {phase} at {size}, text {step}"
                    assert room.board.column.max_offset == 0, where
                    assert room.board.px >= 0.7 * app.ui.theme.body, where
            app.close()


def test_the_play_screen_shows_its_choices_whole_while_playing(driver):
    d, play = open_play(driver, ROOT / "scenarios" / "clientelisme.yaml", (1280, 720), LARGE)
    for _ in range(12):
        s = play.session
        if s.ended:
            break
        if s.phase.value == "consequence":
            play.proceed()
        elif s.view.can_continue:
            play.advance()
        else:
            play.ensure_layout()
            assert play.column.max_offset == 0, s.scene_id
            for b in play.focus.buttons:
                assert play.column.rect.contains(b.rect), s.scene_id
            play.choose(s.view.available_choices()[-1].id)
        d.step()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_meter_labels_and_titles_are_never_cut(driver, size):
    for path in SHIPPED:
        d, play = open_play(driver, path, size, NORMAL)
        for step in range(len(TEXT_SIZES)):
            for lang in ("nl", "en"):
                d.app.set_settings(d.app.settings.__class__(text_size=step, language=lang))
                d.step()
                ui, hud = d.app.ui, play.hud
                if step <= LARGE:
                    assert play.top_h < size[1] // 3, (path.stem, step, lang)
                for meter in hud.meters:
                    lines = hud._label(meter, hud.rect.width, ui)
                    label = meter.label.get(play.lang, play.scenario.languages)
                    squeeze = lambda x: x.replace(" ", "").replace("-", "")  # noqa: E731
                    assert squeeze("".join(lines)) == squeeze(label)
                    assert not any(line.endswith("…") for line in lines)
                    assert all(ui.text.size(ln, ui.theme.small)[0] <= hud.rect.width
                               for ln in lines)
                assert hud.rect.bottom <= play.top_h
                title = play.scenario.title.get(play.lang, play.scenario.languages)
                assert play.title_img.get_width() <= play.title_w
                assert title in d.app.text.rendered  # drawn whole (wrapped), not ellipsized
        d.app.close()


def test_labels_hints_and_times_are_at_least_seventy_percent_of_the_body(driver):
    d, play = open_play(driver, ROOT / "scenarios" / "desinformatie.yaml", (1280, 720), NORMAL)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1, mod=0, unicode="",
                                         scancode=0))
    d.step()
    d.step(dt=1 / 30, n=30)
    body = d.app.ui.theme.body
    sizes = {px for px, style in d.app.text._fonts if not style.startswith("fallback")}
    assert min(sizes) >= 0.7 * body, sorted(sizes)
    for step in range(len(TEXT_SIZES)):
        d.app.set_settings(d.app.settings.__class__(text_size=step))
        t = d.app.ui.theme
        assert t.small >= 0.7 * t.body


def test_workshop_mode_opens_at_the_large_text_size(make_app, tmp_path):
    from weerbaar.game.workshop_main import open_workshop
    app = make_app()
    app.to_title()
    assert app.settings.text_size == NORMAL
    open_workshop(app, load_scenario(str(ROOT / "scenarios" / "voorbeeld.yaml")),
                  db=tmp_path / "ws.db", teams="1", seed=3)
    assert app.settings.text_size >= LARGE


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_title_cards_show_the_whole_title_and_role(make_app, size):
    """The title screen's cards at every text size: the title and the meta line (with the
    role, e.g. "Jij bent raadslid voor Lokaal Brakelveen") wrap inside the card, never cut."""
    from weerbaar.game.screens.title import TitleScreen
    app = make_app(size=size, scenarios_dir=ROOT / "scenarios")
    app.to_title()
    for step in range(len(TEXT_SIZES)):
        for lang in ("nl", "en"):
            app.text.clear()  # drawn anew: ``rendered`` then says what this layout drew
            app.text.rendered.clear()
            app.set_settings(app.settings.__class__(text_size=step, language=lang))
            app.step(None, dt=1 / 60)
            title, ui = app.find(TitleScreen), app.ui
            assert ui.t("tagline") in app.text.rendered
            for card in title.cards:
                assert card.height_for(card.rect.width, ui) <= card.rect.height, (step, lang)
                if title.column.visible(card):
                    assert {card.entry.title(lang), card._meta(ui)} <= app.text.rendered


def test_headings_of_the_replay_what_if_and_debrief_are_never_cut(make_app, tmp_path):
    """A long team name and a long scenario title at 1024×768 in the largest text: the
    replay's, the "what if"'s and the group debrief's headings wrap, whole."""
    from weerbaar.game.recording import GameRecording
    from weerbaar.game.screens.debrief import DebriefScreen
    from weerbaar.game.screens.replay_whatif import WhatIfScreen
    from weerbaar.game.screens.sessions_list import open_sessions
    from .recorded import record_plays
    label = "Team Noordoost-Brakelveen en omstreken"
    path = ROOT / "scenarios" / "raadslid.yaml"
    [sid] = record_plays(tmp_path / "r.db", path, [(label, ["vragen"])])
    app = make_app(size=(1024, 768), scenarios_dir=ROOT / "scenarios",
                   recording=GameRecording(tmp_path / "r.db"))
    app.to_title()
    app.set_settings(app.settings.__class__(text_size=len(TEXT_SIZES) - 1))
    listing = open_sessions(app)
    listing.open_replay(sid)
    app.step(None, dt=1 / 60)
    ui, replay = app.ui, app.top
    title = load_scenario(str(path)).title.get("nl")
    drawn = app.text.rendered
    assert ui.t("replay_of", label=label) in drawn
    assert any(s.startswith(title + " · ") for s in drawn)
    assert replay.heading[0].get_width() <= replay.title_w
    app.push(WhatIfScreen(app, replay.replay, 0))
    app.step(None, dt=1 / 60)
    assert title in drawn and ui.t("whatif_note", n=1, label=label) in drawn
    assert app.top.top_h >= app.top.role_at[1] + app.top.role_img.get_height()
    app.pop(app.top)
    app.pop(replay)
    listing.marked = {sid}
    listing.open_debrief()
    app.step(None, dt=1 / 60)
    debrief = app.find(DebriefScreen)
    assert ui.t("debrief_title", title=title) in drawn
    assert debrief.header_h >= debrief.title_img.get_height() + debrief.sub_img.get_height()
    assert debrief.tab_buttons[0].rect.top >= debrief.header_h


@pytest.mark.parametrize("step", range(len(TEXT_SIZES)))
def test_the_workshop_team_bar_shows_the_step_and_the_title_whole(make_app, step):
    from weerbaar.game.widgets.teambar import TeamBar
    app = make_app(size=(1024, 768))
    app.set_settings(app.settings.__class__(text_size=step))
    scenario = load_scenario(str(ROOT / "scenarios" / "raadslid.yaml"))
    bar = TeamBar(scenario, "nl", {k: 50 for k in scenario.meters})
    bar.layout(app.ui, "Noord", "Besluit 12 van 14 · stemmen tellen")
    title = scenario.title.get("nl")
    assert title in app.text.rendered or "· " + title in app.text.rendered
    assert "Besluit 12 van 14 · stemmen tellen" in app.text.rendered
    for img, (x, y) in bar.parts:  # within the title column, above the meters when stacked
        assert x + img.get_width() <= bar.title_w
        assert y + img.get_height() <= bar.height
        assert not bar.stacked or bar.hud.rect.top >= y + img.get_height()


def test_a_buttons_note_wraps_and_the_button_grows(driver):
    """The pause menu's "Terugnemen" says why it is off ("Er is nog geen keuze om terug te
    nemen"); in the largest text at 1024×768 that note wraps under the label (never cut) and
    the button is tall enough for it."""
    from weerbaar.game.screens.pause import PauseScreen
    d, play = open_play(driver, ROOT / "scenarios" / "raadslid.yaml", (1024, 768), NORMAL)
    d.app.set_settings(d.app.settings.__class__(text_size=len(TEXT_SIZES) - 1))
    d.key(pygame.K_ESCAPE)
    pause, ui = d.top, d.app.ui
    assert isinstance(pause, PauseScreen)
    undo = next(b for b in pause.focus.buttons if b.note)  # nothing chosen yet
    assert undo.note == ui.t("undo_none") and undo.note in d.app.text.rendered
    assert undo.height_for(undo.rect.width, ui) <= undo.rect.height
