import Foundation
import MSRModel
import MSRStore

/// A recording whose cells are numbers and times only on the wire, as Debezium sends them:
/// `ops.units` with a `Decimal` strength (scale 1, base64 bytes), a `MicroTimestamp`, a `Date`
/// and a `Decimal` balance (scale 2) too large for a double to tell neighbours apart.
///
/// Unit i (1…50) starts at strength 10.0 + 1.8 × i (11.8 … 100.0), updated at start + i s, on
/// day 2026-03-14 + i; from +10 s every 10 s unit k (1…10) falls to 9.5 − 0.5 × k ("destroyed");
/// at +00:02:03.457 unit 11 recovers to 50.0.
enum TypedFixture {
    static let start = ExerciseFixture.start

    static let decimal1 = ColumnType(kind: "bytes", semantic: "org.apache.kafka.connect.data.Decimal", parameters: ["scale": "1"])
    static let decimal2 = ColumnType(kind: "bytes", semantic: "org.apache.kafka.connect.data.Decimal", parameters: ["scale": "2"])
    static let columns = [
        ColumnSchema(name: "id", type: ColumnType(kind: "int64")),
        ColumnSchema(name: "strength", type: decimal1),
        ColumnSchema(name: "updated_at", type: ColumnType(kind: "int64", semantic: "io.debezium.time.MicroTimestamp")),
        ColumnSchema(name: "day", type: ColumnType(kind: "int32", semantic: "io.debezium.time.Date")),
        ColumnSchema(name: "balance", type: decimal2),
    ]
    /// 1234567890123456.78 and its neighbours ±0.01: one double for all three.
    static let bigBalance: Int64 = 123_456_789_012_345_678

    /// Big-endian two's complement, fewest bytes, base64: Kafka Connect's `Decimal`.
    static func base64(unscaled: Int64) -> String {
        var bytes = withUnsafeBytes(of: unscaled.bigEndian, Array.init)
        while bytes.count > 1, (bytes[0] == 0 && bytes[1] & 0x80 == 0) || (bytes[0] == 0xFF && bytes[1] & 0x80 != 0) {
            bytes.removeFirst()
        }
        return Data(bytes).base64EncodedString()
    }

    static func write(to path: String) throws {
        let store = try SQLiteRecordingStore(creatingAt: path, keyframeInterval: 50)
        let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: 50))
        _ = try writer.write(changes())
        store.close()
    }

    static func unit(_ id: Int, strengthTenths: Int64) -> [Field] {
        let day = CivilDay.days(2026, 3, 14) + Int64(id)
        let balance = bigBalance + Int64(id % 3) - 1
        return [Field("id", .int(Int64(id))), Field("strength", .string(base64(unscaled: strengthTenths))),
                Field("updated_at", .int(start + Int64(id) * 1_000_000)), Field("day", .int(day)),
                Field("balance", .string(base64(unscaled: balance)))]
    }

    static func changes() -> [SourceChange] {
        var out: [SourceChange] = []
        func add(_ op: MSRModel.Operation, at seconds: Int, _ image: [Field]) {
            var c = SourceChange(table: TableName(schema: "ops", name: "units"), op: op,
                                 commitTime: Timestamp(micros: start + Int64(seconds) * 1_000_000),
                                 position: SourcePosition(Int64(out.count + 1)), columns: columns, origin: out.count + 1)
            c.after = image
            c.keyFields = [image[0]]
            out.append(c)
        }
        for id in 1...50 { add(.insert, at: 0, unit(id, strengthTenths: 100 + 18 * Int64(id))) }
        for k in 1...10 { add(.update, at: 10 * k, unit(k, strengthTenths: 95 - 5 * Int64(k))) }
        // The last event at +00:02:03.457, so tenths of the span are not round by themselves.
        add(.update, at: 123, unit(11, strengthTenths: 500))
        out[out.count - 1].commitTime = Timestamp(micros: start + 123_457_000)
        return out
    }
}

/// Day numbers of dates, for the fixture's `Date` column.
enum CivilDay {
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int64 {
        var c = DateComponents()
        (c.year, c.month, c.day) = (y, m, d)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let date = calendar.date(from: c) ?? Date(timeIntervalSince1970: 0)
        return Int64(date.timeIntervalSince1970 / 86_400)
    }
}
