/// What a change event did to its row.
public enum Operation: UInt8, Sendable, CaseIterable, Codable {
    /// A row read by an initial snapshot (Debezium `r`).
    case read = 0
    case insert = 1
    case update = 2
    case delete = 3
    /// Every row of the table removed at once.
    case truncate = 4

    /// The one-letter code Debezium uses, which msr also uses on its command line.
    public var code: Character {
        switch self {
        case .read: return "r"
        case .insert: return "c"
        case .update: return "u"
        case .delete: return "d"
        case .truncate: return "t"
        }
    }

    public init?(code: Character) {
        switch code {
        case "r": self = .read
        case "c": self = .insert
        case "u": self = .update
        case "d": self = .delete
        case "t": self = .truncate
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .read: return "read"
        case .insert: return "insert"
        case .update: return "update"
        case .delete: return "delete"
        case .truncate: return "truncate"
        }
    }
}
