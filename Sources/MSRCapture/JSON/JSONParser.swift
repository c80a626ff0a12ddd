/// Parses JSON text held as UTF-8 bytes.
///
/// Written by hand rather than on Foundation's `JSONSerialization` because ingest parses every
/// line of a change log: this parser reads straight from a byte buffer, slices string runs
/// without escapes into `String`s in one step, keeps integers exact, and builds objects as
/// ordered member arrays instead of dictionaries. Beyond strict JSON it reads the bare tokens
/// `NaN`, `Infinity` and `-Infinity` where a value may start (Jackson writes them with number
/// quoting turned off), as doubles; nothing else outside the grammar is accepted.
public enum JSONParser {
    /// How deeply arrays and objects may nest; deeper input is rejected rather than risking the
    /// stack on hostile or broken lines.
    public static let maxDepth = 512

    /// Parses one complete JSON value; whitespace around it is allowed, anything else is not.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer: buffer) }
        }
        if let result { return try result.get() }
        return try parse(Array(bytes))
    }

    /// Parses one complete JSON value from text.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer: buffer) }
        }
        return try result.get()
    }

    /// Parses one complete JSON value from a buffer the caller keeps alive for the call.
    public static func parse(buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var scanner = JSONScanner(buffer)
        return try scanner.parseDocument()
    }
}
