import MSRModel
import MSRPostgresClient

/// Resolves Relation messages against the live catalog: the key from `pg_index`, type names
/// from `pg_type`, and the columns the recording holds that the table has dropped.
struct CatalogRelationResolver: RelationResolver {
    let catalog: PostgresCatalog
    var typeNames: [UInt32: String] = [:]
    /// Base types of the domain types seen so far, and every type already asked about.
    var domainBases: [UInt32: DomainBase] = [:]
    var checkedTypes: Set<UInt32> = []
    /// Names from Type messages: only a fallback, since pgoutput names a domain by its base type
    /// (`logicalrep_write_typ` looks the name up for the base), so the catalog's name wins.
    var streamedTypeNames: [UInt32: String] = [:]
    /// Column names of a table as the recording holds it (empty for a table not yet recorded).
    let recordedColumns: (TableName) -> [String]

    mutating func resolve(_ relation: PgRelation) throws -> CapturedRelation {
        let key: [String]
        let isMultiset: Bool
        let name = TableName(schema: relation.namespace.isEmpty ? "pg_catalog" : relation.namespace, name: relation.name)
        do {
            if let table = try catalog.table(oid: relation.id) {
                guard let k = table.keyColumns else { throw PostgresCaptureError.tablesWithoutKey([table.identityFix]) }
                key = k
                isMultiset = table.isMultiset
                // A column added since the capture started may take the copy number's name.
                guard !table.clashesWithCopyColumn else { throw PostgresCaptureError.copyColumnClash(table: table.sqlName) }
            } else {
                // Dropped since the change was made: the Relation flags and the recording are
                // all that is left.
                let flagged = relation.columns.filter(\.isIdentity).map(\.name)
                key = flagged.isEmpty ? relation.columns.map(\.name) : flagged
                isMultiset = recordedColumns(name).contains(CopyNumbers.column)
            }
            let unknown = Set(relation.columns.map(\.typeOID)).filter {
                PostgresValues.builtinNames[$0] == nil && typeNames[$0] == nil
            }
            if !unknown.isEmpty {
                typeNames.merge(try catalog.typeNames(unknown.sorted())) { a, _ in a }
                for oid in unknown where typeNames[oid] == nil { typeNames[oid] = streamedTypeNames[oid] }
            }
            // A Type message names a type without saying whether it is a domain.
            let unchecked = Set(relation.columns.map(\.typeOID)).filter {
                PostgresValues.builtinNames[$0] == nil && !checkedTypes.contains($0)
            }
            if !unchecked.isEmpty {
                domainBases.merge(try catalog.domainBases(unchecked.sorted())) { a, _ in a }
                checkedTypes.formUnion(unchecked)
            }
        } catch let error as PostgresError {
            throw PostgresCaptureError.postgres(error)
        }
        var captured = CapturedRelation(relation: relation, keyColumns: key, typeNames: typeNames, isMultiset: isMultiset,
                                        domainBases: domainBases)
        let current = Set((relation.columns.map(\.name) + [CopyNumbers.column]).map { ExactString($0) })
        captured.retiredColumns = recordedColumns(captured.table).filter { !current.contains(ExactString($0)) }
        return captured
    }

    mutating func noteType(_ type: PgType) {
        streamedTypeNames[type.oid] = type.name
    }
}
