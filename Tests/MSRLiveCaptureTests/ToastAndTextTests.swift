import Foundation
import MSRModel
import MSRTestSupport
import XCTest

/// pgoutput marks an unchanged TOASTed value out of band; any text, Debezium's placeholder
/// spelling included, is recorded as the text it is.
final class ToastAndTextTests: LiveCaptureTestCase {
    func testDebeziumPlaceholderSpellingIsJustText() throws {
        try sql("CREATE TABLE notes (id int PRIMARY KEY, body text, big text)")
        try sql("INSERT INTO notes VALUES (1, 'first', (SELECT string_agg(md5(g::text), '') FROM generate_series(1, 4000) g)), (2, 'second', 'small')")
        let capture = try startCapture(["--tables", "notes,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 2 rows"), capture.stderr)
        // The literal placeholder text, as an insert, as an update of a plain column and next to
        // an unchanged TOASTed column.
        try sql("INSERT INTO notes VALUES (3, '__debezium_unavailable_value', '__debezium_unavailable_value')")
        try sql("UPDATE notes SET body = '__debezium_unavailable_value' WHERE id = 1")
        try sql("UPDATE notes SET big = '__debezium_unavailable_value' WHERE id = 2")
        try waitForMarker(1, capture: capture)
        try assertRecording(at: nil, equals: try databaseTable("notes", key: ["id"]), "placeholder spelling as text")
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
    }
}
