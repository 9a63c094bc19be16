import Foundation
import JSON

/// `kol-bench json [--mb N]`: our JSON parse / serialize throughput against Foundation on the same bytes.
///
/// The document is synthetic but shaped like a workspace (KOLs with regions and posts of Chinese text, numbers,
/// nesting) and fully deterministic (a fixed LCG), so runs on one machine are comparable. Every figure is the
/// best of 3 runs; only the ratios are meant to be compared across machines.
enum JSONBench {
    static func run(_ arguments: [String]) {
        var megabytes = 50
        if let at = arguments.firstIndex(of: "--mb"), at + 1 < arguments.count, let value = Int(arguments[at + 1]),
            value > 0
        {
            megabytes = value
        }
        let bytes = JSONBenchDocument.generate(approximateBytes: megabytes << 20)
        let data = Data(bytes)
        let size = Double(bytes.count)
        print("json: synthetic document \(String(format: "%.1f", size / 1_048_576)) MiB, best of 3 runs")

        guard let document = try? JSONDocument(bytes: bytes, limits: JSONLimits(maxDepth: 512, maxBytes: Int.max))
        else {
            print("json: our parser rejected the generated document (bug)")
            return
        }
        let value = document.root.value()
        guard let foundationObject = try? JSONSerialization.jsonObject(with: data) else {
            print("json: JSONSerialization rejected the generated document (bug)")
            return
        }
        let limits = JSONLimits(maxDepth: 512, maxBytes: Int.max)

        let parse = best { _ = try? JSONDocument(bytes: bytes, limits: limits) }
        let parseValue = best { _ = (try? JSONDocument(bytes: bytes, limits: limits))?.root.value() }
        let parseDecode = best {
            _ = try? JSONDocument(bytes: bytes, limits: limits).root.decode(JSONBenchDocument.self, path: "doc")
        }
        let foundationParse = best { _ = try? JSONSerialization.jsonObject(with: data) }
        let decoder = best { _ = try? JSONDecoder().decode(JSONBenchDocument.self, from: data) }

        let serialize = best { _ = value.serialized() }
        let foundationSerialize = best { _ = try? JSONSerialization.data(withJSONObject: foundationObject) }

        func rate(_ seconds: Double) -> Double { size / seconds / 1_000_000 }
        func line(_ name: String, _ seconds: Double, against baseline: Double? = nil) {
            var text = name.padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(format: "%8.1f MB/s", rate(seconds))
            if let baseline { text += String(format: "   %6.1f× JSONSerialization", baseline / seconds) }
            print(text)
        }
        print("parse")
        line("  ours: bytes → node table", parse, against: foundationParse)
        line("  ours: bytes → node table → JSONValue", parseValue, against: foundationParse)
        line("  ours: bytes → node table → Codable structs", parseDecode, against: foundationParse)
        line("  Foundation JSONSerialization.jsonObject", foundationParse)
        line("  Foundation JSONDecoder → Codable structs", decoder, against: foundationParse)
        print("serialize")
        line("  ours: JSONValue.serialized()", serialize, against: foundationSerialize)
        line("  Foundation JSONSerialization.data", foundationSerialize)
        print(String(format: "targets: parse ≥ 8× (%@: %.1f×), serialize ≥ 20× (%@: %.1f×)",
                     foundationParse / parse >= 8 ? "met" : "MISSED", foundationParse / parse,
                     foundationSerialize / serialize >= 20 ? "met" : "MISSED", foundationSerialize / serialize))
    }

    /// Best wall time of 3 runs, in seconds.
    static func best(_ body: () -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            autoreleasepool { body() }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            fastest = min(fastest, elapsed)
        }
        return fastest
    }
}

#if !canImport(ObjectiveC)
/// Linux has no autorelease pools; keep the call sites identical.
@inline(__always) func autoreleasepool<R>(invoking body: () throws -> R) rethrows -> R { try body() }
#endif
