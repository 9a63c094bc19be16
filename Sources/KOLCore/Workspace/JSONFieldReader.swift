#if canImport(Glibc)
import Glibc  // libm: Double.rounded() links against it on Linux
#endif
import JSON

/// Reads typed values out of JSON nodes, reporting wrong types with the value's range.
///
/// The reader knows where it is (`path`, relative to the object being decoded: a KOL, or the brief);
/// `pathPrefix` turns that into a document path for diagnostics. Visited values' ranges are recorded by
/// path: every value for `.full` detail, the top-level fields only for `.topLevel` (a bulk load), which
/// then never renders a nested path unless a diagnostic names it.
struct JSONFieldReader {
    let pathPrefix: String
    var kolID: String?
    var line: Int?
    /// Added to every range (a JSONL line's offset within the file).
    var offset: Int
    let detail: SourceDetail
    /// Every value's range (`.full`).
    var ranges: [String: SourceRange] = [:]
    /// The top-level fields' ranges (`.topLevel`): a short list, no dictionary per KOL.
    var topLevelRanges: [FieldRangeTable.Entry] = []
    var diagnostics: [DataQualityDiagnostic] = []
    /// The value being read, relative to the decoded object; parts are pushed and popped as the reader
    /// descends, so no text is built per value.
    private(set) var path = FieldPath()
    /// How many list positions `path` holds: a path below a list is never a top-level field, and most
    /// values a bulk load visits are (`posts[2].likes`), so `record` skips them on this count alone.
    private var listDepth = 0

    init(pathPrefix: String, kolID: String? = nil, line: Int? = nil, offset: Int = 0, detail: SourceDetail = .full) {
        self.pathPrefix = pathPrefix
        self.kolID = kolID
        self.line = line
        self.offset = offset
        self.detail = detail
    }

    func shifted(_ range: SourceRange) -> SourceRange {
        SourceRange(start: range.start + offset, end: range.end + offset)
    }

    /// Runs `body` one level deeper (at `key` of the current object).
    mutating func within<T>(_ key: String, _ body: (inout JSONFieldReader) -> T) -> T {
        path.parts.append(.key(key))
        defer { path.parts.removeLast() }
        return body(&self)
    }

    /// Runs `body` at element `index` of the current list.
    mutating func within<T>(_ index: Int, _ body: (inout JSONFieldReader) -> T) -> T {
        path.parts.append(.index(index))
        listDepth += 1
        defer {
            path.parts.removeLast()
            listDepth -= 1
        }
        return body(&self)
    }

    /// Records the range of the value at the current path (see `detail`).
    /// The ranges recorded, in the form `detail` asks for.
    var fieldRanges: FieldRangeTable {
        switch detail {
        case .full: FieldRangeTable(ranges)
        case .topLevel: FieldRangeTable(list: topLevelRanges)
        }
    }

    mutating func record(_ node: JSONNode) {
        switch detail {
        case .full:
            ranges[path.joinedText] = shifted(node.range)
        case .topLevel:
            if listDepth == 0, let key = path.topLevelText { topLevelRanges.record(key, shifted(node.range)) }
        }
    }

    /// Reports at the current path, or at its member `child`.
    mutating func report(_ code: DataQualityCode, _ message: String, _ node: JSONNode, child: String? = nil,
                         severity: DiagnosticSeverity? = nil, numbers: [String: Double] = [:]) {
        let text = child.map { join(path.joinedText, $0) } ?? path.joinedText
        diagnostics.append(DataQualityDiagnostic(code: code, severity: severity, message: message,
                                                 range: shifted(node.range), path: join(pathPrefix, text),
                                                 kolId: kolID, line: line, numbers: numbers))
    }

    mutating func wrongType(_ node: JSONNode, expected: String) {
        report(.wrongType, "\(label(path.joinedText)) should be \(expected); found \(describe(node)).", node)
    }

    /// Reports a wrong type at `path` below the current one (callers that decode a lone value, e.g. a
    /// request's `campaign`).
    mutating func wrongType(_ node: JSONNode, _ path: String, expected: String) {
        within(path) { $0.wrongType(node, expected: expected) }
    }

