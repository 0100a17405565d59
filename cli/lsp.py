"""``weerbaar lsp``: the language server for scenario files, on standard input/output."""
from __future__ import annotations


def add_parser(sub, name):
    p = sub.add_parser(name, help="language server for editors (LSP on standard input/output)")
    p.add_argument("--stdio", action="store_true",
                   help="accepted for editors that pass it; standard input/output is the default")


def run(args) -> int:
    from ..lsp.server import serve  # pygls loads only for this command
    return serve()
