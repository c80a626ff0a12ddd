import MSRModel

/// Percentages (fuel, strength) as Debezium sends a `DECIMAL(4,1)` column: the unscaled value
/// in tenths, as big-endian two's-complement bytes, base64-encoded.
///
/// Only 0.0 … 100.0 ever occurs, so every encoding is computed once into a table; the hot path
/// then costs an array read, and each string is short enough to be stored inline without a
/// heap allocation.
enum ExercisePercent {
    /// The largest value in tenths: 100.0 %.
    static let maxTenths = 1_000

    /// The cell value for a percentage given in tenths, clamped to 0.0 … 100.0.
    static func value(tenths: Int) -> Value {
        .string(encoded[min(max(tenths, 0), maxTenths)])
    }

    private static let encoded: [String] = (0...maxTenths).map { base64(unscaledBytes($0)) }

    /// The shortest big-endian two's-complement bytes of a non-negative value.
    static func unscaledBytes(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var v = value
        repeat {
            bytes.insert(UInt8(v & 0xFF), at: 0)
            v >>= 8
        } while v > 0
        if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return bytes
    }

    /// Standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(triple >> 18 & 63)])
            out.append(alphabet[Int(triple >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
