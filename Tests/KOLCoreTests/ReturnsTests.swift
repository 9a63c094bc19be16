import Foundation
import JSON
import Testing
@testable import KOLCore

/// `kol/returns` in the core, against hand-computed numbers.
@Suite struct ReturnsTests {
    static func campaign(_ id: String, cost: Double?, engagements: Int? = nil, clicks: Int? = nil,
                         conversions: Int? = nil, revenue: Double? = nil) -> Campaign {
        Campaign(id: id, start: KOLDate(year: 2026, month: 5, day: 20), cost: cost, engagements: engagements,
                 clicks: clicks, conversions: conversions, revenue: revenue)
    }

    /// The demo's 阿萌: 3,000 + 3,500 CNY, 6,100 + 7,300 engagements, 2,080 + 2,450 clicks, 38 + 44
    /// conversions, 10,640 + 12,760 CNY revenue.
    static let amen = KOL(id: "amen", price: 3500, campaigns: [
        campaign("c1", cost: 3000, engagements: 6100, clicks: 2080, conversions: 38, revenue: 10640),
        campaign("c2", cost: 3500, engagements: 7300, clicks: 2450, conversions: 44, revenue: 12760),
    ])

    @Test func roiAndCostRatiosByHand() throws {
        let t = CampaignTotals(Self.amen.campaigns ?? [])
        #expect(t.cost == 6500)
        #expect(t.revenue == 23400)
        // (23,400 − 6,500) / 6,500 = 2.6
        #expect(abs(try #require(t.roi) - 2.6) < 1e-12)
        #expect(abs(try #require(t.costPerEngagement) - 6500.0 / 13400) < 1e-12)  // 0.48507
        #expect(abs(try #require(t.costPerClick) - 6500.0 / 4530) < 1e-12)        // 1.43488
        #expect(abs(try #require(t.costPerConversion) - 6500.0 / 82) < 1e-12)     // 79.268
    }

    @Test func missingOrZeroDenominatorsAreNullAndCostsArePaired() throws {
        // Only c1 reports clicks: its cost alone is divided by its clicks (100 / 50 = 2), not 400 / 50.
        let t = CampaignTotals([Self.campaign("c1", cost: 100, clicks: 50, conversions: 0),
                                Self.campaign("c2", cost: 300)])
        #expect(t.costPerClick == 2)
        #expect(t.costPerConversion == nil)   // 0 conversions: null, never 0
        #expect(t.costPerEngagement == nil)   // not reported
        #expect(t.roi == nil)                 // no revenue reported
        let none = CampaignTotals([Self.campaign("x", cost: nil, clicks: 10)])
        #expect(none.campaigns == 0)
        #expect(none.uncosted == ["x"])
    }

    @Test func conversionRatePosteriorByHand() throws {
        let report = ReturnsAnalysis.analyse([Self.amen])
        let r = try #require(report.kols.first)
        // Beta(1 + 82, 1 + 4,530 − 82) = Beta(83, 4449): mean 83 / 4532.
        let rate = try #require(r.conversionRate)
        #expect(rate.alpha == 83 && rate.beta == 4449)
        #expect(abs(rate.mean - 83.0 / 4532) < 1e-12)
        #expect(r.verdict == .profitable)
        #expect(r.probabilityBest == 1)  // the only KOL with a model
    }

    /// 0 conversions of 9 clicks: Beta(1, 10), whose quantiles are closed-form, 1 − (1 − q)^(1/10).
    /// Revenue per conversion is pooled (50 CNY); 9 clicks for 100 CNY: value per CNY = 0.09 × rate × 50.
    @Test func roiIntervalMapsTheRateQuantiles() throws {
        let funnel = CampaignTotals([Self.campaign("z", cost: 100, clicks: 9, conversions: 0, revenue: 0)]).funnel
        let model = try #require(ConversionModel(funnel, pooledRevenuePerConversion: 50))
        #expect(model.pooledRevenuePerConversion)
        let low = 1 - pow(0.975, 0.1), high = 1 - pow(0.025, 0.1)   // 0.0025285, 0.30849
        let interval = try #require(model.roiInterval(mass: 0.95))
        #expect(abs(interval.low - (4.5 * low - 1)) < 1e-9)        // −0.98862
        #expect(abs(interval.high - (4.5 * high - 1)) < 1e-9)      // +0.38821
        #expect(ConversionModel(funnel, pooledRevenuePerConversion: nil) == nil)
    }

