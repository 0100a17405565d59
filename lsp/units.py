"""Positions between the server (code points, as the checker counts) and the editor.

Editors count columns in UTF-16 units by default: an emoji before a place on a line counts
two there and one here. Incoming positions are converted once, outgoing ranges on the way
out, with the codec pygls negotiated with the editor.
"""
from __future__ import annotations

from lsprotocol import types as lsp


def from_client(doc, position: lsp.Position) -> lsp.Position:
    p = doc.position_from_client_units(position)
    return lsp.Position(p.line, p.character)


def to_client(doc, value):
    """Convert every range in ``value`` (a range, a list, or objects that hold ranges)."""
    if value is None:
        return None
    if isinstance(value, lsp.Range):
        return doc.range_to_client_units(value)
    if isinstance(value, list):
        for item in value:
            to_client(doc, item)
        return value
    for attr in ("range", "selection_range"):
        if isinstance(getattr(value, attr, None), lsp.Range):
            setattr(value, attr, doc.range_to_client_units(getattr(value, attr)))
    for child in getattr(value, "children", None) or ():
        to_client(doc, child)
    return value
