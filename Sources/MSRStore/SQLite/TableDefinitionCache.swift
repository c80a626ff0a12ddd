import Foundation
import MSRModel
import Synchronization

/// Table definitions already decoded in this process, by their stored JSON text.
///
/// Every store connection reads the definitions when it first needs them, and the console
/// and the engine open several connections to one recording (one per pane feed, one per
/// question); decoding the same JSON again each time was a visible share of a first seek.
enum TableDefinitionCache {
    private static let decoded = Mutex<[ExactString: TableSchema]>([:])

    /// The schema stored as `json`, or nil when it cannot be decoded.
    static func schema(_ json: String) -> TableSchema? {
        // Keyed by bytes: two definitions that differ only in a name's normalisation are two.
        let key = ExactString(json)
        if let known = decoded.withLock({ $0[key] }) { return known }
        guard let schema = try? JSONDecoder().decode(TableSchema.self, from: Data(json.utf8)) else { return nil }
        decoded.withLock { cache in
            if cache.count > 4096 { cache.removeAll() }
            cache[key] = schema
        }
        return schema
    }
}
