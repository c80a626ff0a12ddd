import Foundation
import MSRModel
import MSRStore

/// A synthetic recording with one table of a chosen size, for the table-size scaling series:
/// `rows` inserts spread over two hours, interleaved with as many updates of random live rows
/// and one delete in twenty, so the table ends with about `rows` live rows after ~2·rows events.
enum BigTable {
    static let name = TableName(schema: "public", name: "big")
    static let columns = [
        ColumnSchema(name: "id", type: ColumnType(kind: "int64")),
        ColumnSchema(name: "name", type: ColumnType(kind: "string")),
        ColumnSchema(name: "value", type: ColumnType(kind: "int64")),
        ColumnSchema(name: "score", type: ColumnType(kind: "double")),
    ]

    /// Writes the recording; returns the number of events.
    static func write(rows: Int, to path: String) throws -> Int {
        OwnFile.removeDatabase(path)
        let store = try SQLiteRecordingStore(creatingAt: path)
        defer { store.close() }
        let writer = try RecordingWriter(store: store)
        var random = BenchRandom(seed: UInt64(rows))
        let total = rows * 2
        let start = Int64(1_773_475_200) * 1_000_000
        let step = max(1, Int64(7_200_000_000) / Int64(total))
        var live: [Int64] = []
        live.reserveCapacity(rows)
        var nextID: Int64 = 1
        var batch: [SourceChange] = []
        var values: [Int64: Int64] = [:]
        for i in 0..<total {
            let time = Timestamp(micros: start + Int64(i) * step)
            let change: SourceChange
            let roll = random.next() % 20
            if live.isEmpty || (i % 2 == 0 && nextID <= Int64(rows)) {
                let id = nextID
                nextID += 1
                live.append(id)
                values[id] = 0
                change = SourceChange(table: name, op: .insert, commitTime: time, position: SourcePosition(Int64(i + 1)),
                                      keyFields: [Field("id", .int(id))], after: image(id, 0), columns: columns)
            } else if roll == 0 {
                let slot = Int(random.next() % UInt64(live.count))
                let id = live[slot]
                live.swapAt(slot, live.count - 1)
                live.removeLast()
                change = SourceChange(table: name, op: .delete, commitTime: time, position: SourcePosition(Int64(i + 1)),
                                      keyFields: [Field("id", .int(id))], before: image(id, values[id] ?? 0), columns: columns)
                values[id] = nil
            } else {
                let id = live[Int(random.next() % UInt64(live.count))]
                let old = values[id] ?? 0
                values[id] = old + 1
                change = SourceChange(table: name, op: .update, commitTime: time, position: SourcePosition(Int64(i + 1)),
                                      keyFields: [Field("id", .int(id))], before: image(id, old), after: image(id, old + 1),
                                      columns: columns)
            }
            batch.append(change)
            if batch.count == 100_000 {
                _ = try writer.write(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        _ = try writer.write(batch)
        return total
    }

    static func image(_ id: Int64, _ value: Int64) -> [Field] {
        [Field("id", .int(id)), Field("name", .string("row-\(id)")), Field("value", .int(value)),
         Field("score", .double(Double(value) * 0.5 + Double(id % 97)))]
    }
}
