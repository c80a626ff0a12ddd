import MSRModel

/// Decodes one line of a Debezium NDJSON log into a `SourceChange`.
///
/// Accepts the bare event, the event under `{schema, payload}` and a Kafka record `{key, value}`
/// (see `DebeziumEnvelope`), records flattened by `ExtractNewRecordState` and CloudEvents
/// (`DebeziumShapes`). Skips blank lines, tombstones, logical decoding messages and the records
/// of Debezium's other topics (heartbeats, schema changes, schema history, transaction
/// markers); throws for anything else that is not a usable change, with a reason short enough
/// for a reject file.
///
/// Commit time is the source's (`ts_us`, `ts_usec`, `ts_ns`, `ts_ms`, most precise first), else
/// the event's own `ts_us`/`ts_ns`/`ts_ms` (when Debezium processed it: later, but it still
/// orders a log whose source lacks times or gives 0). Position: `DebeziumPositionFields`. Table is
/// `source.schema` (else `source.db`) + `source.table`.
///
/// The decoder holds no state, so one value can decode lines on many threads at once.
public struct DebeziumDecoder: Sendable {
    public init() {}

    /// Decodes one line, given without its newline; a trailing `\r`, surrounding whitespace and a
    /// UTF-8 byte-order mark are ignored.
    public func decode(line: some Collection<UInt8>, number: Int) throws(DebeziumLineError) -> DebeziumLine {
        let result = line.withContiguousStorageIfAvailable { buffer in
            Result { () throws(DebeziumLineError) -> DebeziumLine in try decode(buffer: buffer, number: number) }
        }
        if let result { return try result.get() }
        return try decode(line: Array(line), number: number)
    }

    /// Decodes one line of text.
    public func decode(line: String, number: Int) throws(DebeziumLineError) -> DebeziumLine {
        var text = line
        let result = text.withUTF8 { buffer in
            Result { () throws(DebeziumLineError) -> DebeziumLine in try decode(buffer: buffer, number: number) }
        }
        return try result.get()
    }

    /// Decodes one line from a buffer the caller keeps alive for the call.
    public func decode(buffer: UnsafeBufferPointer<UInt8>, number: Int) throws(DebeziumLineError) -> DebeziumLine {
        var start = 0
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
        var first = start
        while first < buffer.count, DebeziumDecoder.isWhitespace(buffer[first]) { first += 1 }
        if first == buffer.count { return .skipped(.blank) }
        if let line = DebeziumFastPath.decode(UnsafeBufferPointer(rebasing: buffer[start...]), number: number) { return line }

        let json: JSONValue
        do {
            json = try JSONParser.parse(buffer: UnsafeBufferPointer(rebasing: buffer[start...]))
        } catch {
            var located = error
            located.offset += start
            throw DebeziumLineError(line: number, problem: .notJSON(field: nil, located))
        }
        return try decode(json: json, number: number)
    }

    /// Decodes a line already parsed as JSON (a message body from a broker, say).
    public func decode(json: JSONValue, number: Int) throws(DebeziumLineError) -> DebeziumLine {
        do {
            return try decodeEvent(json, number: number)
        } catch {
            throw DebeziumLineError(line: number, problem: error)
        }
    }

    func decodeEvent(_ json: JSONValue, number: Int) throws(DebeziumLineError.Problem) -> DebeziumLine {
        let envelope = try DebeziumEnvelope.unwrap(json)
        guard let event = envelope.payload else { return .skipped(envelope.skip ?? .tombstone) }
        guard let op = try DebeziumDecoder.operation(of: event) else { return .skipped(.message) }
        let source = try DebeziumSource(event: event, offset: envelope.offset, partition: envelope.partition)
        let columns = envelope.schema == nil && envelope.keySchema == nil
            ? [] : DebeziumSchema.columns(envelope: envelope.schema, key: envelope.keySchema)
        let before = DebeziumNonFiniteFloats.typed(try DebeziumImage.fields(of: event, "before"), columns: columns)
        let after = DebeziumNonFiniteFloats.typed(try DebeziumImage.fields(of: event, "after"), columns: columns)
        let keyFields = DebeziumNonFiniteFloats.typed(envelope.key.map(DebeziumImage.fields(of:)), columns: columns)

        switch op {
        case .insert, .read, .update:
            guard after != nil else { throw .missingAfter(op) }
        case .delete:
            guard before != nil || keyFields != nil else { throw .deleteWithoutKey }
        case .truncate:
            break
        }

        var change = SourceChange(table: source.table, op: op, commitTime: source.commitTime,
                                  keyFields: keyFields, before: before, after: after, columns: columns, origin: number)
        try change.place(source.fields)
        return .change(change, timeFromEvent: source.timeFromEvent)
    }

    /// The event's operation; nil for a logical decoding message (`m`).
    static func operation(of event: JSONObject) throws(DebeziumLineError.Problem) -> Operation? {
        guard let value = event["op"], !value.isNull else { throw .missingOp }
        guard case .string(let code) = value else {
            throw .wrongShape(field: "op", expected: "a one-letter string", found: value.kindName)
        }
        if code == "m" { return nil }
        guard code.utf8.count == 1, let first = code.unicodeScalars.first,
              let op = Operation(code: Character(first)) else { throw .unknownOp(code) }
        return op
    }

    static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
    }
}
