"""``weerbaar po export|import``: translators' files (gettext PO catalogs) for a scenario.

The catalog of a language lives beside the scenario as ``NAME.LANG.po`` and is read when the
scenario loads (``engine.catalog`` says why it is not written back into the YAML).
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..engine import Severity, catalog, check_file
from ..engine.diagnostics import DiagnosticCollector
from ..engine.yamlsource import read_yaml

from .common import OK, PROBLEMS, USAGE, print_diagnostics


def add_parser(sub, name):
    p = sub.add_parser(name, help="translators' files: export or import a PO catalog")
    po = p.add_subparsers(dest="po_command", metavar="ACTION", required=True)
    ex = po.add_parser("export", help="write a scenario's texts as a PO catalog for translators")
    ex.add_argument("file", metavar="FILE")
    # dest po_lang: the top level's --lang is the interface language, not this one
    ex.add_argument("--lang", dest="po_lang", required=True,
                    help="the language to translate into, e.g. en")
    ex.add_argument("-o", "--output", metavar="OUT",
                    help="where to write it ('-' for standard output; default: FILE.LANG.po "
                    "beside the scenario, keeping the translations it has)")
    im = po.add_parser("import", help="take a translated PO catalog in as FILE.LANG.po")
    im.add_argument("file", metavar="FILE")
    im.add_argument("catalog", metavar="CATALOG")
    im.add_argument("--lang", dest="po_lang",
                    help="its language (default: the catalog's 'Language' header)")


def _document(path: str):
    """The located YAML of a scenario whose only errors are missing translations (the
    translator's file is how they get filled), or None and an exit code."""
    _, diagnostics = check_file(path)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR and d.code != "E016"]
    if errors:
        print_diagnostics(errors)
        return None, USAGE if any(d.code == "E025" for d in errors) else PROBLEMS
    return read_yaml(Path(path).read_text(encoding="utf-8-sig"), DiagnosticCollector(path)), OK


def _check_language(doc, lang: str, path: str) -> bool:
    langs = catalog.languages(doc)
    if lang in langs[1:]:
        return True
    why = "is the source language" if lang == langs[0] else "is not in its languages"
    print(f"{path}: error: '{lang}' {why} ({', '.join(langs)})"
          + ("" if lang == langs[0] else "; add it to 'languages:' first"), file=sys.stderr)
    return False


def run(args) -> int:
    doc, code = _document(args.file)
    if doc is None:
        return code
    return export(args, doc) if args.po_command == "export" else import_(args, doc)


def export(args, doc) -> int:
    if not _check_language(doc, args.po_lang, args.file):
        return USAGE
    beside = catalog.catalog_path(args.file, args.po_lang)
    out = args.output or str(beside)
    previous_path = Path(out) if out != "-" and Path(out).is_file() else beside
    try:
        previous = catalog.read(previous_path) if previous_path.is_file() else None
    except catalog.CatalogError as exc:
        print(f"error: cannot read {exc}", file=sys.stderr)
        return USAGE
    po = catalog.build(doc, args.po_lang, args.file, previous)
    if out == "-":
        sys.stdout.write(str(po) + "\n")
    else:
        po.save(out)
        print(f"{out}: {_counts(po)}")
    return OK


def import_(args, doc) -> int:
    try:
        given = catalog.read(args.catalog)
    except catalog.CatalogError as exc:
        print(f"error: cannot read {exc}", file=sys.stderr)
        return USAGE
    lang = args.po_lang or given.metadata.get("Language", "").strip()
    if not lang:
        print(f"{args.catalog}: error: the catalog names no language (give --lang)", file=sys.stderr)
        return USAGE
    if not _check_language(doc, lang, args.file):
        return USAGE
    po = catalog.build(doc, lang, args.file, given)
    known = {e.msgctxt for e in po}
    dropped = [e for e in given if not e.obsolete and e.msgstr and e.msgctxt not in known]
    target = catalog.catalog_path(args.file, lang)
    po.save(str(target))
    print(f"{target}: {_counts(po)}")
    if dropped:
        print(f"  {len(dropped)} translated entr{'ies' if len(dropped) != 1 else 'y'} of "
              f"{Path(args.catalog).name} name texts the scenario no longer has, e.g. "
              f"'{dropped[0].msgctxt}'; left out")
    return OK


def _counts(po) -> str:
    fuzzy = sum("fuzzy" in e.flags for e in po)
    empty = sum(not e.msgstr for e in po)
    return (f"{len(po)} texts, {len(po) - fuzzy - empty} translated, {fuzzy} to check "
            f"(source changed, marked fuzzy), {empty} untranslated")
