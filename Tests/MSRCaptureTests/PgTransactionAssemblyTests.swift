import MSRCapture
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// pgoutput messages assembled into transactions, turned into source changes and recorded:
/// key-only old tuples, unchanged TOAST values, and a transaction sent twice.
final class PgTransactionAssemblyTests: XCTestCase {
    /// Keys from a table, as the catalog would give them.
    struct FixedResolver: RelationResolver {
        var keys: [UInt32: [String]]
        mutating func resolve(_ relation: PgRelation) throws -> CapturedRelation {
            CapturedRelation(relation: relation, keyColumns: keys[relation.id] ?? [])
        }
        mutating func noteType(_ type: PgType) {}
    }

    let items = PgRelation(id: 1, namespace: "public", name: "items", replicaIdentity: "d", columns: [
        PgRelationColumn(name: "id", typeOID: 23, typeModifier: -1, isIdentity: true),
        PgRelationColumn(name: "body", typeOID: 25, typeModifier: -1, isIdentity: false),
        PgRelationColumn(name: "meta", typeOID: 3802, typeModifier: -1, isIdentity: false),
        PgRelationColumn(name: "ok", typeOID: 16, typeModifier: -1, isIdentity: false),
    ])
    let time = Timestamp(micros: 1_773_480_600_000_000)

    /// Insert, an update that changes the key with the body unchanged, a delete — then commit.
    func transaction(_ assembler: inout TransactionAssembler) throws -> CommittedTransaction? {
        var resolver = FixedResolver(keys: [1: ["id"]])
        let messages: [(PgOutputMessage, UInt64)] = [
            (.begin(PgBegin(finalLSN: LSN(0x500), commitTime: time, xid: 9)), 0x100),
            (.relation(items), 0),
            (.insert(relation: 1, new: [.text("1"), .text("long body"), .text("{\"a\": [1, 2]}"), .text("t")]), 0x110),
            (.update(relation: 1, old: PgOldTuple(keyOnly: true, values: [.text("1"), .null, .null, .null]),
                     new: [.text("2"), .unchangedToast, .null, .text("f")]), 0x180),
            (.delete(relation: 1, old: PgOldTuple(keyOnly: true, values: [.text("2"), .null, .null, .null])), 0x200),
            (.commit(PgCommit(flags: 0, commitLSN: LSN(0x500), endLSN: LSN(0x530), commitTime: time)), 0x530),
        ]
        var done: CommittedTransaction?
        for (m, start) in messages {
            if let t = try assembler.take(m, start: LSN(start), resolver: &resolver) { done = t }
        }
        return done
    }

    func testChangesCarryCommitTimePositionsAndImages() throws {
        var assembler = TransactionAssembler()
        let tx = try XCTUnwrap(try transaction(&assembler))
        XCTAssertFalse(assembler.inTransaction)
        XCTAssertEqual(tx.endLSN, LSN(0x530))
        XCTAssertEqual(tx.changes.map(\.op), [.insert, .update, .delete])
        XCTAssertEqual(tx.changes.map(\.position), [0x110, 0x180, 0x200])
        XCTAssertTrue(tx.changes.allSatisfy { $0.commitTime == time && $0.table.qualified == "public.items" })

        let insert = tx.changes[0]
        XCTAssertEqual(insert.after?.map(\.value), [.int(1), .string("long body"), .string("{\"a\": [1, 2]}"), .bool(true)])
        XCTAssertEqual(insert.keyFields?.map(\.name), ["id"])
        XCTAssertEqual(insert.columns.map(\.type.kind), ["int4", "text", "jsonb", "bool"])

        let update = tx.changes[1]
        // 'n' in a key-only old tuple means "not part of the key": left out, not NULL.
        XCTAssertEqual(update.before?.map(\.name), ["id"])
        // The unchanged TOASTed body is left out (marked out of band), not spelled as a value.
        XCTAssertEqual(update.after?.map(\.name), ["id", "meta", "ok"])
        XCTAssertEqual(update.after?[1].value, .null)
        XCTAssertEqual(update.keyFields?.map(\.value), [.int(2)])

        let delete = tx.changes[2]
        XCTAssertEqual(delete.before?.map(\.name), ["id"])
        XCTAssertEqual(delete.keyFields?.map(\.value), [.int(2)])
    }

