import Foundation
import JSON

/// Fan samples as the fan audit and the overlap read them: decoded from a request with the loader's
/// rules, and mapped from the workspace `Fan` onto the audit's `FanProfile`, field for field.
package enum FanSampleInput {
    /// Decodes inline `fans` (an array of fan objects) with the loader's type and value rules. Paths in
    /// diagnostics are `fans[i].<field>`. A non-object element becomes an empty fan (listed, not
    /// assessed) and a `wrong-type` diagnostic.
    package static func decode(_ nodes: [JSONNode], now: KOLDate, path: String = "fans") -> (fans: [Fan], diagnostics: [DataQualityDiagnostic]) {
        var reader = JSONFieldReader(pathPrefix: "")
        var fans: [Fan] = []
        for (index, node) in nodes.enumerated() {
            let p = "\(path)[\(index)]"
            guard node.kind == .object else {
                reader.wrongType(node, p, expected: "a fan object")
                fans.append(Fan())
                continue
            }
            fans.append(KOLDecoder.fan(&reader, node, p))
        }
        var holder = KOL(id: "request", fanSample: fans)
        let validation = KOLValidator(now: now).validate(&holder, pathPrefix: "", ranges: [:])
        let renamed = validation.map { d -> DataQualityDiagnostic in
            var copy = d
            copy.kolId = nil
            if let p = copy.path, p.hasPrefix("fanSample") { copy.path = path + p.dropFirst("fanSample".count) }
            return copy
        }
        let diagnostics = (reader.diagnostics + renamed).map { d -> DataQualityDiagnostic in
            var copy = d
            copy.range = nil
            copy.line = nil
            return copy
        }
        return (holder.fanSample ?? fans, diagnostics)
    }

    /// The audit's view of a workspace fan: dates become instants, `reposts`/`links` the shares.
    package static func entry(_ fan: Fan) -> FanSampleEntry {
        FanSampleEntry(id: fan.id, profile: FanProfile(
            followers: fan.followers, following: fan.following, posts: fan.posts,
            createdAt: fan.createdAt.map { Date(timeIntervalSince1970: $0.timeInterval) }, avatar: fan.avatar,
            bio: fan.bio, location: fan.location, verified: fan.verified,
            lastPostAt: fan.lastPostAt.map { Date(timeIntervalSince1970: $0.timeInterval) },
            repostShare: fan.reposts, linkShare: fan.links))
    }
}
