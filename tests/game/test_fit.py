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
from weerbaar.game.widgets import Button

from ..conftest import read_on
from .conftest import ROOT

SIZES = [(1280, 720), (1920, 1080), (1024, 768)]
SHIPPED = sorted(p for p in (ROOT / "scenarios").glob("*.yaml")
                 if not p.name.endswith(".transcripts.yaml"))
NORMAL, LARGE = 1, 2
LARGE_MOST = 4  # the most options of one decision that are sure to fit at large text


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
    """The room below the top bar when the scene has a timer (the least there is)."""
    main = play.main.copy()
    if play.timer is None:
        t = ui.theme
        main.height -= ui.text.line_height(t.small) + t.px(10)
    return main


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", [NORMAL, LARGE], ids=["normal", "large"])
def test_every_choice_of_every_decision_is_in_view(driver, size, step):
    for path in SHIPPED:
        d, play = open_play(driver, path, size, step)
        ui = d.app.ui
        t = ui.theme
        main = smallest_main(play, ui)
        sc = play.scenario
        for sid, sets in sorted(offered_sets(path).items()):
            ids = max(sets, key=lambda ids: sum(len(sc.scenes[sid].choice(c).text.get("nl"))
                                                 for c in ids))  # the most text at once
            buttons = [Button(sc.scenes[sid].choice(c).text.get("nl"), "choice", number=i + 1)
                       for i, c in enumerate(ids)]
            plan = plan_choices(ui, buttons, main, ui.text.line_height(t.small) + t.px(8))
            if step == LARGE and len(buttons) > LARGE_MOST:
                # a known limit (docs/frontend.md): five two-line options at large text do not
                # fit under the header; they scroll in their own column
                continue
            assert plan.fits, f"{path.stem}/{sid}: options below the fold at {size}, {step}"
            window = pygame.Rect(0, 0, *size)
            for b, r in plan.places:
                assert window.contains(r.move(plan.area.topleft))
                assert b.height_for(r.width, ui) <= r.height
            assert window.contains(plan.card) and plan.card.height >= 2 * ui.text.line_height(t.body)
        d.app.close()


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
