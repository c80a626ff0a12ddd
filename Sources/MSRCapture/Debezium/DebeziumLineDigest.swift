import MSRModel

/// A digest of what a Debezium line says about its change: the same line always gives the
/// same digest, on any machine and in any run (FNV-1a over a fixed encoding, not Swift's
/// seeded `Hasher`), so a re-read line is recognised; two lines that differ in any cell, in
/// their key, time, table or operation give different ones.
enum DebeziumLineDigest {
    static func digest(of c: SourceChange, order: [UInt8]) -> UInt64 {
        var h = FNV()
        h.text(c.table.schema ?? "")
        h.text(c.table.name)
        h.text(String(c.op.code))
        h.integer(c.commitTime.micros)
        h.integer(Int64(order.count))
        for b in order { h.byte(b) }
        h.fields(c.keyFields)
        h.fields(c.before)
        h.fields(c.after)
        return h.value
    }

    struct FNV {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func byte(_ b: UInt8) {
            value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01b3
        }

        mutating func integer(_ i: Int64) {
            let bits = UInt64(bitPattern: i)
            for shift in stride(from: 56, through: 0, by: -8) { byte(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        }

        /// Length first, so that no two sequences of texts run together alike.
        mutating func text(_ s: String) {
            integer(Int64(s.utf8.count))
            for b in s.utf8 { byte(b) }
        }

        mutating func fields(_ fields: [Field]?) {
            guard let fields else { byte(0); return }
            byte(1)
            integer(Int64(fields.count))
            for f in fields {
                text(f.name)
                value(f.value)
            }
        }

        mutating func value(_ v: Value) {
            switch v {
            case .null: byte(0)
            case .bool(let b): byte(b ? 2 : 1)
            case .int(let i): byte(3); integer(i)
            case .double(let d): byte(4); integer(Int64(bitPattern: d.bitPattern))
            case .string(let s): byte(5); text(s)
            case .json(let s): byte(6); text(s)
            }
        }
    }
}
