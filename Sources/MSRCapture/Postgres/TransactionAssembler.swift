import MSRModel

/// A transaction received in full: its changes, and the commit that orders them.
public struct CommittedTransaction: Sendable {
    public var changes: [SourceChange]
    public var commitTime: Timestamp
    public var commitLSN: LSN
    /// The end of the commit record: what the server is told once the changes are durable.
    public var endLSN: LSN
    /// Set for the rows of a table added to the publication mid-capture, read at `commitLSN`
    /// (`IncrementalSnapshot`) rather than committed there.
    public var snapshotOf: TableName? = nil
}

/// Finds the recording key and column types of a relation when its Relation message arrives
/// (a catalog lookup in production, a table in tests).
public protocol RelationResolver {
    mutating func resolve(_ relation: PgRelation) throws -> CapturedRelation
    mutating func noteType(_ type: PgType)
}

/// Collects the messages between Begin and Commit into a `CommittedTransaction`.
///
/// Every change gets the transaction's commit time and, as its position, the WAL position of
/// the change (the XLogData start of its message). The server sends the same change at the same
/// position when it sends a transaction again after a reconnect, so the writer recognises it
/// as already recorded; changes of one transaction have distinct positions, except the rows of
/// one multi-row insert record, which share it but differ in key.
public struct TransactionAssembler {
    public private(set) var relations: [UInt32: CapturedRelation] = [:]
    private var open: (begin: PgBegin, changes: [SourceChange])?
    /// Input order across the session, for the writer's tie-break and error reports.
    private var origin = 0
    /// Changes of relations the stream never described; should not happen.
    public private(set) var orphanChanges = 0

    public init() {}

    /// Whether a transaction has begun and not yet committed.
    public var inTransaction: Bool { open != nil }

    /// Forgets a half-received transaction (the connection dropped); the server sends it again.
    public mutating func discardOpenTransaction() { open = nil }

    /// Takes one message at WAL position `start`; returns the transaction when it commits.
    public mutating func take<R: RelationResolver>(_ message: PgOutputMessage, start: LSN,
                                                   resolver: inout R) throws -> CommittedTransaction? {
        switch message {
        case .begin(let begin):
            open = (begin, [])
        case .commit(let commit):
            guard let current = open else { return nil }
            open = nil
            return CommittedTransaction(changes: current.changes, commitTime: commit.commitTime,
                                        commitLSN: commit.commitLSN, endLSN: commit.endLSN)
        case .relation(let relation):
            relations[relation.id] = try resolver.resolve(relation)
        case .type(let type):
            resolver.noteType(type)
        case .insert(let id, _), .update(let id, _, _), .delete(let id, _):
            append(message, relations: [id], start: start)
        case .truncate(let ids, _, _):
            append(message, relations: ids, start: start)
        case .origin, .skipped:
            break
        }
        return nil
    }

    private mutating func append(_ message: PgOutputMessage, relations ids: [UInt32], start: LSN) {
        guard let begin = open?.begin else { return }
        // A change outside the XLogData bookkeeping (start 0) still needs a stable position.
        let position = start == .zero ? begin.finalLSN : start
        for id in ids {
            guard let relation = relations[id],
                  let change = relation.change(message, commitTime: begin.commitTime, position: position, origin: origin) else {
                orphanChanges += 1
                continue
            }
            origin += 1
            open?.changes.append(change)
        }
    }
}
