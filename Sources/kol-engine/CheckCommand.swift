import Foundation
import JSON
import KOLCore

/// `kol-engine check [--format text|json] [--now DATE] FILE…`: one-shot findings printed like a compiler's:
/// JSON syntax errors, the data-quality diagnostics of workspace files (`*.kol.json`, `*.kols.jsonl`, `*.csv`;
/// see `DataQualityCheck`), and the red flags of their KOLs (see `CheckAnalysis`), then the ranked table.
/// Exit status 1 when any finding is an error (a data error or an error-severity red flag).
enum CheckCommand {
    enum Format: String { case text, json }

    static func run(files arguments: [String]) -> Int32 {
        var format = Format.text
        var now = DataQualityCheck.now()
        var files: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--format":
                guard let value = rest.popFirst(), let chosen = Format(rawValue: value) else {
                    printError("kol-engine: --format needs text or json")
                    return 2
                }
                format = chosen
            case "--now":
                guard let value = rest.popFirst(), let date = KOLDate.parse(value) else {
                    printError("kol-engine: --now needs an RFC 3339 date, e.g. 2026-11-26")
                    return 2
                }
                now = date
            default:
                files.append(argument)
            }
        }
        if files.isEmpty {
            printError("kol-engine: check needs at least one FILE")
            return 2
        }
        var errors = 0
        var reports: [JSONValue] = []
        for path in files {
            let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            var found = bytes.map { findings(path: path, bytes: $0, now: now) }
                ?? [Finding(file: path, line: nil, column: nil, severity: .error, message: "cannot read file")]
            let analysis = bytes.flatMap { CheckAnalysis.run(path: path, bytes: $0, now: now) }
            found += analysis?.findings ?? []
            errors += found.filter { $0.severity == .error }.count
            switch format {
            case .text:
                for finding in found { print(finding.formatted) }
                if let analysis { print(analysis.report) }
            case .json:
                var report: JSONObject = ["file": .string(path), "findings": .array(found.map(\.json))]
                report["rank"] = analysis?.ranked.json ?? .null
                reports.append(.object(report))
            }
        }
        if format == .json {
            print(JSONValue.object(["files": .array(reports), "errors": .int(Int64(errors))]).serializedString)
        }
        return errors > 0 ? 1 : 0
    }

    static func findings(path: String, bytes: [UInt8], now: KOLDate = DataQualityCheck.now()) -> [Finding] {
        if let found = DataQualityCheck.findings(path: path, bytes: bytes, now: now) { return found }
        do {
            _ = try JSONDocument(bytes: bytes)
            return []
        } catch {
            let (offset, message) = describe(error)
            let position = LineIndex(bytes: bytes).position(ofOffset: min(offset, bytes.count), encoding: .utf32)
            return [Finding(file: path, line: position.line + 1, column: position.character + 1,
                            severity: .error, message: message)]
        }
    }

    private static func describe(_ error: any Error) -> (offset: Int, message: String) {
        if let error = error as? JSONParseError { return (error.offset, error.message) }
        return (0, "\(error)")
    }
}

/// One line of `check` output: `file:line:col: severity: message` (1-based line; column counted in
/// Unicode characters, as editors show it).
struct Finding: Equatable {
    enum Severity: String { case error, warning, note }
    var file: String
    var line: Int?
    var column: Int?
    var severity: Severity
    var message: String
    /// The stable diagnostic code, printed as ` [code]` after the message.
    var code: String? = nil

    var formatted: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(severity.rawValue): \(message)" + (code.map { " [\($0)]" } ?? "")
    }

    /// `{file, line?, column?, severity, message, code?}` for `--format json`.
    var json: JSONValue {
        var object: JSONObject = ["file": .string(file)]
        if let line { object["line"] = .int(Int64(line)) }
        if let column { object["column"] = .int(Int64(column)) }
        object["severity"] = .string(severity.rawValue)
        object["message"] = .string(message)
        if let code { object["code"] = .string(code) }
        return .object(object)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
