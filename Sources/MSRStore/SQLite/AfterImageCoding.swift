import MSRModel

/// How an event's after-image is stored: in full, or — when there is a before-image — as the
/// cells that differ from it, which for a typical update is a few cells of a wide row. Read
/// back, it is always the full row again, so events stay invertible with full images.
///
/// Layout: a tag byte, then for `full` the row; for `delta` the row's length, the number of
/// changed cells, and each as (column, value).
enum AfterImageCoding {
    static let full: UInt8 = 0
    static let delta: UInt8 = 1

    static func encode(after: Row, before: Row?) -> [UInt8] {
        var w = BinaryWriter(capacity: 32)
        encode(after: after, before: before, into: &w)
        return w.bytes
    }

    /// Appends the encoded after-image to `w`.
    static func encode(after: Row, before: Row?, into w: inout BinaryWriter) {
        guard let before else {
            w.varint(UInt64(full))
            w.row(after)
            return
        }
        // Compared in place: reading cells through `Row`'s subscript would copy each value.
        let changed = after.values.withUnsafeBufferPointer { a in
            before.values.withUnsafeBufferPointer { b in AfterImageCoding.changedCount(a, b) }
        }
        // A delta must be shorter to be worth it (an upsert over a different row is not).
        guard changed * 2 < after.values.count else {
            w.varint(UInt64(full))
            w.row(after)
            return
        }
        w.varint(UInt64(delta))
        w.varint(UInt64(after.values.count))
        w.varint(UInt64(changed))
        after.values.withUnsafeBufferPointer { a in
            before.values.withUnsafeBufferPointer { b in
                for c in 0..<max(a.count, b.count) where !AfterImageCoding.same(a, b, c) {
                    w.varint(UInt64(c))
                    if c < a.count { w.value(a[c]) } else { w.value(.null) }
                }
            }
        }
    }

    /// Cells that differ between two rows, a missing cell reading as null.
    private static func changedCount(_ a: UnsafeBufferPointer<Value>, _ b: UnsafeBufferPointer<Value>) -> Int {
        var n = 0
        for c in 0..<max(a.count, b.count) where !same(a, b, c) { n += 1 }
        return n
    }

    @inline(__always)
    private static func same(_ a: UnsafeBufferPointer<Value>, _ b: UnsafeBufferPointer<Value>, _ c: Int) -> Bool {
        switch (c < a.count, c < b.count) {
        case (true, true): return a[c] == b[c]
        case (true, false): return a[c].isNull
        case (false, true): return b[c].isNull
        case (false, false): return true
        }
    }

    static func decode(_ bytes: [UInt8], before: Row?) throws(BinaryCodingError) -> Row {
        try BinaryReader.decode(bytes) { r throws(BinaryCodingError) -> Row in try decode(&r, before: before) }
    }

    /// Decodes an after-image from a reader over its stored bytes.
    static func decode(_ r: inout BinaryReader, before: Row?) throws(BinaryCodingError) -> Row {
        let tag = try r.varint()
        if tag == UInt64(full) { return try r.row() }
        guard tag == UInt64(delta), let before else { throw .malformed }
        let count = Int(try r.varint())
        let changes = Int(try r.varint())
        guard count <= 100_000, changes <= count else { throw .malformed }
        var row = Row(Array(before.values.prefix(count)))
        if row.values.count < count { row.values.append(contentsOf: repeatElement(.null, count: count - row.values.count)) }
        for _ in 0..<changes {
            let c = Int(try r.varint())
            guard c < count else { throw .malformed }
            row.values[c] = try r.value()
        }
        return row
    }
}
