/// The file formats of the data contract, named by extension.
enum WorkspaceFormat: String, Sendable {
    /// `{ "version": 1, "brief": …, "kols": […] }`.
    case kolJSON = "kol.json"
    /// One KOL object per line; no brief.
    case kolsJSONL = "kols.jsonl"
    /// `kols.csv` with an optional `posts.csv` beside it. Read only.
    case csv

    /// By file name: `*.kol.json`, `*.kols.jsonl`, `*.csv` (the KOL table; `kols.csv` by convention).
    init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init)?.lowercased() ?? ""
        if name.hasSuffix(".kol.json") { self = .kolJSON }
        else if name.hasSuffix(".kols.jsonl") { self = .kolsJSONL }
        else if name.hasSuffix(".csv") { self = .csv }
        else { return nil }
    }

    /// By `format` param: the extension names, with or without the leading dot, plus `json`/`jsonl`.
    init?(name: String) {
        var key = name.lowercased()
        if key.hasPrefix(".") { key.removeFirst() }
        switch key {
        case "kol.json", "json": self = .kolJSON
        case "kols.jsonl", "jsonl": self = .kolsJSONL
        case "csv", "kols.csv": self = .csv
        default: return nil
        }
    }
}
