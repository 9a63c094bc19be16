import Foundation

/// What the fan audit knows about one follower (or commenter, or reposter) of a KOL.
///
/// Every field is optional and a missing one means *unknown*, never zero: a fan whose follower count we
/// did not see is not a fan with no followers. The workspace `fan` object maps onto this one field for
/// field (see protocol.md §9); the audit takes this plain struct so it does not depend on the model types.
package struct FanProfile: Hashable, Sendable {
    package var followers: Int?
    /// Accounts this fan follows.
    package var following: Int?
    package var posts: Int?
    package var createdAt: Date?
    /// Has a custom profile picture (not the platform default).
    package var avatar: Bool?
    /// The profile text; "" means the fan has no bio, `nil` means we do not know.
    package var bio: String?
    /// "" means no location given, `nil` means unknown.
    package var location: String?
    package var verified: Bool?
    package var lastPostAt: Date?
    /// Share of the fan's posts that are reposts, 0–1.
    package var repostShare: Double?
    /// Share of the fan's posts that carry links, 0–1.
    package var linkShare: Double?

    package init(
        followers: Int? = nil, following: Int? = nil, posts: Int? = nil, createdAt: Date? = nil,
        avatar: Bool? = nil, bio: String? = nil, location: String? = nil, verified: Bool? = nil,
        lastPostAt: Date? = nil, repostShare: Double? = nil, linkShare: Double? = nil
    ) {
        self.followers = followers
        self.following = following
        self.posts = posts
        self.createdAt = createdAt
        self.avatar = avatar
        self.bio = bio
        self.location = location
        self.verified = verified
        self.lastPostAt = lastPostAt
        self.repostShare = repostShare
        self.linkShare = linkShare
    }

    /// `nil` unknown, otherwise whether the bio has any non-blank text.
    var hasBio: Bool? { bio.map { !$0.allSatisfy(\.isWhitespace) } }
    var hasLocation: Bool? { location.map { !$0.allSatisfy(\.isWhitespace) } }
}
