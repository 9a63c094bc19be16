import Foundation
import KOLCore

/// `kol-bench train-fans`: refits the fan-audit model on fans-dev, prints cross-validated balanced accuracy
/// beside the three published rule sets, and writes the committed weights file
/// (Sources/KOLCore/FanAudit/FanModelWeights.swift). Wrapped by scripts/train-fans.sh.
///
/// Options: --data PATH (default <repo>/../shared/testdata/fans-dev/cresci2015_dev.csv, or $KOL_SHARED/…),
///          --out PATH (default the weights file in this repo), --l2 λ, --folds k, --seed n,
///          --check (print only, write nothing).
enum FanTraining {
    static func run(_ arguments: [String]) {
        let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let shared = ProcessInfo.processInfo.environment["KOL_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
        var dataPath = shared.appendingPathComponent("testdata/fans-dev/cresci2015_dev.csv").path
        var outPath = repoRoot.appendingPathComponent("Sources/KOLCore/FanAudit/FanModelWeights.swift").path
        var l2 = FanModelTrainer.defaultL2
        var folds = 10
        var seed: UInt64 = 2015
        var write = true
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            let value = i + 1 < arguments.count ? arguments[i + 1] : nil
            switch a {
            case "--data": if let value { dataPath = value; i += 1 }
            case "--out": if let value { outPath = value; i += 1 }
            case "--l2": if let v = value.flatMap(Double.init) { l2 = v; i += 1 }
            case "--folds": if let v = value.flatMap(Int.init) { folds = v; i += 1 }
            case "--seed": if let v = value.flatMap(UInt64.init) { seed = v; i += 1 }
            case "--check": write = false
            default: print("train-fans: ignoring unknown option \(a)")
            }
            i += 1
        }

        guard let data = FileManager.default.contents(atPath: dataPath) else {
            print("train-fans: cannot read \(dataPath)")
            exit(1)
        }
        let examples: [LabeledFan]
        do {
            examples = try CresciDevDataset.parse(String(decoding: data, as: UTF8.self))
        } catch {
            print("train-fans: \(dataPath): \(error)")
            exit(1)
        }
        let fakes = examples.filter(\.isFake).count
        print("fans-dev: \(examples.count) rows (\(fakes) fake, \(examples.count - fakes) genuine) from \(dataPath)")

        func show(_ name: String, _ m: BinaryClassificationMetrics) {
            func f(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "n/a" }
            let padded = name.padding(toLength: 40, withPad: " ", startingAt: 0)
            print("  \(padded) balanced \(f(m.balancedAccuracy))  TPR \(f(m.truePositiveRate))  TNR \(f(m.trueNegativeRate))")
        }
        print("Rule-set baselines (whole file, nothing fitted):")
        for rules in FanModelTrainer.baselines {
            show(rules.name, FanModelTrainer.evaluate(rules, on: examples))
        }
        print("Logistic regression, \(folds)-fold stratified CV (seed \(seed)):")
        for lambda in [0.1, 1.0, 10.0] where lambda != l2 {
            show("λ = \(lambda)", FanModelTrainer.crossValidate(examples, folds: folds, seed: seed, l2: lambda).metrics)
        }
        let cv = FanModelTrainer.crossValidate(examples, folds: folds, seed: seed, l2: l2)
        show("λ = \(l2) (committed)", cv.metrics)

        let model = FanModelTrainer.train(examples, l2: l2)
        print("Weights (log-odds per standard deviation; + = towards fake):")
        print("  intercept".padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%+.4f", model.logistic.intercept))
        for (j, feature) in model.features.enumerated() {
            let w = model.logistic.weights[j]
            let prior = model.priors.filter { $0.feature == feature }.map { String(format: "%+.1f", $0.logOdds) }
            let note = model.isFitted(feature)
                ? "" : "  (too little spread in fans-dev: unfitted; prior \(prior.isEmpty ? "none" : prior.joined()))"
            print("  \(feature.rawValue)".padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%+.4f", w) + note)
        }
        guard write else { return }
        let source = weightsSource(model, rows: examples.count, l2: l2, folds: folds, seed: seed, cv: cv.metrics)
        do {
            try source.write(toFile: outPath, atomically: true, encoding: .utf8)
            print("wrote \(outPath)")
        } catch {
            print("train-fans: cannot write \(outPath): \(error)")
            exit(1)
        }
    }

    /// The generated Swift file. Doubles print in Swift's shortest round-trip form, so retraining on the
    /// same data reproduces the file byte for byte.
    static func weightsSource(
        _ model: FanModel, rows: Int, l2: Double, folds: Int, seed: UInt64, cv: BinaryClassificationMetrics
    ) -> String {
        func list(_ xs: [Double]) -> String { xs.map { "\($0)" }.joined(separator: ", ") }
        let balanced = cv.balancedAccuracy.map { String(format: "%.4f", $0) } ?? "n/a"
        let features = model.features.map { "." + $0.rawValue }.joined(separator: ", ")
        return """
            // GENERATED by `scripts/train-fans.sh` (kol-bench train-fans). Do not edit by hand.
            // Training data: fans-dev/cresci2015_dev.csv, \(rows) rows; L2 λ = \(l2).
            // \(folds)-fold stratified cross-validated balanced accuracy: \(balanced) (seed \(seed)).

            extension FanModel {
                /// The fitted fake-fan model shipped with the engine.
                package static let committed = FanModel(
                    features: [\(features)],
                    standardiser: Standardiser(
                        means: [\(list(model.standardiser.means))],
                        scales: [\(list(model.standardiser.scales))],
                        clip: \(model.standardiser.clip)),
                    logistic: LogisticModel(
                        intercept: \(model.logistic.intercept),
                        weights: [\(list(model.logistic.weights))]),
                    threshold: \(model.threshold))
            }

            """
    }
}
