import MSRModel
import MSRPostgresClient

/// Reads the captured tables as they stood at a replication slot's consistent point, on a
/// connection of its own, as snapshot-read events.
///
/// The slot's exported snapshot is imported (`SET TRANSACTION SNAPSHOT`) into a repeatable-read
/// transaction, so the rows read are exactly those committed before the point the stream
/// starts from: nothing is missed between the snapshot and the stream, nothing is seen twice.
/// Rows are fetched through a cursor, a chunk at a time, so a large table never sits in memory.
struct PostgresSnapshot {
    let connection: PostgresConnection
    let snapshotName: String
    /// Every read is stamped with the slot's consistent point as its position …
    let consistentPoint: LSN
    /// … and with a server time taken once the slot exists: every transaction the snapshot
    /// holds committed before it (creating the slot waits for the transactions then open).
    let time: Timestamp
    var chunkRows = 5000

    /// Reads `tables`, handing each chunk of changes to `emit`; returns the number of rows.
    func read(_ tables: [CatalogTable], emit: ([SourceChange]) throws -> Void) throws -> Int {
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try connection.execute("SET TRANSACTION SNAPSHOT " + connection.quoteLiteral(snapshotName))
        var rows = 0
        var origin = 0
        for table in tables {
            let relation = Self.relation(for: table)
            guard let key = table.keyColumns else { throw PostgresCaptureError.tablesWithoutKey([table.identityFix]) }
            let typeNames = Dictionary(table.columns.map { ($0.typeOID, $0.typeName) }) { a, _ in a }
            let bases = try PostgresCatalog(connection: connection).domainBases(
                table.columns.map(\.typeOID).filter { PostgresValues.builtinNames[$0] == nil })
            let captured = CapturedRelation(relation: relation, keyColumns: key, typeNames: typeNames, isMultiset: table.isMultiset,
                                            domainBases: bases)
            var list: [String] = []
            for c in table.columns { list.append(try connection.quoteIdentifier(c.name)) }
            let select = "SELECT " + (list.isEmpty ? "1" : list.joined(separator: ", ")) + " FROM " + table.sqlName
            try connection.execute("DECLARE msr_snapshot NO SCROLL CURSOR FOR " + select)
            while true {
                let chunk = try connection.execute("FETCH \(chunkRows) FROM msr_snapshot")
                if chunk.rows.isEmpty { break }
                var changes: [SourceChange] = []
                changes.reserveCapacity(chunk.rows.count)
                for row in chunk.rows {
                    let values = row.map { $0.map(TupleValue.text) ?? .null }
                    guard var c = captured.change(.insert(relation: table.oid, new: values), commitTime: time,
                                                  position: consistentPoint, origin: origin) else { continue }
                    c.op = .read
                    origin += 1
                    changes.append(c)
                }
                rows += changes.count
                try emit(changes)
            }
            try connection.execute("CLOSE msr_snapshot")
        }
        try connection.execute("COMMIT")
        return rows
    }

    /// The Relation message the stream would send for `table`, so snapshot rows and streamed
    /// rows are converted by the same code.
    static func relation(for table: CatalogTable) -> PgRelation {
        PgRelation(id: table.oid, namespace: table.name.schema ?? "", name: table.name.name,
                   replicaIdentity: table.replicaIdentity,
                   columns: table.columns.map {
                       PgRelationColumn(name: $0.name, typeOID: $0.typeOID, typeModifier: $0.typeModifier,
                                        isIdentity: table.keyColumns?.contains($0.name) ?? false)
                   })
    }
}
