/// Stable codes of data-quality diagnostics (kebab-case on the wire). protocol.md §4 lists them all.
public enum DataQualityCode: String, Hashable, Sendable, CaseIterable {
    /// The bytes are not JSON (or a JSONL line is not).
    case invalidJSON = "invalid-json"
    /// `version` is not 1.
    case unsupportedVersion = "unsupported-version"
    /// A value has the wrong JSON type (a string where a number belongs, …).
    case wrongType = "wrong-type"
    /// A KOL has no usable `id`.
    case missingID = "missing-id"
    /// Two KOLs share an id; the later one is ignored.
    case duplicateID = "duplicate-id"
    /// An object repeats a key; the last one wins.
    case duplicateKey = "duplicate-key"
    /// A field the contract requires (post `at`, campaign `cost`, …) is absent.
    case missingField = "missing-field"
    case negativeFollowers = "negative-followers"
    /// A negative count (reposts, comments, likes, impressions, …).
    case negativeCount = "negative-count"
    case negativePrice = "negative-price"
    /// A negative budget, cost or revenue.
    case negativeAmount = "negative-amount"
    case starsOutOfRange = "stars-out-of-range"
    /// A count with a fraction (`followers: 12.5`).
    case notAnInteger = "not-an-integer"
    case invalidDate = "invalid-date"
    case postInFuture = "post-in-future"
    /// A creation date, history point or campaign date after now.
    case dateInFuture = "date-in-future"
    case regionSharesOverOne = "region-shares-over-one"
    case negativeRegionValue = "negative-region-value"
    /// A fan's repost or link share outside 0–1.
    case shareOutOfRange = "share-out-of-range"
    case unknownStage = "unknown-stage"
    case unknownTonePreset = "unknown-tone-preset"
    case negativeWeight = "negative-weight"
    /// A campaign ends before it starts.
    case endBeforeStart = "end-before-start"
    /// kolReplies above comments: the KOL cannot answer more comments than exist.
    case repliesExceedComments = "replies-exceed-comments"
    /// CSV: unbalanced quotes or text after a closing quote.
    case invalidCSV = "invalid-csv"
    /// CSV: a row with more cells than the header.
    case extraCells = "extra-cells"
    /// CSV: a posts.csv row whose kolId matches no KOL.
    case unknownKOL = "unknown-kol"

    public var defaultSeverity: DiagnosticSeverity {
        switch self {
        case .invalidJSON, .unsupportedVersion, .wrongType, .missingID, .duplicateID, .negativeFollowers,
             .negativeCount, .negativePrice, .negativeAmount, .starsOutOfRange, .notAnInteger, .invalidDate,
             .regionSharesOverOne, .negativeRegionValue, .shareOutOfRange, .unknownStage, .invalidCSV,
             .unknownKOL, .negativeWeight:
            return .error
        case .duplicateKey, .missingField, .postInFuture, .dateInFuture, .unknownTonePreset, .endBeforeStart,
             .repliesExceedComments, .extraCells:
            return .warning
        }
    }
}
