/// Where a change stands in its source's own order, and which line of the source it was.
///
/// `order` is an order-preserving encoding of the source's position (a WAL offset, or a
/// connector's tuple such as MySQL's binlog file number, offset and row): compared byte by
/// byte, it orders the changes of one source. Positions of different sources are never meant
/// to be compared; they only need to order consistently.
///
/// `line` is a digest of the change's content, for sources whose position does not tell every
/// change apart (two updates of one row in one binlog event, a log without positions): two
/// changes are the same change only when both parts are equal, so a re-read line is recognised
/// and two distinct lines never are. It takes no part in the order.
public struct SourcePosition: Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var order: [UInt8]
    public var line: UInt64?

    public init(order: [UInt8], line: UInt64? = nil) {
        self.order = order
        self.line = line
    }

    /// A plain integer position (a PostgreSQL LSN from msr's own capture, a test's counter).
    public init(_ integer: Int64) {
        order = SourcePosition.bytes(of: integer)
        line = nil
    }

    public init(integerLiteral value: Int64) { self.init(value) }

    /// The integer this position was made from, when it is a plain integer.
    public var integer: Int64? {
        guard line == nil, order.count == 8 else { return nil }
        var bits: UInt64 = 0
        for b in order { bits = bits << 8 | UInt64(b) }
        return Int64(bitPattern: bits ^ (1 << 63))
    }

    /// Whether `a` comes before `b` in source order; no position comes before any.
    public static func ordersBefore(_ a: SourcePosition?, _ b: SourcePosition?) -> Bool {
        guard let b else { return false }
        guard let a else { return true }
        return a.order.lexicographicallyPrecedes(b.order)
    }

    /// Whether neither of `a` and `b` comes before the other.
    public static func sameOrder(_ a: SourcePosition?, _ b: SourcePosition?) -> Bool {
        (a?.order ?? []) == (b?.order ?? []) && (a == nil) == (b == nil)
    }

    /// Eight bytes that compare like the signed integer: big-endian with the sign bit flipped.
    public static func bytes(of integer: Int64) -> [UInt8] {
        let bits = UInt64(bitPattern: integer) ^ (1 << 63)
        return (0..<8).map { UInt8(truncatingIfNeeded: bits >> (56 - 8 * UInt64($0))) }
    }

    /// The integer, or the bytes in hex (with the line digest after a `#`).
    public var description: String {
        if let integer { return String(integer) }
        let hex = order.map { b in String(b >> 4, radix: 16) + String(b & 15, radix: 16) }.joined()
        return line.map { hex + "#" + String($0, radix: 16) } ?? hex
    }

    /// The bytes a store keeps: `order`, then the digest (8 bytes) and a flag byte saying
    /// whether there is one.
    public var storedBytes: [UInt8] {
        var out = order
        if let line {
            for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: line >> (56 - 8 * UInt64(i)))) }
            out.append(1)
        } else {
            out.append(0)
        }
        return out
    }

    /// A position from `storedBytes`; nil when the bytes cannot be one.
    public init?(storedBytes bytes: some Collection<UInt8>) {
        let all = Array(bytes)
        guard let flag = all.last, flag <= 1 else { return nil }
        if flag == 0 {
            self.init(order: Array(all.dropLast()))
            return
        }
        guard all.count >= 9 else { return nil }
        var digest: UInt64 = 0
        for b in all[(all.count - 9)..<(all.count - 1)] { digest = digest << 8 | UInt64(b) }
        self.init(order: Array(all[..<(all.count - 9)]), line: digest)
    }
}
