/// A stable red-flag code such as `stars-followers-mismatch`.
///
/// Why a struct and not an enum: later analyses (tone, fan audit) add codes in their own files
/// (`extension RedFlagCode { static let toneClash = ... }`) without editing a central switch.
public struct RedFlagCode: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: RedFlagCode, b: RedFlagCode) -> Bool { a.rawValue < b.rawValue }

    public static let starsFollowersMismatch = RedFlagCode("stars-followers-mismatch")
    public static let growthSpike = RedFlagCode("growth-spike")
    public static let youngAccountFastGrowth = RedFlagCode("young-account-fast-growth")
    public static let lowEngagement = RedFlagCode("low-engagement")
    public static let boughtReposts = RedFlagCode("bought-reposts")
    public static let engagementConcentrated = RedFlagCode("engagement-concentrated")
    public static let silentKOL = RedFlagCode("silent-kol")
    public static let generalist = RedFlagCode("generalist")
    public static let offTopic = RedFlagCode("off-topic")
    public static let offRegion = RedFlagCode("off-region")
    public static let dormant = RedFlagCode("dormant")
    public static let priceOutlier = RedFlagCode("price-outlier")
    public static let noOtherMedia = RedFlagCode("no-other-media")
    public static let channelTopicMismatch = RedFlagCode("channel-topic-mismatch")
}

/// How serious a red flag is. Error-severity flags make `kol-engine check` exit with status 1.
public enum RedFlagSeverity: String, Hashable, Sendable, Comparable, CaseIterable {
    /// Decides, not nudges: the numbers point at a bought audience (fake fans, bought reposts, followers far
    /// above the star level) or the KOL does not fit this brief at all (off-topic, off-region, dormant, a
    /// clashing tone). Such a KOL is kept out of the shortlist, the pilot and exploration by default.
    case error
    /// A real weakness for this brief: look before booking.
    case warning
    /// Worth knowing; rarely a reason to drop a KOL on its own.
    case information

    /// LSP `DiagnosticSeverity` (1 error, 2 warning, 3 information), for editor diagnostics only.
    public var lspSeverity: Int {
        switch self {
        case .error: return 1
        case .warning: return 2
        case .information: return 3
        }
    }

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: RedFlagSeverity, b: RedFlagSeverity) -> Bool { a.rank < b.rank }
}
