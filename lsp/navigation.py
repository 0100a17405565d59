"""Go to definition, find references, rename, hover and the outline, from an ``Index``."""
from __future__ import annotations

from lsprotocol import types as lsp

from ..engine.readers import NAME_RE, RESERVED
from ..engine.yamlsource import YList, YMap

from .index import Index, Spot
from .ranges import spot_range

RENAMEABLE = ("scene", "ending", "meter", "flag", "character")
HOVER_LINES = 3


def _target(index: Index, pos: lsp.Position) -> Spot | None:
    spot = index.at(pos.line + 1, pos.character + 1)
    if spot is None:
        return None
    return index.definitions.get((spot.kind, spot.name), spot)


def _location(uri: str, spot: Spot) -> lsp.Location:
    return lsp.Location(uri, spot_range(spot.line, spot.column, len(spot.name)))


def definition(index: Index, uri: str, pos: lsp.Position) -> lsp.Location | None:
    spot = index.at(pos.line + 1, pos.character + 1)
    if spot is None:
        return None
    target = index.definitions.get((spot.kind, spot.name))
    return _location(uri, target) if target else None


def references(index: Index, uri: str, pos: lsp.Position, declaration: bool) -> list[lsp.Location]:
    spot = _target(index, pos)
    if spot is None:
        return []
    found = index.uses_of(spot.kind, spot.name)
    definition_spot = index.definitions.get((spot.kind, spot.name))
    if declaration and definition_spot:
        found = [definition_spot, *found]
    return [_location(uri, s) for s in found]


def rename_check(index: Index, pos: lsp.Position) -> lsp.Range | None:
    spot = _target(index, pos)
    if spot is None or spot.kind not in RENAMEABLE or (spot.kind, spot.name) not in index.definitions:
        return None
    here = index.at(pos.line + 1, pos.character + 1)
    return spot_range(here.line, here.column, len(here.name))


def renamed(index: Index, pos: lsp.Position) -> Spot | None:
    """The definition a rename at ``pos`` would change, if it can be renamed."""
    spot = _target(index, pos)
    if spot is None or spot.kind not in RENAMEABLE or (spot.kind, spot.name) not in index.definitions:
        return None
    return index.definitions[(spot.kind, spot.name)]


def edits_for(spots: list[Spot], new_name: str) -> list[lsp.TextEdit]:
    return [lsp.TextEdit(spot_range(s.line, s.column, len(s.name)), new_name) for s in spots]


def rename_edits(index: Index, pos: lsp.Position, new_name: str) -> list[lsp.TextEdit] | None:
    """Text edits that rename the id under the cursor everywhere in the file.

    Raises ValueError with a message for the editor when the new name cannot be an id or is
    taken already (a rename must not merge two scenes or meters into one).
    """
    spot = _target(index, pos)
    if spot is None or spot.kind not in RENAMEABLE or (spot.kind, spot.name) not in index.definitions:
        return None
    if not NAME_RE.match(new_name) or new_name in RESERVED:
        raise ValueError(f"'{new_name}' is not a valid id: use letters, digits and '_', "
                         "starting with a letter")
    taken = index.kind_of(new_name)
    shared = {"scene": ("scene", "ending"), "ending": ("scene", "ending"),
              "meter": ("meter", "flag"), "flag": ("meter", "flag")}.get(spot.kind, (spot.kind,))
    if taken in shared and new_name != spot.name:
        raise ValueError(f"'{new_name}' is already a {taken} in this file")
    spots = [index.definitions[(spot.kind, spot.name)], *index.uses_of(spot.kind, spot.name)]
    return edits_for(spots, new_name)


# ---- hover -------------------------------------------------------------------------------

def first_text(value, lang: str) -> str:
    """The text an author wrote for ``lang``: plain, per language, or the last variant's."""
    if isinstance(value, YList) and value:
        value = value[-1]
    if isinstance(value, YMap):
        value = value.get(lang, next((v for k, v in value.items() if k != "if"), ""))
    return value if isinstance(value, str) else ""


