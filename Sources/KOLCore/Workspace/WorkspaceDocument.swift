import JSON

/// Loads a whole `.kol.json` document: `{ "version": 1, "brief": {...}, "kols": [...] }`.
public enum WorkspaceDocument {
    public struct LoadResult: Sendable {
        /// The KOLs that could be read; a KOL without a usable id or with a repeated id is left out.
        public var workspace: Workspace
        public var diagnostics: [DataQualityDiagnostic]
    }

    /// Never throws: bytes that are not JSON give an empty workspace and one `invalid-json` diagnostic.
    public static func load(bytes: [UInt8], origin: String? = nil, now: KOLDate, detail: SourceDetail = .full,
                            limits: JSONLimits = .default) -> LoadResult {
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: bytes, limits: limits)
        } catch {
            let position = min(max(error.offset, 0), bytes.count)
            return LoadResult(workspace: Workspace(), diagnostics: [DataQualityDiagnostic(
                code: .invalidJSON, message: "The file is not valid JSON: \(error.message).",
                range: SourceRange(start: position, end: min(position + 1, bytes.count)))])
        }
        return load(document, origin: origin, now: now, detail: detail)
    }

    public static func load(_ document: JSONDocument, origin: String? = nil, now: KOLDate,
                            detail: SourceDetail = .full) -> LoadResult {
        var diagnostics = document.duplicateKeys.map {
            DataQualityDiagnostic(code: .duplicateKey, message: "This key appears twice in the same object; the last one counts.",
                                  range: $0)
        }
        var reader = JSONFieldReader(pathPrefix: "")
        let root = document.root
        guard root.kind == .object else {
            reader.wrongType(root, expected: "a workspace object { \"version\": 1, \"brief\": …, \"kols\": […] }")
            return LoadResult(workspace: Workspace(), diagnostics: diagnostics + reader.diagnostics)
        }
        var workspace = Workspace()
        var kolNodes: [JSONNode] = []
        reader.members(of: root, extra: &workspace.extra) { r, key, value in
            switch key {
            case "version":
                guard let version = r.integer(value) else { return false }
                if version != Workspace.supportedVersion {
                    r.report(.unsupportedVersion,
                             "This file is workspace version \(version); this engine reads version \(Workspace.supportedVersion).",
                             value, numbers: ["value": Double(version), "supported": Double(Workspace.supportedVersion)])
                    return false
                }
                return true
            case "brief":
                let (brief, found) = BriefDecoder.decode(value, pathPrefix: "brief")
                r.diagnostics += found
                workspace.brief = brief
                return brief != nil
            case "kols":
                guard value.kind == .array else {
                    if !value.isNull { r.wrongType(value, expected: "a list of KOLs") }
                    return false
                }
                kolNodes = value.elements
                return true
            default:
                return nil
            }
        }
        if root["version"] == nil {
            reader.report(.missingField, "The file does not say its version; add \"version\": 1.", root,
                          numbers: [:])
        }
        diagnostics += reader.diagnostics
        for (index, node) in kolNodes.enumerated() {
            let path = "kols[\(index)]"
            let (kol, found) = KOLDecoder.decode(node, origin: origin, now: now, pathPrefix: path, detail: detail)
            diagnostics += found
            guard let kol else { continue }
            if workspace.contains(id: kol.id) {
                diagnostics.append(DataQualityDiagnostic(code: .duplicateID,
                    message: "Another KOL above already has the id \"\(kol.id)\"; this one is ignored.",
                    range: kol.source?.range(of: "id"), path: path + ".id", kolId: kol.id))
                continue
            }
            workspace.store(kol)
        }
        return LoadResult(workspace: workspace, diagnostics: diagnostics)
    }
}
