import MSRModel

/// A position in PostgreSQL's write-ahead log (`pg_lsn`): a byte offset, written `16/B374D848`.
public struct LSN: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: UInt64

    public init(_ value: UInt64) { self.value = value }

    /// Parses the server's text form, two hexadecimal halves separated by a slash.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let high = UInt32(parts[0], radix: 16), let low = UInt32(parts[1], radix: 16) else {
            return nil
        }
        value = UInt64(high) << 32 | UInt64(low)
    }

    public static let zero = LSN(0)

    public static func < (lhs: LSN, rhs: LSN) -> Bool { lhs.value < rhs.value }

    public var description: String {
        String(value >> 32, radix: 16, uppercase: true) + "/" + String(value & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }

    /// The LSN as a recording's source position. WAL offsets stay far below 2^63 (that would
    /// be eight exbibytes of log), so the conversion never clamps in practice.
    public var position: SourcePosition { SourcePosition(Int64(clamping: value)) }

    /// Bytes from `other` up to this position; zero when `other` is ahead.
    public func bytes(after other: LSN) -> UInt64 { value > other.value ? value - other.value : 0 }
}
