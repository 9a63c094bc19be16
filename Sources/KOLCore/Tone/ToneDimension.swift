import Foundation

/// The five documented axes of a voice. Each is scored 0–1; the raw value is a log-odds sum (a "logit") that a
/// sigmoid turns into 0–1, so every cue adds or removes a fixed amount of evidence and the result stays bounded.
public enum ToneDimension: String, CaseIterable, Sendable, Hashable, Codable {
    /// 1 = humorous / playful, 0 = serious.
    case humor
    /// 1 = formal / corporate, 0 = casual.
    case formality
    /// 1 = positive, 0 = negative.
    case sentiment
    /// 1 = excited / loud, 0 = calm.
    case intensity
    /// 1 = hard-sell advertising, 0 = organic.
    case commerciality

    /// Stable position in `ToneVector` storage.
    @inlinable public var index: Int {
        switch self {
        case .humor: 0
        case .formality: 1
        case .sentiment: 2
        case .intensity: 3
        case .commerciality: 4
        }
    }
}

/// Five numbers, one per `ToneDimension`, in `ToneDimension.allCases` order. Used for scores (0–1),
/// logits, weights and differences alike.
public struct ToneVector: Sendable, Hashable, Codable {
    public var humor: Double
    public var formality: Double
    public var sentiment: Double
    public var intensity: Double
    public var commerciality: Double

    public init(humor: Double, formality: Double, sentiment: Double, intensity: Double, commerciality: Double) {
        self.humor = humor
        self.formality = formality
        self.sentiment = sentiment
        self.intensity = intensity
        self.commerciality = commerciality
    }

    public static let zero = ToneVector(humor: 0, formality: 0, sentiment: 0, intensity: 0, commerciality: 0)

    /// Same value on every dimension.
    public init(repeating value: Double) {
        self.init(humor: value, formality: value, sentiment: value, intensity: value, commerciality: value)
    }

    public subscript(dimension: ToneDimension) -> Double {
        get {
            switch dimension {
            case .humor: humor
            case .formality: formality
            case .sentiment: sentiment
            case .intensity: intensity
            case .commerciality: commerciality
            }
        }
        set {
            switch dimension {
            case .humor: humor = newValue
            case .formality: formality = newValue
            case .sentiment: sentiment = newValue
            case .intensity: intensity = newValue
            case .commerciality: commerciality = newValue
            }
        }
    }

    /// Element-wise combination, e.g. differences or weighted sums.
    func combined(with other: ToneVector, _ operation: (Double, Double) -> Double) -> ToneVector {
        var result = ToneVector.zero
        for dimension in ToneDimension.allCases {
            result[dimension] = operation(self[dimension], other[dimension])
        }
        return result
    }
}

/// The logistic function: maps any log-odds to 0–1, with 0 → 0.5. Clamped so huge cue sums cannot overflow.
@inline(__always) func toneSigmoid(_ x: Double) -> Double { 1 / (1 + exp(-min(max(x, -40), 40))) }
