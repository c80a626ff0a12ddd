import MSRModel
import MSRStore

/// What a recording remembers about its PostgreSQL capture, in its meta table: the slot it
/// follows, whether that slot's initial snapshot is complete, and the position last made
/// durable (where a restart asks the server to resume).
struct RecordingCheckpoint {
    let store: RecordingStore

    enum SnapshotState: Equatable {
        /// No snapshot from this slot is in the recording.
        case none
        /// A snapshot began at event `fromSeq` and did not finish.
        case partial(fromSeq: Int64)
        /// The snapshot is recorded (or the slot was adopted without one).
        case complete
    }

    static let slotKey = "postgres.slot"
    static let snapshotKey = InitialSnapshotStatus.metaKey
    static let confirmedKey = "postgres.confirmed_lsn"

    func snapshotState(slot: String) throws(RecordingError) -> SnapshotState {
        guard try store.metaValue(Self.slotKey) == slot, let state = try store.metaValue(Self.snapshotKey) else { return .none }
        if state.hasPrefix("started:"), let seq = Int64(state.dropFirst("started:".count)) { return .partial(fromSeq: seq) }
        return state == "complete" ? .complete : .none
    }

    func beginSnapshot(slot: String, fromSeq: Int64) throws(RecordingError) {
        try store.transaction { () throws(RecordingError) in
            try store.setMetaValue(Self.slotKey, slot)
            try store.setMetaValue(Self.snapshotKey, "started:\(fromSeq)")
            try store.setMetaValue(Self.confirmedKey, LSN.zero.description)
        }
    }

    func completeSnapshot(slot: String, at lsn: LSN) throws(RecordingError) {
        try store.transaction { () throws(RecordingError) in
            try store.setMetaValue(Self.slotKey, slot)
            try store.setMetaValue(Self.snapshotKey, "complete")
            try store.setMetaValue(Self.confirmedKey, lsn.description)
        }
    }

    func confirmed() throws(RecordingError) -> LSN {
        try store.metaValue(Self.confirmedKey).flatMap { LSN($0) } ?? .zero
    }

    func saveConfirmed(_ lsn: LSN) throws(RecordingError) {
        try store.transaction { () throws(RecordingError) in try store.setMetaValue(Self.confirmedKey, lsn.description) }
    }
}
