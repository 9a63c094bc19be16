import JSON
import KOLCore
import RPC

/// The scoring analyses in the editor (protocol.md §6.6–6.8): red flags as diagnostics, hover with the
/// score breakdown, a code lens above each KOL, and `workspace/executeCommand` `kol.rank` / `kol.score`.
enum EditorMethods {
    static let commands = ["kol.rank", "kol.score"]

    struct Position: Decodable {
        var line: Int
        var character: Int
    }
    struct HoverParams: Decodable {
        var textDocument: DocumentMethods.DocumentID
        var position: Position
    }
    struct CommandParams: Decodable {
        var command: String
        var arguments: [JSONNode]?
    }

    static func register(on server: Server, _ service: WorkspaceService) {
        service.documents.setExtraDiagnostics { analysis, previous, workspace, encoding in
            RedFlagDiagnostics.rendered(analysis, previous: previous, workspace: workspace, encoding: encoding,
                                        cache: service.analyses)
        }
        server.register("textDocument/hover", access: .read) { try hover($0, service) }
        server.register("textDocument/codeLens", access: .read) { try codeLens($0, service) }
        server.register("workspace/executeCommand", access: .read) { try execute($0, service) }
        server.setCapability("hoverProvider", true)
        server.setCapability("codeLensProvider", ["resolveProvider": false])
        server.setCapability("executeCommandProvider", ["commands": .array(commands.map { .string($0) })])
    }

    /// The KOL whose object contains the position, with the workspace's scoring of it; null elsewhere.
    static func hover(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(HoverParams.self)
        guard let analysis = service.documents.analysis(uri: params.textDocument.uri),
              let document = analysis.workspace else { return .null }
        let encoding = context.session.positionEncoding
        let offset = analysis.index.offset(line: max(0, params.position.line), character: max(0, params.position.character),
                                           encoding: encoding)
        guard let kol = document.kols.first(where: { kol in
            kol.source?.range.map { $0.start <= offset && offset < $0.end } ?? false
        }) else { return .null }
        let engine = service.analyses.engine(service.readSnapshot(), now: ServerClock.now())
        let markdown = KOLHover.markdown(score: engine.score(kol), flags: engine.redFlags(kol), name: kol.name)
        var result: JSONObject = ["contents": ["kind": "markdown", "value": .string(markdown)]]
        if let range = kol.source?.range {
            result["range"] = DiagnosticEncoding.lspRange(range, index: analysis.index, encoding: encoding)
        }
        return .object(result)
    }

    /// One lens per KOL, at the start of its object: "score 78 · 2 red flags"; the command shows the score.
    static func codeLens(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let uri = try context.params(DocumentMethods.DocumentParams.self).textDocument.uri
        guard let analysis = service.documents.analysis(uri: uri), let document = analysis.workspace else { return [] }
        let engine = service.analyses.engine(service.readSnapshot(), now: ServerClock.now())
        let encoding = context.session.positionEncoding
        var lenses: [JSONValue] = []
        for kol in document.kols {
            try context.checkCancellation()
            guard let range = kol.source?.range else { continue }
            let start = SourceRange(start: range.start, end: range.start)
            lenses.append(["range": DiagnosticEncoding.lspRange(start, index: analysis.index, encoding: encoding),
                           "command": ["title": .string(title(score: engine.score(kol), flags: engine.redFlags(kol))),
                                       "command": "kol.score", "arguments": [.string(kol.id)]]])
        }
        return .array(lenses)
    }

    static func title(score: KOLScore, flags: KOLRedFlags) -> String {
        let value = score.score.map { "score \(Int($0.rounded()))" } ?? "no score (missing data)"
        let count = flags.flags.count
        return value + " · " + (count == 0 ? "no red flags" : count == 1 ? "1 red flag" : "\(count) red flags")
    }

    /// `kol.rank` with an optional first argument of `kol/rank` params; `kol.score` with KOL ids.
    static func execute(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(CommandParams.self)
        let arguments = params.arguments ?? []
        switch params.command {
        case "kol.rank":
            let inner = try argumentsContext(context, arguments.first)
            return try ScoringMethods.rank(inner, service)
        case "kol.score":
            var ids: [JSONValue] = []
            for (index, argument) in arguments.enumerated() {
                guard let id = argument.string else {
                    throw RPCError.invalidParams("params.arguments[\(index)]: expected string, got \(argument.kind)")
                }
                ids.append(.string(id))
            }
            let body = JSONValue.object(["ids": .array(ids)]).serializedString
            let inner = try argumentsContext(context, try JSONDocument(bytes: Array(body.utf8)).root)
            return try ScoringMethods.score(inner, service)
        default:
            let known = commands.joined(separator: ", ")
            throw RPCError.invalidParams("params.command: unknown command \"\(params.command)\"; this engine runs \(known)")
        }
    }

    /// The request's context with `node` as its params (the command's argument object).
    static func argumentsContext(_ context: RequestContext, _ node: JSONNode?) throws -> RequestContext {
        if let node, node.kind != .object, !node.isNull {
            throw RPCError.invalidParams("params.arguments[0]: expected object, got \(node.kind)")
        }
        return RequestContext(method: context.method, id: context.id, paramsNode: node?.isNull == false ? node : nil,
                              session: context.session, token: context.token, output: context.output)
    }
}
