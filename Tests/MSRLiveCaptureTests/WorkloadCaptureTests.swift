import Foundation
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// A mixed workload while capturing: at every recorded moment, and at the end, the recording's
/// state of each table equals what the database itself returned at that moment.
final class WorkloadCaptureTests: LiveCaptureTestCase {
    /// Tables and their key columns.
    let tables: [(name: String, key: [String])] = [("items", ["id"]), ("docs", ["id"]), ("pairs", ["a", "b"])]

    func testRecordingEqualsDatabaseAtEveryMoment() throws {
        try sql("""
            CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2), qty int, ok bool,
                                meta jsonb, seen timestamptz DEFAULT now(), ratio float8);
            CREATE TABLE docs (id int PRIMARY KEY, title text, body text);
            ALTER TABLE docs ALTER COLUMN body SET STORAGE EXTERNAL;
            CREATE TABLE pairs (a int, b text, v int, PRIMARY KEY (a, b));
            INSERT INTO items SELECT g, 'item ' || g, g * 1.25, g, g % 2 = 0, jsonb_build_object('g', g, 'tags', jsonb_build_array('x', g)),
                                     now(), g / 3.0 FROM generate_series(1, 40) g;
            INSERT INTO docs SELECT g, 'doc ' || g, (SELECT string_agg(md5(g::text || i::text), '') FROM generate_series(1, 120) i)
                              FROM generate_series(1, 3) g;
            INSERT INTO pairs SELECT g, 'k' || g, g FROM generate_series(1, 10) g;
            """)
        let capture = try startCapture(["--tables", "items,docs,pairs,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot"), capture.stderr)
        XCTAssertTrue(capture.stderr.contains("Created publication"), capture.stderr)
        XCTAssertTrue(capture.stderr.contains("Created replication slot"), capture.stderr)

        var moments: [(label: String, time: Timestamp, tables: [DatabaseTable])] = []
        func moment(_ label: String) throws {
            let state = try tables.map { try databaseTable($0.name, key: $0.key) }
            moments.append((label, try serverNow(), state))
        }
        try moment("after the snapshot")

        try sql("INSERT INTO items (id, name, qty) VALUES (100, 'new', 1)")
        try sql("INSERT INTO items (id, name, qty, meta) SELECT g, 'bulk', g, '{\"a\": [1, 2, {\"b\": null}]}' FROM generate_series(200, 230) g")
        try server.client("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-c", "COPY pairs (a, b, v) FROM STDIN"],
                          input: "100\tc1\t1\n101\tc2\t2\n102\tc3\t3\n\\.\n")
        try moment("inserts and a COPY")

        try sql("UPDATE items SET qty = qty + 1, ok = NOT coalesce(ok, false) WHERE id <= 10")
        try sql("UPDATE items SET id = 1007 WHERE id = 7")
        try sql("UPDATE pairs SET b = 'moved' WHERE a = 2")
        try sql("UPDATE items SET ratio = 'NaN', price = 99999999.99 WHERE id = 3")
        try moment("updates, key changes")

        try sql("DELETE FROM items WHERE id BETWEEN 20 AND 25")
        try sql("DELETE FROM pairs WHERE a IN (3, 4)")
        try moment("deletes")

        try sql("""
            BEGIN;
            INSERT INTO items (id, name) VALUES (300, 'in a transaction');
            UPDATE items SET name = 'once' WHERE id = 300;
            UPDATE items SET name = 'twice' WHERE id = 300;
            UPDATE items SET qty = 0 WHERE id BETWEEN 30 AND 35;
            DELETE FROM items WHERE id = 36;
            INSERT INTO pairs VALUES (7, 'extra', 70);
            COMMIT;
            """)
        try sql("BEGIN; INSERT INTO items (id, name) VALUES (301, 'rolled back'); ROLLBACK;")
        try moment("a multi-row transaction and a rollback")

        // docs.body is stored out of line; updating another column sends it as 'unchanged'.
        try sql("UPDATE docs SET title = 'retitled' WHERE id = 1")
        try moment("a TOASTed column left unchanged")

        try sql("ALTER TABLE items ADD COLUMN note text")
        try sql("UPDATE items SET note = 'noted ' || id WHERE id <= 5")
        try sql("INSERT INTO items (id, name, note) VALUES (400, 'with note', 'fresh')")
        try moment("a column added mid-stream")

        try sql("TRUNCATE pairs")
        try sql("INSERT INTO pairs VALUES (1, 'after truncate', 1)")
        try moment("a truncate")

        try waitForMarker(1, capture: capture)
        for m in moments {
            for expected in m.tables {
                try assertRecording(at: m.time, equals: expected, m.label)
            }
        }
        for t in tables {
            try assertRecording(at: nil, equals: try databaseTable(t.name, key: t.key), "at the end")
        }
        try checkToastWasFilledIn()
        try checkStateCommandAgrees(at: moments[3].time, expected: moments[3].tables[0])

        XCTAssertEqual(capture.stop(SIGINT), 0, capture.stderr)
        XCTAssertTrue(capture.stderr.contains("msr: stopped;"), capture.stderr)
    }

    /// The docs update must have come with body 'unchanged' (not sent), and the recording must
    /// still hold the body.
    private func checkToastWasFilledIn() throws {
        let (events, tables) = try allEvents()
        let docs = try XCTUnwrap(tables.first { $0.name.name == "docs" })
        let body = try XCTUnwrap(docs.columnIndex(named: "body"))
        let update = try XCTUnwrap(events.last { $0.table == docs.id && $0.op == .update })
        XCTAssertEqual(update.givenColumns?.contains(body), false, "the body was sent, so TOAST was not exercised")
        XCTAssertEqual(update.after?[body], update.before?[body])
        XCTAssertEqual(update.after?[body].description.count, 3840)
    }

    /// `msr state --format ndjson` (the CLI) says what the engine says.
    private func checkStateCommandAgrees(at time: Timestamp, expected: DatabaseTable) throws {
        let r = try MSRBinary.run(["state", recording, "--table", "items", "--at", time.iso8601, "--format", "ndjson"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, expected.rows.count)
        for line in lines {
            let row = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try XCTUnwrap(row["id"] as? Int)
            let want = try XCTUnwrap(expected.rows[ExactString(String(id))])
            XCTAssertEqual(row["name"] as? String, want["name"] ?? nil)
            XCTAssertEqual((row["qty"] as? Int).map(String.init), want["qty"] ?? nil)
        }
    }
}
