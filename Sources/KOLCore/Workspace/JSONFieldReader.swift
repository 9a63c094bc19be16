#if canImport(Glibc)
import Glibc  // libm: Double.rounded() links against it on Linux
#endif
import JSON

/// Reads typed values out of JSON nodes, reporting wrong types with the value's range.
///
/// Paths given to it are relative to the object being decoded (a KOL, or the brief); `pathPrefix` turns
/// them into document paths for diagnostics. Every visited value's range is recorded by relative path.
struct JSONFieldReader {
    let pathPrefix: String
    var kolID: String?
    var line: Int?
    /// Added to every range (a JSONL line's offset within the file).
    var offset: Int
    var ranges: [String: SourceRange] = [:]
    var diagnostics: [DataQualityDiagnostic] = []

    init(pathPrefix: String, kolID: String? = nil, line: Int? = nil, offset: Int = 0) {
        self.pathPrefix = pathPrefix
        self.kolID = kolID
        self.line = line
        self.offset = offset
    }

    func shifted(_ range: SourceRange) -> SourceRange {
        SourceRange(start: range.start + offset, end: range.end + offset)
    }

    mutating func record(_ path: String, _ node: JSONNode) { ranges[path] = shifted(node.range) }

    mutating func report(_ code: DataQualityCode, _ message: String, _ node: JSONNode, _ path: String,
                         severity: DiagnosticSeverity? = nil, numbers: [String: Double] = [:]) {
        diagnostics.append(DataQualityDiagnostic(code: code, severity: severity, message: message,
                                                 range: shifted(node.range), path: join(pathPrefix, path),
                                                 kolId: kolID, line: line, numbers: numbers))
    }

    mutating func wrongType(_ node: JSONNode, _ path: String, expected: String) {
        report(.wrongType, "\(label(path)) should be \(expected); found \(describe(node)).", node, path)
    }

    // MARK: Scalars (nil for null, and for wrong types after reporting them)

    mutating func string(_ node: JSONNode, _ path: String) -> String? {
        if node.isNull { return nil }
        guard let value = node.string else { wrongType(node, path, expected: "text"); return nil }
        return value
    }

    mutating func bool(_ node: JSONNode, _ path: String) -> Bool? {
        if node.isNull { return nil }
        guard let value = node.bool else { wrongType(node, path, expected: "true or false"); return nil }
        return value
    }

    mutating func double(_ node: JSONNode, _ path: String) -> Double? {
        if node.isNull { return nil }
        guard node.kind == .number, let value = node.double, value.isFinite else {
            wrongType(node, path, expected: "a number")
            return nil
        }
        return value
    }

    /// A whole number. `3.5e5` is accepted (it is whole); `12.5` is `not-an-integer`.
    mutating func integer(_ node: JSONNode, _ path: String) -> Int? {
        if node.isNull { return nil }
        if let exact = node.int { return Int(exact) }
        guard node.kind == .number, let value = node.double, value.isFinite else {
            wrongType(node, path, expected: "a whole number")
            return nil
        }
        guard value.rounded() == value, abs(value) < 9e18 else {
            report(.notAnInteger, "\(label(path)) must be a whole number; it is \(number(value)).", node, path,
                   numbers: ["value": value])
            return nil
        }
        return Int(value)
    }

    mutating func date(_ node: JSONNode, _ path: String) -> KOLDate? {
        guard let text = string(node, path) else { return nil }
        guard let date = KOLDate.parse(text) else {
            report(.invalidDate, "\(label(path)) \"\(text)\" is not a date; write YYYY-MM-DD or 2026-10-01T12:00:00+08:00.",
                   node, path)
            return nil
        }
        return date
    }

    /// A list of strings; non-string elements are reported and left out.
    mutating func strings(_ node: JSONNode, _ path: String) -> [String]? {
        if node.isNull { return nil }
        guard node.kind == .array else { wrongType(node, path, expected: "a list of text"); return nil }
        var result: [String] = []
        for (index, element) in node.elements.enumerated() {
            let elementPath = "\(path)[\(index)]"
            record(elementPath, element)
            if let text = string(element, elementPath) { result.append(text) }
        }
        return result
    }

    /// A list of objects, each decoded by `decode`; non-object elements are reported and left out.
    mutating func objects<T>(_ node: JSONNode, _ path: String, expected: String,
                             _ decode: (inout JSONFieldReader, JSONNode, String) -> T) -> [T]? {
        if node.isNull { return nil }
        guard node.kind == .array else { wrongType(node, path, expected: "a list of \(expected)"); return nil }
        var result: [T] = []
        for (index, element) in node.elements.enumerated() {
            let elementPath = "\(path)[\(index)]"
            record(elementPath, element)
            guard element.kind == .object else {
                wrongType(element, elementPath, expected: expected == "posts" ? "a post object" : "an object")
                continue
            }
            result.append(decode(&self, element, elementPath))
        }
        return result
    }

    /// Walks an object's members: records each value's range, lets `field` decode known keys (returning
    /// whether it accepted the value), and keeps unknown or rejected values as written in `extra`.
    mutating func members(of node: JSONNode, _ path: String, extra: inout JSONObject,
                          _ field: (inout JSONFieldReader, String, JSONNode, String) -> Bool?) {
        for member in node.members {
            let memberPath = join(path, member.key)
            record(memberPath, member.value)
            switch field(&self, member.key, member.value, memberPath) {
            case .none:
                extra[member.key] = member.value.value()   // unknown field: kept, never an error
            case .some(false) where !member.value.isNull:
                extra[member.key] = member.value.value()   // rejected: kept as written for the user to fix
            case .some:
                break
            }
        }
    }

    private func label(_ path: String) -> String {
        let last = path.split(whereSeparator: { $0 == "." }).last.map(String.init) ?? path
        return last.isEmpty ? "The value" : last
    }

    private func describe(_ node: JSONNode) -> String {
        switch node.kind {
        case .null: return "null"
        case .bool: return node.bool == true ? "true" : "false"
        case .number: return "the number \(node.double.map(number) ?? "?")"
        case .string: return "the text \"\(String((node.string ?? "").prefix(40)))\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

/// Joins path segments: `join("posts[2]", "at")` is `posts[2].at`; an empty side is dropped.
func join(_ prefix: String, _ path: String) -> String {
    if prefix.isEmpty { return path }
    if path.isEmpty { return prefix }
    return path.hasPrefix("[") ? prefix + path : prefix + "." + path
}

/// Records a field's decoded value; returns whether the value was accepted (non-nil).
func accept<T>(_ target: inout T?, _ value: T?) -> Bool {
    target = value
    return value != nil
}
