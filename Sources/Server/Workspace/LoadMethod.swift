import Foundation
import JSON
import KOLCore
import RPC

/// `kol/load`: reads a file or inline text into the workspace.
enum LoadMethod {
    struct Params: Decodable {
        var path: String?
        var postsPath: String?
        var text: String?
        var postsText: String?
        var format: String?
        var replace: Bool?
    }

    /// What one load read, before it is merged into the workspace.
    struct Loaded {
        var format: WorkspaceFormat
        var brief: Brief?
        var kols: [KOL]
        var diagnostics: [DataQualityDiagnostic]
        /// Top-level members of a `.kol.json` this version does not know, kept for saving.
        var extra = JSONObject()
        /// For turning byte ranges into lines and LSP ranges; nil when the bytes were streamed or CSV.
        var index: LineIndex?
    }

    /// Bytes per read of a streamed JSONL file: big enough to keep system calls rare, small enough that
    /// memory stays flat however large the file is.
    static let chunkSize = 1 << 20

    static func handle(_ context: RequestContext, _ service: WorkspaceService) async throws -> JSONValue {
        let params = try context.params(Params.self)
        let now = ServerClock.now()
        let loaded: Loaded
        var resolvedPath: String?
        if let path = params.path {
            if params.text != nil { throw RPCError.invalidParams("params: give either path or text, not both") }
            let resolved = try service.checkPath(path)
            resolvedPath = resolved
            let format = try format(params.format, path: path)
            loaded = try readFile(resolved, shownAs: path, format: format, params: params, context: context,
                                  service: service, now: now)
        } else if let text = params.text {
            guard let name = params.format else {
                throw RPCError.invalidParams("params.format: required with text (kol.json, kols.jsonl or csv)")
            }
            guard let format = WorkspaceFormat(name: name) else {
                throw ApplicationError.unsupportedFormat("unknown format \"\(name)\": use kol.json, kols.jsonl or csv", format: name)
            }
            loaded = readText(Array(text.utf8), postsBytes: params.postsText.map { Array($0.utf8) }, format: format,
                              origin: nil, now: now)
        } else {
            throw RPCError.invalidParams("params: give path or text")
        }
        try context.checkCancellation()
        let replace = params.replace ?? false
        let total = service.store.updateBase { base in
            base = merge(loaded, into: base, replace: replace)
            return base.count
        }
        service.statistics.recordLoad(kols: loaded.kols.count)
        var result: JSONObject = ["format": .string(loaded.format.rawValue)]
        if let resolvedPath { result["path"] = .string(resolvedPath) }
        result["loaded"] = .int(Int64(loaded.kols.count))
        result["total"] = .int(Int64(total))
        result["replaced"] = .bool(replace)
        result["briefLoaded"] = .bool(loaded.brief != nil)
        result["errors"] = .int(Int64(loaded.diagnostics.filter { $0.severity == .error }.count))
        result["warnings"] = .int(Int64(loaded.diagnostics.filter { $0.severity == .warning }.count))
        result["diagnosticCount"] = .int(Int64(loaded.diagnostics.count))
        result["diagnostics"] = DiagnosticEncoding.resultList(loaded.diagnostics, index: loaded.index,
                                                              encoding: service.session.positionEncoding)
        return .object(result)
    }

    /// `replace`: the loaded data becomes the workspace. Otherwise KOLs are merged by id (a loaded KOL
    /// replaces the one with its id, in place) and a loaded brief replaces the brief.
    static func merge(_ loaded: Loaded, into base: Workspace, replace: Bool) -> Workspace {
        if replace { return Workspace(brief: loaded.brief, kols: loaded.kols, extra: loaded.extra) }
        var extra = base.extra
        for member in loaded.extra.members { extra[member.key] = member.value }
        if base.kols.isEmpty {
            // The first load: nothing to merge by id, so no dictionary of every loaded KOL (10^5 of them
            // copied in and out). The workspace keeps the first of repeated ids, as the merge below does.
            return Workspace(brief: loaded.brief ?? base.brief, kols: loaded.kols, extra: extra)
        }
        var incoming: [String: KOL] = [:]
        for kol in loaded.kols { incoming[kol.id] = kol }
        let kept = base.kols.map { incoming.removeValue(forKey: $0.id) ?? $0 }
        let added = loaded.kols.filter { incoming[$0.id] != nil }
        return Workspace(brief: loaded.brief ?? base.brief, kols: kept + added, extra: extra)
    }

    static func format(_ name: String?, path: String) throws -> WorkspaceFormat {
        if let name {
            guard let format = WorkspaceFormat(name: name) else {
                throw ApplicationError.unsupportedFormat("unknown format \"\(name)\": use kol.json, kols.jsonl or csv",
                                                         path: path, format: name)
            }
            return format
        }
        guard let format = WorkspaceFormat(path: path) else {
            throw ApplicationError.unsupportedFormat(
                "\(path): cannot tell the format; name it *.kol.json, *.kols.jsonl or kols.csv, or pass format",
                path: path)
        }
        return format
    }

    static func readText(_ bytes: [UInt8], postsBytes: [UInt8]?, format: WorkspaceFormat, origin: String?,
                         now: KOLDate) -> Loaded {
        switch format {
        case .kolJSON:
            let result = WorkspaceDocument.load(bytes: bytes, origin: origin, now: now, detail: .topLevel)
            return Loaded(format: format, brief: result.workspace.brief, kols: result.workspace.kols,
                          diagnostics: result.diagnostics, extra: result.workspace.extra, index: LineIndex(bytes: bytes))
        case .kolsJSONL:
            let batch = JSONLReader.read(bytes, origin: origin, now: now)
            return Loaded(format: format, brief: nil, kols: batch.kols, diagnostics: batch.diagnostics,
                          index: LineIndex(bytes: bytes))
        case .csv:
            let result = CSVImporter.load(kols: bytes, posts: postsBytes, origin: origin, now: now)
            return Loaded(format: format, brief: nil, kols: result.kols, diagnostics: result.diagnostics, index: nil)
        }
    }

