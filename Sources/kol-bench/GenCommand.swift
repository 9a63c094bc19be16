import Foundation

/// `kol-bench gen --kols N --posts M --seed S [--format jsonl|json] --out FILE`: writes a generated
/// workspace (see `WorkspaceGenerator`). `--posts` is posts per KOL, so the file holds N×M posts.
/// Without `--out` the bytes go to standard output.
enum GenCommand {
    static func run(_ arguments: [String]) {
        var options = BenchOptions(arguments)
        let generator = WorkspaceGenerator(kols: options.int("--kols", default: 1000),
                                           postsPerKOL: options.int("--posts", default: 10),
                                           seed: UInt64(options.int("--seed", default: 1)))
        let formatName = options.string("--format", default: "jsonl")
        guard let format = WorkspaceGenerator.Format(rawValue: formatName) else {
            return fail("unknown --format \(formatName): use jsonl or json")
        }
        let out = options.string("--out", default: "-")
        if let problem = options.leftover() { return fail(problem) }
        guard let file = out == "-" ? fdopen(1, "wb") : fopen(out, "wb") else { return fail("cannot write \(out)") }
        generator.write(format: format) { bytes in
            _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        }
        fclose(file)
    }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("kol-bench gen: \(message)\n".utf8))
        exit(2)
    }
}

/// `--name value` options of the bench subcommands, with defaults; what is left over is an error.
struct BenchOptions {
    private var values: [String: String] = [:]
    private var stray: [String] = []

    init(_ arguments: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--"), index + 1 < arguments.count {
                values[argument] = arguments[index + 1]
                index += 2
            } else {
                stray.append(argument)
                index += 1
            }
        }
    }

    mutating func string(_ name: String, default fallback: String) -> String {
        values.removeValue(forKey: name) ?? fallback
    }

    mutating func int(_ name: String, default fallback: Int) -> Int {
        guard let text = values.removeValue(forKey: name) else { return fallback }
        guard let value = Int(text), value >= 0 else {
            stray.append("\(name) \(text)")
            return fallback
        }
        return value
    }

    func leftover() -> String? {
        let unknown = stray + values.keys.sorted()
        return unknown.isEmpty ? nil : "unexpected arguments: \(unknown.joined(separator: " "))"
    }
}
