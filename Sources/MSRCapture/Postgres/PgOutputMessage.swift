import MSRModel

/// One message of pgoutput's logical replication protocol, version 1.
public enum PgOutputMessage: Sendable, Equatable {
    case begin(PgBegin)
    case commit(PgCommit)
    /// The transaction came from another node (replication origin); informational.
    case origin(lsn: LSN, name: String)
    case relation(PgRelation)
    case type(PgType)
    case insert(relation: UInt32, new: [TupleValue])
    /// `old` is present when the key changed (replica identity DEFAULT or INDEX) or always
    /// (replica identity FULL).
    case update(relation: UInt32, old: PgOldTuple?, new: [TupleValue])
    case delete(relation: UInt32, old: PgOldTuple)
    case truncate(relations: [UInt32], cascade: Bool, restartIdentity: Bool)
    /// A message type this decoder does not handle (logical decoding messages, or types of a
    /// later protocol version); skipped, not fatal.
    case skipped(tag: Character)
}

/// Begin ('B'): the transaction's final (commit) LSN, commit time and transaction id.
public struct PgBegin: Sendable, Equatable {
    public var finalLSN: LSN
    public var commitTime: Timestamp
    public var xid: UInt32

    public init(finalLSN: LSN, commitTime: Timestamp, xid: UInt32) {
        self.finalLSN = finalLSN
        self.commitTime = commitTime
        self.xid = xid
    }
}

/// Commit ('C'): where the commit record is and where it ends (what the server is told once
/// the transaction is safely recorded).
public struct PgCommit: Sendable, Equatable {
    public var flags: UInt8
    public var commitLSN: LSN
    public var endLSN: LSN
    public var commitTime: Timestamp

    public init(flags: UInt8, commitLSN: LSN, endLSN: LSN, commitTime: Timestamp) {
        self.flags = flags
        self.commitLSN = commitLSN
        self.endLSN = endLSN
        self.commitTime = commitTime
    }
}

/// Relation ('R'): a table's name and columns as of the changes that follow.
public struct PgRelation: Sendable, Equatable {
    public var id: UInt32
    /// The schema; empty for `pg_catalog`.
    public var namespace: String
    public var name: String
    /// `relreplident`: `d` default (primary key), `n` nothing, `f` full, `i` index.
    public var replicaIdentity: Character
    public var columns: [PgRelationColumn]

    public init(id: UInt32, namespace: String, name: String, replicaIdentity: Character, columns: [PgRelationColumn]) {
        self.id = id
        self.namespace = namespace
        self.name = name
        self.replicaIdentity = replicaIdentity
        self.columns = columns
    }
}

public struct PgRelationColumn: Sendable, Equatable {
    public var name: String
    public var typeOID: UInt32
    public var typeModifier: Int32
    /// The column is part of the replica identity (flag 1). msr takes keys from the catalog
    /// instead, but keeps the flag for diagnostics.
    public var isIdentity: Bool

    public init(name: String, typeOID: UInt32, typeModifier: Int32, isIdentity: Bool) {
        self.name = name
        self.typeOID = typeOID
        self.typeModifier = typeModifier
        self.isIdentity = isIdentity
    }
}

/// Type ('Y'): the name of a non-built-in type a relation uses.
public struct PgType: Sendable, Equatable {
    public var oid: UInt32
    public var namespace: String
    public var name: String

    public init(oid: UInt32, namespace: String, name: String) {
        self.oid = oid
        self.namespace = namespace
        self.name = name
    }
}

/// The old row of an update or delete: only the replica identity columns ('K'), or every
/// column ('O', replica identity FULL).
public struct PgOldTuple: Sendable, Equatable {
    public var keyOnly: Bool
    public var values: [TupleValue]

    public init(keyOnly: Bool, values: [TupleValue]) {
        self.keyOnly = keyOnly
        self.values = values
    }
}

/// One column of a row image (TupleData).
public enum TupleValue: Sendable, Equatable {
    /// 'n': NULL — or, in a key-only old tuple, "not part of the key".
    case null
    /// 'u': an unchanged TOASTed value the server did not send.
    case unchangedToast
    /// 't': the value in the type's text format.
    case text(String)
    /// 'b': the value in the type's binary format (only with the `binary` option).
    case binary([UInt8])
}
