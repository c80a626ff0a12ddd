import XCTest
import MSRModel
@testable import MSRCapture

final class DebeziumDecoderTests: XCTestCase {
    let decoder = DebeziumDecoder()

    // MARK: helpers

    private func change(_ line: String, number: Int = 1, file: StaticString = #filePath, line l: UInt = #line) throws -> SourceChange {
        let decoded = try decoder.decode(line: line, number: number)
        guard case .change(let c, _) = decoded else {
            XCTFail("expected a change, got \(decoded)", file: file, line: l)
            throw XCTSkip("no change")
        }
        return c
    }

    // MARK: line shapes

    func testBarePayload() throws {
        let c = try change(sampleEvent(after: #"{"id":1,"name":"Ada","score":9.5,"ok":true,"gone":null,"tags":["a","b"],"meta":{"x":1}}"#), number: 17)
        XCTAssertEqual(c.table, TableName(schema: "public", name: "units"))
        XCTAssertEqual(c.op, .insert)
        XCTAssertEqual(c.commitTime, Timestamp(micros: 1_772_360_100_250_123))
        XCTAssertEqual(c.position?.order, try pg(lsn: 24_023_192))
        XCTAssertNotNil(c.position?.line)
        XCTAssertNil(c.before)
        XCTAssertNil(c.keyFields)
        XCTAssertEqual(c.columns, [])
        XCTAssertEqual(c.origin, 17)
        XCTAssertEqual(c.after, [
            Field("id", .int(1)), Field("name", .string("Ada")), Field("score", .double(9.5)),
            Field("ok", .bool(true)), Field("gone", .null), Field("tags", .json(#"["a","b"]"#)),
            Field("meta", .json(#"{"x":1}"#)),
        ])
    }

    func testSchemaEnvelopeGivesColumnTypes() throws {
        let schema = oneLine(#"""
        {"type":"struct","fields":[
          {"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"},{"type":"string","optional":true,"field":"old_only"}],"optional":true,"name":"ops.public.units.Value","field":"before"},
          {"type":"struct","fields":[
            {"type":"int32","optional":false,"field":"id"},
            {"type":"int32","optional":true,"name":"io.debezium.time.Date","version":1,"field":"born"},
            {"type":"bytes","optional":true,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2","connect.decimal.precision":"10"},"field":"price"},
            {"type":"string","optional":true,"parameters":{"length":32,"flag":true,"none":null},"field":"name"}],
           "optional":true,"name":"ops.public.units.Value","field":"after"},
          {"type":"struct","fields":[],"optional":false,"name":"io.debezium.connector.postgresql.Source","field":"source"},
          {"type":"string","optional":false,"field":"op"}],
         "optional":false,"name":"ops.public.units.Envelope"}
        """#)
        let payload = sampleEvent(after: #"{"id":1,"born":20513,"price":"AeI6","name":"x"}"#)
        let c = try change(#"{"schema":\#(schema),"payload":\#(payload)}"#)
        XCTAssertEqual(c.columns, [
            ColumnSchema(name: "id", type: ColumnType(kind: "int32")),
            ColumnSchema(name: "born", type: ColumnType(kind: "int32", semantic: "io.debezium.time.Date")),
            ColumnSchema(name: "price", type: ColumnType(kind: "bytes", semantic: "org.apache.kafka.connect.data.Decimal",
                                                         parameters: ["scale": "2", "connect.decimal.precision": "10"])),
            ColumnSchema(name: "name", type: ColumnType(kind: "string", parameters: ["length": "32", "flag": "true"])),
            ColumnSchema(name: "old_only", type: ColumnType(kind: "string")),
        ])
        XCTAssertEqual(c.after?.first { $0.name == "price" }?.value, .string("AeI6"))
        XCTAssertEqual(c.table.qualified, "public.units")
    }

    /// Jackson quotes a float's NaN and infinities: with a schema typing the column as a float
    /// they are doubles again, -0.0 keeps its sign, and a string column's "NaN" stays text.
    func testQuotedNonFiniteFloatsAreDoublesWhereTheSchemaSaysFloat() throws {
        let after = #"{"type":"struct","fields":[{"type":"int32","field":"id"},{"type":"double","optional":true,"field":"d"},"#
            + #"{"type":"float","optional":true,"field":"f"},{"type":"double","field":"z"},{"type":"string","field":"s"}],"field":"after"}"#
        let schema = #"{"type":"struct","fields":[\#(after)]}"#
        let payload = sampleEvent(after: #"{"id":1,"d":"NaN","f":"-Infinity","z":-0.0,"s":"NaN","extra":"Infinity"}"#)
        let c = try change(#"{"schema":\#(schema),"payload":\#(payload)}"#)
        let values = Dictionary(uniqueKeysWithValues: (c.after ?? []).map { ($0.name, $0.value) })
        guard case .double(let d) = values["d"] else { return XCTFail("d: \(String(describing: values["d"]))") }
        XCTAssertTrue(d.isNaN)
        XCTAssertEqual(values["f"], .double(-.infinity))
        XCTAssertEqual(values["z"], .double(-0.0))
        XCTAssertNotEqual(values["z"], .double(0.0))
        XCTAssertEqual(values["s"], .string("NaN"), "a string column's text stays text")
        XCTAssertEqual(values["extra"], .string("Infinity"), "a column the schema does not type stays text")

        // A key schema types the key's cells the same way.
        let key = #"{"schema":{"type":"struct","fields":[{"type":"double","field":"k"}]},"payload":{"k":"Infinity"}}"#
        let keyed = try change(#"{"key":\#(key),"value":\#(sampleEvent(after: #"{"k":"Infinity"}"#))}"#)
        XCTAssertEqual(keyed.keyFields, [Field("k", .double(.infinity))])
        XCTAssertEqual(keyed.after, [Field("k", .double(.infinity))])

        // Without a schema the string may be text, and is kept as it came.
        let bare = try change(sampleEvent(after: #"{"id":1,"d":"NaN","f":NaN,"g":-Infinity,"z":-0}"#))
        XCTAssertEqual(bare.after?[1], Field("d", .string("NaN")))
        guard case .double(let bareNaN) = bare.after?[2].value else { return XCTFail("a bare NaN is not a double") }
        XCTAssertTrue(bareNaN.isNaN)
        XCTAssertEqual(bare.after?[3], Field("g", .double(-.infinity)))
        XCTAssertEqual(bare.after?[4], Field("z", .double(-0.0)))
    }

    func testKafkaRecordWithPlainKey() throws {
        let c = try change(#"{"key":{"id":1},"value":\#(sampleEvent(op: "u", before: #"{"id":1,"name":"A"}"#))}"#)
        XCTAssertEqual(c.op, .update)
        XCTAssertEqual(c.keyFields, [Field("id", .int(1))])
        XCTAssertEqual(c.before, [Field("id", .int(1)), Field("name", .string("A"))])
        XCTAssertEqual(c.columns, [])
    }

    func testKafkaRecordWithEnvelopedKeyAndValue() throws {
        let key = #"{"schema":{"type":"struct","fields":[{"type":"int64","optional":false,"field":"unit_id"}],"optional":false,"name":"ops.public.units.Key"},"payload":{"unit_id":7}}"#
        let valueSchema = #"{"type":"struct","fields":[{"type":"struct","fields":[{"type":"string","optional":true,"field":"name"}],"field":"after"}]}"#
        let line = #"{"key":\#(key),"value":{"schema":\#(valueSchema),"payload":\#(sampleEvent(after: #"{"unit_id":7,"name":"x"}"#))}}"#
        let c = try change(line)
        XCTAssertEqual(c.keyFields, [Field("unit_id", .int(7))])
        XCTAssertEqual(c.columns, [
            ColumnSchema(name: "name", type: ColumnType(kind: "string")),
            ColumnSchema(name: "unit_id", type: ColumnType(kind: "int64")),
        ])
    }

    func testKeySchemaAloneGivesKeyColumns() throws {
        let key = #"{"schema":{"type":"struct","fields":[{"type":"int32","field":"id"}]},"payload":{"id":3}}"#
        let c = try change(#"{"key":\#(key),"value":\#(sampleEvent())}"#)
        XCTAssertEqual(c.columns, [ColumnSchema(name: "id", type: ColumnType(kind: "int32"))])
        XCTAssertEqual(c.keyFields, [Field("id", .int(3))])
    }

    func testKcatStyleRecordWithEmbeddedJSONStringsAndOffset() throws {
        let payload = sampleEvent(source: ["lsn": nil])
        let line = #"{"topic":"ops.public.units","partition":0,"offset":4242,"key":"{\"id\":1}","payload":\#(JSONWriter.compactText(.string(payload)))}"#
        let c = try change(line)
        XCTAssertEqual(c.keyFields, [Field("id", .int(1))])
        XCTAssertEqual(c.position?.order, try DebeziumPositionFields(kafkaPartition: 0, kafkaOffset: 4242, server: "ops").order())
        XCTAssertEqual(c.after?.count, 2)
    }

    func testTombstones() throws {
        for line in [#"{"key":{"id":1},"value":null}"#, #"{"schema":null,"payload":null}"#,
                     #"{"key":{"id":1},"value":{"schema":null,"payload":null}}"#, #"{"key":"{\"id\":1}","payload":null}"#,
                     #"{"key":[1],"value":null}"#] {
            XCTAssertEqual(try decoder.decode(line: line, number: 1).skipReason, .tombstone, line)
        }
    }

    func testTransactionMarkersAreSkipped() throws {
        let begin = #"{"status":"BEGIN","id":"571:53195829","event_count":null,"data_collections":null,"ts_ms":1772360100250}"#
        let end = #"{"status":"END","id":"571:53195829","event_count":2,"data_collections":[{"data_collection":"public.units","event_count":2}]}"#
        for line in [begin, end, #"{"schema":{},"payload":\#(end)}"#, #"{"key":{"id":"571"},"value":\#(begin)}"#] {
            XCTAssertEqual(try decoder.decode(line: line, number: 1).skipReason, .transaction, line)
        }
    }

    func testBlankLinesAreSkipped() throws {
        for line in ["", "   ", "\r", " \t \r", "\u{FEFF}", "\u{FEFF}  "] {
            XCTAssertEqual(try decoder.decode(line: line, number: 1).skipReason, .blank, line.debugDescription)
        }
        XCTAssertEqual(try decoder.decode(line: [UInt8](), number: 1).skipReason, .blank)
    }

    func testSurroundingWhitespaceCarriageReturnAndByteOrderMarkAreTolerated() throws {
        XCTAssertEqual(try change("  \t" + sampleEvent() + " \r").op, .insert)
        XCTAssertEqual(try change("\u{FEFF}" + sampleEvent()).op, .insert)
    }

    func testAcceptsSlicesAndNonContiguousBytes() throws {
        let bytes = Array(("xx" + sampleEvent() + "\n").utf8)
        let slice = bytes[2..<(bytes.count - 1)]
        XCTAssertEqual(try decoder.decode(line: slice, number: 1).change?.op, .insert)
        XCTAssertEqual(try decoder.decode(line: slice.lazy.map { $0 }, number: 1).change?.op, .insert)
        let json = try JSONParser.parse(sampleEvent(op: "r"))
        XCTAssertEqual(try decoder.decode(json: json, number: 1).change?.op, .read)
    }

    // MARK: operations, snapshot, time, position

    func testEveryOperation() throws {
        XCTAssertEqual(try change(sampleEvent(op: "c")).op, .insert)
        XCTAssertEqual(try change(sampleEvent(op: "r")).op, .read)
        XCTAssertEqual(try change(sampleEvent(op: "u")).op, .update)
        XCTAssertEqual(try change(sampleEvent(op: "d", before: #"{"id":1}"#, after: "null")).op, .delete)
        let t = try change(sampleEvent(op: "t", after: "null"))
        XCTAssertEqual(t.op, .truncate)
        XCTAssertNil(t.before)
        XCTAssertNil(t.after)
        let truncateWithoutImages = #"{"source":{"ts_ms":1,"schema":"s","table":"t"},"op":"t","ts_ms":2}"#
        XCTAssertEqual(try change(truncateWithoutImages).op, .truncate)
    }

    func testMessagesAreSkipped() throws {
        let message = #"{"op":"m","ts_ms":1,"source":{"ts_ms":1,"db":"ops"},"message":{"prefix":"p","content":"AQ=="}}"#
        XCTAssertEqual(try decoder.decode(line: message, number: 1).skipReason, .message)
        XCTAssertEqual(try decoder.decode(line: #"{"op":"m"}"#, number: 1).skipReason, .message)
    }

    func testSnapshotMarkerMayBeStringOrBoolean() throws {
        for snapshot in [#""true""#, #""last""#, #""false""#, #""incremental""#, "true", "false", "null"] {
            XCTAssertEqual(try change(sampleEvent(op: "r", source: ["snapshot": snapshot])).op, .read, snapshot)
        }
        XCTAssertEqual(try change(sampleEvent(source: ["snapshot": nil])).op, .insert)
    }

    func testCommitTimePrefersTheMostPreciseSourceField() throws {
        XCTAssertEqual(try change(sampleEvent(source: ["ts_us": nil])).commitTime, Timestamp(millis: 1_772_360_100_250))
        XCTAssertEqual(try change(sampleEvent(source: ["ts_us": nil, "ts_ns": "1772360100250123999"])).commitTime,
                       Timestamp(micros: 1_772_360_100_250_123))
        XCTAssertEqual(try change(sampleEvent(source: ["ts_us": nil, "ts_ms": nil, "ts_usec": "1601213844074632"])).commitTime,
                       Timestamp(micros: 1_601_213_844_074_632))
        XCTAssertEqual(try change(sampleEvent(source: ["ts_us": "null"])).commitTime, Timestamp(millis: 1_772_360_100_250))
    }

    func testCommitTimeFallsBackToTheEventTime() throws {
        XCTAssertEqual(try change(sampleEvent(source: ["ts_us": nil, "ts_ms": nil])).commitTime, Timestamp(millis: 1_772_360_100_301))
        XCTAssertEqual(try change(sampleEvent(source: ["ts_us": nil, "ts_ms": nil], extra: #","ts_us":1772360100301999"#)).commitTime,
                       Timestamp(micros: 1_772_360_100_301_999))
    }

    private func pg(lsn: Int64) throws -> [UInt8] { try DebeziumPositionFields(lsn: lsn, server: "ops").order() }

    func testPositionIsLsnThenPosThenOffset() throws {
        XCTAssertEqual(try change(sampleEvent(source: ["pos": "77"])).position?.order, try pg(lsn: 24_023_192))
        XCTAssertEqual(try change(sampleEvent(source: ["lsn": nil, "pos": "77"])).position?.order, try DebeziumPositionFields(pos: 77, server: "ops").order())
        XCTAssertEqual(try change(sampleEvent(source: ["lsn": #""123""#])).position?.order, try pg(lsn: 123))
        XCTAssertEqual(try change(sampleEvent(source: ["lsn": nil])).position?.order, [])
        XCTAssertEqual(try change(sampleEvent(source: ["lsn": "null"])).position?.order, [])
        XCTAssertEqual(try change(#"{"key":null,"value":\#(sampleEvent(source: ["lsn": nil])),"offset":9}"#).position?.order,
                       try DebeziumPositionFields(kafkaOffset: 9, server: "ops").order())
        XCTAssertEqual(try change(#"{"key":null,"value":\#(sampleEvent()),"offset":9}"#).position?.order, try pg(lsn: 24_023_192))
    }

    func testTableWithoutSchemaAndValues() throws {
        let c = try change(sampleEvent(after: #"{"id":18446744073709551616,"note":"__debezium_unavailable_value","s":"Zürich \"q\""}"#,
                                 source: ["schema": nil, "db": #""inventory""#]))
        // MySQL gives no schema: its database is what tells two tables of one name apart.
        XCTAssertEqual(c.table, TableName(schema: "inventory", name: "units"))
        XCTAssertEqual(c.after, [Field("id", .double(18_446_744_073_709_551_616)),
                                 Field("note", .string(Value.unavailablePlaceholder)),
                                 Field("s", .string("Zürich \"q\""))])
        XCTAssertTrue(c.after?[1].value.isUnavailable ?? false)
    }
}
