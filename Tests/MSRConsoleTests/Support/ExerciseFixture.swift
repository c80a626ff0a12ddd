import Foundation
import MSRModel
import MSRStore

/// A small exercise recorded in-process, the same on every run: five tables of the `ops`
/// schema over ten minutes from 2026-03-14T08:00:00Z.
///
/// - `units` (8 rows at the start) changes most: every 5 s one unit changes status and speed;
/// - `orders` are issued every 15 s and progress; `alerts` come every 35 s and each is cleared
///   55 s later; `tracks` (3 rows) are updated every 65 s;
/// - track 3 starts with a NULL latitude;
/// - `notes` holds text that is hard to show (CJK, emoji, combining marks, tabs, control
///   characters) and only ever gets inserts, so it is never among the busiest tables.
enum ExerciseFixture {
    static let start: Int64 = 1_773_475_200_000_000
    static let schema = "ops"

    static let int = ColumnType(kind: "int64")
    static let text = ColumnType(kind: "string")
    static let real = ColumnType(kind: "double")

    /// Hard strings for `notes.text`, each followed by `|end` in the next column, so a
    /// test sees at once whether the columns stayed aligned.
    static let hardText: [String] = [
        "日本語のテキスト",
        "emoji 🚀 ok 👍🏽",
        "cafe\u{301} noe\u{308}l",
        "tab\there",
        "bell\u{7}esc\u{1B}[31mred",
        "flag 🇩🇰 crew 👩‍🚀",
        "line\nbreak",
        "\u{301}lonely mark",
    ]

    /// Writes the exercise to a new recording at `path`.
    static func write(to path: String, keyframeInterval: Int = 50) throws {
        let store = try SQLiteRecordingStore(creatingAt: path, keyframeInterval: keyframeInterval)
        let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: keyframeInterval))
        _ = try writer.write(changes())
        store.close()
    }

    static func changes() -> [SourceChange] {
        var out: [SourceChange] = []
        var position: Int64 = 0
        func add(_ table: String, _ op: MSRModel.Operation, at seconds: Int, _ fields: [(String, Value)], columns: [ColumnSchema]) {
            position += 1
            var c = SourceChange(table: TableName(schema: schema, name: table), op: op,
                                 commitTime: Timestamp(micros: start + Int64(seconds) * 1_000_000),
                                 position: SourcePosition(position), columns: columns, origin: out.count + 1)
            let image = fields.map { Field($0.0, $0.1) }
            if op == .delete { c.before = image } else { c.after = image }
            c.keyFields = [image[0]]
            out.append(c)
        }
        let unitColumns = [ColumnSchema(name: "id", type: int), ColumnSchema(name: "callsign", type: text),
                           ColumnSchema(name: "side", type: text), ColumnSchema(name: "status", type: text),
                           ColumnSchema(name: "speed", type: real), ColumnSchema(name: "fuel", type: int)]
        let orderColumns = [ColumnSchema(name: "id", type: int), ColumnSchema(name: "unit_id", type: int),
                            ColumnSchema(name: "status", type: text), ColumnSchema(name: "text", type: text)]
        let alertColumns = [ColumnSchema(name: "id", type: int), ColumnSchema(name: "severity", type: text),
                            ColumnSchema(name: "message", type: text)]
        let trackColumns = [ColumnSchema(name: "id", type: int), ColumnSchema(name: "label", type: text),
                            ColumnSchema(name: "lat", type: real)]
        let noteColumns = [ColumnSchema(name: "id", type: int), ColumnSchema(name: "text", type: text),
                           ColumnSchema(name: "tail", type: text)]
        let callsigns = ["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL"]
        let statuses = ["ready", "moving", "engaged", "holding"]
        func unit(_ id: Int, status: String, speed: Double, fuel: Int) -> [(String, Value)] {
            [("id", .int(Int64(id))), ("callsign", .string("\(id % 2 == 0 ? "RED" : "BLUE")-\(callsigns[id - 1])")),
             ("side", .string(id % 2 == 0 ? "RED" : "BLUE")), ("status", .string(status)),
             ("speed", .double(speed)), ("fuel", .int(Int64(fuel)))]
        }
        for id in 1...8 { add("units", .insert, at: 0, unit(id, status: "ready", speed: 0, fuel: 100), columns: unitColumns) }
        for id in 1...3 {
            // Track 3 has no position yet: a NULL among numbers.
            let lat: Value = id == 3 ? .null : .double(57 + Double(id) / 10)
            add("tracks", .insert, at: 0, [("id", .int(Int64(id))), ("label", .string("T-\(id)")), ("lat", lat)], columns: trackColumns)
        }
        for (i, s) in hardText.enumerated() {
            add("notes", .insert, at: 2, [("id", .int(Int64(i + 1))), ("text", .string(s)), ("tail", .string("|end"))], columns: noteColumns)
        }
        var orders = 0, alerts = 0
        for second in stride(from: 5, through: 600, by: 5) {
            let step = second / 5
            let id = (step - 1) % 8 + 1
            add("units", .update, at: second, unit(id, status: statuses[step % 4], speed: Double(step % 7) * 2.5, fuel: 100 - step / 2), columns: unitColumns)
            if second % 15 == 0 {
                orders += 1
                add("orders", .insert, at: second, [("id", .int(Int64(orders))), ("unit_id", .int(Int64(id))), ("status", .string("issued")), ("text", .string("ORDER \(orders)"))], columns: orderColumns)
                if orders > 1 {
                    add("orders", .update, at: second, [("id", .int(Int64(orders - 1))), ("unit_id", .int(Int64(id))), ("status", .string(orders % 3 == 0 ? "done" : "working")), ("text", .string("ORDER \(orders - 1)"))], columns: orderColumns)
                }
            }
            if second % 35 == 0 {
                alerts += 1
                add("alerts", .insert, at: second, [("id", .int(Int64(alerts))), ("severity", .string(alerts % 2 == 0 ? "high" : "low")), ("message", .string("contact \(alerts)"))], columns: alertColumns)
            }
            if second % 35 == 20 && alerts > 1 {
                add("alerts", .delete, at: second, [("id", .int(Int64(alerts - 1)))], columns: alertColumns)
            }
            if second % 65 == 0 {
                let t = step % 3 + 1
                add("tracks", .update, at: second, [("id", .int(Int64(t))), ("label", .string("T-\(t)")), ("lat", .double(57 + Double(step) / 100))], columns: trackColumns)
            }
        }
        return out
    }
}
