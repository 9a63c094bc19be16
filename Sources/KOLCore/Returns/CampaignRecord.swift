import JSON

/// `kol/recordCampaign` in the core: decode one campaign from a request with exactly the rules the loader
/// applies to `campaigns[i]` (types, required fields, negative amounts, dates in the future, end before
/// start), then store it with its KOL.
package enum CampaignRecord {
    /// The outcome of decoding a request's campaign.
    package struct Decoded: Sendable {
        /// nil when the node was not an object or a required field is missing or invalid.
        package var campaign: Campaign?
        /// Paths are `campaign.<field>` (relative to the request params).
        package var diagnostics: [DataQualityDiagnostic]
    }

    /// Fields the contract requires of a campaign. Why refuse without them: a campaign with no id cannot
    /// be replaced later, and one with no cost or start date cannot be measured or placed in time.
    package static let requiredFields = ["id", "start", "cost"]

    /// Decodes `node` as the campaign of KOL `kolID`. A wrong type, a missing required field or an
    /// invalid required value (negative cost, a start in the future) refuses it; invalid optional values
    /// are cleared and kept in `extra`, as on load, and reported as warnings or errors by their code.
    package static func decode(_ node: JSONNode, kolID: String, now: KOLDate, path: String = "campaign") -> Decoded {
        var reader = JSONFieldReader(pathPrefix: "", kolID: kolID)
        guard node.kind == .object else {
            reader.wrongType(node, path, expected: "a campaign object")
            return Decoded(campaign: nil, diagnostics: reader.diagnostics.map(withoutRange))
        }
        var campaign = KOLDecoder.campaign(&reader, node, path)
        // The validator works on whole KOLs; run it on a KOL holding only this campaign and name the
        // request's path in what it reports.
        var holder = KOL(id: kolID, campaigns: [campaign])
        let validation = KOLValidator(now: now).validate(&holder, pathPrefix: "", ranges: [:])
        campaign = holder.campaigns?.first ?? campaign
        let renamed = validation.map { diagnostic -> DataQualityDiagnostic in
            var copy = diagnostic
            if let p = copy.path, p.hasPrefix("campaigns[0]") { copy.path = path + p.dropFirst("campaigns[0]".count) }
            return copy
        }
        let diagnostics = (reader.diagnostics + renamed).map(withoutRange)
        let incomplete = campaign.id == nil || campaign.start == nil || campaign.cost == nil
        let refused = incomplete || diagnostics.contains { $0.severity == .error }
        return Decoded(campaign: refused ? nil : campaign, diagnostics: diagnostics)
    }

    /// What storing did.
    package enum Change: String, Sendable {
        case added, replaced
    }

    /// The KOL with `campaign` stored: it replaces a campaign with the same id (a corrected report), else
    /// it is appended (campaigns stay in the order they were recorded).
    package static func recording(_ campaign: Campaign, in kol: KOL) -> (kol: KOL, change: Change) {
        var copy = kol
        var campaigns = kol.campaigns ?? []
        if let id = campaign.id, let index = campaigns.firstIndex(where: { $0.id == id }) {
            campaigns[index] = campaign
            copy.campaigns = campaigns
            return (copy, .replaced)
        }
        campaigns.append(campaign)
        copy.campaigns = campaigns
        return (copy, .added)
    }

    /// Ranges of request-borne values point into the request message, which means nothing to a client.
    private static func withoutRange(_ diagnostic: DataQualityDiagnostic) -> DataQualityDiagnostic {
        var copy = diagnostic
        copy.range = nil
        copy.line = nil
        return copy
    }
}
