import Foundation
import JSON

/// Figure 5: an incremental `didChange` of one KOL's followers in an open 10^4-KOL `.kol.json`.
enum ScaleEditBench {
    static func run(kols: Int, posts: Int, root: String) throws {
        print("edit: not yet measured")
    }
}
