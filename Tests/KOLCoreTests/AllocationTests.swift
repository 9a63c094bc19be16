import Testing
@testable import KOLCore

/// `kol/allocate` in the core: reproducible by seed, never over budget, whole posts, exclusions explained.
@Suite struct AllocationTests {
    static func tried(_ id: String, price: Double, clicks: Int, conversions: Int, revenue: Double,
                      cost: Double = 1000, stage: RelationshipStage? = nil) -> KOL {
        let c = Campaign(id: "c-\(id)", start: KOLDate(year: 2026, month: 6, day: 1), cost: cost, clicks: clicks,
                         conversions: conversions, revenue: revenue)
        let c2 = Campaign(id: "d-\(id)", start: KOLDate(year: 2026, month: 7, day: 1), cost: cost, clicks: clicks,
                          conversions: conversions, revenue: revenue)
        return KOL(id: id, price: price, campaigns: [c, c2], relationship: stage.map { Relationship(stage: $0) })
    }

    static func untried(_ id: String, price: Double?, stage: RelationshipStage? = nil) -> KOL {
        KOL(id: id, price: price, relationship: stage.map { Relationship(stage: $0) })
    }

    @Test func strongMeasuredKOLFillsItsCapAndExclusionsAreExplained() throws {
        let star = Self.tried("star", price: 1000, clicks: 2000, conversions: 100, revenue: 20000)  // ~10 CNY per CNY
        let weak = Self.tried("weak", price: 1000, clicks: 500, conversions: 1, revenue: 100)       // ~0.2
        let dropped = Self.untried("gone", price: 500, stage: .dropped)
        let unpriced = Self.untried("free", price: nil)
        let pricey = Self.untried("lux", price: 99_999)
        let kols = [star, weak, dropped, unpriced, pricey]
        let plan = BudgetAllocator.allocate(budget: 3500, kols: kols, evidence: kols, scores: [:])
        #expect(plan.allocations.map(\.id) == ["star"])
        #expect(plan.allocations.first?.posts == 3)
        #expect(plan.allocations.first?.amount == 3000)
        #expect(plan.unspent == 500)  // a 4th star post is over the cap, a weak post does not fit
        #expect(plan.excluded.map(\.id) == ["gone", "free", "lux"])
        #expect(plan.excluded.map(\.reason) == [.dropped, .noPrice, .priceAboveBudget])
        #expect(plan.notChosen.map(\.id) == ["weak"])
        let why = try #require(plan.allocations.first?.why)
        #expect(why.contains("3 posts at 1,000 CNY"))
        #expect(why.contains("3-post cap"))
    }

    @Test func untriedPriorFollowsScoreAndReference() {
        let options = AllocationOptions()
        // reference × (score/100)²: 2 × 0.5² = 0.5, 2 × 1² = 2, 2 × 0² = 0, 1.08 × 0.92² = 0.914112.
        #expect(options.priorMean(score: 50, reference: 2) == 0.5)
        #expect(options.priorMean(score: 100, reference: 2) == 2)
        #expect(options.priorMean(score: 0, reference: 2) == 0)
        #expect(options.priorMean(score: nil, reference: 2) == 0.5)   // neutral 50
        #expect(options.priorMean(score: 400, reference: 1) == 1)     // clamped to 100
        #expect(abs(options.priorMean(score: 92, reference: 1.08) - 0.914112) < 1e-12)
        // Below break-even unless the score is high: with a break-even reference only 100 reaches 1.
        #expect(options.priorMean(score: 99, reference: 1) < 1)
        var linear = options
        linear.priorExponent = 1
        #expect(linear.priorMean(score: 80, reference: 2) == 1.6)
        // With no measured KOL the reference is break-even (1), and it is said.
        let plan = BudgetAllocator.allocate(budget: 1000, kols: [Self.untried("a", price: 100)], evidence: [], scores: ["a": 80])
        #expect(plan.referenceAssumed)
        #expect(plan.reference == 1)
        #expect(plan.allocations.first?.why.contains("score 80") == true)
    }

