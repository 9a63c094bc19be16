import JSON
import KOLCore
import RPC

/// `textDocument/*` (protocol.md §6): document sync, pull diagnostics, outline.
enum DocumentMethods {
    struct TextDocumentItem: Decodable {
        var uri: String
        var languageId: String?
        var version: Int?
        var text: String
    }

    struct DocumentID: Decodable {
        var uri: String
        var version: Int?
    }

    struct OpenParams: Decodable { var textDocument: TextDocumentItem }
    struct ChangeParams: Decodable {
        var textDocument: DocumentID
        var contentChanges: [TextEdits.Change]
    }
    struct DocumentParams: Decodable { var textDocument: DocumentID }
    struct SaveParams: Decodable {
        var textDocument: DocumentID
        var text: String?
    }

    static func register(on server: Server, _ service: WorkspaceService) {
        let documents = service.documents
        server.registerNotification("textDocument/didOpen", access: .write) { context in
            let item = try context.params(OpenParams.self).textDocument
            documents.open(uri: item.uri, languageId: item.languageId, version: item.version ?? 0, text: item.text)
        }
        server.registerNotification("textDocument/didChange", access: .write) { context in
            let params = try context.params(ChangeParams.self)
            documents.change(uri: params.textDocument.uri, version: params.textDocument.version,
                             changes: params.contentChanges)
        }
        server.registerNotification("textDocument/didClose", access: .write) { context in
            documents.close(uri: try context.params(DocumentParams.self).textDocument.uri)
        }
        server.registerNotification("textDocument/didSave", access: .write) { context in
            let params = try context.params(SaveParams.self)
            documents.save(uri: params.textDocument.uri, text: params.text)
        }
        server.register("textDocument/diagnostic", access: .read) { context in
            let uri = try context.params(DocumentParams.self).textDocument.uri
            let encoding = context.session.positionEncoding
            guard let analysis = documents.analysis(uri: uri) else { return ["kind": "full", "items": []] }
            return ["kind": "full",
                    "items": .array(analysis.diagnostics.map { DiagnosticEncoding.lsp($0, index: analysis.index, encoding: encoding) }
                                    + analysis.extraDiagnostics.values)]
        }
        server.register("textDocument/documentSymbol", access: .read) { context in
            let uri = try context.params(DocumentParams.self).textDocument.uri
            guard let analysis = documents.analysis(uri: uri) else { return [] }
            return DocumentSymbols.outline(analysis, encoding: context.session.positionEncoding)
        }
        server.setCapability("textDocumentSync", [
            "openClose": true, "change": 2, "save": ["includeText": false],
        ])
        server.setCapability("diagnosticProvider", [
            "identifier": "kol-engine", "interFileDependencies": true, "workspaceDiagnostics": false,
        ])
        server.setCapability("documentSymbolProvider", true)
    }
}
