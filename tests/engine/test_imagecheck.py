"""W016: an ``image:`` that the game could not show is a warning at the image's value, for
scenes and endings, with what is wrong and a hint; checked with the standard library."""
from __future__ import annotations

import os

import pytest

from weerbaar.engine import check_file, check_text

SCENARIO = """format: 1
id: demo
title: Demo
languages: [nl]
start: begin
scenes:
  begin:
    text: "Maandagochtend."
    image: {scene}
    next:
      - goto: einde
endings:
  einde:
    title: Einde
    text: Klaar
    image: {ending}
    debrief_questions: ["Wat nu?"]
"""
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9"/></svg>'
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32


def lint(tmp_path, scene="images/a.svg", ending="images/b.png", files=None):
    (tmp_path / "images").mkdir(exist_ok=True)
    for name, content in (files or {}).items():
        (tmp_path / name).write_bytes(content)
    path = tmp_path / "demo.yaml"
    path.write_text(SCENARIO.format(scene=scene, ending=ending), encoding="utf-8")
    _, diagnostics = check_file(str(path))
    return [d for d in diagnostics if d.code == "W016"]


def test_readable_svg_png_and_jpeg_pass(tmp_path):
    assert lint(tmp_path, files={"images/a.svg": SVG, "images/b.png": PNG}) == []
    assert lint(tmp_path, ending="images/c.jpg", files={"images/c.jpg": JPEG}) == []


def test_a_missing_file_is_reported_at_the_image_value_of_scene_and_ending(tmp_path):
    found = lint(tmp_path)
    assert [(d.line, d.column) for d in found] == [(9, 12), (16, 12)]
    assert "scene 'begin' image 'images/a.svg' does not exist" in found[0].message
    assert "ending 'einde' image 'images/b.png' does not exist" in found[1].message
    assert "relative to the scenario file's folder" in found[0].hint


@pytest.mark.parametrize("content, says", [
    (b"<svg><g></svg>", "neither PNG, JPEG nor well-formed SVG (XML error at 1:"),
    (b"", "neither PNG, JPEG nor well-formed SVG"),
    (b"<html><body/></html>", "its root element is <html>, not <svg>"),
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
     b"<svg>&b;</svg>", "declares XML entities"),
])
def test_a_broken_svg_says_what_is_wrong(tmp_path, content, says):
    found = lint(tmp_path, files={"images/a.svg": content, "images/b.png": PNG})
    assert len(found) == 1 and says in found[0].message, found
    assert "export the picture again" in found[0].hint


def test_a_png_that_is_not_a_png(tmp_path):
    found = lint(tmp_path, files={"images/a.svg": SVG, "images/b.png": SVG})
    assert len(found) == 1 and "is not a PNG file" in found[0].message


def test_a_folder_is_not_an_image(tmp_path):
    found = lint(tmp_path, scene="images", files={"images/b.png": PNG})
    assert len(found) == 1 and "it is a folder" in found[0].message


def test_one_file_named_twice_is_read_once_and_reported_twice(tmp_path):
    found = lint(tmp_path, scene="images/x.svg", ending="images/x.svg")
    assert len(found) == 2


def test_text_without_a_file_is_not_checked_for_images():
    _, diagnostics = check_text(SCENARIO.format(scene="images/a.svg", ending="b.png"), "<stdin>")
    assert not [d for d in diagnostics if d.code == "W016"]


def test_an_svg_with_the_w3c_doctype_is_read_without_fetching_it(tmp_path):
    """Illustrator and old Inkscape files name the SVG 1.1 DTD; it is not fetched."""
    svg = (b'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
           b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' + SVG)
    assert lint(tmp_path, files={"images/a.svg": svg, "images/b.png": PNG}) == []


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_before_it_is_read(tmp_path):
    found = lint(tmp_path, scene="/dev/zero", files={"images/b.png": PNG})
    assert len(found) == 1 and "it is a device" in found[0].message


@pytest.mark.parametrize("name, says", [
    ("images/" + "x" * 5000 + ".svg", "cannot be read"),
    ('"images/a\\0b.svg"', "does not exist"),  # pathlib: no file has a NUL in its name
], ids=["name too long", "NUL byte"])
def test_a_name_the_system_refuses_is_a_warning_not_a_crash(tmp_path, name, says):
    found = lint(tmp_path, scene=name, files={"images/b.png": PNG})
    assert len(found) == 1 and says in found[0].message, found
