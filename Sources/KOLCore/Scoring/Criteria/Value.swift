import JSON

/// Criterion 8: value for money, against peers of the same star level and per expected engagement.
struct ValueMeasurement {
    var price: Double
    var peerPrice: PeerStatistics.Reference?
    /// price / median engagements per post (CPE); nil without posts.
    var costPerEngagement: Double?
    var peerCostPerEngagement: PeerStatistics.Reference?

    var priceRatio: Double? { peerPrice.flatMap { $0.median > 0 ? price / $0.median : nil } }
    var cpeRatio: Double? {
        guard let cpe = costPerEngagement, let peer = peerCostPerEngagement, peer.median > 0 else { return nil }
        return cpe / peer.median
    }

    static func measure(_ subject: ScoringSubject) -> Measured<ValueMeasurement> {
        guard let price = subject.kol.price, price >= 0, price.isFinite else {
            return .missing([DataRequirement("price", present: false)])
        }
        let peers = subject.context.peers
        let expected = subject.features.medianEngagements
        let m = ValueMeasurement(price: price, peerPrice: peers.price(for: subject.kol),
                                 costPerEngagement: expected.flatMap { $0 > 0 ? price / $0 : nil },
                                 peerCostPerEngagement: peers.costPerEngagement(for: subject.kol))
        guard m.priceRatio != nil || m.cpeRatio != nil else {
            return .missing([DataRequirement("stars (for peer prices)", present: subject.kol.stars != nil),
                             DataRequirement("posts with counts (for cost per engagement)", present: expected != nil)])
        }
        return .measured(m)
    }

    var evidence: JSONObject {
        var object: JSONObject = ["price": .double(price)]
        if let peerPrice { object["peerMedianPrice"] = .double(Scoring.round(peerPrice.median, 0)); object["pricePeers"] = .object(peerPrice.json) }
        if let priceRatio { object["priceRatio"] = .double(Scoring.round(priceRatio, 2)) }
        if let costPerEngagement { object["costPerEngagement"] = .double(Scoring.round(costPerEngagement, 3)) }
        if let peer = peerCostPerEngagement { object["peerMedianCostPerEngagement"] = .double(Scoring.round(peer.median, 3)) }
        if let cpeRatio { object["costPerEngagementRatio"] = .double(Scoring.round(cpeRatio, 2)) }
        return object
    }
}

public struct ValueCriterion: ScoreCriterion {
    public init() {}
    /// Compared with peers of the same star level.
    public var readsPeers: Bool { true }
    public var name: ComponentName { .value }
    public var defaultWeight: Double { 0.15 }

    /// Mean of the available parts: price vs peers' median (100 at or below it, 0 at 3×) and cost per
    /// engagement vs peers' median (100 at or below it, 0 at 4×).
    public func evaluate(_ subject: ScoringSubject) -> ComponentOutcome {
        switch ValueMeasurement.measure(subject) {
        case .missing(let needed): return .missing(needed: needed)
        case .notApplicable(let reason): return .notApplicable(reason: reason)
        case .measured(let m):
            var parts: [Double] = []
            var explanation: [String] = []
            if let r = m.priceRatio {
                parts.append(Scoring.ramp(r, good: 1, bad: 3))
                explanation.append("price \(Scoring.number(r, 2))× peers' median")
            }
            if let r = m.cpeRatio, let cpe = m.costPerEngagement {
                parts.append(Scoring.ramp(r, good: 1, bad: 4))
                explanation.append("\(Scoring.number(cpe, 2)) per engagement (\(Scoring.number(r, 2))× peers)")
            }
            return .scored(value: parts.reduce(0, +) / Double(parts.count), measured: m.evidence,
                           explanation: explanation.joined(separator: ", "))
        }
    }
}

/// `price-outlier`: price far above peers or per expected engagement.
public struct PriceOutlierRule: RedFlagRule {
    public init() {}
    /// Compared with peers of the same star level.
    public var readsPeers: Bool { true }
    public var code: RedFlagCode { .priceOutlier }
    public var severity: RedFlagSeverity { .warning }
    static let maxPriceRatio = ThresholdParameter("maxPriceRatio", 3,
        source: "engineering judgement: three times the median asking price of the same star level")
    static let maxCPERatio = ThresholdParameter("maxCostPerEngagementRatio", 4,
        source: "engineering judgement: four times the peers' median cost per expected engagement")
    public var parameters: [ThresholdParameter] { [Self.maxPriceRatio, Self.maxCPERatio] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        ValueMeasurement.measure(subject).judge { m in
            let priceLimit = subject.threshold(self, Self.maxPriceRatio)
            let cpeLimit = subject.threshold(self, Self.maxCPERatio)
            var evidence = m.evidence
            evidence["threshold"] = ["maxPriceRatio": .double(priceLimit), "maxCostPerEngagementRatio": .double(cpeLimit)]
            var reasons: [String] = []
            if let r = m.priceRatio, r > priceLimit, let peer = m.peerPrice {
                reasons.append("the price \(Scoring.compact(m.price)) is \(Scoring.number(r, 1))× the median of peers (\(Scoring.compact(peer.median)))")
            }
            if let r = m.cpeRatio, r > cpeLimit, let cpe = m.costPerEngagement {
                reasons.append("each expected engagement costs \(Scoring.number(cpe, 2)), \(Scoring.number(r, 1))× what peers charge")
            }
            guard !reasons.isEmpty else { return .passed(evidence: evidence) }
            return subject.flag(self, message: reasons.joined(separator: "; ").capitalisedFirst + ": negotiate or compare before booking.",
                                evidence: evidence, needed: [DataRequirement("price", present: true)], field: "price")
        }
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