    private static func readFile(_ resolved: String, shownAs path: String, format: WorkspaceFormat, params: Params,
                                 context: RequestContext, service: WorkspaceService, now: KOLDate) throws -> Loaded {
        switch format {
        case .kolsJSONL:
            return try streamJSONL(resolved, shownAs: path, context: context, now: now)
        case .kolJSON:
            let bytes = try FileReading.contents(of: resolved, shownAs: path)
            return readText(bytes, postsBytes: nil, format: format, origin: resolved, now: now)
        case .csv:
            let bytes = try FileReading.contents(of: resolved, shownAs: path)
            var posts: [UInt8]?
            if let postsPath = params.postsPath {
                posts = try FileReading.contents(of: try service.checkPath(postsPath), shownAs: postsPath)
            } else {
                let beside = URL(fileURLWithPath: resolved).deletingLastPathComponent().appendingPathComponent("posts.csv").path
                if FileManager.default.fileExists(atPath: beside), let allowed = try? service.checkPath(beside) {
                    posts = try FileReading.contents(of: allowed, shownAs: beside)
                }
            }
            return readText(bytes, postsBytes: posts, format: format, origin: resolved, now: now)
        }
    }

    /// Feeds fixed-size chunks to the core's streaming reader, reporting progress and stopping on cancel.
    ///
    /// Pipelined: while the lines of one chunk are decoded (on every core, see `JSONLReader.decode`), this
    /// thread reads and cuts the next chunk and admits the one before. Why: reading, cutting and the id
    /// checks are serial; done between the parallel decodes they left the other cores idle.
    private static func streamJSONL(_ resolved: String, shownAs path: String, context: RequestContext,
                                    now: KOLDate) throws -> Loaded {
        let file = try FileReading.open(resolved, shownAs: path)
        defer { file.close() }
        let size = file.size
        let progress = context.progress
        progress.begin(title: "Loading \(path)", percentage: 0)
        var reader = JSONLReader(origin: resolved, now: now)
        var kols: [KOL] = []
        var diagnostics: [DataQualityDiagnostic] = []
        var done = 0
        var lastPercent = 0
        var inFlight: DecodeJob?
        // Waits for the chunk in flight and takes its KOLs.
        func admitInFlight() {
            guard let job = inFlight else { return }
            inFlight = nil
            let batch = reader.admit(job.wait())
            if kols.isEmpty, !batch.kols.isEmpty, done < size {
                // Room for the whole file at the first chunk's KOLs per byte (+10 %): growing by doubling
                // copied a 10^5-KOL array several times and touched twice its pages. Unused room costs
                // address space only, no memory.
                kols.reserveCapacity(Int(Double(batch.kols.count) * Double(size) / Double(done) * 1.1) + 16)
            }
            kols += batch.kols
            diagnostics += batch.diagnostics
        }
        while true {
            if context.isCancelled {
                _ = inFlight?.wait()
                progress.end(message: "cancelled")
                throw RPCError.requestCancelled
            }
            // A fresh buffer per chunk: the cut lines share it until they are decoded.
            let chunk: [UInt8]
            do {
                chunk = try file.read(upTo: chunkSize, shownAs: path)
            } catch {
                _ = inFlight?.wait()
                throw error
            }
            let count = chunk.count
            if count == 0 { break }
            let lines = reader.split(chunk)
            done += count
            let next = DecodeJob(lines)
            admitInFlight()
            inFlight = next
            let percent = size > 0 ? min(100, done * 100 / size) : 100
            if percent != lastPercent {
                lastPercent = percent
                progress.report(message: "\(kols.count) KOLs", percentage: percent)
            }
        }
        admitInFlight()
        let last = reader.admit(JSONLReader.decode(reader.splitRest()))
        kols += last.kols
        diagnostics += last.diagnostics
        progress.end(message: "\(kols.count) KOLs loaded")
        return Loaded(format: .kolsJSONL, brief: nil, kols: kols, diagnostics: diagnostics, index: nil)
    }

    /// One chunk's lines being decoded on a thread of its own; `wait` returns them decoded.
    ///
    /// Why a `Thread` and not `DispatchQueue.global().async`: the request thread blocks in `wait`, and a
    /// block queued on the shared pool may find every pool thread blocked the same way (two loads at
    /// once on two cores), waiting for the pool to notice. A thread of its own always runs; inside it,
    /// `concurrentPerform` runs iterations on the calling thread when no pool thread is free.
    private final class DecodeJob: @unchecked Sendable {
        private let group = DispatchGroup()
        /// Written once by the decoding thread before `group` leaves; read only after `wait`.
        private var result: JSONLReader.DecodedLines?

        init(_ lines: JSONLReader.PendingLines) {
            group.enter()
            let thread = Thread { [self] in
                result = JSONLReader.decode(lines)
                group.leave()
            }
            thread.stackSize = 8 << 20  // as a pool thread's: the decoders recurse into nested values
            thread.start()
        }

        func wait() -> JSONLReader.DecodedLines {
            group.wait()
            return result ?? .none
        }
    }
}
