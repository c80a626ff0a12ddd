import MSRModel
import MSRPostgresClient

/// A table as the server's catalog describes it now.
struct CatalogTable: Sendable, Equatable {
    var oid: UInt32
    var name: TableName
    /// `schema.table` quoted where SQL needs it (`quote_ident`), for statements and hints.
    var sqlName: String
    /// `relreplident`: d, n, f or i.
    var replicaIdentity: Character
    var columns: [CatalogColumn]
    /// The key msr records rows under, or nil when updates and deletes could not be matched.
    var keyColumns: [String]?
    /// REPLICA IDENTITY FULL without a primary key: rows are matched by every column, and
    /// identical rows are told apart by a copy number (`CopyNumbers`).
    var isMultiset = false
    var hasPrimaryKey = false
    /// Generated columns the stream does not carry, so neither does the snapshot.
    var unpublishedGenerated: [String] = []

    /// A table without a key with a column of the copy number's name, which would clash with it.
    var clashesWithCopyColumn: Bool {
        isMultiset && columns.contains { $0.name.utf8Equal(CopyNumbers.column) }
    }

    /// The statement that gives a table without a usable key one: back to the primary key
    /// when it has one (under REPLICA IDENTITY NOTHING), else every column.
    var identityFix: (table: String, fix: String) {
        (sqlName, "ALTER TABLE \(sqlName) REPLICA IDENTITY \(hasPrimaryKey ? "DEFAULT" : "FULL");")
    }
}

struct CatalogColumn: Sendable, Equatable {
    var name: String
    var typeOID: UInt32
    var typeName: String
    var typeModifier: Int32
}

/// The type a domain's values take: its base type, after any domains over domains.
struct DomainBase: Sendable, Equatable {
    var oid: UInt32
    var name: String
}

/// A logical replication slot as `pg_replication_slots` shows it.
struct SlotInfo: Sendable {
    var plugin: String?
    var database: String?
    var confirmedFlush: LSN?
    var activePID: String?
}

/// Catalog questions on a normal connection. Every value reaches SQL as a parameter.
struct PostgresCatalog {
    let connection: PostgresConnection

    func setting(_ name: String) throws(PostgresError) -> String {
        try connection.execute("SELECT current_setting($1)", [name]).rows.first?.first.flatMap { $0 } ?? ""
    }

    /// The server's clock, so snapshot reads are stamped in the same clock as commits.
    func serverTime() throws(PostgresError) -> Timestamp {
        let text = try connection.execute("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::int8::text").rows.first?.first ?? nil
        return Timestamp(micros: text.flatMap { Int64($0) } ?? 0)
    }

    func currentWAL() throws(PostgresError) -> LSN {
        let text = try connection.execute("SELECT pg_current_wal_lsn()::text").rows.first?.first ?? nil
        return text.flatMap { LSN($0) } ?? .zero
    }

    /// The OID of the table `name` (`t` or `schema.t`, resolved like SQL does), or nil.
    func tableOID(named name: String) throws(PostgresError) -> UInt32? {
        do {
            let r = try connection.execute("SELECT to_regclass($1)::oid::int8::text", [name])
            return r.rows.first?.first.flatMap { $0 }.flatMap { UInt32($0) }
        } catch let error where error.sqlState?.hasPrefix("42") == true {
            return nil
        }
    }

    /// Whether publication `name` publishes stored generated columns (PostgreSQL 18 and later).
    func publishesGeneratedColumns(_ name: String) throws(PostgresError) -> Bool {
        guard connection.serverVersion >= 180_000 else { return false }
        return try connection.execute("SELECT pubgencols::text FROM pg_publication WHERE pubname = $1", [name]).rows.first?.first == "s"
    }

    func publicationExists(_ name: String) throws(PostgresError) -> Bool {
        !(try connection.execute("SELECT 1 FROM pg_publication WHERE pubname = $1", [name]).rows.isEmpty)
    }

    /// The tables a publication publishes, in name order.
    func publicationTables(_ name: String) throws(PostgresError) -> [UInt32] {
        let r = try connection.execute("""
            SELECT c.oid::int8::text FROM pg_publication_tables p
            JOIN pg_namespace n ON n.nspname = p.schemaname
            JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = p.tablename
            WHERE p.pubname = $1 ORDER BY p.schemaname, p.tablename
            """, [name])
        return r.rows.compactMap { $0.first.flatMap { $0 }.flatMap { UInt32($0) } }
    }

