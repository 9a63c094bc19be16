import JSON

/// A place inside a decoded KOL (or brief): `posts[2].at` as the parts `posts`, `2`, `at`.
///
/// Why parts and not text: a bulk load visits ~80 values per KOL, and building a path `String` for each
/// (plus a dictionary entry) cost more than parsing the JSON. The text is rendered only when a
/// diagnostic names the path or an editor document records every value's range.
struct FieldPath: ExpressibleByStringLiteral {
    enum Part {
        case key(String)
        case index(Int)
    }

    var parts: [Part] = []

    init() {}

    init(stringLiteral key: String) { parts = [.key(key)] }

    init(_ key: String, _ index: Int) { parts = [.key(key), .index(index)] }

    func appending(_ key: String) -> FieldPath {
        var copy = self
        copy.parts.append(.key(key))
        return copy
    }

    func appending(_ key: String, _ index: Int) -> FieldPath {
        var copy = self
        copy.parts.append(.key(key))
        copy.parts.append(.index(index))
        return copy
    }

    /// The decoder's spelling, as `join` has always built it: `a.b`, `a[3]`, an empty key adds nothing,
    /// a key starting with `[` is appended without a dot.
    var joinedText: String {
        var text = ""
        for part in parts {
            switch part {
            case .key(let key): text = join(text, key)
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The validator's spelling: every key after the first is written after a dot
    /// (`followerRegions.` + region, whatever the region's name).
    var dottedText: String {
        var text = ""
        for part in parts {
            switch part {
            case .key(let key): text = text.isEmpty ? key : text + "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The `joinedText` when it names a top-level field (no `.` and no `[` in it), else nil; without
    /// building the text for the nested paths a bulk load visits.
    var topLevelText: String? {
        // Most visited values sit below a list (`posts[2].likes`): an index settles it without a byte scan.
        // Two non-empty keys are joined by a dot, whatever their bytes: `followerRegions.上海` settles
        // here, without scanning both keys.
        var nonEmptyKeys = 0
        for part in parts {
            switch part {
            case .index: return nil
            case .key(let key): if !key.isEmpty { nonEmptyKeys += 1 }
            }
        }
        if nonEmptyKeys > 1 { return nil }
        if parts.count == 1, case .key(let key) = parts[0] {
            return key.utf8.contains(where: { $0 == 0x2E || $0 == 0x5B }) ? nil : key
        }
        var found: String?
        for part in parts {
            guard case .key(let key) = part else { return nil }
            if key.utf8.contains(where: { $0 == 0x2E || $0 == 0x5B }) { return nil }
            if key.isEmpty { continue }
            if found != nil { return nil }  // two non-empty keys are joined by a dot
            found = key
        }
        return found ?? ""
    }
}

/// Where the validator finds the byte range of a path it reports.
enum FieldRangeLookup {
    /// Ranges recorded by path (`dottedText`), e.g. a KOL's `source.fieldRanges` on upsert.
    case table([String: SourceRange])
    /// The KOL's decoded object: the path is walked only when a finding needs its range (the last member
    /// of a repeated key, as every lookup). `offset` is added (a JSONL line's offset in the file).
    case node(JSONNode, offset: Int)

    func range(of path: FieldPath) -> SourceRange? {
        switch self {
        case .table(let table):
            return table[path.dottedText]
        case .node(let root, let offset):
            var node = root
            for part in path.parts {
                let next: JSONNode?
                switch part {
                case .key(let key): next = node[key]
                case .index(let index): next = node[index]
                }
                guard let next else { return nil }
                node = next
            }
            return node.range.moved(by: offset)
        }
    }
}
