import CZlib
import MSRModel

/// Keyframe pages are compressed with zlib (deflate): 64 rows of one table repeat column
/// values and text, and shrink to about a third. A page holds its uncompressed length as a
/// varint, then the zlib stream.
enum PageCompression {
    /// Largest page accepted when reading, so a damaged length cannot ask for gigabytes.
    static let maximumLength = 64 << 20

    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var out = BinaryWriter(capacity: 8)
        out.varint(UInt64(bytes.count))
        var header = out.bytes
        var capacity = compressBound(uLong(bytes.count))
        var packed = [UInt8](repeating: 0, count: Int(capacity))
        let rc = packed.withUnsafeMutableBufferPointer { dst in
            bytes.withUnsafeBufferPointer { src in
                compress2(dst.baseAddress, &capacity, src.baseAddress, uLong(src.count), 1)
            }
        }
        // compress2 fails only when out of memory or given a bad level; neither happens
        // here, but a page is never lost: store it with a zero length, meaning "not packed".
        guard rc == Z_OK else { return [0] + bytes }
        header.append(contentsOf: packed[0..<Int(capacity)])
        return header
    }

    static func decompress(_ data: [UInt8]) throws(BinaryCodingError) -> [UInt8] {
        let (length, start) = try BinaryReader.decode(data) { r throws(BinaryCodingError) in
            (Int(try r.varint()), r.offset)
        }
        guard length <= maximumLength else { throw .malformed }
        if length == 0 { return Array(data[start...]) }
        var out = [UInt8](repeating: 0, count: length)
        var produced = uLongf(length)
        let rc = out.withUnsafeMutableBufferPointer { dst in
            data.withUnsafeBufferPointer { src in
                uncompress(dst.baseAddress, &produced, src.baseAddress! + start, uLong(src.count - start))
            }
        }
        guard rc == Z_OK, Int(produced) == length else { throw .malformed }
        return out
    }
}
