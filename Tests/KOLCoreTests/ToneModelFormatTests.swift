import Testing

@testable import KOLCore

@Suite struct ToneModelFormatTests {
    @Test func csvHandlesQuotesCommasAndNewlines() {
        let rows = ToneTrainingExample.csvRows("text,label\n\"a,b\",x\n\"line1\nline2 \"\"q\"\"\",y\r\nplain,z")
        #expect(rows.count == 4)
        #expect(rows[1] == ["a,b", "x"])
        #expect(rows[2] == ["line1\nline2 \"q\"", "y"])
        #expect(rows[3] == ["plain", "z"])
        let examples = ToneTrainingExample.examples(
            csv: "text,label\n好,positive\n坏,negative\n?,neutral\n", positiveLabel: "positive",
            negativeLabel: "negative")
        #expect(examples == [.init(text: "好", label: true), .init(text: "坏", label: false)])
        #expect(ToneTrainingExample.examples(csv: "", positiveLabel: "a", negativeLabel: "b").isEmpty)
    }

    @Test func modelTextRoundTrips() throws {
        let model = ToneModel(
            intercept: (0.25, -0.5),
            ngrams: [
                .init(text: "哈", humor: 0.5, sentiment: 0, scalars: ToneTextNormalizer.folded("哈")),
                .init(text: "不好", humor: 0, sentiment: -1.125, scalars: ToneTextNormalizer.folded("不好")),
            ])
        let text = model.serialized()
        #expect(text == "tone-model 1\nintercept 0.25 -0.5\n哈\t0.5\t0\n不好\t0\t-1.125\n")
        let parsed = try #require(ToneModel(text: text))
        #expect(parsed.ngrams == model.ngrams)
        #expect(parsed.intercept.humor == 0.25)
        #expect(ToneModel(text: "garbage") == nil)
        // Malformed lines are skipped, not trusted.
        #expect(ToneModel(text: "tone-model 1\nx\ty\n\t1\t2\nabcd\t1\t1\n")?.ngrams.isEmpty == true)
    }

    @Test func committedModelIsLoadedAndSmall() {
        #expect(ToneModel.bundled.ngrams.count > 500)
        #expect(toneModelWeightsText.utf8.count < 1_000_000)
        #expect(ToneModel.bundled.ngrams.allSatisfy { $0.scalars.count <= ToneModel.maxOrder })
    }

    @Test func lexiconParsesEveryLine() {
        let tables = [
            toneLexiconLaughterAndSlang, toneLexiconEmoticons, toneLexiconParticlesAndPunctuation,
            toneLexiconFormal, toneLexiconSales, toneLexiconPositive, toneLexiconNegative, toneLexiconModifiers,
        ]
        for table in tables {
            for line in table.split(separator: "\n") { #expect(ToneLexicon.parseCue(line) != nil, "\(line)") }
        }
        #expect(ToneLexicon.parseCue("x|1 2 3|-") == nil)
        #expect(ToneLexicon.parseCue("x|1 2 3 4 5|Q") == nil)
    }

    @Test func traditionalFoldsToSimplified() {
        #expect(ToneTextNormalizer.folded("這個優惠") == ToneTextNormalizer.folded("这个优惠"))
        #expect(ToneTextNormalizer.folded("ＡＢ！～") == ToneTextNormalizer.folded("ab!~"))
    }
}
