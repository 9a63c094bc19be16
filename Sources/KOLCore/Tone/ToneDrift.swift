/// A window of time and the voice in it.
public struct ToneWindow: Sendable {
    /// Start of the window, seconds since the Unix epoch (UTC).
    public var start: Int64
    /// "2024-03" for months, "2024-03-15" for day windows.
    public var label: String
    public var posts: Int
    public var profile: ToneVector

    public init(start: Int64, label: String, posts: Int, profile: ToneVector) {
        self.start = start
        self.label = label
        self.posts = posts
        self.profile = profile
    }
}

/// Thresholds of the drift rule (documented in protocol.md §8).
public struct ToneDriftThresholds: Sendable, Hashable {
    /// A drift at or above this distance (same scale as `ToneComparison`) raises `tone-drift`.
    public var distance: Double = 0.15
    /// Each side of the change needs at least this many posts, so one odd post cannot make a drift.
    public var minPostsPerSide: Int = 4
    public var comparison: ToneComparisonThresholds = .standard
    public init() {}
    public static let standard = ToneDriftThresholds()
}

/// Consistency over time: profiles per window and the single most likely change point.
///
/// The rule: for every split between consecutive windows, compare the post-weighted mean profile of all
/// windows before with all windows after (distance as in `ToneComparison`). The drift statistic is the
/// largest such distance over splits with enough posts on both sides; the change window is the first window
/// after that split. Comparing whole halves rather than neighbouring months keeps a single noisy month from
/// looking like a change, and names the month where a lifestyle feed turned into an ad feed.
public struct ToneDrift: Sendable {
    public var windows: [ToneWindow]
    /// Largest before/after distance, 0 when there are too few posts to split.
    public var statistic: Double
    /// The first window of the new voice (nil when there is no admissible split).
    public var changeWindow: ToneWindow?
    /// Per-dimension difference after − before at the change.
    public var change: ToneVector
    /// True when `statistic ≥ thresholds.distance`: the basis of red flag `tone-drift`.
    public var drifted: Bool

    /// Groups timed posts into windows and finds the change point.
    public init(
        posts: [(date: Int64, text: String)], profiler: ToneProfiler = .standard,
        windowing: ToneWindowing = .calendarMonth, thresholds: ToneDriftThresholds = .standard
    ) {
        var groups: [Int64: (label: String, texts: [String])] = [:]
        for post in posts {
            let window = windowing.window(of: post.date)
            groups[window.start, default: (window.label, [])].texts.append(post.text)
        }
        let windows = groups.keys.sorted().compactMap { start -> ToneWindow? in
            guard let group = groups[start] else { return nil }
            return ToneWindow(
                start: start, label: group.label, posts: group.texts.count,
                profile: profiler.profile(group.texts).dimensions)
        }
        self.init(windows: windows, thresholds: thresholds)
    }

    /// Same as `init(posts:…)` from posts already profiled one by one (`ToneFeatures`): a window's
    /// profile is the mean of its posts' scores, summed in the same order as the profiler does, so the
    /// result is identical without profiling any text again.
    public init(
        profiledPosts posts: [(date: Int64, profile: ToneVector)], windowing: ToneWindowing = .calendarMonth,
        thresholds: ToneDriftThresholds = .standard
    ) {
        var groups: [Int64: (label: String, sum: ToneVector, count: Int)] = [:]
        for post in posts {
            let window = windowing.window(of: post.date)
            var group = groups[window.start] ?? (window.label, .zero, 0)
            group.sum = group.sum.combined(with: post.profile, +)
            group.count += 1
            groups[window.start] = group
        }
        let windows = groups.keys.sorted().compactMap { start -> ToneWindow? in
            guard let group = groups[start] else { return nil }
            return ToneWindow(
                start: start, label: group.label, posts: group.count,
                profile: group.sum.combined(with: ToneVector(repeating: Double(group.count)), /))
        }
        self.init(windows: windows, thresholds: thresholds)
    }

    /// The change point over already-profiled windows (oldest first).
    public init(windows: [ToneWindow], thresholds: ToneDriftThresholds = .standard) {
        self.windows = windows
        var best: (statistic: Double, index: Int, change: ToneVector)? = nil
        let total = windows.reduce(0) { $0 + $1.posts }
        var beforePosts = 0
        var beforeSum = ToneVector.zero
        let allSum = windows.reduce(ToneVector.zero) {
            $0.combined(with: $1.profile.combined(with: ToneVector(repeating: Double($1.posts)), *), +)
        }
        for split in 1..<max(1, windows.count) {
            let previous = windows[split - 1]
            beforePosts += previous.posts
            beforeSum = beforeSum.combined(
                with: previous.profile.combined(with: ToneVector(repeating: Double(previous.posts)), *), +)
            let afterPosts = total - beforePosts
            guard beforePosts >= thresholds.minPostsPerSide, afterPosts >= thresholds.minPostsPerSide else {
                continue
            }
            let before = beforeSum.combined(with: ToneVector(repeating: Double(beforePosts)), /)
            let after = allSum.combined(with: beforeSum, -).combined(
                with: ToneVector(repeating: Double(afterPosts)), /)
            let distance = thresholds.comparison.distance(before, after)
            if distance > (best?.statistic ?? -1) {
                best = (distance, split, after.combined(with: before, -))
            }
        }
        statistic = best?.statistic ?? 0
        changeWindow = best.map { windows[$0.index] }
        change = best?.change ?? .zero
        drifted = statistic >= thresholds.distance && best != nil
    }
}
