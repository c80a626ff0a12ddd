import MSRModel

/// What `DebeziumFastPath` gathers from one event object and its source block.
struct DebeziumFastEvent {
    var op: Operation?
    var before: [Field]?
    var after: [Field]?
    var hasSource = false
    var tableName: String?
    var schemaName: String?
    var dbName: String?
    var position = DebeziumPositionFields()
    var sourceTimes = Times()
    var eventTimes = Times()
    private var seen = Seen()

    var hasOp: Bool { seen.contains(.op) }

    /// Notes that a member was read; a member given twice is left to the general path, which
    /// takes the first.
    mutating func once(_ member: Seen) throws(JSONParseError) { try seen.once(member) }

    /// Members already read, as bits.
    struct Seen: OptionSet {
        let rawValue: UInt32
        static let op = Seen(rawValue: 1 << 0)
        static let before = Seen(rawValue: 1 << 1)
        static let after = Seen(rawValue: 1 << 2)
        static let source = Seen(rawValue: 1 << 3)
        static let table = Seen(rawValue: 1 << 4)
        static let schema = Seen(rawValue: 1 << 5)
        static let lsn = Seen(rawValue: 1 << 6)
        static let pos = Seen(rawValue: 1 << 7)
        static let tsUs = Seen(rawValue: 1 << 8)
        static let tsUsec = Seen(rawValue: 1 << 9)
        static let tsNs = Seen(rawValue: 1 << 10)
        static let tsMs = Seen(rawValue: 1 << 11)
        static let db = Seen(rawValue: 1 << 12)
        static let row = Seen(rawValue: 1 << 13)
        static let file = Seen(rawValue: 1 << 14)
        static let sequence = Seen(rawValue: 1 << 15)
        static let commitLSN = Seen(rawValue: 1 << 16)
        static let changeLSN = Seen(rawValue: 1 << 17)
        static let eventSerial = Seen(rawValue: 1 << 18)
        static let commitSCN = Seen(rawValue: 1 << 19)
        static let scn = Seen(rawValue: 1 << 20)
        static let ssn = Seen(rawValue: 1 << 21)
        static let serverName = Seen(rawValue: 1 << 22)

        mutating func once(_ member: Seen) throws(JSONParseError) {
            guard !contains(member) else { throw JSONParseError(.unexpectedEnd, at: -1) }
            insert(member)
        }
    }

    /// The time members of an object, as `DebeziumSource.commitTime` reads them.
    enum TimeField {
        case us, usec, ns, ms

        init?(_ s: JSONScanner, _ name: Range<Int>) {
            if s.name(name, is: "ts_us") { self = .us }
            else if s.name(name, is: "ts_usec") { self = .usec }
            else if s.name(name, is: "ts_ns") { self = .ns }
            else if s.name(name, is: "ts_ms") { self = .ms }
            else { return nil }
        }

        var seen: Seen {
            switch self {
            case .us: return .tsUs
            case .usec: return .tsUsec
            case .ns: return .tsNs
            case .ms: return .tsMs
            }
        }
    }

    struct Times {
        var us: Int64?, usec: Int64?, ns: Int64?, ms: Int64?

        subscript(field: TimeField) -> Int64? {
            get {
                switch field {
                case .us: return us
                case .usec: return usec
                case .ns: return ns
                case .ms: return ms
                }
            }
            set {
                switch field {
                case .us: us = newValue
                case .usec: usec = newValue
                case .ns: ns = newValue
                case .ms: ms = newValue
                }
            }
        }

        /// The most precise time given: `ts_us`, `ts_usec`, `ts_ns`, then `ts_ms`; nil when
        /// there is none, or when `ts_ms` is beyond the range of microseconds (the general path
        /// words that error).
        var commitTime: Timestamp? {
            if let us { return Timestamp(micros: us) }
            if let usec { return Timestamp(micros: usec) }
            if let ns {
                let (q, r) = ns.quotientAndRemainder(dividingBy: 1000)
                return Timestamp(micros: r < 0 ? q - 1 : q)
            }
            guard let ms else { return nil }
            let (micros, overflow) = ms.multipliedReportingOverflow(by: 1000)
            return overflow ? nil : Timestamp(micros: micros)
        }

        /// Whether a time member holds a `ts_ms` out of range, which the fast path leaves alone.
        var isOutOfRange: Bool {
            guard us == nil, usec == nil, ns == nil, let ms else { return false }
            return ms.multipliedReportingOverflow(by: 1000).overflow
        }
    }
}
