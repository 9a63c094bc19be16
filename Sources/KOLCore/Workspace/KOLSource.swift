import JSON

/// Where a KOL came from, so diagnostics and red flags can point into the document.
public struct KOLSource: Hashable, Sendable {
    /// Opaque to KOLCore: a document URI or a file path, set by whoever loaded the bytes.
    public var origin: String?
    /// Byte range of the KOL's object in the source bytes (for JSONL: within the whole file).
    public var range: SourceRange?
    /// 1-based line (JSONL) or data row (CSV); nil for `.kol.json`.
    public var line: Int?
    /// Byte range of each field's value, by field path relative to the KOL: `followers`, `posts[2].at`,
    /// `followerRegions.上海`. Bulk imports record only top-level fields (see `SourceDetail`).
    public var fieldRanges: [String: SourceRange] {
        get {
            let table = storedRanges.dictionary
            return rangeShift == 0 ? table : table.mapValues { $0.moved(by: rangeShift) }
        }
        set {
            storedRanges = FieldRangeTable(newValue)
            rangeShift = 0
        }
    }

    /// The ranges as decoded; `rangeShift` is added on every read. Why: when an edit earlier in an editor
    /// document moves 10^4 KOLs by a few bytes, `shift(by:)` moves each in O(1) instead of rewriting
    /// a hundred ranges per KOL.
    private var storedRanges: FieldRangeTable
    private var rangeShift = 0

    public init(origin: String? = nil, range: SourceRange? = nil, line: Int? = nil,
                fieldRanges: [String: SourceRange] = [:]) {
        self.origin = origin
        self.range = range
        self.line = line
        self.storedRanges = FieldRangeTable(fieldRanges)
    }

    /// A bulk load's source: its few top-level ranges as a list (see `FieldRangeTable`).
    init(origin: String?, range: SourceRange?, line: Int?, fieldRanges: FieldRangeTable) {
        self.origin = origin
        self.range = range
        self.line = line
        self.storedRanges = fieldRanges
    }

    /// Moves every range by `delta` bytes (the text before the KOL grew or shrank).
    public mutating func shift(by delta: Int) {
        range = range?.moved(by: delta)
        rangeShift += delta
    }

    /// The recorded range of exactly this field path, or nil.
    public func fieldRange(_ path: String) -> SourceRange? { storedRanges[path]?.moved(by: rangeShift) }

    public static func == (lhs: KOLSource, rhs: KOLSource) -> Bool {
        lhs.origin == rhs.origin && lhs.range == rhs.range && lhs.line == rhs.line
            && (lhs.rangeShift == rhs.rangeShift ? lhs.storedRanges == rhs.storedRanges : lhs.fieldRanges == rhs.fieldRanges)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(origin)
        hasher.combine(range)
        hasher.combine(line)
        hasher.combine(storedRanges.count)
    }

    /// The range of a field path, or of its nearest recorded parent (`posts[2].at` → `posts[2]` → `posts`),
    /// or the KOL's object range: a red flag always has somewhere to point.
    public func range(of path: String) -> SourceRange? {
        var current = Substring(path)
        while !current.isEmpty {
            if let found = storedRanges[String(current)] { return found.moved(by: rangeShift) }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = current[..<cut]
        }
        return range
    }
}

/// How many field ranges a loader records.
///
/// Why: an editor document wants every value's range (diagnostics, hovers); a 10^6-post bulk import would
/// spend more memory on ranges than on data, and its diagnostics carry their own ranges anyway.
public enum SourceDetail: Sendable {
    /// Every value, down to `posts[3].likes`.
    case full
    /// The KOL object and its top-level fields only.
    case topLevel
}

extension SourceRange {
    /// The same range `delta` bytes later (earlier when negative).
    func moved(by delta: Int) -> SourceRange { SourceRange(start: start + delta, end: end + delta) }
}
