import CZlib

/// A CRC-32 (zlib's `crc32`) over the fields of one stored row, so that damage to a stored
/// event, keyframe or page is found when it is read instead of being shown as data.
///
/// Each field goes in with what kind it is (an integer, a NULL, bytes and their length), so a
/// value cannot turn into another kind, move into a neighbour or change length unnoticed. The
/// row's own id is one of the fields, so a row found under another id does not pass either.
struct RowChecksum {
    private(set) var value: UInt32 = 0

    private mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        value = UInt32(truncatingIfNeeded: crc32(uLong(value), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }

    private mutating func feed(tag: UInt8, _ x: UInt64) {
        // Byte by byte: a tuple of the two would hold padding, whose bytes are undefined.
        let v = x.littleEndian
        withUnsafeBytes(of: tag) { feed($0) }
        withUnsafeBytes(of: v) { feed($0) }
    }

    mutating func add(_ x: Int64) { feed(tag: 1, UInt64(bitPattern: x)) }

    mutating func add(_ x: Int64?) {
        if let x { add(x) } else { feed(tag: 0, 0) }
    }

    mutating func add(bytes: UnsafeRawBufferPointer?) {
        guard let bytes else { return feed(tag: 0, 0) }
        feed(tag: 2, UInt64(bytes.count))
        feed(bytes)
    }

    mutating func add(bytes: [UInt8]?) {
        guard let bytes else { return feed(tag: 0, 0) }
        bytes.withUnsafeBytes { add(bytes: $0) }
    }

    mutating func add(text: String) {
        var t = text
        t.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// As stored in an INTEGER column.
    var stored: Int64 { Int64(value) }
}
