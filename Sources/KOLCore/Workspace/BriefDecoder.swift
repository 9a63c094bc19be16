import JSON

/// Decodes the campaign brief (from a `.kol.json` document or a `kol/setBrief` request).
public enum BriefDecoder {
    /// - Parameter pathPrefix: the brief's document path for diagnostics (`brief`; empty for a lone brief).
    public static func decode(_ node: JSONNode, pathPrefix: String = "brief")
        -> (brief: Brief?, diagnostics: [DataQualityDiagnostic]) {
        var reader = JSONFieldReader(pathPrefix: pathPrefix)
        if node.isNull { return (nil, []) }
        guard node.kind == .object else {
            reader.wrongType(node, expected: "a brief object")
            return (nil, reader.diagnostics)
        }
        var brief = Brief()
        reader.members(of: node, extra: &brief.extra) { r, key, value in
            switch key {
            case "product": return accept(&brief.product, r.string(value))
            case "keywords": return accept(&brief.keywords, r.strings(value))
            case "targetRegions": return accept(&brief.targetRegions, r.strings(value))
            case "tone": return accept(&brief.tone, tone(&r, value))
            case "budget":
                guard let budget = r.double(value) else { return false }
                if budget < 0 {
                    r.report(.negativeAmount, "The budget cannot be negative (\(number(budget))).", value,
                             numbers: ["value": budget])
                    return false
                }
                brief.budget = budget
                return true
            case "currency": return accept(&brief.currency, r.string(value))
            case "weights": return accept(&brief.weights, weights(&r, value))
            case "thresholds":
                if value.isNull { return false }
                guard value.kind == .object, case .object(let object) = value.value() else {
                    r.wrongType(value, expected: "an object of rule code: threshold")
                    return false
                }
                brief.thresholds = object
                return true
            default: return nil
            }
        }
        return (brief, reader.diagnostics)
    }

    static func tone(_ r: inout JSONFieldReader, _ node: JSONNode) -> BriefTone? {
        if node.isNull { return nil }
        if let text = node.string {
            guard let preset = TonePreset(rawValue: text) else {
                let known = TonePreset.allCases.map(\.rawValue).joined(separator: ", ")
                r.report(.unknownTonePreset, "\"\(text)\" is not a tone preset; use one of \(known), or give samples.",
                         node)
                return nil
            }
            return .preset(preset)
        }
        guard node.kind == .object, let samples = node["samples"] else {
            r.wrongType(node, expected: "a preset name or { \"samples\": [text] }")
            return nil
        }
        return r.within("samples") { $0.strings(samples) }.map(BriefTone.samples)
    }

    static func weights(_ r: inout JSONFieldReader, _ node: JSONNode) -> [String: Double]? {
        if node.isNull { return nil }
        guard node.kind == .object else {
            r.wrongType(node, expected: "an object of component: weight")
            return nil
        }
        var weights: [String: Double] = [:]
        for member in node.members {
            let valid = r.within(member.key) { r -> Bool in
                guard let weight = r.double(member.value) else { return false }
                if weight < 0 {
                    r.report(.negativeWeight, "The weight of \(member.key) cannot be negative (\(number(weight))).",
                             member.value, numbers: ["value": weight])
                    return false
                }
                weights[member.key] = weight
                return true
            }
            if !valid { return nil }
        }
        return weights
    }
}
