/// Followers by region, as the source gave them: counts, or shares summing to at most 1.
///
/// Why keep the form: a share table and a count table need different maths (counts are divided by the
/// follower total); guessing silently would turn a count of 1 into 100 %. The form is decided once, when the
/// table is read: any value above 1 means counts; otherwise shares.
public struct FollowerRegions: Hashable, Sendable {
    public enum Form: String, Hashable, Sendable { case shares, counts }

    public struct Entry: Hashable, Sendable {
        public var region: String
        public var value: Double
        public init(region: String, value: Double) { self.region = region; self.value = value }
    }

    /// In source order.
    public var entries: [Entry]
    public var form: Form

    public init(entries: [Entry], form: Form) {
        self.entries = entries
        self.form = form
    }

    /// Decides the form from the values: any value above 1 means counts.
    public init(entries: [Entry]) {
        self.init(entries: entries, form: entries.contains { $0.value > 1 } ? .counts : .shares)
    }

    /// Sum of the values (a share total, or a count total).
    public var total: Double { entries.reduce(0) { $0 + $1.value } }

    /// The share of followers in each region. Counts are divided by `followers` when known, else by the
    /// sum of counts (the regions listed are then all there is).
    public func shares(followers: Int? = nil) -> [Entry] {
        switch form {
        case .shares:
            return entries
        case .counts:
            let denominator = followers.map(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? total
            guard denominator > 0 else { return entries.map { Entry(region: $0.region, value: 0) } }
            return entries.map { Entry(region: $0.region, value: $0.value / denominator) }
        }
    }

    public subscript(region: String) -> Double? { entries.first { $0.region == region }?.value }
}
