import Foundation
import JSON
import KOLCore

/// `kol-engine check FILE…`: one-shot findings printed like a compiler's: JSON syntax errors, and the
/// data-quality diagnostics of workspace files (`*.kol.json`, `*.kols.jsonl`, `*.csv`; see
/// `DataQualityCheck`). Later issues add red-flag findings here.
enum CheckCommand {
    static func run(files: [String]) -> Int32 {
        var errors = 0
        for path in files {
            for finding in findings(path: path) {
                print(finding.formatted)
                if finding.severity == .error { errors += 1 }
            }
        }
        return errors > 0 ? 1 : 0
    }

    static func findings(path: String) -> [Finding] {
        guard let data = FileManager.default.contents(atPath: path) else {
            return [Finding(file: path, line: nil, column: nil, severity: .error, message: "cannot read file")]
        }
        return findings(path: path, bytes: [UInt8](data))
    }

    static func findings(path: String, bytes: [UInt8]) -> [Finding] {
        if let found = DataQualityCheck.findings(path: path, bytes: bytes) { return found }
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
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
