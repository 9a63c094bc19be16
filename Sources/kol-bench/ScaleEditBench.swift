import Foundation
import JSON

/// Figure 5: in an open `kols`-KOL `.kol.json` (one KOL per line, as the generator writes it), change one
/// KOL's followers with an incremental `didChange` and time until the new `publishDiagnostics` arrives.
/// Baseline from the same run: the same edit sent as a whole-text change, which forces a full analysis.
enum ScaleEditBench {
    /// Incremental edits timed (each re-judges red flags when peers move, seconds at 10^4 KOLs).
    static let rounds = 6
    static func run(kols: Int, posts: Int, root: String) throws {
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
                _ = try waitForDiagnostics(engine, version: version)
            })
        }
        let last = try engine.request("kol/stats", .null)["documents"]?["last"]
        print("edit one KOL's followers in an open \(kols)-KOL .kol.json (\(ScaleBench.mb(bytes.count))): opened in \(ScaleBench.fixed(open, 2)) s;"
              + " last analysis \(last?["kind"]?.serializedString ?? "?"), KOLs analysed \(last?["kolsAnalysed"]?.serializedString ?? "?")  [target 1]")
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
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        print("  incremental didChange → publishDiagnostics: median \(ScaleBench.fixed(median(incremental) * 1000, 1)) ms"
              + " (min \(ScaleBench.fixed((incremental.min() ?? 0) * 1000, 1)) ms, \(Self.rounds) edits)  [target < 20 ms]")
        print("  baseline, whole-text didChange (full analysis, 3 edits): median \(ScaleBench.fixed(median(full) * 1000, 1)) ms"
              + "  = \(ScaleBench.fixed(median(full) / median(incremental), 0))× the incremental edit")
        print("  engine peak RSS \(ScaleBench.mb(engine.peakRSS))")
    }

    static func waitForDiagnostics(_ engine: EngineClient, version: Int) throws -> JSONValue {
        try engine.waitFor { message in
            message["method"] == "textDocument/publishDiagnostics" && message["params"]?["version"] == .int(Int64(version))
        }
    }
}
