import MSRModel

/// Where a change falls in the recording's order, as far as commit time and source position
/// say (input order breaks the remaining ties).
struct ChangeOrder: Comparable, Sendable {
    var time: Timestamp
    /// The source position; changes without one sort first among equal times.
    var position: SourcePosition?

    init(_ c: SourceChange) {
        time = c.commitTime
        position = c.position
    }

    init(time: Timestamp, position: SourcePosition?) {
        self.time = time
        self.position = position
    }

    static func < (a: ChangeOrder, b: ChangeOrder) -> Bool {
        a.time != b.time ? a.time < b.time : SourcePosition.ordersBefore(a.position, b.position)
    }

    /// Equal in the order (a line digest takes no part in it).
    static func == (a: ChangeOrder, b: ChangeOrder) -> Bool {
        a.time == b.time && SourcePosition.sameOrder(a.position, b.position)
    }
}

/// What may be written once a batch is decoded: changes that sort before the bound can no
/// longer be preceded by a change still unread, as long as each input is in order by itself.
enum ReleaseBound: Sendable {
    /// Some input has not given a change yet.
    case nothing
    /// Every change that sorts before this order.
    case below(ChangeOrder)
    /// All input is read.
    case everything
}

/// One batch of lines of one input, decoded, on its way from the decoding thread to the writer.
struct DecodedBatch: Sendable {
    /// A refused line: which input, where, and why.
    struct Rejected: Sendable {
        var input: Int
        var line: Int
        var offset: Int64
        var length: Int
        var reason: String
    }

    var changes: [SourceChange] = []
    var skipped: [DebeziumLine.SkipReason: Int] = [:]
    var rejected: [Rejected] = []
    /// Changes whose commit time is the event's own, for want of the source's.
    var timedByEvent = 0
    /// Lines in the batch.
    var lines = 0
    /// Bytes read so far, over all inputs.
    var bytesRead: Int64 = 0
    var bound: ReleaseBound = .nothing
}

/// A change's origin packs its input and line number, so origins sort in input order (input,
/// then line) and a refused change leads back to its line.
enum IngestOrigin {
    static let lineBits = 40

    static func make(input: Int, line: Int) -> Int { input << lineBits | line }
    static func input(of origin: Int) -> Int { origin >> lineBits }
    static func line(of origin: Int) -> Int { origin & (1 << lineBits - 1) }
}
