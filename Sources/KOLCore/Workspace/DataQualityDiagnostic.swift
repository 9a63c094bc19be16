import JSON

/// How bad a data-quality problem is. Mirrors LSP severities without their numbers.
public enum DiagnosticSeverity: String, Hashable, Sendable, Comparable {
    case error, warning, information

    public static func < (a: DiagnosticSeverity, b: DiagnosticSeverity) -> Bool { a.rank < b.rank }
    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
}

/// A problem in the data a marketer should fix, pointing at the offending value.
///
/// Why a value and not an `Error`: loading carries on past bad values (the field is left unknown), so
/// problems are collected, not thrown.
public struct DataQualityDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public var code: DataQualityCode
    public var severity: DiagnosticSeverity
    /// Plain words: "Stars must be between 0 and 6; this KOL has 7."
    public var message: String
    /// Byte range of the offending value in the source bytes (nil for CSV and code-built data).
    public var range: SourceRange?
    /// Field path from the document root, e.g. `kols[3].followers`, or `followers` for a lone KOL.
    public var path: String?
    /// The KOL concerned, when known.
    public var kolId: String?
    /// 1-based line (JSONL) or row (CSV, counting the header as row 1).
    public var line: Int?
    /// 1-based CSV column.
    public var column: Int?
    /// The numbers involved, by name (`value`, `minimum`, `maximum`, `sum`, …).
    public var numbers: [String: Double]

    public init(code: DataQualityCode, severity: DiagnosticSeverity? = nil, message: String,
                range: SourceRange? = nil, path: String? = nil, kolId: String? = nil, line: Int? = nil,
                column: Int? = nil, numbers: [String: Double] = [:]) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.message = message
        self.range = range
        self.path = path
        self.kolId = kolId
        self.line = line
        self.column = column
        self.numbers = numbers
    }

    public var description: String {
        var location = ""
        if let line { location += "line \(line)" }
        if let column { location += (location.isEmpty ? "" : ", ") + "column \(column)" }
        if location.isEmpty, let range { location = "bytes \(range.start)..<\(range.end)" }
        return "\(severity.rawValue) [\(code.rawValue)]\(location.isEmpty ? "" : " \(location)"): \(message)"
    }
}
