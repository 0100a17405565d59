"""Terminal output that never crashes on a character the terminal cannot show.

On Windows, or when output is redirected with an encoding such as cp1252, "→" and other
characters Weerbaar prints cannot be encoded; Python then stops with a traceback. The
streams are switched to an error handler that writes a plain look-alike instead
("→" becomes "->"), and "?" for anything else.
"""
from __future__ import annotations

import codecs
import sys

HANDLER = "weerbaar-degrade"
LOOK_ALIKES = {"→": "->", "←": "<-", "↔": "<->", "−": "-", "–": "-", "—": "--", "…": "...",
               "‘": "'", "’": "'", "“": '"', "”": '"', "•": "*", "·": "*", "✓": "v",
               "✗": "x", "×": "x", "≥": ">=", "≤": "<=", "█": "#", "▏": "|", "░": ".",
               "\u00a0": " ", "\u202f": " "}


def _degrade(error: UnicodeEncodeError):
    bad = error.object[error.start:error.end]
    return "".join(LOOK_ALIKES.get(ch, "?") for ch in bad), error.end


codecs.register_error(HANDLER, _degrade)


def degrade_unencodable(*streams) -> None:
    """Give streams whose encoding is not Unicode the look-alike error handler."""
    for stream in streams or (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        if codecs.lookup(encoding).name.startswith("utf") or not hasattr(stream, "reconfigure"):
            continue
        stream.reconfigure(errors=HANDLER)
