import Foundation
import JSON

/// Figure 5: in an open `kols`-KOL `.kol.json` (one KOL per line, as the generator writes it), change one
/// KOL's followers with an incremental `didChange` and time until the new `publishDiagnostics` has arrived
/// whole. Baseline from the same run: the same edit sent as a whole-text change, which forces a full analysis.
struct EditFigure: ScaleFigure {
    /// Incremental edits timed per size: enough that the median is steady on shared cores (6 was not).
    static let rounds = 20

    var kols: Int
    var documentBytes: Int
    var openSeconds: Double
    var incremental: [Double]
    var full: [Double]
    var kind: String
    var kolsAnalysed: String
    var publishBytes: Int
    var diagnostics: Int
    var clientParseSeconds: Double
    var pipeFloorSeconds: Double
    var peakRSS: Int

    static func median(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.sorted()[values.count / 2] }

    static func measure(kols: Int, posts: Int, root: String) throws -> EditFigure {
        let size = ScaleBench.Size(kols: kols, posts: posts)
        let path = ScaleBench.generated(size, format: .json, root: root)
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let target = kols / 2
        guard target + 1 < lines.count, let key = lines[target + 1].range(of: "\"followers\":") else {
            throw BenchError("cannot find KOL \(target) in \(path)")
        }
        let line = lines[target + 1]
        let column = line[..<key.upperBound].utf16.count
        let digits = line[key.upperBound...].prefix { $0.isNumber }.utf16.count
        let uri = "file://" + path
        let engine = try EngineClient(root: root)
        defer { engine.stop() }
        engine.notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "json", "version": 1,
                                                               "text": .string(text)]])
        let open = try ScaleBench.seconds { _ = try waitForDiagnostics(engine, version: 1) }
        var incremental: [Double] = []
        var version = 1
        var width = digits
        var published: [UInt8] = []
        for round in 0..<Self.rounds {
            let value = String(100_000 + round)  // six digits every time after the first
            version += 1
            let edit: JSONValue = ["range": ["start": ["line": .int(Int64(target + 1)), "character": .int(Int64(column))],
                                             "end": ["line": .int(Int64(target + 1)), "character": .int(Int64(column + width))]],
                                   "text": .string(value)]
            width = 6
            incremental.append(try ScaleBench.seconds {
                engine.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(Int64(version))],
                                                         "contentChanges": [edit]])
                published = try waitForDiagnostics(engine, version: version)
            })
        }
        var parsed: JSONValue = .null
        let parse = try ScaleBench.seconds { parsed = try JSONDocument(bytes: published).root.value() }
        guard case .array(let diagnostics)? = parsed["params"]?["diagnostics"] else {
            throw BenchError("publishDiagnostics without a diagnostics array")
        }
        let pipeFloor = PipeFloor.seconds(published)
        let last = try engine.request("kol/stats", .null)["documents"]?["last"]
        // The baseline: the same edit sent as the whole text (what an editor without incremental sync
        // sends), which costs a full analysis.
        var full: [Double] = []
        var edited = lines.map(String.init)
        for round in 0..<3 {
            var line = Array(edited[target + 1].utf16)
            line.replaceSubrange(column..<(column + 6), with: Array(String(200_000 + round).utf16))
            edited[target + 1] = String(decoding: line, as: UTF16.self)
            let whole = edited.joined(separator: "\n")
            version += 1
            full.append(try ScaleBench.seconds {
                engine.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(Int64(version))],
                                                         "contentChanges": [["text": .string(whole)]]])
                _ = try waitForDiagnostics(engine, version: version)
            })
        }
        return EditFigure(kols: kols, documentBytes: bytes.count, openSeconds: open, incremental: incremental, full: full,
                          kind: last?["kind"]?.serializedString ?? "?",
                          kolsAnalysed: last?["kolsAnalysed"]?.serializedString ?? "?",
                          publishBytes: published.count, diagnostics: diagnostics.count, clientParseSeconds: parse,
                          pipeFloorSeconds: pipeFloor,
                          peakRSS: engine.peakRSS)
    }

    func print() {
        let ms = { (v: Double) in ScaleBench.fixed(v * 1000, 1) + " ms" }
        let median = EditFigure.median
        Swift.print("edit one KOL's followers in an open \(kols)-KOL .kol.json (\(ScaleBench.mb(documentBytes))): opened in \(ScaleBench.fixed(openSeconds, 2)) s;"
                    + " last analysis \(kind), KOLs analysed \(kolsAnalysed)  [target 1]")
        Swift.print("  incremental didChange → publishDiagnostics received: median \(ms(median(incremental)))"
                    + " (min \(ms(incremental.min() ?? 0)), \(Self.rounds) edits)  [target < 20 ms]")
        Swift.print("  floor, the publish's bytes alone through a pipe (thread to thread, same reader): \(ms(pipeFloorSeconds))"
                    + "  → engine's part ≈ \(ms(max(0, median(incremental) - pipeFloorSeconds)))")
        Swift.print("  baseline, whole-text didChange (full analysis, 3 edits): median \(ms(median(full)))"
                    + "  = \(ScaleBench.fixed(median(full) / max(median(incremental), 1e-9), 1))× the incremental edit")
        Swift.print("  each publish: \(diagnostics) diagnostics, \(ScaleBench.mb(publishBytes)); this client's own parse of it"
                    + " (not in the figure): \(ms(clientParseSeconds))")
        Swift.print("  engine peak RSS \(ScaleBench.mb(peakRSS))")
    }

    /// Figure 6 for edits: an incremental edit should cost about the same at every size (only the publish,
    /// which LSP makes a whole-document list, grows with the document).
    static func printGrowth(_ figures: [EditFigure]) {
        guard figures.count > 1 else { return }
        Swift.print("edit growth (each step 10× the KOLs; an incremental edit should grow far less than 10):")
        for (small, large) in zip(figures, figures.dropFirst()) {
            let f = { (v: Double) in ScaleBench.fixed(v, 1) }
            Swift.print("  \(small.kols) → \(large.kols) KOLs: incremental ×\(f(median(large.incremental) / max(median(small.incremental), 1e-9)))"
                        + "  whole-text ×\(f(median(large.full) / max(median(small.full), 1e-9)))"
                        + "  publish bytes ×\(f(Double(large.publishBytes) / Double(max(1, small.publishBytes))))")
        }
    }

    /// The raw line of the `publishDiagnostics` of `version`, recognised from its first bytes (the engine
    /// writes `uri` and `version` before the diagnostics); a message whose head does not say is parsed.
    static func waitForDiagnostics(_ engine: EngineClient, version: Int) throws -> [UInt8] {
        let method = Array("\"textDocument/publishDiagnostics\"".utf8)
        let wanted = [Array("\"version\":\(version),".utf8), Array("\"version\":\(version)}".utf8)]
        return try engine.waitForLine { line in
            let head = Array(line.prefix(4096))
            guard head.containsBytes(method) else { return false }
            if head.containsBytes(Array("\"version\":".utf8)) { return wanted.contains { head.containsBytes($0) } }
            let message = try? JSONDocument(bytes: line).root.value()
            return message?["params"]?["version"] == .int(Int64(version))
        }
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in these bytes (naive search: heads of a few KiB only).
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
