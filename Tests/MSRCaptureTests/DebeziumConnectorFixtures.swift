import Foundation

// Change events shaped as Debezium's connectors write them (the members of each connector's
// `source` block as its documentation lists them), written for these tests.

enum ConnectorLine {
    /// A change event with the given `source` members (JSON text without braces).
    static func event(op: String, before: String = "null", after: String = "null", source: String, tsMs: Int64) -> String {
        #"{"before":\#(before),"after":\#(after),"source":{\#(source)},"op":"\#(op)","ts_ms":\#(tsMs + 236),"transaction":null}"#
    }

    static func mysql(op: String, before: String = "null", after: String = "null", db: String = "inventory",
                      table: String = "customers", tsMs: Int64, file: String, pos: Int64, row: Int64 = 0,
                      snapshot: String = "false") -> String {
        let source = #""version":"2.7.3.Final","connector":"mysql","name":"dbserver1","ts_ms":\#(tsMs),"snapshot":"\#(snapshot)","#
            + #""db":"\#(db)","sequence":null,"table":"\#(table)","server_id":223344,"gtid":null,"file":"\#(file)","#
            + #""pos":\#(pos),"row":\#(row),"thread":36,"query":null"#
        return event(op: op, before: before, after: after, source: source, tsMs: tsMs)
    }

    static func sqlServer(op: String, before: String = "null", after: String = "null", tsMs: Int64,
                          commitLSN: String, changeLSN: String?, serial: Int) -> String {
        let change = changeLSN.map { "\"\($0)\"" } ?? "null"
        let source = #""version":"2.7.3.Final","connector":"sqlserver","name":"server1","ts_ms":\#(tsMs),"snapshot":"false","#
            + #""db":"testDB","sequence":null,"schema":"dbo","table":"customers","change_lsn":\#(change),"#
            + #""commit_lsn":"\#(commitLSN)","event_serial_no":"\#(serial)""#
        return event(op: op, before: before, after: after, source: source, tsMs: tsMs)
    }

    static func oracle(op: String, before: String = "null", after: String = "null", tsMs: Int64, scn: String, commitSCN: String) -> String {
        let source = #""version":"2.7.3.Final","connector":"oracle","name":"server1","ts_ms":\#(tsMs),"snapshot":"false","#
            + #""db":"ORCLPDB1","sequence":null,"schema":"DEBEZIUM","table":"CUSTOMERS","txId":"6.28.807","#
            + #""scn":"\#(scn)","commit_scn":"\#(commitSCN)","lcr_position":null,"rs_id":"0x0000a3.00012345.0010","ssn":0,"redo_thread":1"#
        return event(op: op, before: before, after: after, source: source, tsMs: tsMs)
    }

    static func db2(op: String, before: String = "null", after: String = "null", tsMs: Int64, commitLSN: String, changeLSN: String) -> String {
        let source = #""version":"2.7.3.Final","connector":"db2","name":"myconnector","ts_ms":\#(tsMs),"snapshot":"false","#
            + #""db":"TESTDB","schema":"DB2INST1","table":"CUSTOMERS","change_lsn":"\#(changeLSN)","commit_lsn":"\#(commitLSN)""#
        return event(op: op, before: before, after: after, source: source, tsMs: tsMs)
    }

    static func postgres(op: String, before: String = "null", after: String = "null", table: String = "customers",
                         tsMs: Int64, lsn: Int64, lastCommit: Int64?, snapshot: String = "false") -> String {
        let sequence = "[\\\"\(lastCommit.map(String.init) ?? "null")\\\",\\\"\(lsn)\\\"]"
            .replacingOccurrences(of: "\\\"null\\\"", with: "null")
        let source = #""version":"2.7.3.Final","connector":"postgresql","name":"pg","ts_ms":\#(tsMs),"ts_us":\#(tsMs * 1000),"#
            + #""snapshot":"\#(snapshot)","db":"inventory","sequence":"\#(sequence)","schema":"public","table":"\#(table)","#
            + #""txId":\#(lsn / 8),"lsn":\#(lsn),"xmin":null"#
        return event(op: op, before: before, after: after, source: source, tsMs: tsMs)
    }

    /// 2026-03-01T10:15:00Z in milliseconds.
    static let t0: Int64 = 1_772_360_100_000
}
