import MSRCapture
import MSRModel

/// What the NATS tests publish: the synthetic exercise as sink messages, reordered and
/// repeated the way a real sink can, a table keyed by another column than `id`, and bad
/// messages.
enum NatsWorkload {
    /// The exercise workload as sink messages, in commit order.
    static func exercise(events: Int, seed: UInt64) -> [DebeziumSinkMessage] {
        Array(ExerciseGenerator(config: ExerciseConfig(events: events, seed: seed))).map { DebeziumSinkMessage($0) }
    }

    /// `messages` in the order a sink with one publisher per table would interleave them:
    /// within each window, one table after another, so a batch can hold changes committed
    /// before the previous batch's; every `duplicateEvery`-th message is published twice.
    static func interleaved(_ messages: ArraySlice<DebeziumSinkMessage>, window: Int = 300, duplicateEvery: Int = 13) -> [DebeziumSinkMessage] {
        var out: [DebeziumSinkMessage] = []
        var start = messages.startIndex
        while start < messages.endIndex {
            let end = min(start + window, messages.endIndex)
            let chunk = messages[start..<end].enumerated().sorted { ($0.element.subject, $0.offset) < ($1.element.subject, $1.offset) }
            for (i, m) in chunk {
                out.append(m)
                if (start + i) % duplicateEvery == 0 { out.append(m) }
            }
            start = end
        }
        return out
    }

    /// A table whose key is not `id`, recorded through `--key public.codes=code`.
    static func codes() -> [(subject: String, body: String)] {
        let start = ExerciseConfig.defaultStart.micros / 1000
        func event(_ op: String, _ before: String, _ after: String, ms: Int64, lsn: Int64) -> (subject: String, body: String) {
            ("dbserver1.public.codes",
             "{\"before\":\(before),\"after\":\(after),\"source\":{\"connector\":\"postgresql\",\"name\":\"dbserver1\",\"ts_ms\":\(start + ms),\"snapshot\":\"false\",\"db\":\"c2\",\"schema\":\"public\",\"table\":\"codes\",\"lsn\":\(lsn)},\"op\":\"\(op)\",\"ts_ms\":\(start + ms + 3)}")
        }
        return [
            event("c", "null", "{\"code\":\"ALPHA\",\"meaning\":\"advance\"}", ms: 1_000, lsn: 11),
            event("c", "null", "{\"code\":\"BRAVO\",\"meaning\":\"hold\"}", ms: 1_100, lsn: 12),
            event("c", "null", "{\"code\":\"ZULU\",\"meaning\":\"withdraw\"}", ms: 1_200, lsn: 13),
            event("u", "{\"code\":\"BRAVO\",\"meaning\":\"hold\"}", "{\"code\":\"BRAVO\",\"meaning\":\"hold fire\"}", ms: 2_000, lsn: 14),
            event("d", "{\"code\":\"ZULU\",\"meaning\":\"withdraw\"}", "null", ms: 3_000, lsn: 15),
        ]
    }

    /// Messages msr must refuse (and one it must pass over), with the reason it gives.
    static let badMessages: [(subject: String, body: String)] = [
        ("dbserver1.public.units", "this is not json"),
        ("dbserver1.public.units", "{\"before\":null,\"after\":{\"id\":999999},\"op\":\"c\"}"),
        ("dbserver1.public.notes", "{\"before\":null,\"after\":{\"text\":\"no key\"},\"source\":{\"schema\":\"public\",\"table\":\"notes\",\"ts_ms\":1773475201000,\"lsn\":5},\"op\":\"c\",\"ts_ms\":1773475201003}"),
        ("dbserver1.public.units", ""),
    ]
}
