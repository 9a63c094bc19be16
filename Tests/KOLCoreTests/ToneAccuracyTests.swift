import Foundation
import Testing

@testable import KOLCore

/// Accuracy on ../shared/testdata/tone-dev with 5-fold cross-validation: each row is scored by a model
/// trained (by the same `ToneTrainer` that wrote the committed weights) on the other four folds only.
@Suite struct ToneAccuracyTests {
    static var sharedDirectory: String {
        if let override = ProcessInfo.processInfo.environment["KOL_SHARED"] { return override }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared").path
    }

    static func examples(_ file: String, _ positive: String, _ negative: String) throws -> [ToneTrainingExample] {
        let path = sharedDirectory + "/testdata/tone-dev/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return ToneTrainingExample.examples(csv: text, positiveLabel: positive, negativeLabel: negative)
    }

    @Test func crossValidatedAccuracyHoldsTheFloors() throws {
        let humor = try Self.examples("humor_vs_news_dev.csv", "humorous", "serious")
        let sentiment = try Self.examples("weibo_sentiment_dev.csv", "positive", "negative")
        // SOURCE.md: 1,086 humour rows (543 each) and 597 sentiment rows; multi-line quoted rows included.
        #expect(humor.count == 1086)
        #expect(humor.filter(\.label).count == 543)
        #expect(sentiment.count == 597)
        let result = ToneTrainer().crossValidate(humor: humor, sentiment: sentiment, folds: 5)
        print(
            "tone-dev 5-fold CV: humour vs serious accuracy \(result.humorAccuracy) (lexicon only \(result.humorAccuracyLexiconOnly)); "
                + "sentiment balanced accuracy \(result.sentimentBalancedAccuracy) (lexicon only \(result.sentimentBalancedAccuracyLexiconOnly))"
        )
        #expect(result.humorAccuracy >= 0.90)
        #expect(result.sentimentBalancedAccuracy >= 0.85)
        // The general lexicon alone must already beat chance on Weibo sentiment (it carries to other data).
        #expect(result.sentimentBalancedAccuracyLexiconOnly >= 0.70)
    }

    @Test func foldsPartitionTheRows() {
        let folds = ToneTrainer.assignFolds(103, 5)
        #expect(folds.count == 103)
        for fold in 0..<5 { #expect((20...21).contains(folds.filter { $0 == fold }.count)) }
        #expect(folds == ToneTrainer.assignFolds(103, 5))
    }
}
