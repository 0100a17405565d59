"""W016: a scene's or ending's ``image:`` that the game could not show.

The file is looked up as the game does, relative to the scenario file's folder, and read
with the same bounds as a scenario (regular files only, at most ``MAX_IMAGE_BYTES``). PNG
and JPEG are recognised by their signature; SVG must be well-formed XML with an ``<svg>``
root. An image file is untrusted input like the scenario: XML that declares entities is
refused before it is parsed (no entity expansion, no external references), and only the
standard library is used, so ``engine`` stays free of pygame.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from .diagnostics import DiagnosticCollector
from .model import Scenario
from .sourcefile import FileRefused, read_source
from .yamlsource import YMap

MAX_IMAGE_BYTES = 8 * 2**20  # a scene picture is tens of kilobytes (SVG) or a few hundred (PNG)
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
MISSING = "does not exist"
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
WHERE = ("images are looked up relative to the scenario file's folder: 'image: images/NAME.svg' "
         "is the file images/NAME.svg beside the scenario")
REMAKE = "save or export the picture again as SVG, PNG or JPEG"


def image_problem(path: Path) -> str | None:
    """Why the game could not show the image at ``path``, or None if it can."""
    try:
        if not path.exists():
            return MISSING
    except (OSError, ValueError) as exc:  # a name too long for the system, a NUL byte
        return f"cannot be read: {getattr(exc, 'strerror', None) or exc}"
    try:
        raw = read_source(str(path), MAX_IMAGE_BYTES)
    except FileRefused as exc:
        return f"cannot be read: {exc.reason}"
    if raw.startswith(PNG) or raw.startswith(JPEG):
        return None
    if path.suffix.lower() in (".png", ".jpg", ".jpeg"):
        return f"is not a {path.suffix[1:].upper()} file (its first bytes are not a " \
               f"{'PNG' if path.suffix.lower() == '.png' else 'JPEG'} signature)"
    return svg_problem(raw)


def svg_problem(raw: bytes) -> str | None:
    if _ENTITY.search(raw):
        return "is SVG that declares XML entities, which are not read"
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        line, col = exc.position
        return f"is neither PNG, JPEG nor well-formed SVG (XML error at {line}:{col + 1})"
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return f"is XML, but its root element is <{root.tag.rsplit('}', 1)[-1]}>, not <svg>"
    return None


def resolve(name: str, scenario_path: str) -> Path:
    """Where the game looks for ``name``: relative to the scenario file's folder."""
    p = Path(name)
    if p.is_absolute():
        return p
    base = Path(scenario_path).resolve().parent if scenario_path else Path.cwd()
    return base / p


def run(scenario: Scenario, collector: DiagnosticCollector, doc: YMap) -> None:
    if not scenario.path or scenario.path.startswith("<"):
        return  # text without a file (an editor buffer, a test): nothing to look beside
    nodes = [("scenes", sid, "scene", s.image) for sid, s in scenario.scenes.items()]
    nodes += [("endings", eid, "ending", e.image) for eid, e in scenario.endings.items()]
    seen: dict[Path, str | None] = {}
    for group, nid, what, name in nodes:
        if not name:
            continue
        path = resolve(name, scenario.path)
        if path not in seen:
            seen[path] = image_problem(path)
        problem = seen[path]
        if problem is not None:
            collector.warn("W016", f"{what} '{nid}' image '{name}' {problem}",
                        _image_at(doc, group, nid),
                        WHERE if problem.startswith(MISSING) else REMAKE)


def _image_at(doc: YMap, group: str, nid: str):
    nodes = doc.get(group) if isinstance(doc, YMap) else None
    body = nodes.get(nid) if isinstance(nodes, YMap) else None
    return body.at("image") if isinstance(body, YMap) else (0, 0)
