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
    public var fieldRanges: [String: SourceRange]

    public init(origin: String? = nil, range: SourceRange? = nil, line: Int? = nil,
                fieldRanges: [String: SourceRange] = [:]) {
        self.origin = origin
        self.range = range
        self.line = line
        self.fieldRanges = fieldRanges
    }

    /// The range of a field path, or of its nearest recorded parent (`posts[2].at` → `posts[2]` → `posts`),
    /// or the KOL's object range: a red flag always has somewhere to point.
    public func range(of path: String) -> SourceRange? {
        var current = Substring(path)
        while !current.isEmpty {
            if let found = fieldRanges[String(current)] { return found }
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
