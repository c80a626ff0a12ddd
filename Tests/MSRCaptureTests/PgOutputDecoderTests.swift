import MSRCapture
import MSRModel
import XCTest

/// Builds pgoutput and replication messages byte by byte, as the server sends them.
struct WireBytes {
    var bytes: [UInt8] = []

    init(_ tag: Character) { bytes = [UInt8(ascii: tag.unicodeScalars.first ?? "?")] }

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { int(UInt64(v), width: 2) }
    mutating func u32(_ v: UInt32) { int(UInt64(v), width: 4) }
    mutating func u64(_ v: UInt64) { int(v, width: 8) }
    mutating func char(_ c: Character) { u8(UInt8(ascii: c.unicodeScalars.first ?? "?")) }
    mutating func string(_ s: String) { bytes += Array(s.utf8) + [0] }

    private mutating func int(_ v: UInt64, width: Int) {
        for i in stride(from: width - 1, through: 0, by: -1) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(i * 8))) }
    }

    /// TupleData: nil is 'n', "\u{0}u" is 'u', anything else 't'.
    mutating func tuple(_ values: [String?]) {
        u16(UInt16(values.count))
        for v in values {
            switch v {
            case nil: char("n")
            case "\u{0}u"?: char("u")
            case let text?:
                char("t")
                u32(UInt32(text.utf8.count))
                bytes += Array(text.utf8)
            }
        }
    }
}

/// pgoutput protocol version 1 decoded from bytes built by hand.
final class PgOutputDecoderTests: XCTestCase {
    let decoder = PgOutputDecoder()
    /// 2026-03-14T09:30:00Z in microseconds since 2000-01-01.
    let pgTime: UInt64 = 826_795_800_000_000

    func testBeginAndCommit() throws {
        var b = WireBytes("B")
        b.u64(0x16_B374_D848); b.u64(pgTime); b.u32(777)
        XCTAssertEqual(try decoder.decode(b.bytes), .begin(PgBegin(finalLSN: LSN(0x16_B374_D848),
                       commitTime: Timestamp(micros: 1_773_480_600_000_000), xid: 777)))
        var c = WireBytes("C")
        c.u8(0); c.u64(0x100); c.u64(0x130); c.u64(pgTime)
        guard case .commit(let commit) = try decoder.decode(c.bytes) else { return XCTFail("not a commit") }
        XCTAssertEqual(commit.commitLSN, LSN(0x100))
        XCTAssertEqual(commit.endLSN, LSN(0x130))
        XCTAssertEqual(commit.commitTime.iso8601, "2026-03-14T09:30:00Z")
    }

    func testRelationAndType() throws {
        var r = WireBytes("R")
        r.u32(16384); r.string("public"); r.string("items"); r.char("d"); r.u16(2)
        r.u8(1); r.string("id"); r.u32(23); r.u32(UInt32(bitPattern: -1))
        r.u8(0); r.string("price"); r.u32(1700); r.u32(UInt32((10 << 16 | 2) + 4))
        guard case .relation(let rel) = try decoder.decode(r.bytes) else { return XCTFail("not a relation") }
        XCTAssertEqual(rel.id, 16384)
        XCTAssertEqual(rel.replicaIdentity, "d")
        XCTAssertEqual(rel.columns.map(\.name), ["id", "price"])
        XCTAssertEqual(rel.columns[0].isIdentity, true)
        XCTAssertEqual(rel.columns[0].typeModifier, -1)
        let type = PostgresValues.columnType(oid: 1700, name: nil, typmod: rel.columns[1].typeModifier)
        XCTAssertEqual(type.kind, "numeric")
        XCTAssertEqual(type.parameters, ["precision": "10", "scale": "2"])

        var y = WireBytes("Y")
        y.u32(90000); y.string("public"); y.string("mood")
        XCTAssertEqual(try decoder.decode(y.bytes), .type(PgType(oid: 90000, namespace: "public", name: "mood")))
    }

