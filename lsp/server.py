"""The pygls server: LSP requests in, answers from the checker and the index out."""
from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ..cli import version
from ..engine import check_file, check_text
from ..engine.transcriptcheck import check_transcripts_text, is_transcripts, scenario_beside

from . import completion, navigation, transcripts
from .findings import findings
from .index import Index, build
from .ranges import to_lsp
from .units import from_client, to_client

_SCENARIO_KEY = re.compile(r"^(format|scenes):", re.MULTILINE)


class ScenarioServer(LanguageServer):
    """Keeps the last readable index of each open file, so that navigation keeps working
    while a half-typed line makes the YAML unreadable; explores on open and save in a
    worker thread, so that typing never waits for it."""

    def __init__(self):
        super().__init__("weerbaar", version(), text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.indexes: dict[str, Index] = {}
        self.explorer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="explore")

    def refresh(self, uri: str):
        """Check the document and publish; return what exploring it needs, if it loads."""
        doc = self.workspace.get_text_document(uri)
        source = doc.source
        path = to_fs_path(uri) or uri
        if not (is_scenario(source) or is_transcripts(path)):
            return None
        scenario, diagnostics = lint_source(source, path)
        lines = source.splitlines()
        checked = to_client(doc, [to_lsp(d, lines) for d in diagnostics])
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=doc.version, diagnostics=checked))
        index = build(source)
        if index is not None:
            self.indexes[uri] = index
        if scenario is None or index is None:
            return None
        return doc.version, scenario, index, checked

    async def refresh_and_explore(self, uri: str) -> None:
        job = self.refresh(uri)
        if job is None:
            return
        version, scenario, index, checked = job
        found = await asyncio.get_running_loop().run_in_executor(
            self.explorer, findings, scenario, index)
        doc = self.workspace.get_text_document(uri)
        if found and doc.version == version:  # not stale
            found = to_client(doc, found)
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=checked + found))

    def index(self, uri: str) -> Index | None:
        return self.indexes.get(uri)

    def at(self, params):
        """The document, its index and the cursor in code points, for a request."""
        doc = self.workspace.get_text_document(params.text_document.uri)
        return doc, self.indexes.get(params.text_document.uri), from_client(doc, params.position)


def is_scenario(source: str) -> bool:
    """Editors start the server for every YAML file; other YAML files are left alone."""
    return bool(_SCENARIO_KEY.search(source))


def lint_source(source: str, path: str):
    """The diagnostics ``weerbaar lint`` gives for this text (transcripts files included)."""
    if is_transcripts(path):
        scenario, _ = check_file(str(scenario_beside(path)))
        return None, check_transcripts_text(source, path, scenario)
    return check_text(source, path)


server = ScenarioServer()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: ScenarioServer, params: lsp.DidOpenTextDocumentParams):
    await ls.refresh_and_explore(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ScenarioServer, params: lsp.DidChangeTextDocumentParams):
    ls.refresh(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: ScenarioServer, params: lsp.DidSaveTextDocumentParams):
    await ls.refresh_and_explore(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ScenarioServer, params: lsp.DidCloseTextDocumentParams):
    ls.indexes.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(
        lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION,
                lsp.CompletionOptions(trigger_characters=[":", " ", "(", ",", "[", "{"]))
def complete(ls: ScenarioServer, params: lsp.CompletionParams):
    doc, index, pos = ls.at(params)
    if is_transcripts(doc.uri):  # the scenario's keys and ids mean nothing there
        return lsp.CompletionList(is_incomplete=False, items=[])
    return lsp.CompletionList(is_incomplete=False,
                              items=completion.complete(index, doc.source.splitlines(), pos))


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
def definition(ls: ScenarioServer, params: lsp.DefinitionParams):
    doc, index, pos = ls.at(params)
    return to_client(doc, navigation.definition(index, doc.uri, pos)) if index else None


@server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
def references(ls: ScenarioServer, params: lsp.ReferenceParams):
    doc, index, pos = ls.at(params)
    if index is None:
        return []
    return to_client(doc, navigation.references(index, doc.uri, pos,
                                                params.context.include_declaration))


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: ScenarioServer, params: lsp.HoverParams):
    doc, index, pos = ls.at(params)
    return to_client(doc, navigation.hover(index, pos)) if index else None


@server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: ScenarioServer, params: lsp.PrepareRenameParams):
    doc, index, pos = ls.at(params)
    return to_client(doc, navigation.rename_check(index, pos)) if index else None


@server.feature(lsp.TEXT_DOCUMENT_RENAME)
def rename(ls: ScenarioServer, params: lsp.RenameParams):
    doc, index, pos = ls.at(params)
    uri = doc.uri
    if index is None:
        return None
    try:
        edits = to_client(doc, navigation.rename_edits(index, pos, params.new_name))
    except ValueError as exc:  # an invalid or taken name: the editor shows the message
        raise JsonRpcInvalidParams(str(exc)) from None
    if not edits:
        return None
    changes = {uri: edits}
    target = navigation.renamed(index, pos)
    path = to_fs_path(uri)
    beside = transcripts.beside(path) if path and not is_transcripts(path) else None
    if beside is not None:  # the transcripts name the same ids: rename them there too
        t_uri = beside.as_uri()
        t_doc = ls.workspace.get_text_document(t_uri)
        t_edits = to_client(t_doc, navigation.edits_for(
            transcripts.spots(t_doc.source, target.kind, target.name), params.new_name))
        if t_edits:
            changes[t_uri] = t_edits
    return lsp.WorkspaceEdit(changes=changes)


@server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(ls: ScenarioServer, params: lsp.DocumentSymbolParams):
    doc = ls.workspace.get_text_document(params.text_document.uri)
    index = ls.index(doc.uri)
    if index is None:
        return []
    return to_client(doc, navigation.symbols(index, len(doc.lines)))


def serve() -> int:
    server.start_io()
    return 0
