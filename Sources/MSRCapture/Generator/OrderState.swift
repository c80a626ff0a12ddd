import MSRModel

/// Where an order is in its life: issued, acknowledged by the unit, being carried out, and
/// finally done or cancelled.
enum OrderStatus: Int, Sendable {
    case issued, acknowledged, inProgress, done, cancelled

    var text: String {
        switch self {
        case .issued: return "issued"
        case .acknowledged: return "acknowledged"
        case .inProgress: return "in progress"
        case .done: return "done"
        case .cancelled: return "cancelled"
        }
    }

    var isFinal: Bool { self == .done || self == .cancelled }

    /// The statuses an order may move to from this one; an order in progress may also stay in
    /// progress (a progress report).
    var successors: [OrderStatus] {
        switch self {
        case .issued: return [.acknowledged, .cancelled]
        case .acknowledged: return [.inProgress, .cancelled]
        case .inProgress: return [.inProgress, .done, .cancelled]
        case .done, .cancelled: return []
        }
    }
}

/// What an order tells a unit to do.
enum OrderKind: Int, Sendable {
    case move, attack, defend, recon, resupply, withdraw, hold

    var text: String {
        switch self {
        case .move: return "move"
        case .attack: return "attack"
        case .defend: return "defend"
        case .recon: return "recon"
        case .resupply: return "resupply"
        case .withdraw: return "withdraw"
        case .hold: return "hold"
        }
    }

    /// The kinds of order a phase of the exercise calls for.
    static func typical(of phase: ExercisePhase) -> [OrderKind] {
        switch phase {
        case .setup: return [.move, .move, .hold, .defend, .recon]
        case .movement: return [.move, .move, .move, .recon, .resupply, .hold]
        case .contact: return [.attack, .defend, .recon, .recon, .move, .hold]
        case .engagement: return [.attack, .attack, .defend, .withdraw, .resupply, .move]
        case .consolidation: return [.hold, .hold, .resupply, .defend, .withdraw, .move]
        }
    }
}

/// One open order and its current row image; finished orders are forgotten.
struct OrderState: Sendable {
    let id: Int64
    let unitID: Int64
    let kind: OrderKind
    var status: OrderStatus = .issued
    let priority: Int
    var progress = 0
    let text: String
    let issuedAt: Int64
    let dueAt: Int64
    var updatedAt: Int64
    let key: [Field]
    var row: [Field] = []

    /// The full row in the column order of `ExerciseTable.orders`.
    func image() -> [Field] {
        [
            Field("id", .int(id)),
            Field("unit_id", .int(unitID)),
            Field("kind", .string(kind.text)),
            Field("status", .string(status.text)),
            Field("priority", .int(Int64(priority))),
            Field("progress", .int(Int64(progress))),
            Field("text", .string(text)),
            Field("issued_at", .int(issuedAt)),
            Field("due_at", .int(dueAt)),
            Field("updated_at", .int(updatedAt)),
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
