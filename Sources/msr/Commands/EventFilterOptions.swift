import ArgumentParser
import MSREngine
import MSRModel
import MSRStore

/// The filters `msr events` and `msr count` share.
struct EventFilterOptions: ParsableArguments {
    @Option(name: .customLong("from-offset"), help: "Start after this many events (a sequence number; 0 is the start).")
    var fromOffset: Int64?
    @Option(name: .customLong("from-time"), help: "Only events committed at or after this moment.")
    var fromTime: String?
    @Option(name: .customLong("to-time"), help: "Only events committed at or before this moment.")
    var toTime: String?
    @Option(help: "Only these tables, comma-separated ('units,public.orders').")
    var table: String?
    @Option(help: "Only these operations, comma-separated: c (insert), u (update), d (delete), r (snapshot read), t (truncate).")
    var op: String?

    func validate() throws {
        if fromOffset != nil && fromTime != nil {
            throw ValidationError("Give --from-offset or --from-time, not both.")
        }
        if let o = fromOffset, o < 0 { throw ValidationError("--from-offset must be 0 or more.") }
    }

    func query(_ r: Reconstructor) throws -> EventQuery {
        // After the last event there is nothing, however far after: the store never sees a
        // sequence number it could overflow on.
        var q = EventQuery(afterSeq: Swift.min(fromOffset ?? 0, r.summary.lastSeq))
        if let f = fromTime { q.fromTime = try r.time(f) }
        if let t = toTime { q.toTime = try r.time(t) }
        if let table {
            q.tables = Set(try table.split(separator: ",").map { try r.table(String($0).trimmingCharacters(in: .whitespaces)).id })
        }
        if let op {
            var ops = Set<Operation>()
            for code in op.split(separator: ",") {
                let c = code.trimmingCharacters(in: .whitespaces)
                guard c.count == 1, let o = Operation(code: Character(c)) else {
                    throw CLIError("'\(c)' is not an operation; use c, u, d, r or t.")
                }
                ops.insert(o)
            }
            q.ops = ops
        }
        return q
    }
}

/// `msr count`: how many events match.
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Print the number of events that match the filters of 'msr events'.")

    @OptionGroup var rec: RecordingArgument
    @OptionGroup var filter: EventFilterOptions

    func run() throws {
        try reportingFailures {
            let r = try rec.open()
            print(try r.store.count(matching: try filter.query(r)))
        }
    }
}
