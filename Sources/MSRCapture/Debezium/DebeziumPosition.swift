import MSRModel

/// The members of a `source` block that place a change in its connector's log, and the
/// `SourcePosition` made from them.
///
/// Each connector has its own tuple, compared left to right (Debezium's own offset order):
/// - PostgreSQL: `sequence`'s last commit LSN, then `lsn`;
/// - MySQL and MariaDB: the binlog `file` by its number, `pos`, `row`;
/// - SQL Server and Db2: `commit_lsn`, `change_lsn`, `event_serial_no` (LSNs as hex parts);
/// - Oracle: `commit_scn`, `scn`, `ssn`;
/// - others: `lsn`, else `pos`, else the Kafka record's partition and offset.
/// The tuple is encoded so that bytes compare like the tuple (a connector tag, the source's
/// logical name, then each part as its length and big-endian magnitude; a missing part sorts
/// first). The name (`source.name`, Debezium's topic prefix) comes before the tuple, so the
/// offsets of two sources are never compared with each other: two PostgreSQL servers' changes
/// at one commit time order by their names, each server's by its own LSNs.
///
/// The position also carries a digest of the change (table, operation, commit time, key and
/// images): a connector may give two changes one position (the rows of one binlog event, a
/// log without positions), and two distinct lines must never be taken for one, while the same
/// line read again must be.
struct DebeziumPositionFields {
    var lsn: Int64?
    var sequence: String?
    var file: String?
    var pos: Int64?
    var row: Int64?
    var commitLSN: String?
    var changeLSN: String?
    var eventSerial: Int64?
    var commitSCN: String?
    var scn: String?
    var ssn: Int64?
    var kafkaPartition: Int64?
    var kafkaOffset: Int64?
    /// `source.name`: the connector's logical name, which scopes its offsets.
    var server: String?

    typealias Problem = DebeziumLineError.Problem

    /// The order part of the position; empty when the line gives none.
    func order() throws(Problem) -> [UInt8] {
        var out: [UInt8] = []
        if commitLSN != nil || changeLSN != nil {
            out.append(UInt8(ascii: "S"))
            try Self.appendHex(commitLSN, field: "source.commit_lsn", to: &out)
            try Self.appendHex(changeLSN, field: "source.change_lsn", to: &out)
            Self.append(eventSerial, to: &out)
        } else if commitSCN != nil || scn != nil {
            out.append(UInt8(ascii: "O"))
            try Self.appendDecimal(commitSCN, field: "source.commit_scn", to: &out)
            try Self.appendDecimal(scn, field: "source.scn", to: &out)
            Self.append(ssn, to: &out)
        } else if let file, pos != nil {
            out.append(UInt8(ascii: "M"))
            Self.append(Self.fileNumber(file), to: &out)
            Self.append(pos, to: &out)
            Self.append(row, to: &out)
        } else if let lsn {
            out.append(UInt8(ascii: "P"))
            Self.append(try lastCommitLSN(), to: &out)
            Self.append(lsn, to: &out)
        } else if let pos {
            out.append(UInt8(ascii: "B"))
            Self.append(pos, to: &out)
        } else if let kafkaOffset {
            out.append(UInt8(ascii: "K"))
            Self.append(kafkaPartition, to: &out)
            Self.append(kafkaOffset, to: &out)
        }
        guard !out.isEmpty else { return out }
        // After the tag: its length first, so the name is never read into the tuple after it.
        var scope: [UInt8] = []
        let name = Array((server ?? "").utf8)
        Self.append(Int64(name.count), to: &scope)
        scope += name
        out.insert(contentsOf: scope, at: 1)
        return out
    }

