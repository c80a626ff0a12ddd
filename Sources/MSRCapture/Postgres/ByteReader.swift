/// Reads the big-endian fields of one replication message, throwing when the bytes run out.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    /// The message type, for error reports.
    let tag: Character

    init(_ bytes: [UInt8], from offset: Int = 0, tag: Character) {
        self.bytes = bytes
        self.offset = offset
        self.tag = tag
    }

    var remaining: Int { bytes.count - offset }
    var atEnd: Bool { offset >= bytes.count }

    private mutating func need(_ n: Int) throws(PgOutputError) {
        if n < 0 || remaining < n { throw .truncated(message: tag, needed: n - max(0, remaining), offset: offset) }
    }

    mutating func uint8() throws(PgOutputError) -> UInt8 {
        try need(1)
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint16() throws(PgOutputError) -> UInt16 {
        UInt16(truncatingIfNeeded: try unsigned(2))
    }

    mutating func uint32() throws(PgOutputError) -> UInt32 {
        UInt32(truncatingIfNeeded: try unsigned(4))
    }

    mutating func uint64() throws(PgOutputError) -> UInt64 {
        try unsigned(8)
    }

    mutating func int64() throws(PgOutputError) -> Int64 {
        Int64(bitPattern: try unsigned(8))
    }

    mutating func int32() throws(PgOutputError) -> Int32 {
        Int32(bitPattern: try uint32())
    }

    private mutating func unsigned(_ width: Int) throws(PgOutputError) -> UInt64 {
        try need(width)
        var v: UInt64 = 0
        for i in offset..<(offset + width) { v = v << 8 | UInt64(bytes[i]) }
        offset += width
        return v
    }

    mutating func lsn() throws(PgOutputError) -> LSN { LSN(try uint64()) }

    /// A NUL-terminated string.
    mutating func cString() throws(PgOutputError) -> String {
        guard let end = bytes[offset...].firstIndex(of: 0) else {
            throw .malformed(message: tag, detail: "a name is not terminated")
        }
        defer { offset = end + 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    mutating func take(_ n: Int) throws(PgOutputError) -> ArraySlice<UInt8> {
        try need(n)
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }

    /// The rest of the message.
    mutating func rest() -> ArraySlice<UInt8> {
        defer { offset = bytes.count }
        return bytes[offset...]
    }
}
