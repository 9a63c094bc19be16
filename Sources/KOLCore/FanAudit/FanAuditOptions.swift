/// The knobs of `kol/auditFans`, each documented and overridable (brief `thresholds["fake-fans"]` maps
/// onto `fakeShareThreshold`).
package struct FanAuditOptions: Hashable, Sendable {
    /// Raise `fake-fans` when the estimated fake share is above this. 0.25 mirrors Modash, which treats
    /// follower credibility below 75 % as a sign of fraud (roughly: a quarter or more of the audience
    /// does not look like real people).
    package var fakeShareThreshold: Double = 0.25
    /// Below this many assessable fans the share is too uncertain to raise a flag on: with 30 fans the
    /// 95 % interval around 25 % is still about ±15 points.
    package var minimumSample: Int = 30
    /// z of the reported interval (1.959964 = 95 %).
    package var z: Double = NormalDistribution.z95
    /// Interval width (high − low) the sampling advice aims for; 0.10 = "± 5 points".
    package var targetWidth: Double = 0.10
    /// At most this many reasons per fan.
    package var reasonsPerFan: Int = 3
    package var model: FanModel = .committed

    package init() {}
}