    /// The first entry of PostgreSQL's `sequence` (`["last commit LSN","LSN"]`, as JSON text).
    func lastCommitLSN() throws(Problem) -> Int64? {
        guard let sequence else { return nil }
        let bad = Problem.wrongShape(field: "source.sequence", expected: "a JSON array of two LSNs", found: "\"\(sequence.prefix(40))\"")
        guard let parsed = try? JSONParser.parse(sequence), case .array(let parts) = parsed, parts.count == 2 else { throw bad }
        switch parts[0] {
        case .null: return nil
        case .string(let s): if let n = Int64(s), n >= 0 { return n }
        case .int(let n) where n >= 0: return n
        default: break
        }
        throw bad
    }

    /// The number of a binlog file (`mysql-bin.000003` → 3), which orders rotations; a name
    /// without one counts as 0.
    static func fileNumber(_ name: String) -> Int64? {
        let digits = name.utf8.reversed().prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count <= 18 else { return 0 }
        return Int64(String(decoding: digits.reversed(), as: UTF8.self)) ?? 0
    }

    /// A non-negative integer as its length and big-endian bytes; nil as length 0, so a
    /// missing part sorts first. A negative integer (no connector writes one) sorts as 0.
    static func append(_ value: Int64?, to out: inout [UInt8]) {
        guard let value else { out.append(0); return }
        var bytes: [UInt8] = []
        var v = UInt64(max(0, value))
        repeat {
            bytes.append(UInt8(v & 0xFF))
            v >>= 8
        } while v > 0
        out.append(UInt8(bytes.count))
        out.append(contentsOf: bytes.reversed())
    }

    /// Magnitude bytes without leading zeros, as `append` writes them.
    static func appendMagnitude(_ bytes: [UInt8], to out: inout [UInt8]) {
        let trimmed = bytes.drop { $0 == 0 }
        if trimmed.isEmpty { out.append(1); out.append(0); return }
        out.append(UInt8(trimmed.count))
        out.append(contentsOf: trimmed)
    }

    /// An LSN written as hex parts (`0000002b:00000df8:0003`): its parts have fixed widths, so
    /// the digits together are one number.
    static func appendHex(_ text: String?, field: String, to out: inout [UInt8]) throws(Problem) {
        guard let text, text != "NULL" else { out.append(0); return }
        var nibbles: [UInt8] = []
        for b in text.utf8 {
            switch b {
            case 0x30...0x39: nibbles.append(b - 0x30)
            case 0x41...0x46: nibbles.append(b - 0x41 + 10)
            case 0x61...0x66: nibbles.append(b - 0x61 + 10)
            case UInt8(ascii: ":"): continue
            default: throw .wrongShape(field: field, expected: "hex digits in parts", found: "\"\(text.prefix(40))\"")
            }
        }
        guard !nibbles.isEmpty, nibbles.count <= 500 else {
            throw .wrongShape(field: field, expected: "hex digits in parts", found: "\"\(text.prefix(40))\"")
        }
        if nibbles.count % 2 == 1 { nibbles.insert(0, at: 0) }
        let bytes = stride(from: 0, to: nibbles.count, by: 2).map { nibbles[$0] << 4 | nibbles[$0 + 1] }
        appendMagnitude(bytes, to: &out)
    }

    /// A decimal number of any length (an Oracle SCN).
    static func appendDecimal(_ text: String?, field: String, to out: inout [UInt8]) throws(Problem) {
        guard let text else { out.append(0); return }
        guard !text.isEmpty, text.utf8.count <= 300, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw .wrongShape(field: field, expected: "a decimal number", found: "\"\(text.prefix(40))\"")
        }
        // Base 10 to base 256, least significant byte first.
        var bytes: [UInt8] = [0]
        for d in text.utf8 {
            var carry = UInt32(d - 0x30)
            for i in bytes.indices {
                let v = UInt32(bytes[i]) * 10 + carry
                bytes[i] = UInt8(v & 0xFF)
                carry = v >> 8
            }
            while carry > 0 { bytes.append(UInt8(carry & 0xFF)); carry >>= 8 }
        }
        appendMagnitude(bytes.reversed(), to: &out)
    }
}
