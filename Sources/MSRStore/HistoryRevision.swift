/// The count of rewrites of a recording's stored history, kept in its meta.
///
/// Events and keyframes are appended, except when late events make the writer re-derive the
/// stored tail (or a half-taken snapshot is taken back out): then events are renumbered and
/// keyframes with their pages deleted and written anew, in one transaction that also counts
/// the rewrite here. A reader that does not pin a snapshot (a console following a capture)
/// compares the revision before and after what it read: equal, everything it read belongs
/// to one history, since appends never change what came before.
extension RecordingStore {
    /// The meta key of the revision; a recording never rewritten has none (revision 0).
    public static var historyRevisionKey: String { "history_revision" }

    public func historyRevision() throws(RecordingError) -> Int64 {
        guard let text = try metaValue(Self.historyRevisionKey) else { return 0 }
        guard let revision = Int64(text), revision >= 0 else {
            throw .corrupt(path: location, detail: "the history revision '\(text)' in meta is not a count")
        }
        return revision
    }

    /// Counts one more rewrite; call inside the transaction that rewrites.
    func countHistoryRewrite() throws(RecordingError) {
        try setMetaValue(Self.historyRevisionKey, String(try historyRevision() + 1))
    }
}
