import MSRModel

/// A line of a Debezium log that msr cannot record, with the line's number and the reason.
///
/// Ingest does not stop at a bad line: it writes the line and this reason to the reject file and
/// goes on, so the description is one short sentence a reader can act on.
public struct DebeziumLineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The number of the input line (or message), as the caller passed it.
    public var line: Int
    public var problem: Problem

    public init(line: Int, problem: Problem) {
        self.line = line
        self.problem = problem
    }

    /// `line 12: no op field`.
    public var description: String { "line \(line): \(problem)" }

    /// The reason alone, without the line number.
    public var reason: String { problem.description }

    /// What is wrong with a line.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The line (or a JSON string embedded in it, named by `field`) is not JSON.
        case notJSON(field: String?, JSONParseError)
        /// The line is JSON but not an object; holds the kind found ("an array").
        case notAnObject(found: String)
        /// No `op` member where the change event should be.
        case missingOp
        /// An `op` msr does not know.
        case unknownOp(String)
        /// No `source` block, so no table and no commit time.
        case missingSource
        /// A `source` block without a `table`.
        case missingTable
        /// A member holding the wrong kind of value: `before` is a string, say.
        case wrongShape(field: String, expected: String, found: String)
        /// An insert, read or update without an after-image.
        case missingAfter(Operation)
        /// A delete with neither a before-image nor a message key, so no row to remove.
        case deleteWithoutKey
        /// Neither `source` nor the event gives a commit time.
        case missingCommitTime
        /// A time whose microseconds do not fit in 64 bits (it would wrap to another century).
        case timeOutOfRange(field: String, Int64)
        /// A line msr cannot read as a change event; says which converter setting makes one.
        case unreadableShape(String)

        public var description: String {
            switch self {
            case .notJSON(let field?, let e): return "\(field) is not JSON: \(e)"
            case .notJSON(nil, let e): return "not JSON: \(e)"
            case .notAnObject(let found): return "expected a JSON object, found \(found)"
            case .missingOp: return "no op field; not a Debezium change event"
            case .unknownOp(let op): return "unknown op '\(op)'; expected c, u, d, r, t or m"
            case .missingSource: return "no source block"
            case .missingTable: return "source block has no table"
            case .wrongShape(let field, let expected, let found):
                return "\(field) is \(found), expected \(expected)"
            case .missingAfter(let op): return "\(op.name) (op \(op.code)) without an after image"
            case .deleteWithoutKey: return "delete without a before image or a message key"
            case .missingCommitTime: return "no commit time: source has no ts_us, ts_ns or ts_ms"
            case .timeOutOfRange(let field, let value):
                return "\(field) \(value) is beyond the range of times msr records (about ±292,000 years around 1970)"
            case .unreadableShape(let advice): return advice
            }
        }
    }
}
