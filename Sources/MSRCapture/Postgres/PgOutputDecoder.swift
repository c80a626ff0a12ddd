/// Decodes the payload of one XLogData message sent by the pgoutput plugin (protocol
/// version 1) into a `PgOutputMessage`.
///
/// Unknown message types are returned as `.skipped`, so a server that sends something newer
/// (or a logical decoding message) does not stop the capture.
public struct PgOutputDecoder: Sendable {
    public init() {}

    public func decode(_ bytes: [UInt8]) throws(PgOutputError) -> PgOutputMessage {
        guard let first = bytes.first else { throw .malformed(message: "?", detail: "the message is empty") }
        let tag = Character(Unicode.Scalar(first))
        var r = ByteReader(bytes, from: 1, tag: tag)
        switch tag {
        case "B":
            let final = try r.lsn()
            let time = PostgresTime.timestamp(fromPostgres: try r.int64())
            return .begin(PgBegin(finalLSN: final, commitTime: time, xid: try r.uint32()))
        case "C":
            let flags = try r.uint8()
            let commit = try r.lsn(), end = try r.lsn()
            let time = PostgresTime.timestamp(fromPostgres: try r.int64())
            return .commit(PgCommit(flags: flags, commitLSN: commit, endLSN: end, commitTime: time))
        case "O":
            let lsn = try r.lsn()
            return .origin(lsn: lsn, name: try r.cString())
        case "R":
            return .relation(try relation(&r))
        case "Y":
            let oid = try r.uint32()
            let namespace = try r.cString()
            return .type(PgType(oid: oid, namespace: namespace, name: try r.cString()))
        case "I":
            let relation = try r.uint32()
            try expect(&r, "N")
            return .insert(relation: relation, new: try tuple(&r))
        case "U":
            let relation = try r.uint32()
            var old: PgOldTuple?
            var marker = try r.uint8()
            if marker == UInt8(ascii: "K") || marker == UInt8(ascii: "O") {
                old = PgOldTuple(keyOnly: marker == UInt8(ascii: "K"), values: try tuple(&r))
                marker = try r.uint8()
            }
            guard marker == UInt8(ascii: "N") else { throw .malformed(message: tag, detail: "no new row") }
            return .update(relation: relation, old: old, new: try tuple(&r))
        case "D":
            let relation = try r.uint32()
            let marker = try r.uint8()
            guard marker == UInt8(ascii: "K") || marker == UInt8(ascii: "O") else {
                throw .malformed(message: tag, detail: "no old row")
            }
            return .delete(relation: relation, old: PgOldTuple(keyOnly: marker == UInt8(ascii: "K"), values: try tuple(&r)))
        case "T":
            let count = try r.uint32()
            let options = try r.uint8()
            guard Int(count) <= r.remaining / 4 else { throw .malformed(message: tag, detail: "\(count) relations do not fit") }
            var ids: [UInt32] = []
            for _ in 0..<count { ids.append(try r.uint32()) }
            return .truncate(relations: ids, cascade: options & 1 != 0, restartIdentity: options & 2 != 0)
        default:
            return .skipped(tag: tag)
        }
    }

    private func relation(_ r: inout ByteReader) throws(PgOutputError) -> PgRelation {
        let id = try r.uint32()
        let namespace = try r.cString(), name = try r.cString()
        let identity = Character(Unicode.Scalar(try r.uint8()))
        let count = Int(try r.uint16())
        var columns: [PgRelationColumn] = []
        columns.reserveCapacity(count)
        for _ in 0..<count {
            let flags = try r.uint8()
            let column = try r.cString()
            let type = try r.uint32()
            columns.append(PgRelationColumn(name: column, typeOID: type, typeModifier: try r.int32(), isIdentity: flags & 1 != 0))
        }
        return PgRelation(id: id, namespace: namespace, name: name, replicaIdentity: identity, columns: columns)
    }

    /// TupleData: a column count, then per column a kind byte and, for text or binary, a
    /// length-prefixed value.
    private func tuple(_ r: inout ByteReader) throws(PgOutputError) -> [TupleValue] {
        let count = Int(try r.uint16())
        var values: [TupleValue] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            let kind = try r.uint8()
            switch kind {
            case UInt8(ascii: "n"): values.append(.null)
            case UInt8(ascii: "u"): values.append(.unchangedToast)
            case UInt8(ascii: "t"), UInt8(ascii: "b"):
                let length = Int(try r.int32())
                guard length >= 0 else { throw .malformed(message: r.tag, detail: "a value has a negative length") }
                let data = try r.take(length)
                values.append(kind == UInt8(ascii: "t") ? .text(String(decoding: data, as: UTF8.self)) : .binary(Array(data)))
            default:
                throw .malformed(message: r.tag, detail: "unknown column kind '\(Character(Unicode.Scalar(kind)))'")
            }
        }
        return values
    }

    private func expect(_ r: inout ByteReader, _ marker: Character) throws(PgOutputError) {
        let b = try r.uint8()
        guard b == marker.asciiValue else { throw .malformed(message: r.tag, detail: "expected '\(marker)'") }
    }
}
