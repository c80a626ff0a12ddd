/// Comparing text by its UTF-8 bytes.
///
/// Swift's `String ==`, `<` and hashing treat canonically equivalent strings as the same
/// (`é` U+00E9 and `e` followed by U+0301), but a database does not: they are two keys, two rows,
/// and a change from one to the other is a change. Everything that decides whether two texts
/// from a source are the same — keys, de-duplication, change detection, diffs, filters,
/// sorting, table and column names — goes through these instead.
///
/// Byte order of UTF-8 is the order of Unicode code points, so sorting by bytes is also sorting
/// by code point, with no collation.
extension String {
    /// Whether the two strings hold the same UTF-8 bytes.
    @inlinable
    public func utf8Equal(_ other: String) -> Bool {
        // Counting is free for native strings, and most unequal texts differ in length.
        guard utf8.count == other.utf8.count else { return false }
        let fast: Bool?? = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in ByteText.equal(a, b) }
        }
        if let fast, let fast { return fast }
        return utf8.elementsEqual(other.utf8)
    }

    /// -1, 0 or 1 as this string's UTF-8 bytes sort before, the same as or after the other's.
    @inlinable
    public func utf8Compare(_ other: String) -> Int {
        let fast: Int?? = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in ByteText.compare(a, b) }
        }
        if let fast, let fast { return fast }
        return Array(utf8).withUnsafeBufferPointer { a in
            Array(other.utf8).withUnsafeBufferPointer { b in ByteText.compare(a, b) }
        }
    }

    /// Whether this string's UTF-8 bytes sort strictly before the other's.
    @inlinable
    public func utf8Less(_ other: String) -> Bool { utf8Compare(other) < 0 }

    /// Feeds the UTF-8 bytes (and their count, so that adjacent strings cannot run together)
    /// to `hasher`.
    @inlinable
    public func hashUTF8(into hasher: inout Hasher) {
        let done: Void? = utf8.withContiguousStorageIfAvailable { a in
            hasher.combine(a.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(a))
        }
        guard done == nil else { return }
        let bytes = Array(utf8)
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Whether `needle`'s UTF-8 bytes occur somewhere in this string's (an empty needle does).
    public func utf8Contains(_ needle: String) -> Bool {
        let hay = Array(utf8), n = Array(needle.utf8)
        guard !n.isEmpty else { return true }
        guard n.count <= hay.count else { return false }
        let first = n[0]
        var i = 0
        while i <= hay.count - n.count {
            if hay[i] == first {
                var j = 1
                while j < n.count, hay[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The string with letters lowercased for case-insensitive matching, changing only
    /// letters whose lowercase form turns back into them when uppercased.
    ///
    /// That leaves alone the signs that merely look like letters — the Kelvin sign U+212A (whose
    /// lowercase is `k`), the Angstrom sign U+212B (`å`), the Ohm sign U+2126 — so folding case
    /// never makes two different texts the same in the way canonical equivalence would. Nothing
    /// is normalised: `é` composed and decomposed stay different bytes.
    public var caseFolded: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return lowercased() }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let l = lower.first, l != scalar,
               l.properties.uppercaseMapping.unicodeScalars.elementsEqual([scalar]) {
                out.append(l)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether this string's UTF-8 bytes begin with `prefix`'s.
    public func utf8HasPrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }
}

/// Byte comparisons over buffers, kept apart so the string methods can be inlined. They read
/// eight bytes at a time: keys are compared on every step of a row-tree search.
public enum ByteText {
    @inlinable
    public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = a.count
        guard n == b.count else { return false }
        guard n > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        if pa == pb { return true }
        let ra = UnsafeRawPointer(pa), rb = UnsafeRawPointer(pb)
        var i = 0
        while i + 8 <= n {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if pa[i] != pb[i] { return false }
            i += 1
        }
        return true
    }

    @inlinable
    public static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = Swift.min(a.count, b.count)
        if n > 0, let pa = a.baseAddress, let pb = b.baseAddress, pa != pb {
            let ra = UnsafeRawPointer(pa), rb = UnsafeRawPointer(pb)
            var i = 0
            while i + 8 <= n {
                // Read as big-endian, the first differing byte decides the integers' order.
                let x = UInt64(bigEndian: ra.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let y = UInt64(bigEndian: rb.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if x != y { return x < y ? -1 : 1 }
                i += 8
            }
            while i < n {
                if pa[i] != pb[i] { return pa[i] < pb[i] ? -1 : 1 }
                i += 1
            }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}

/// A string that compares, hashes and sorts by its UTF-8 bytes: the key type for dictionaries
/// and sets of names and text taken from a source.
public struct ExactString: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var string: String

    @inlinable
    public init(_ string: String) { self.string = string }

    @inlinable
    public static func == (lhs: ExactString, rhs: ExactString) -> Bool { lhs.string.utf8Equal(rhs.string) }

    @inlinable
    public static func < (lhs: ExactString, rhs: ExactString) -> Bool { lhs.string.utf8Less(rhs.string) }

    @inlinable
    public func hash(into hasher: inout Hasher) { string.hashUTF8(into: &hasher) }

    public var description: String { string }
}