    /// A table's name, columns, replica identity and key. Its columns are those pgoutput sends:
    /// stored generated columns only when `generated` (PostgreSQL 18's
    /// `publish_generated_columns = stored`), which earlier servers never publish.
    func table(oid: UInt32, generated: Bool = false) throws(PostgresError) -> CatalogTable? {
        let id = String(oid)
        let head = try connection.execute("""
            SELECT n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relreplident::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1::oid
            """, [id])
        guard let row = head.rows.first, let schema = row[0], let name = row[1], let sqlName = row[2] else { return nil }
        let all = try connection.execute("""
            SELECT a.attname, a.atttypid::int8::text, t.typname, a.atttypmod::text, a.attgenerated::text
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """, [id]).rows
        let sent = all.filter { r in (r[4] ?? "").isEmpty || (generated && r[4] == "s") }
        let columns = sent.map { r in
            CatalogColumn(name: r[0] ?? "", typeOID: UInt32(r[1] ?? "") ?? 0, typeName: r[2] ?? "",
                          typeModifier: Int32(r[3] ?? "") ?? -1)
        }
        let unsent = all.filter { r in !(r[4] ?? "").isEmpty && !(generated && r[4] == "s") }.compactMap { $0[0] }
        let indexed = try connection.execute("""
            SELECT i.indisprimary::text, i.indisreplident::text, a.attname
            FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = $1::oid AND (i.indisprimary OR i.indisreplident)
            ORDER BY k.ord
            """, [id]).rows
        let identity = row[3].flatMap(\.first) ?? "d"
        let primary = indexed.filter { $0[0] == "true" }.compactMap { $0[2] }
        let identityIndex = indexed.filter { $0[1] == "true" }.compactMap { $0[2] }
        let key: [String]?
        switch identity {
        case "i" where !identityIndex.isEmpty: key = identityIndex
        case "d" where !primary.isEmpty, "f" where !primary.isEmpty: key = primary
        case "f": key = columns.map(\.name)
        default: key = nil
        }
        return CatalogTable(oid: oid, name: TableName(schema: schema, name: name), sqlName: sqlName,
                            replicaIdentity: identity, columns: columns, keyColumns: key,
                            isMultiset: identity == "f" && primary.isEmpty, hasPrimaryKey: !primary.isEmpty,
                            unpublishedGenerated: unsent)
    }

    /// Names of the types with the given OIDs.
    func typeNames(_ oids: [UInt32]) throws(PostgresError) -> [UInt32: String] {
        guard !oids.isEmpty else { return [:] }
        let list = "{" + oids.map(String.init).joined(separator: ",") + "}"
        let r = try connection.execute("SELECT oid::int8::text, typname FROM pg_type WHERE oid = ANY($1::oid[])", [list])
        var out: [UInt32: String] = [:]
        for row in r.rows {
            if let o = row[0].flatMap({ UInt32($0) }), let n = row[1] { out[o] = n }
        }
        return out
    }

    /// The base types of those of `oids` that are domains (others are left out), followed
    /// through domains over domains.
    func domainBases(_ oids: [UInt32]) throws(PostgresError) -> [UInt32: DomainBase] {
        var parent: [UInt32: (base: DomainBase, isDomain: Bool)] = [:]
        var ask = Array(Set(oids)).sorted()
        // A domain cannot be its own base, so the chain ends; the bound only guards the loop.
        for _ in 0..<32 where !ask.isEmpty {
            let list = "{" + ask.map(String.init).joined(separator: ",") + "}"
            let r = try connection.execute("""
                SELECT t.oid::int8::text, b.oid::int8::text, b.typname, (b.typtype = 'd')::text
                FROM pg_type t JOIN pg_type b ON b.oid = t.typbasetype
                WHERE t.oid = ANY($1::oid[]) AND t.typtype = 'd'
                """, [list])
            ask = []
            for row in r.rows {
                guard let o = row[0].flatMap({ UInt32($0) }), let b = row[1].flatMap({ UInt32($0) }) else { continue }
                let isDomain = row[3] == "true"
                parent[o] = (DomainBase(oid: b, name: row[2] ?? ""), isDomain)
                if isDomain, parent[b] == nil { ask.append(b) }
            }
        }
        var out: [UInt32: DomainBase] = [:]
        for o in oids {
            guard var link = parent[o] else { continue }
            var steps = 0
            while link.isDomain, let next = parent[link.base.oid], steps < 32 { link = next; steps += 1 }
            out[o] = link.base
        }
        return out
    }

    func slot(named name: String) throws(PostgresError) -> SlotInfo? {
        let r = try connection.execute("""
            SELECT plugin, database, confirmed_flush_lsn::text, active_pid::text
            FROM pg_replication_slots WHERE slot_name = $1
            """, [name])
        guard let row = r.rows.first else { return nil }
        return SlotInfo(plugin: row[0], database: row[1], confirmedFlush: row[2].flatMap { LSN($0) }, activePID: row[3])
    }

    func currentDatabase() throws(PostgresError) -> String {
        try connection.execute("SELECT current_database()").rows.first?.first.flatMap { $0 } ?? ""
    }
}