    @Test func tooLittleDataIsSaidPlainly() throws {
        let one = KOL(id: "one", campaigns: [Self.campaign("c", cost: 7500, clicks: 3150, conversions: 41, revenue: 12300)])
        let few = KOL(id: "few", campaigns: [Self.campaign("a", cost: 100, clicks: 40, conversions: 1, revenue: 80),
                                             Self.campaign("b", cost: 100, clicks: 40, conversions: 1, revenue: 80)])
        let empty = KOL(id: "empty")
        let noFunnel = KOL(id: "nf", campaigns: [Self.campaign("c", cost: 500, engagements: 100)])
        let report = ReturnsAnalysis.analyse([one, few, empty, noFunnel])
        #expect(report.kols.map(\.verdict) == [.tooLittleData, .tooLittleData, .noCampaigns, .noConversionData])
        #expect(report.kols[0].says.hasPrefix("Too little data to tell: 1 campaign"))
        #expect(report.kols[1].says.contains("at least 100 clicks"))
        #expect(report.kols[2].probabilityBest == nil)
        var lenient = ReturnsOptions()
        lenient.minimumCampaigns = 1
        #expect(ReturnsAnalysis.analyse([one], options: lenient).kols[0].verdict == .profitable)
    }

    @Test func losingAndUnclearVerdicts() {
        let losing = KOL(id: "l", campaigns: [Self.campaign("a", cost: 4000, clicks: 880, conversions: 3, revenue: 840),
                                              Self.campaign("b", cost: 4000, clicks: 880, conversions: 3, revenue: 840)])
        let even = KOL(id: "e", campaigns: [Self.campaign("a", cost: 1000, clicks: 200, conversions: 5, revenue: 1000),
                                            Self.campaign("b", cost: 1000, clicks: 200, conversions: 5, revenue: 1000)])
        let report = ReturnsAnalysis.analyse([losing, even])
        #expect(report.kols.map(\.verdict) == [.losing, .unclear])
        #expect(report.overall.totals.cost == 10000)
        #expect(report.overall.probabilityBest == nil)
    }

    @Test func probabilityBestIsSeededAndSumsToOne() throws {
        let a = KOL(id: "a", campaigns: [Self.campaign("a", cost: 1000, clicks: 500, conversions: 10, revenue: 1000)])
        let b = KOL(id: "b", campaigns: [Self.campaign("b", cost: 1000, clicks: 500, conversions: 10, revenue: 1000)])
        let c = KOL(id: "c", campaigns: [Self.campaign("c", cost: 1000, clicks: 500, conversions: 1, revenue: 100)])
        let first = ReturnsAnalysis.analyse([a, b, c])
        let again = ReturnsAnalysis.analyse([a, b, c])
        let p = first.kols.map { $0.probabilityBest ?? -1 }
        #expect(p == again.kols.map { $0.probabilityBest ?? -1 })
        #expect(abs(p.reduce(0, +) - 1) < 1e-9)
        // Identical evidence: about even (10,000 draws, ± 0.02 is > 4 standard errors).
        #expect(abs(p[0] - p[1]) < 0.04)
        #expect(p[2] < 0.01)
        var other = ReturnsOptions()
        other.seed = 7
        #expect(ReturnsAnalysis.analyse([a, b, c], options: other).kols.map { $0.probabilityBest ?? -1 } != p)
    }

    @Test func recordCampaignValidatesAndReplacesByID() throws {
        let text = #"{"id": "c9", "start": "2026-10-01", "cost": -5, "clicks": "many"}"#
        let doc = try JSONDocument(bytes: Array(text.utf8))
        let bad = CampaignRecord.decode(doc.root, kolID: "k", now: testNow)
        #expect(bad.campaign == nil)
        #expect(Set(bad.diagnostics.compactMap(\.path)) == ["campaign.cost", "campaign.clicks"])
        let missing = CampaignRecord.decode(try JSONDocument(bytes: Array(#"{"id": "c9"}"#.utf8)).root, kolID: "k", now: testNow)
        #expect(missing.campaign == nil)
        let good = #"{"id": "c1", "start": "2026-10-01", "cost": 900, "clicks": 10, "note": "kept"}"#
        let decoded = CampaignRecord.decode(try JSONDocument(bytes: Array(good.utf8)).root, kolID: "amen", now: testNow)
        let campaign = try #require(decoded.campaign)
        #expect(campaign.cost == 900)
        #expect(campaign.extra["note"] == "kept")
        let (replaced, change) = CampaignRecord.recording(campaign, in: Self.amen)
        #expect(change == .replaced)
        #expect(replaced.campaigns?.map(\.cost) == [900, 3500])
        var fresh = campaign
        fresh.id = "c3"
        let (added, change2) = CampaignRecord.recording(fresh, in: Self.amen)
        #expect(change2 == .added)
        #expect(added.campaigns?.map(\.id) == ["c1", "c2", "c3"])
    }
}