    func testRowMessages() throws {
        var i = WireBytes("I")
        i.u32(1); i.char("N"); i.tuple(["7", nil, "x"])
        XCTAssertEqual(try decoder.decode(i.bytes), .insert(relation: 1, new: [.text("7"), .null, .text("x")]))

        var u = WireBytes("U")
        u.u32(1); u.char("K"); u.tuple(["6", nil, nil]); u.char("N"); u.tuple(["7", "\u{0}u", "y"])
        XCTAssertEqual(try decoder.decode(u.bytes), .update(relation: 1, old: PgOldTuple(keyOnly: true, values: [.text("6"), .null, .null]),
                                                             new: [.text("7"), .unchangedToast, .text("y")]))
        var plain = WireBytes("U")
        plain.u32(1); plain.char("N"); plain.tuple(["7"])
        XCTAssertEqual(try decoder.decode(plain.bytes), .update(relation: 1, old: nil, new: [.text("7")]))

        var d = WireBytes("D")
        d.u32(1); d.char("O"); d.tuple(["7", nil])
        XCTAssertEqual(try decoder.decode(d.bytes), .delete(relation: 1, old: PgOldTuple(keyOnly: false, values: [.text("7"), .null])))

        var t = WireBytes("T")
        t.u32(2); t.u8(3); t.u32(1); t.u32(2)
        XCTAssertEqual(try decoder.decode(t.bytes), .truncate(relations: [1, 2], cascade: true, restartIdentity: true))
    }

    func testUnknownMessagesAreSkippedAndShortOnesRefused() throws {
        var m = WireBytes("M")
        m.u8(1); m.u64(5); m.string("prefix"); m.u32(0)
        XCTAssertEqual(try decoder.decode(m.bytes), .skipped(tag: "M"))
        XCTAssertEqual(try decoder.decode([UInt8(ascii: "Z"), 1, 2]), .skipped(tag: "Z"))
        var short = WireBytes("I")
        short.u32(1); short.char("N"); short.u16(2); short.char("t"); short.u32(10); short.bytes += [65, 66]
        XCTAssertThrowsError(try decoder.decode(short.bytes)) { error in
            guard case .truncated(let tag, _, _) = error as? PgOutputError else { return XCTFail("\(error)") }
            XCTAssertEqual(tag, "I")
        }
        XCTAssertThrowsError(try decoder.decode([]))
    }

    func testReplicationFramesAndStatusUpdate() throws {
        var w = WireBytes("w")
        w.u64(0x10); w.u64(0x20); w.u64(pgTime); w.bytes += [UInt8(ascii: "B")]
        XCTAssertEqual(try ReplicationMessage.parse(w.bytes),
                       .xLogData(start: LSN(0x10), walEnd: LSN(0x20), sendTime: Timestamp(micros: 1_773_480_600_000_000), payload: [66]))
        var k = WireBytes("k")
        k.u64(0x99); k.u64(pgTime); k.u8(1)
        XCTAssertEqual(try ReplicationMessage.parse(k.bytes),
                       .keepalive(walEnd: LSN(0x99), sendTime: Timestamp(micros: 1_773_480_600_000_000), replyRequested: true))

        let update = StandbyStatusUpdate(write: LSN(0x0102), flush: LSN(0x01), apply: LSN(0x01),
                                         clientTime: Timestamp(micros: 1_773_480_600_000_000))
        var expected = WireBytes("r")
        expected.u64(0x0102); expected.u64(1); expected.u64(1); expected.u64(pgTime); expected.u8(0)
        XCTAssertEqual(update.encoded(), expected.bytes)
        XCTAssertEqual(update.encoded().count, 34)
    }

    func testLSNText() {
        XCTAssertEqual(LSN("16/B374D848"), LSN(0x16_B374_D848))
        XCTAssertEqual(LSN(0x16_B374_D848).description, "16/B374D848")
        XCTAssertEqual(LSN(0).description, "0/0")
        XCTAssertNil(LSN("nonsense"))
    }
}

/// Lag in time: when the server passed the recorded position, between two samples.
final class LagTrackerTests: XCTestCase {
    func testLagIsInterpolatedBetweenSamples() {
        var lag = LagTracker()
        let t0 = Date(timeIntervalSince1970: 1000)
        lag.record(LSN(1000), at: t0)
        lag.record(LSN(2000), at: t0.addingTimeInterval(1))
        let now = t0.addingTimeInterval(1)
        XCTAssertEqual(lag.lag(confirmed: LSN(2000), now: now).bytes, 0)
        XCTAssertEqual(lag.lag(confirmed: LSN(2000), now: now).seconds, 0)
        let half = lag.lag(confirmed: LSN(1500), now: now)
        XCTAssertEqual(half.bytes, 500)
        XCTAssertEqual(half.seconds ?? -1, 0.5, accuracy: 0.001)
        XCTAssertNil(lag.lag(confirmed: LSN(500), now: now).seconds, "behind the first sample: unknown")
    }
}
