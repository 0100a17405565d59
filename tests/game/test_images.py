"""Scene pictures: every ``image:`` of the shipped scenarios exists, is licensed beside it and
loads in the game at the situation column of 1280×720 and 1920×1080; SVG is rasterised at
the size it is drawn (not scaled from a small bitmap); a broken or missing picture is
nothing worse than a message."""
from __future__ import annotations

import os
import re

import pygame
import pytest

from weerbaar.engine import load_scenario
from weerbaar.engine.imagecheck import image_problem
from weerbaar.game.images import ImageStore
from weerbaar.game.screens.play import PlayScreen

from .conftest import ROOT

SHIPPED = sorted(p for p in (ROOT / "scenarios").glob("*.yaml")
                 if not p.name.endswith(".transcripts.yaml"))
IMAGES = ROOT / "scenarios" / "images"
SIZES = [(1280, 720), (1920, 1080)]
PICTURED = ("burgemeester", "clientelisme", "desinformatie", "intimidatie", "raadslid")


def named_images() -> dict[str, list[tuple[str, str]]]:
    """scenario file name -> (node id, image) for every scene and ending with a picture."""
    out = {}
    for path in SHIPPED:
        sc = load_scenario(str(path))
        nodes = [*sc.scenes.items(), *sc.endings.items()]
        out[path.name] = [(nid, n.image) for nid, n in nodes if n.image]
    return out


NAMED = named_images()


def test_the_five_scenarios_have_pictures_for_their_key_scenes():
    for name in PICTURED:
        scenario = load_scenario(str(ROOT / "scenarios" / f"{name}.yaml"))
        pictured = dict(NAMED[f"{name}.yaml"])
        assert 3 <= len(pictured) <= 6, (name, pictured)
        assert scenario.start in pictured, f"{name}: the opening scene has no picture"


def test_every_named_image_exists_and_is_a_readable_svg():
    for name, images in NAMED.items():
        for nid, image in images:
            path = ROOT / "scenarios" / image
            assert image.startswith("images/") and path.suffix == ".svg", (name, nid, image)
            assert image_problem(path) is None, (name, nid, image, image_problem(path))


def test_every_picture_is_used_and_listed_in_the_licence_readme():
    used = {image.removeprefix("images/") for images in NAMED.values() for _, image in images}
    files = {p.name for p in IMAGES.glob("*.svg")}
    assert used == files, (sorted(files - used), sorted(used - files))
    readme = (IMAGES / "README.md").read_text(encoding="utf-8")
    assert "CC0 1.0" in readme and (IMAGES / "CC0-1.0.txt").is_file()
    listed = set(re.findall(r"^\| `([a-z0-9-]+\.svg)` \|", readme, re.M))
    assert listed == files, sorted(files ^ listed)


def test_pictures_hold_no_text_and_nothing_the_renderer_drops():
    """No words (they serve nl and en alike) and only what nanosvg draws."""
    for path in IMAGES.glob("*.svg"):
        svg = path.read_text(encoding="utf-8")
        for tag in ("<text", "<use", "<image", "clip-path", "<mask", "<filter", "<style"):
            assert tag not in svg, (path.name, tag)
        assert re.search(r'viewBox="0 0 960 540"', svg), path.name  # 16:9


def column_size(play: PlayScreen) -> tuple[int, int]:
    """The picture's room in the situation column, as the scene view asks for it."""
    t = play.app.ui.theme
    inner = play.card.inflate(-2 * t.px(26), -2 * t.px(22))
    return inner.width - t.px(14), max(t.px(120), int(inner.height * 0.45))


class Recording(ImageStore):
    def __init__(self):
        super().__init__()
        self.loads = []

    def load(self, name, scenario_path, max_size):
        img = super().load(name, scenario_path, max_size)
        self.loads.append((name, tuple(max_size), img))
        return img


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_picture_loads_at_the_situation_columns_size(driver, size):
    for name in PICTURED:
        path = ROOT / "scenarios" / f"{name}.yaml"
        d = driver(path, size=size)
        d.app.images = store = Recording()
        play = d.app.find(PlayScreen)
        play.layout(d.app.ui)
        assert store.loads, f"{name}: the opening scene did not ask for its picture"
        shown, max_size, img = store.loads[-1]
        assert shown == dict(NAMED[path.name])[load_scenario(str(path)).start]
        assert max_size == column_size(play)
        assert img is not None
        w, h = img.get_size()
        assert w <= max_size[0] and h <= max_size[1]
        assert w == max_size[0] or h == max_size[1]  # fills the room one way: drawn at size
        assert abs(w / h - 16 / 9) < 0.02
        for _, image in NAMED[path.name]:
            other = store.load(image, str(path), max_size)
            assert other is not None and other.get_size() == (w, h), image


