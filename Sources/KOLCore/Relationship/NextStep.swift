/// The next step the seed suggests at each stage: contact, let them try the product, measure one paid
/// post, then invite the ones that paid off to launches and trade shows.
package enum NextStep {
    /// `returns` (the KOL's measured return, when any) changes the advice after a post.
    package static func hint(for stage: RelationshipStage, returns: KOLReturns? = nil) -> String {
        switch stage {
        case .candidate:
            return "Contact them: ask for their price per post and the results of a recent paid post."
        case .contacted:
            return "Send the product to try (free samples) before paying for a post."
        case .sampling:
            return "Ask for honest feedback on the product; if they like it, book one paid post with a tracking link so clicks and conversions can be measured."
        case .posted:
            guard let returns else {
                return "Record the post's cost, clicks, conversions and revenue with kol/recordCampaign to judge the return."
            }
            switch returns.verdict {
            case .profitable:
                return "Good return (\(returns.says)) Invite them to a launch or trade show and offer a longer partnership."
            case .losing:
                return "Poor return (\(returns.says)) Try a different format or product once, or drop them."
            case .noCampaigns, .noConversionData:
                return "Record the post's cost, clicks, conversions and revenue with kol/recordCampaign to judge the return."
            case .tooLittleData, .unclear:
                return "Book one more post to tell whether they pay off (\(returns.says))"
            }
        case .partner:
            return "Keep them close: invite them to launches and trade shows, give early access to new products, and review the return each quarter."
        case .dropped:
            return "No next step; the history keeps why they were dropped. Re-open with a note if things change."
        }
    }
}
