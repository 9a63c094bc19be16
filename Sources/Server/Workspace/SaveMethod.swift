import JSON
import KOLCore
import RPC

/// `kol/save`: writes the workspace (open documents included: what the client sees) atomically and
/// durably to `.kol.json` or `.kols.jsonl` (see `AtomicFileWriter`).
enum SaveMethod {
    struct Params: Decodable {
        var path: String
        var format: String?
    }

    static func handle(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(Params.self)
        let resolved = try service.checkPath(params.path)
        let format = try LoadMethod.format(params.format, path: params.path)
        let workspace = service.readSnapshot()
        let bytes: [UInt8]
        switch format {
        case .kolJSON: bytes = WorkspaceEncoder.documentBytes(workspace)
        case .kolsJSONL: bytes = WorkspaceEncoder.jsonLinesBytes(workspace.kols)
        case .csv:
            throw ApplicationError.unsupportedFormat("kol/save writes kol.json or kols.jsonl, not csv",
                                                     path: params.path, format: format.rawValue)
        }
        try context.checkCancellation()
        do {
            try AtomicFileWriter.write(bytes, to: resolved)
        } catch {
            throw ApplicationError.fileError(path: params.path, reason: error.description)
        }
        return ["path": .string(resolved), "format": .string(format.rawValue),
                "kols": .int(Int64(workspace.count)), "bytes": .int(Int64(bytes.count))]
    }
}