    @Test func untriedKOLsWithErrorFlagsAreNotExploredUnlessIncluded() throws {
        let star = Self.tried("star", price: 1000, clicks: 2000, conversions: 100, revenue: 20000)
        let fake = Self.tried("fake", price: 1000, clicks: 2000, conversions: 100, revenue: 20000)
        let offTopic = Self.untried("coach", price: 100)
        let clean = Self.untried("clean", price: 100)
        let kols = [star, fake, offTopic, clean]
        let flags: [String: [RedFlagCode]] = ["coach": [.offTopic], "fake": [.fakeFans], "clean": []]
        let plan = BudgetAllocator.allocate(budget: 10_000, kols: kols, evidence: kols,
                                            scores: ["coach": 95, "clean": 95], errorFlags: flags)
        // The untried off-topic KOL is excluded with its flag; a measured KOL's own returns decide.
        #expect(plan.excluded.map(\.id) == ["coach"])
        #expect(plan.excluded.map(\.reason) == [.errorFlags])
        #expect(plan.excluded.first?.why.contains("off-topic") == true)
        #expect(Set(plan.allocations.map(\.id)).isSuperset(of: ["star", "fake"]))
        #expect(!plan.allocations.contains { $0.id == "coach" })
        var options = AllocationOptions()
        options.includeErrorFlagged = true
        let included = BudgetAllocator.allocate(budget: 10_000, kols: kols, evidence: kols,
                                                scores: ["coach": 95, "clean": 95], errorFlags: flags, options: options)
        #expect(included.excluded.isEmpty)
    }

    @Test func reproducibleBySeedAndNeverOverBudgetAcrossManyRandomCases() {
        var random = SeededGenerator(seed: 2026)
        var differed = 0
        for round in 0..<300 {
            var kols: [KOL] = []
            var scores: [String: Double?] = [:]
            for index in 0..<(1 + random.nextInt(below: 9)) {
                let price = Double(1 + random.nextInt(below: 500_000)) / 100   // 0.01 … 5,000.00, fen prices
                let id = "k\(index)"
                if random.nextUnit() < 0.5 {
                    let clicks = random.nextInt(below: 3000)
                    kols.append(Self.tried(id, price: price, clicks: clicks, conversions: random.nextInt(below: clicks + 1),
                                           revenue: Double(random.nextInt(below: 20000)), cost: Double(1 + random.nextInt(below: 5000))))
                } else {
                    kols.append(Self.untried(id, price: random.nextUnit() < 0.1 ? nil : price,
                                             stage: random.nextUnit() < 0.1 ? .dropped : nil))
                    scores[id] = random.nextUnit() < 0.2 ? nil : random.nextUnit() * 100
                }
            }
            let budget = Double(random.nextInt(below: 2_000_000)) / 100
            var options = AllocationOptions()
            options.seed = UInt64(round)
            options.maxPostsPerKOL = 1 + random.nextInt(below: 5)
            let plan = BudgetAllocator.allocate(budget: budget, kols: kols, evidence: kols, scores: scores, options: options)
            let again = BudgetAllocator.allocate(budget: budget, kols: kols, evidence: kols, scores: scores, options: options)
            #expect(plan == again)
            let spentFen = plan.allocations.reduce(Int64(0)) { $0 + Int64(($1.amount * 100).rounded()) }
            let budgetFen = Int64((budget * 100).rounded())
            #expect(spentFen <= budgetFen)
            #expect(spentFen + Int64((plan.unspent * 100).rounded()) == budgetFen)
            for allocation in plan.allocations {
                let kol = kols.first { $0.id == allocation.id }
                #expect(allocation.posts >= 1 && allocation.posts <= options.maxPostsPerKOL)
                #expect(kol?.relationship?.stage != .dropped)
                let priceFen = Int64(((kol?.price ?? 0) * 100).rounded())
                #expect(Int64((allocation.amount * 100).rounded()) == Int64(allocation.posts) * priceFen)
            }
            // Nothing affordable is left unbought unless every KOL that fits is at its cap.
            let left = Int64((plan.unspent * 100).rounded())
            for kol in kols where kol.relationship?.stage != .dropped {
                guard let price = kol.price else { continue }
                let posts = plan.allocations.first { $0.id == kol.id }?.posts ?? 0
                if Int64((price * 100).rounded()) <= left { #expect(posts == options.maxPostsPerKOL) }
            }
            options.seed &+= 1000
            if BudgetAllocator.allocate(budget: budget, kols: kols, evidence: kols, scores: scores, options: options) != plan {
                differed += 1
            }
        }
        #expect(differed > 0)  // the seed matters
    }
}
