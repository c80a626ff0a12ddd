import MSRModel

/// The usual Debezium lines read straight from their bytes into a `SourceChange`, without a
/// JSON tree: the bare event `{before, after, source, op, …}` and the Kafka record
/// `{key, value}` whose key is a plain object and whose value is the bare event or null.
///
/// Anything else — `{schema, payload}`, JSON in strings, a member twice, numbers as strings,
/// logical messages, transaction markers, any error — gives nil, and the line takes the general
/// path (`JSONParser`, `DebeziumEnvelope`), which decides and words every error. So this path
/// never has to agree with that one on anything but well-formed lines of these two shapes.
struct DebeziumFastPath {
    private var s: JSONScanner

    /// The line's change or tombstone, or nil when the general path must decide.
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, number: Int) -> DebeziumLine? {
        var path = DebeziumFastPath(s: JSONScanner(buffer))
        do throws(JSONParseError) { return try path.line(number: number) } catch { return nil }
    }

    /// Gives up on the fast path.
    private static var bail: JSONParseError { JSONParseError(.unexpectedEnd, at: -1) }

    private mutating func line(number: Int) throws(JSONParseError) -> DebeziumLine? {
        s.skipWhitespace()
        var top = DebeziumFastEvent()
        var key: [Field]?
        var value: DebeziumFastEvent?
        var valueIsNull = false, sawKey = false, sawValue = false
        var offset: Int64?, partition: Int64?
        if try !s.enterObject() {
            repeat {
                let name = try s.memberName()
                if s.name(name, is: "key") {
                    guard !sawKey else { throw Self.bail }
                    sawKey = true
                    key = try image(isKey: true)
                } else if s.name(name, is: "value") {
                    guard !sawValue else { throw Self.bail }
                    sawValue = true
                    if try s.takeNull() { valueIsNull = true } else { value = try event() }
                } else if s.name(name, is: "offset") {
                    offset = try integer()
                } else if s.name(name, is: "partition") {
                    partition = try integer()
                } else if s.name(name, is: "payload") || s.name(name, is: "schema") {
                    throw Self.bail
                } else {
                    try member(name, of: &top)
                }
            } while try s.nextMember()
        }
        s.skipWhitespace()
        guard s.index == s.bytes.count else { throw Self.bail }
        if top.hasOp { return try change(top, key: nil, offset: nil, partition: nil, number: number) }
        guard sawValue else { throw Self.bail }
        if valueIsNull { return .skipped(.tombstone) }
        guard let value, value.hasOp else { throw Self.bail }
        return try change(value, key: key, offset: offset, partition: partition, number: number)
    }

    private mutating func event() throws(JSONParseError) -> DebeziumFastEvent {
        var e = DebeziumFastEvent()
        if try s.enterObject() { return e }
        repeat {
            let name = try s.memberName()
            if s.name(name, is: "payload") || s.name(name, is: "schema") { throw Self.bail }
            try member(name, of: &e)
        } while try s.nextMember()
        return e
    }

    /// One member of an event object; members msr does not read are parsed and dropped.
    private mutating func member(_ name: Range<Int>, of e: inout DebeziumFastEvent) throws(JSONParseError) {
        if s.name(name, is: "op") {
            try e.once(.op)
            guard try peek() == UInt8(ascii: "\"") else { throw Self.bail }
            let code = try s.parseString()
            guard code != "m", code.utf8.count == 1, let c = code.unicodeScalars.first,
                  let op = Operation(code: Character(c)) else { throw Self.bail }
            e.op = op
        } else if s.name(name, is: "before") {
            try e.once(.before)
            e.before = try image(isKey: false)
        } else if s.name(name, is: "after") {
            try e.once(.after)
            e.after = try image(isKey: false)
        } else if s.name(name, is: "source") {
            try e.once(.source)
            try source(into: &e)
        } else if let t = DebeziumFastEvent.TimeField(s, name) {
            try e.once(t.seen)
            e.eventTimes[t] = try integer()
        } else {
            _ = try s.parseValue()
        }
    }

    private mutating func source(into e: inout DebeziumFastEvent) throws(JSONParseError) {
        var seen = DebeziumFastEvent.Seen()
        guard try !s.enterObject() else { throw Self.bail }
        repeat {
            let name = try s.memberName()
            if s.name(name, is: "table") {
                try seen.once(.table)
                guard try peek() == UInt8(ascii: "\"") else { throw Self.bail }
                e.tableName = try s.parseString()
            } else if s.name(name, is: "schema") {
                try seen.once(.schema)
                if try !s.takeNull() {
                    guard try peek() == UInt8(ascii: "\"") else { throw Self.bail }
                    e.schemaName = try s.parseString()
                }
            } else if s.name(name, is: "db") {
                try seen.once(.db)
                e.dbName = try optionalString()
            } else if s.name(name, is: "lsn") {
                try seen.once(.lsn)
                e.position.lsn = try integer()
            } else if s.name(name, is: "pos") {
                try seen.once(.pos)
                e.position.pos = try integer()
            } else if s.name(name, is: "row") {
                try seen.once(.row)
                e.position.row = try integer()
            } else if s.name(name, is: "file") {
                try seen.once(.file)
                e.position.file = try optionalString()
            } else if s.name(name, is: "sequence") {
                try seen.once(.sequence)
                e.position.sequence = try optionalString()
            } else if s.name(name, is: "commit_lsn") {
                try seen.once(.commitLSN)
                e.position.commitLSN = try optionalString()
            } else if s.name(name, is: "change_lsn") {
                try seen.once(.changeLSN)
                e.position.changeLSN = try optionalString()
            } else if s.name(name, is: "event_serial_no") {
                try seen.once(.eventSerial)
                e.position.eventSerial = try integer()
            } else if s.name(name, is: "commit_scn") {
                try seen.once(.commitSCN)
                e.position.commitSCN = try optionalString()
            } else if s.name(name, is: "scn") {
                try seen.once(.scn)
                e.position.scn = try optionalString()
            } else if s.name(name, is: "ssn") {
                try seen.once(.ssn)
                e.position.ssn = try integer()
            } else if s.name(name, is: "name") {
                try seen.once(.serverName)
                e.position.server = try optionalString()
            } else if let t = DebeziumFastEvent.TimeField(s, name) {
                try seen.once(t.seen)
                e.sourceTimes[t] = try integer()
            } else {
                _ = try s.parseValue()
            }
        } while try s.nextMember()
        e.hasSource = true
    }

    /// A row image (or the record's key): null, or an object of plain cells.
    private mutating func image(isKey: Bool) throws(JSONParseError) -> [Field]? {
        if try s.takeNull() { return nil }
        var fields: [Field] = []
        if try s.enterObject() { return fields }
        fields.reserveCapacity(16)
        repeat {
            guard try peek() == UInt8(ascii: "\"") else { throw Self.bail }
            let name = try s.parseString()
            // A key `{schema, payload}` is unwrapped by the general path.
            if isKey && (name == "schema" || name == "payload") { throw Self.bail }
            s.skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else { throw Self.bail }
            s.index += 1
            s.skipWhitespace()
            fields.append(Field(name, try cell()))
        } while try s.nextMember()
        return fields
    }

    /// A cell value, as `DebeziumImage.value` makes it from the parsed JSON.
    private mutating func cell() throws(JSONParseError) -> Value {
        switch try s.parseValue() {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let text): return DebeziumPlaceholder.normalise(.string(text))
        case let nested: return DebeziumPlaceholder.normalise(.json(JSONWriter.compactText(nested)))
        }
    }

    /// A string or null; anything else is left to the general path.
    private mutating func optionalString() throws(JSONParseError) -> String? {
        if try s.takeNull() { return nil }
        guard try peek() == UInt8(ascii: "\"") else { throw Self.bail }
        return try s.parseString()
    }

    /// An integer or null; anything else is left to the general path.
    private mutating func integer() throws(JSONParseError) -> Int64? {
        if try s.takeNull() { return nil }
        guard case .int(let i) = try s.parseValue() else { throw Self.bail }
        return i
    }

    private func peek() throws(JSONParseError) -> UInt8 { try s.peek() }

    private func change(_ e: DebeziumFastEvent, key: [Field]?, offset: Int64?, partition: Int64?,
                        number: Int) throws(JSONParseError) -> DebeziumLine {
        guard let op = e.op, e.hasSource, let name = e.tableName, !name.isEmpty,
              !e.sourceTimes.isOutOfRange, !e.eventTimes.isOutOfRange else { throw Self.bail }
        // A source time of 0 (MySQL's snapshot rows) is no time: the event's own is used.
        var timeFromEvent = false
        var commitTime = e.sourceTimes.commitTime
        if commitTime == nil || commitTime?.micros == 0, let eventTime = e.eventTimes.commitTime {
            commitTime = eventTime
            timeFromEvent = true
        }
        guard let commitTime else { throw Self.bail }
        switch op {
        case .insert, .read, .update: guard e.after != nil else { throw Self.bail }
        case .delete: guard e.before != nil || key != nil else { throw Self.bail }
        case .truncate: break
        }
        var fields = e.position
        fields.kafkaOffset = offset
        fields.kafkaPartition = partition
        var change = SourceChange(table: TableName(schema: e.schemaName ?? e.dbName, name: name), op: op,
                                  commitTime: commitTime, keyFields: key, before: e.before, after: e.after,
                                  columns: [], origin: number)
        do throws(DebeziumLineError.Problem) { try change.place(fields) } catch { throw Self.bail }
        return .change(change, timeFromEvent: timeFromEvent)
    }
}