def _excerpt(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    words = " ".join(lines).split()
    short = " ".join(words[:40])
    return short + (" …" if len(words) > 40 else "")


def _languages(doc: YMap) -> str:
    langs = doc.get("languages")
    return langs[0] if isinstance(langs, YList) and langs and isinstance(langs[0], str) else "nl"


def hover(index: Index, pos: lsp.Position) -> lsp.Hover | None:
    here = index.at(pos.line + 1, pos.character + 1)
    if here is None or index.doc is None:
        return None
    body = _body(index.doc, here.kind, here.name)
    lang = _languages(index.doc)
    uses = index.uses_of(here.kind, here.name)
    if here.kind in ("scene", "ending"):
        parts = [f"**{here.kind} `{here.name}`**"]
        if isinstance(body, YMap) and "title" in body:
            parts[0] += f" — {first_text(body['title'], lang)}"
        if isinstance(body, YMap):
            parts.append(_excerpt(first_text(body.get("text"), lang)))
        leads = [u.role for u in uses if not u.role.startswith("'if'")]
        parts.append("Reached from: " + ("; ".join(leads) if leads else "nowhere"))
    elif here.kind == "meter":
        parts = [_meter_summary(here.name, body, lang)]
        changes = [u.role for u in uses if not u.role.startswith("'if'")]
        parts.append("Changed by: " + ("; ".join(changes) if changes else "nothing"))
    elif here.kind == "flag":
        parts = [f"**flag `{here.name}`**"]
        changes = [u.role for u in uses if not u.role.startswith("'if'")]
        parts.append("Set or cleared by: " + ("; ".join(changes) if changes else "nothing"))
    else:
        name = first_text(body.get("name"), lang) if isinstance(body, YMap) else ""
        role = first_text(body.get("role"), lang) if isinstance(body, YMap) else ""
        parts = [f"**character `{here.name}`** — {name}" + (f", {role}" if role else "")]
    return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, "\n\n".join(p for p in parts if p)),
                     spot_range(here.line, here.column, len(here.name)))


def _meter_summary(name: str, body, lang: str) -> str:
    if not isinstance(body, YMap):
        return f"**meter `{name}`**"
    label = first_text(body.get("label"), lang)
    lo, hi = body.get("min", 0), body.get("max", 100)
    return (f"**meter `{name}`** — {label}: range {lo}..{hi}, starts at {body.get('start')}, "
            f"{body.get('good', 'high')} is good")


def _body(doc: YMap, kind: str, name: str):
    section = {"scene": "scenes", "ending": "endings", "meter": "meters",
               "character": "characters"}.get(kind)
    m = doc.get(section) if section else None
    return m.get(name) if isinstance(m, YMap) else None


# ---- outline -----------------------------------------------------------------------------

def symbols(index: Index, line_count: int) -> list[lsp.DocumentSymbol]:
    """Scenes (with their choices) and endings, in file order."""
    doc = index.doc
    out = []
    for section, kind, symbol_kind in (("scenes", "scene", lsp.SymbolKind.Class),
                                       ("endings", "ending", lsp.SymbolKind.Event)):
        m = doc.get(section) if doc is not None else None
        if not isinstance(m, YMap):
            continue
        starts = [m.key_at(k)[0] for k in m]
        for i, (name, body) in enumerate(m.items()):
            line, col = m.key_at(name)
            last = starts[i + 1] - 1 if i + 1 < len(starts) else _section_end(doc, section, line_count)
            full = lsp.Range(lsp.Position(line - 1, 0), lsp.Position(max(last - 1, line - 1), 0))
            out.append(lsp.DocumentSymbol(
                name=str(name), detail=kind, kind=symbol_kind, range=full,
                selection_range=spot_range(line, col, len(str(name))),
                children=_choice_symbols(body, full)))
    return out


def _section_end(doc: YMap, section: str, line_count: int) -> int:
    after = [pos[0] for key, pos in doc.key_pos.items() if pos[0] > doc.key_at(section)[0]]
    return min(after) - 1 if after else line_count


def _choice_symbols(body, scene_range: lsp.Range) -> list[lsp.DocumentSymbol]:
    choices = body.get("choices") if isinstance(body, YMap) else None
    out = []
    for i, c in enumerate(choices if isinstance(choices, YList) else ()):
        if not isinstance(c, YMap):
            continue
        line, col = choices.at(i)
        name = str(c.get("id", f"c{i + 1}"))
        r = lsp.Range(lsp.Position(line - 1, col - 1), lsp.Position(line - 1, col - 1))
        out.append(lsp.DocumentSymbol(name=name, detail="choice", kind=lsp.SymbolKind.Method,
                                      range=r, selection_range=r))
    return out