    // MARK: Scalars (nil for null, and for wrong types after reporting them)

    mutating func string(_ node: JSONNode) -> String? {
        if node.isNull { return nil }
        guard let value = node.string else { wrongType(node, expected: "text"); return nil }
        return value
    }

    mutating func bool(_ node: JSONNode) -> Bool? {
        if node.isNull { return nil }
        guard let value = node.bool else { wrongType(node, expected: "true or false"); return nil }
        return value
    }

    mutating func double(_ node: JSONNode) -> Double? {
        if node.isNull { return nil }
        guard node.kind == .number, let value = node.double, value.isFinite else {
            wrongType(node, expected: "a number")
            return nil
        }
        return value
    }

    /// A whole number. `3.5e5` is accepted (it is whole); `12.5` is `not-an-integer`.
    mutating func integer(_ node: JSONNode) -> Int? {
        if node.isNull { return nil }
        if let exact = node.int { return Int(exact) }
        guard node.kind == .number, let value = node.double, value.isFinite else {
            wrongType(node, expected: "a whole number")
            return nil
        }
        guard value.rounded() == value, abs(value) < 9e18 else {
            report(.notAnInteger, "\(label(path.joinedText)) must be a whole number; it is \(number(value)).", node,
                   numbers: ["value": value])
            return nil
        }
        return Int(value)
    }

    mutating func date(_ node: JSONNode) -> KOLDate? {
        // A valid date is read from the bytes: a `String` for it was an allocation per post. Anything
        // else takes the path below, which reports it.
        var parsed: KOLDate?
        if node.withUnescapedStringBytes({ parsed = KOLDate.parse(bytes: $0) }), let parsed { return parsed }
        guard let text = string(node) else { return nil }
        guard let date = KOLDate.parse(text) else {
            report(.invalidDate,
                   "\(label(path.joinedText)) \"\(text)\" is not a date; write YYYY-MM-DD or 2026-10-01T12:00:00+08:00.",
                   node)
            return nil
        }
        return date
    }

    /// A list of strings; non-string elements are reported and left out.
    mutating func strings(_ node: JSONNode) -> [String]? {
        if node.isNull { return nil }
        guard node.kind == .array else { wrongType(node, expected: "a list of text"); return nil }
        var result: [String] = []
        node.forEachElement { index, element in
            within(index) { r in
                r.record(element)
                if let text = r.string(element) { result.append(text) }
            }
        }
        return result
    }

    /// A list of objects, each decoded by `decode` (at the element's path); non-object elements are
    /// reported and left out.
    mutating func objects<T>(_ node: JSONNode, expected: String,
                             _ decode: (inout JSONFieldReader, JSONNode) -> T) -> [T]? {
        if node.isNull { return nil }
        guard node.kind == .array else { wrongType(node, expected: "a list of \(expected)"); return nil }
        var result: [T] = []
        result.reserveCapacity(node.count)
        node.forEachElement { index, element in
            within(index) { r in
                r.record(element)
                guard element.kind == .object else {
                    r.wrongType(element, expected: expected == "posts" ? "a post object" : "an object")
                    return
                }
                result.append(decode(&r, element))
            }
        }
        return result
    }

    /// Walks an object's members: records each value's range, lets `field` decode known keys (returning
    /// whether it accepted the value; the reader is at the member's path), and keeps unknown or rejected
    /// values as written in `extra`.
    mutating func members(of node: JSONNode, extra: inout JSONObject,
                          _ field: (inout JSONFieldReader, String, JSONNode) -> Bool?) {
        node.forEachMember { key, value in
            let outcome = within(key) { r in
                r.record(value)
                return field(&r, key, value)
            }
            switch outcome {
            case .none:
                extra[key] = value.value()   // unknown field: kept, never an error
            case .some(false) where !value.isNull:
                extra[key] = value.value()   // rejected: kept as written for the user to fix
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
