import MSRModel

// Debezium lines for the decoder's tests.

/// A PostgreSQL connector event as one line; `source` members can be replaced, added, or
/// removed (nil), and `extra` is appended to the event's members.
func sampleEvent(op: String = "c", before: String = "null", after: String = #"{"id":1,"name":"Ada"}"#,
                 source: [String: String?] = [:], extra: String = "") -> String {
    var fields: [(String, String?)] = [
        ("version", #""2.7.3.Final""#), ("connector", #""postgresql""#), ("name", #""ops""#),
        ("ts_ms", "1772360100250"), ("ts_us", "1772360100250123"), ("snapshot", #""false""#),
        ("db", #""ops""#), ("schema", #""public""#), ("table", #""units""#), ("txId", "5551"),
        ("lsn", "24023192"), ("xmin", "null"),
    ]
    for (k, v) in source {
        if let i = fields.firstIndex(where: { $0.0 == k }) { fields[i].1 = v } else { fields.append((k, v)) }
    }
    let src = fields.compactMap { k, v in v.map { "\"\(k)\":\($0)" } }.joined(separator: ",")
    return #"{"before":\#(before),"after":\#(after),"source":{\#(src)},"op":"\#(op)","ts_ms":1772360100301\#(extra)}"#
}

/// Joins a multi-line literal into one line, dropping each line's indentation.
func oneLine(_ text: String) -> String {
    text.split(separator: "\n").map { $0.drop { $0 == " " } }.joined()
}
