import Foundation
import JSON

/// `kol-bench scale`: figures 3–6 of the performance issue, each beside a baseline from the same run.
///
/// Files are generated into `--dir` (default a folder under /tmp) and loaded by a fresh `kol-engine`
/// per size, so peak RSS (VmHWM) belongs to that size alone.
enum ScaleBench {
    struct Size {
        var kols: Int
        var posts: Int
        var postsTotal: Int { kols * posts }
    }

    static func run(_ arguments: [String]) {
        var options = BenchOptions(arguments)
        let dir = options.string("--dir", default: NSTemporaryDirectory() + "kol-bench-scale")
        let largest = options.int("--kols", default: 100_000)
        let postsPerKOL = options.int("--posts", default: 10)
        let editKOLs = options.int("--edit-kols", default: 10_000)
        let rankKOLs = options.int("--rank-kols", default: largest)
        if let problem = options.leftover() { return print("kol-bench scale: \(problem)") }
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let root = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
        let sizes = steps(upTo: largest).map { Size(kols: $0, posts: postsPerKOL) }
        print("== scale: \(postsPerKOL) posts per KOL, files in \(root)")
        fflush(nil)
        do {
            try series(sizes) { try LoadFigure.measure($0, root: root) }
            try series(steps(upTo: rankKOLs)) { try RankFigure.measure(kols: $0, posts: postsPerKOL, root: root) }
            try series(steps(upTo: editKOLs)) { try EditFigure.measure(kols: $0, posts: postsPerKOL, root: root) }
        } catch {
            print("scale: \(error)")
        }
    }

    /// Measures one figure per size, printing each as it is measured (even through a pipe), then the
    /// growth between consecutive sizes (figure 6).
    static func series<Size, Figure: ScaleFigure>(_ sizes: [Size], _ measure: (Size) throws -> Figure) throws {
        var figures: [Figure] = []
        for size in sizes {
            let figure = try measure(size)
            figure.print()
            fflush(nil)
            figures.append(figure)
        }
        Figure.printGrowth(figures)
        fflush(nil)
    }

    /// Figure 6's sizes: `largest`/100, `largest`/10 and `largest` (fewer when `largest` is small).
    static func steps(upTo largest: Int) -> [Int] {
        var sizes: [Int] = []
        var kols = max(1, largest / 100)
        while kols <= largest {
            sizes.append(kols)
            kols *= 10
        }
        return sizes
    }

    /// Writes `name` in `root` unless it is already there (the generator is deterministic, so an existing
    /// file of that name has the same bytes); returns its path.
    static func generated(_ size: Size, format: WorkspaceGenerator.Format, root: String) -> String {
        let name = "gen-\(size.kols)x\(size.posts)" + (format == .jsonl ? ".kols.jsonl" : ".kol.json")
        let path = root + "/" + name
        if FileManager.default.fileExists(atPath: path) { return path }
        guard let file = fopen(path + ".part", "wb") else { return path }
        WorkspaceGenerator(kols: size.kols, postsPerKOL: size.posts, seed: 1).write(format: format) { bytes in
            _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        }
        fclose(file)
        rename(path + ".part", path)
        return path
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    static func mb(_ bytes: Int) -> String { fixed(Double(bytes) / 1_048_576, 1) + " MB" }
}

/// Figure 3 (load over the protocol) at one size, with the floor: reading the file and parsing each line
/// with our JSON parser in this process, no model building, no protocol.
/// One measured size of a scale figure.
protocol ScaleFigure {
    func print()
    /// The step ratios between consecutive sizes.
    static func printGrowth(_ figures: [Self])
}

struct LoadFigure: ScaleFigure {
    var size: ScaleBench.Size
    var fileBytes: Int
    var floorSeconds: Double
    var loadSeconds: Double
    var idleRSS: Int
    var peakRSS: Int
    var loaded: Int

    static func measure(_ size: ScaleBench.Size, root: String) throws -> LoadFigure {
        let path = ScaleBench.generated(size, format: .jsonl, root: root)
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let floor = try ScaleBench.seconds {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            var start = 0
            var parsed = 0
            while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                if newline > start, (try? JSONDocument(bytes: Array(bytes[start..<newline]))) != nil { parsed += 1 }
                start = newline + 1
            }
            if parsed != size.kols { throw BenchError("floor parsed \(parsed) lines, expected \(size.kols)") }
        }
        let engine = try EngineClient(root: root)
        defer { engine.stop() }
        let idle = engine.peakRSS
        var result: JSONValue = .null
        let load = try ScaleBench.seconds { result = try engine.request("kol/load", ["path": .string(path)]) }
        guard case .int(let loaded)? = result["loaded"], case .int(let errors)? = result["errors"] else {
            throw BenchError("kol/load answered \(result.serializedString.prefix(200))")
        }
        if errors != 0 { throw BenchError("kol/load reported \(errors) data errors in a generated file") }
        return LoadFigure(size: size, fileBytes: fileBytes, floorSeconds: floor, loadSeconds: load, idleRSS: idle,
                          peakRSS: engine.peakRSS, loaded: Int(loaded))
    }

    func print() {
        let f = { (v: Double, d: Int) in ScaleBench.fixed(v, d) }
        let megabytes = Double(fileBytes) / 1_048_576
        Swift.print("load \(size.kols) KOLs × \(size.posts) posts (\(ScaleBench.mb(fileBytes)), \(loaded) loaded):")
        Swift.print("  floor (read + our JSON parse, in process): \(f(floorSeconds, 3)) s  \(f(megabytes / floorSeconds, 0)) MB/s")
        Swift.print("  kol/load over the protocol:               \(f(loadSeconds, 3)) s  \(f(megabytes / loadSeconds, 0)) MB/s  "
                    + "\(f(Double(size.postsTotal) / loadSeconds / 1000, 0))k posts/s  = \(f(loadSeconds / floorSeconds, 2))× floor"
                    + "  [target < 3 s at 10^6 posts]")
        Swift.print("  peak RSS \(ScaleBench.mb(peakRSS)) (idle \(ScaleBench.mb(idleRSS))) = \(f(Double(peakRSS) / Double(max(1, fileBytes)), 2))× file bytes"
                    + "  [target ≤ 3×];  \(f(Double(peakRSS - idleRSS) / Double(max(1, size.kols)) / 1024, 1)) KiB per KOL")
    }

    /// Figure 6: step ratios between consecutive sizes (10× the data should cost about 10×).
    static func printGrowth(_ figures: [LoadFigure]) {
        guard figures.count > 1 else { return }
        Swift.print("growth (each step 10× the posts; linear = 10):")
        for (small, large) in zip(figures, figures.dropFirst()) {
            let f = { (v: Double, d: Int) in ScaleBench.fixed(v, d) }
            Swift.print("  \(small.size.postsTotal) → \(large.size.postsTotal) posts: load ×\(f(large.loadSeconds / small.loadSeconds, 1))"
                        + "  floor ×\(f(large.floorSeconds / small.floorSeconds, 1))"
                        + "  memory above idle ×\(f(Double(large.peakRSS - large.idleRSS) / Double(max(1, small.peakRSS - small.idleRSS)), 1))")
        }
    }
}
