import MSRModel

/// One alert on the watch floor and its current row image.
///
/// Raised unacknowledged (`acked_at` and `acked_by` null), acknowledged by a watch officer
/// (an update that fills them), and eventually cleared (a delete).
struct AlertState: Sendable {
    let id: Int64
    let severity: String
    let category: String
    let message: String
    let unitID: Value
    let trackID: Value
    let raisedAt: Int64
    var ackedAt: Value = .null
    var ackedBy: Value = .null
    let key: [Field]
    var row: [Field] = []

    init(id: Int64, severity: String, category: String, message: String, unitID: Value,
         trackID: Value, raisedAt: Int64) {
        self.id = id
        self.severity = severity
        self.category = category
        self.message = message
        self.unitID = unitID
        self.trackID = trackID
        self.raisedAt = raisedAt
        self.key = ExerciseBatch.key(id)
    }

    /// The full row in the column order of `ExerciseTable.alerts`.
    func image() -> [Field] {
        [
            Field("id", .int(id)),
            Field("severity", .string(severity)),
            Field("category", .string(category)),
            Field("message", .string(message)),
            Field("unit_id", unitID),
            Field("track_id", trackID),
            Field("raised_at", .int(raisedAt)),
            Field("acknowledged", .bool(!ackedAt.isNull)),
            Field("acked_at", ackedAt),
            Field("acked_by", ackedBy),
        ]
    }

    /// Writes the current fields as the new row and returns the one it replaces (swapped
    /// out rather than copied, which saves a retain and a release per change).
    mutating func commit() -> [Field] {
        var before = image()
        swap(&before, &row)
        return before
    }
}
