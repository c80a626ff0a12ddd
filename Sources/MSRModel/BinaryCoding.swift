/// A compact binary form for values, rows and keys, used by the stores for event images,
/// keys and keyframe pages.
///
/// Each value is a tag byte and a payload: varints for integers and lengths, the IEEE bits
/// for doubles, UTF-8 bytes for text. Keys encode like rows.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    /// Forgets what was written but keeps the memory, for a writer reused value after value.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Bytes written so far.
    public var count: Int { bytes.count }

    public mutating func varint(_ value: UInt64) {
        if value < 0x80 {
            bytes.append(UInt8(value))
            return
        }
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Zig-zag so that small negative numbers stay short.
    public mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    public mutating func text(_ s: String) {
        // A native string lends its bytes without being copied; others are made native first.
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { buf in
            varint(UInt64(buf.count))
            bytes.append(contentsOf: buf)
        }
        guard done == nil else { return }
        var s = s
        s.withUTF8 { buf in
            varint(UInt64(buf.count))
            bytes.append(contentsOf: buf)
        }
    }

    public mutating func value(_ v: Value) {
        switch v {
        case .null: bytes.append(0)
        case .bool(let b): bytes.append(b ? 2 : 1)
        case .int(let i): bytes.append(3); signed(i)
        case .double(let d):
            bytes.append(4)
            withUnsafeBytes(of: d.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .string(let s): bytes.append(5); text(s)
        case .json(let s): bytes.append(6); text(s)
        }
    }

    public mutating func values(_ vs: [Value]) {
        varint(UInt64(vs.count))
        // Through the buffer, each value is read in place rather than copied.
        vs.withUnsafeBufferPointer { buffer in
            for i in buffer.indices { value(buffer[i]) }
        }
    }

    public mutating func row(_ r: Row) { values(r.values) }
    public mutating func key(_ k: RowKey) { values(k.values) }
}

/// Reads what `BinaryWriter` wrote; malformed input throws rather than crashing.
public struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    public private(set) var offset = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var isAtEnd: Bool { offset >= bytes.count }

    public mutating func byte() throws(BinaryCodingError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func varint() throws(BinaryCodingError) -> UInt64 {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw .malformed }
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func signed() throws(BinaryCodingError) -> Int64 {
        let u = try varint()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    public mutating func text() throws(BinaryCodingError) -> String {
        let n = Int(try varint())
        guard n <= bytes.count - offset else { throw .truncated }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]), as: UTF8.self)
        offset += n
        return s
    }

    public mutating func value() throws(BinaryCodingError) -> Value {
        switch try byte() {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3: return .int(try signed())
        case 4:
            guard bytes.count - offset >= 8 else { throw .truncated }
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << UInt64(8 * i) }
            offset += 8
            return .double(Double(bitPattern: bits))
        case 5: return .string(try text())
        case 6: return .json(try text())
        default: throw .malformed
        }
    }

    public mutating func values() throws(BinaryCodingError) -> [Value] {
        let n = Int(try varint())
        guard n <= bytes.count - offset else { throw .truncated }
        var out: [Value] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try value()) }
        return out
    }

    public mutating func row() throws(BinaryCodingError) -> Row { Row(try values()) }
    public mutating func key() throws(BinaryCodingError) -> RowKey { RowKey(try values()) }
}

public enum BinaryCodingError: Error, Sendable {
    case truncated
    case malformed
}

extension Row {
    public var encoded: [UInt8] {
        var w = BinaryWriter(capacity: values.count * 8 + 2)
        w.row(self)
        return w.bytes
    }

    public init(decoding bytes: [UInt8]) throws(BinaryCodingError) {
        self = try BinaryReader.decode(bytes) { r throws(BinaryCodingError) in try r.row() }
    }
}

extension RowKey {
    public var encoded: [UInt8] {
        var w = BinaryWriter(capacity: values.count * 8 + 2)
        w.key(self)
        return w.bytes
    }

    public init(decoding bytes: [UInt8]) throws(BinaryCodingError) {
        self = try BinaryReader.decode(bytes) { r throws(BinaryCodingError) in try r.key() }
    }
}

extension BinaryReader {
    /// Runs `body` with a reader over `bytes`.
    public static func decode<T>(_ bytes: [UInt8], _ body: (inout BinaryReader) throws(BinaryCodingError) -> T) throws(BinaryCodingError) -> T {
        var result: Result<T, BinaryCodingError> = .failure(.truncated)
        bytes.withUnsafeBytes { buf in
            var r = BinaryReader(buf)
            do throws(BinaryCodingError) { result = .success(try body(&r)) } catch { result = .failure(error) }
        }
        return try result.get()
    }
}
