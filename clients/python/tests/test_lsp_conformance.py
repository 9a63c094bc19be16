"""End-to-end LSP conformance with pytest-lsp (pygls + lsprotocol) as the client: lsprotocol checks every
message against the LSP types, and pytest-lsp's checks flag specification violations."""

from __future__ import annotations

import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from kol_testing import DEMO, engine_path

TEXT = DEMO.read_text(encoding="utf-8")
INJECTED = TEXT.replace('"stars": 3,', '"stars": 7,', 1)
STARS_LINE = next(n for n, line in enumerate(INJECTED.splitlines()) if '"stars": 7,' in line)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[str(engine_path()), "--lsp"]))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    root = tmp_path_factory.mktemp("lsp")
    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="lsp")],
    )
    result = await lsp_client.initialize_session(params)
    lsp_client.test_root = root
    lsp_client.init_result = result
    yield
    await lsp_client.shutdown_session()


def open_document(client: LanguageClient, text: str, name: str = "shop.kol.json") -> str:
    uri = (client.test_root / name).as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="json", version=1, text=text)))
    return uri


async def diagnostics_for(client: LanguageClient, uri: str, version: int):
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri and params.version == version:
            return data_quality(params.diagnostics)


def data_quality(diagnostics):
    """The data-quality diagnostics only: red flags (protocol.md §7.7) carry `data.evidence`."""
    return [d for d in diagnostics if not (isinstance(d.data, dict) and "evidence" in d.data)]


@pytest.mark.asyncio
async def test_initialize_result_is_well_typed(client: LanguageClient):
    result = client.init_result
    assert result.server_info.name == "kol-engine"
    capabilities = result.capabilities
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.document_symbol_provider is True


@pytest.mark.asyncio
async def test_open_publishes_diagnostics_with_range_code_and_version(client: LanguageClient):
    uri = open_document(client, INJECTED)
    [diagnostic] = await diagnostics_for(client, uri, 1)
    assert diagnostic.code == "stars-out-of-range"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.range.start.line == STARS_LINE
    column = INJECTED.splitlines()[STARS_LINE].index("7")
    assert (diagnostic.range.start.character, diagnostic.range.end.character) == (column, column + 1)
    assert diagnostic.source == "kol-engine"


@pytest.mark.asyncio
async def test_incremental_change_updates_diagnostics(client: LanguageClient):
    uri = open_document(client, INJECTED)
    await diagnostics_for(client, uri, 1)
    column = INJECTED.splitlines()[STARS_LINE].index("7")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=STARS_LINE, character=column),
                              end=types.Position(line=STARS_LINE, character=column + 1)),
            text="3")]))
    assert list(await diagnostics_for(client, uri, 2)) == []


@pytest.mark.asyncio
async def test_pull_diagnostics_and_outline(client: LanguageClient):
    uri = open_document(client, INJECTED)
    await diagnostics_for(client, uri, 1)
    report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [item.code for item in data_quality(report.items)] == ["stars-out-of-range"]
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [symbol.name for symbol in symbols][:3] == ["Brief", "西湖边的阿萌", "苏州小满的慢日子"]
    assert len(symbols) == 15
    assert symbols[1].kind == types.SymbolKind.Object and symbols[1].detail == "★? · 280000 followers"  # invalid stars are unknown, not 7


@pytest.mark.asyncio
async def test_unrelated_documents_are_ignored(client: LanguageClient):
    uri = (client.test_root / "notes.json").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="json", version=1, text="{not json")))
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert not symbols
    assert uri not in client.diagnostics