def test_svg_is_rasterised_at_the_asked_size_not_scaled():
    store = ImageStore()
    svg = "images/raadzaal.svg"
    where = str(ROOT / "scenarios" / "desinformatie.yaml")
    small = store.load(svg, where, (320, 180))
    large = store.load(svg, where, (1920, 1080))  # twice the drawing's own 960×540
    assert small.get_size() == (320, 180) and large.get_size() == (1920, 1080)
    # sharp: a hard edge stays one or two pixels wide; an enlarged bitmap would blur it
    scaled = pygame.transform.smoothscale(small, (1920, 1080))
    assert blurred_pixels(scaled) > 2 * blurred_pixels(large)
    assert store.load(svg, where, (320, 180)) is small  # cached per size


def blurred_pixels(surface) -> int:
    """Pixels on a few rows that differ from both neighbours: the width of the edges."""
    count = 0
    for y in range(surface.get_height() // 8, surface.get_height(), surface.get_height() // 8):
        run = [tuple(surface.get_at((x, y)))[:3] for x in range(surface.get_width())]
        count += sum(1 for a, b, c in zip(run, run[1:], run[2:]) if a != b != c)
    return count


def test_a_bitmap_is_never_enlarged(tmp_path):
    img = pygame.Surface((200, 100))
    img.fill((20, 120, 60))
    pygame.image.save(img, str(tmp_path / "foto.png"))
    store = ImageStore()
    assert store.load("foto.png", str(tmp_path / "x.yaml"), (800, 800)).get_size() == (200, 100)
    assert store.load("foto.png", str(tmp_path / "x.yaml"), (100, 100)).get_size() == (100, 50)


@pytest.mark.parametrize("content", [b"", b"<svg><g></svg>", b"not an image at all",
                                     b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1'])
def test_a_broken_picture_is_none_not_a_crash(tmp_path, content):
    (tmp_path / "kapot.svg").write_bytes(content)
    (tmp_path / "kapot.png").write_bytes(content)
    store = ImageStore()
    for name in ("kapot.svg", "kapot.png", "bestaat-niet.svg"):
        assert store.load(name, str(tmp_path / "x.yaml"), (640, 360)) is None


def test_a_folder_or_a_pipe_is_not_read(tmp_path):
    (tmp_path / "map.svg").mkdir()
    store = ImageStore()
    assert store.load("map.svg", str(tmp_path / "x.yaml"), (640, 360)) is None
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pijp.svg")   # reading it would wait for a writer for ever
        assert store.load("pijp.svg", str(tmp_path / "x.yaml"), (640, 360)) is None


def test_high_contrast_frames_the_picture_in_white(driver, config_dir):
    path = ROOT / "scenarios" / "desinformatie.yaml"  # a message scene: the picture on top
    d = driver(path, size=(1280, 720))
    d.app.set_settings(d.app.settings.__class__(high_contrast=True))
    d.step()
    play = d.app.find(PlayScreen)
    surf = play.content.content
    assert surf.get_at((0, 0))[:3] == (0, 0, 0)
    img = d.app.images.load("images/groepsapp-gerucht.svg", str(path), column_size(play))
    left = (surf.get_width() - img.get_width()) // 2
    frame_top = next(y for y in range(surf.get_height())
                     if tuple(surf.get_at((left + img.get_width() // 2, y)))[:3] != (0, 0, 0))
    assert tuple(surf.get_at((left + img.get_width() // 2, frame_top)))[:3] == (255, 255, 255)
    assert tuple(surf.get_at((left, frame_top + img.get_height() // 2)))[:3] == (255, 255, 255)


def test_an_ending_shows_its_picture(driver, tmp_path):
    from .conftest import SHOWCASE
    from weerbaar.game.screens.ending import EndingScreen
    text = SHOWCASE.read_text(encoding="utf-8").replace(
        "    tone: good\n", "    tone: good\n    image: images/raadzaal.svg\n", 1)
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "raadzaal.svg").write_bytes((IMAGES / "raadzaal.svg").read_bytes())
    path = tmp_path / "showcase.yaml"
    path.write_text(text, encoding="utf-8")
    d = driver(path)
    d.app.images = store = Recording()
    for key in (pygame.K_1, pygame.K_RETURN, pygame.K_1, pygame.K_RETURN, pygame.K_RETURN,
                pygame.K_1, pygame.K_RETURN, pygame.K_RETURN):  # the way to 'goed'
        d.key(key)
    assert isinstance(d.top, EndingScreen)
    shown = [(name, img) for name, _, img in store.loads if name == "images/raadzaal.svg"]
    assert shown and shown[-1][1] is not None
    assert shown[-1][1].get_width() <= d.top.left_rect.width


@pytest.mark.parametrize("name", ["x" * 5000 + ".svg", "a\0b.svg"], ids=["too long", "NUL"])
def test_a_name_the_system_refuses_is_none_not_a_crash(tmp_path, name):
    assert ImageStore().load(name, str(tmp_path / "x.yaml"), (640, 360)) is None
