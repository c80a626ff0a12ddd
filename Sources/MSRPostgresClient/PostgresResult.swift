import CLibpq

/// A column of a result: its name and the OID of its type (`PQfname`, `PQftype`).
public struct PostgresColumn: Sendable, Hashable {
    public var name: String
    public var typeOID: UInt32
}

/// The rows a statement returned, as text (or nil for SQL NULL), copied out of the `PGresult`
/// so the result can be freed at once.
public struct PostgresResult: Sendable {
    public var columns: [PostgresColumn]
    public var rows: [[String?]]
    /// The command tag (`INSERT 0 1`, `CREATE_REPLICATION_SLOT`, …).
    public var commandTag: String

    init(_ result: OpaquePointer) {
        let fieldCount = Int(PQnfields(result)), rowCount = Int(PQntuples(result))
        columns = (0..<fieldCount).map { c in
            PostgresColumn(name: PQfname(result, Int32(c)).map { String(cString: $0) } ?? "",
                           typeOID: UInt32(PQftype(result, Int32(c))))
        }
        var rows: [[String?]] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<Int32(rowCount) {
            var row: [String?] = []
            row.reserveCapacity(fieldCount)
            for c in 0..<Int32(fieldCount) {
                if PQgetisnull(result, r, c) != 0 {
                    row.append(nil)
                } else if let value = PQgetvalue(result, r, c) {
                    let length = Int(PQgetlength(result, r, c))
                    let bytes = UnsafeRawBufferPointer(start: value, count: length)
                    row.append(String(decoding: bytes, as: UTF8.self))
                } else {
                    row.append(nil)
                }
            }
            rows.append(row)
        }
        self.rows = rows
        commandTag = PQcmdStatus(result).map { String(cString: $0) } ?? ""
    }

    /// The index of the column called `name`.
    public func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The value of column `name` in row `row`; nil for NULL or an unknown column.
    public func value(_ row: Int, _ name: String) -> String? {
        guard row < rows.count, let c = columnIndex(name) else { return nil }
        return rows[row][c]
    }
}