    /// Recorded twice (the server sends it again after a reconnect): the second time every
    /// change is recognised as recorded, and the unchanged body was kept from the row.
    func testATransactionSentAgainIsRecordedOnce() throws {
        let dir = TemporaryDirectory("msr-pgtx")
        let store = try SQLiteRecordingStore(creatingAt: dir.path("tx.msr"))
        var assembler = TransactionAssembler()
        let tx = try XCTUnwrap(try transaction(&assembler))
        let writer = try RecordingWriter(store: store)
        let first = try writer.write(tx.changes)
        XCTAssertEqual(first.written, 3)
        XCTAssertTrue(first.rejected.isEmpty)
        let events = try store.events(in: 1...3, table: nil)
        XCTAssertEqual(events[1].before?.values.first, .int(1))
        XCTAssertEqual(events[1].after?[1], .string("long body"))
        XCTAssertEqual(events[1].after?[2], .null)

        var again = TransactionAssembler()
        let resent = try XCTUnwrap(try transaction(&again))
        let second = try RecordingWriter(store: store).write(resent.changes)
        XCTAssertEqual(second.written, 0)
        XCTAssertEqual(second.duplicates, 3)
        XCTAssertEqual(try store.summary().eventCount, 3)
    }

    func testHalfReceivedTransactionIsForgotten() throws {
        var assembler = TransactionAssembler()
        var resolver = FixedResolver(keys: [1: ["id"]])
        _ = try assembler.take(.begin(PgBegin(finalLSN: LSN(9), commitTime: time, xid: 1)), start: LSN(1), resolver: &resolver)
        XCTAssertTrue(assembler.inTransaction)
        assembler.discardOpenTransaction()
        XCTAssertFalse(assembler.inTransaction)
        XCTAssertNil(try assembler.take(.commit(PgCommit(flags: 0, commitLSN: LSN(9), endLSN: LSN(10), commitTime: time)),
                                        start: LSN(10), resolver: &resolver))
    }

    func testValuesFromText() {
        XCTAssertEqual(PostgresValues.value("-42", type: PostgresValues.OID.int8), .int(-42))
        XCTAssertEqual(PostgresValues.value("2.5", type: PostgresValues.OID.float8), .double(2.5))
        if case .double(let d) = PostgresValues.value("NaN", type: PostgresValues.OID.float4) { XCTAssertTrue(d.isNaN) } else { XCTFail("NaN") }
        XCTAssertEqual(PostgresValues.value("-Infinity", type: PostgresValues.OID.float8), .double(-.infinity))
        XCTAssertEqual(PostgresValues.value("f", type: PostgresValues.OID.bool), .bool(false))
        XCTAssertEqual(PostgresValues.value("12345678901234567890.5", type: PostgresValues.OID.numeric), .string("12345678901234567890.5"))
        // json and jsonb keep the server's text: a JSON null is text, not SQL NULL.
        XCTAssertEqual(PostgresValues.value("{\"a b\": [1, \"x y\"],\n \"c\": {}}", type: PostgresValues.OID.json),
                       .string("{\"a b\": [1, \"x y\"],\n \"c\": {}}"))
        XCTAssertEqual(PostgresValues.value("{\"q\": \"\\\" x\"}", type: PostgresValues.OID.jsonb), .string("{\"q\": \"\\\" x\"}"))
        XCTAssertEqual(PostgresValues.value("null", type: PostgresValues.OID.jsonb), .string("null"))
        XCTAssertEqual(PostgresValues.value("-0", type: PostgresValues.OID.float8).description, "-0.0")
        XCTAssertEqual(PostgresValues.value("Infinity", type: PostgresValues.OID.float4), .double(.infinity))
        XCTAssertEqual(PostgresValues.columnType(oid: 90001, name: "positive", typmod: -1, base: (PostgresValues.OID.int4, nil)).parameters, ["base": "int4"])
        XCTAssertEqual(PostgresValues.value("2026-03-14 09:30:00+00", type: PostgresValues.OID.timestamptz), .string("2026-03-14 09:30:00+00"))
        XCTAssertEqual(PostgresValues.columnType(oid: PostgresValues.OID.timestamptz, name: nil, typmod: -1).kind, "timestamptz")
        XCTAssertEqual(PostgresValues.columnType(oid: 90000, name: "mood", typmod: -1).kind, "mood")
    }
}
