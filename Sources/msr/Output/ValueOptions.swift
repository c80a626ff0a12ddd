import ArgumentParser
import MSRModel

/// `--raw-values`: CSV and NDJSON with the values as ingested rather than as shown.
struct ValueOptions: ParsableArguments {
    @Flag(help: "In csv and ndjson, write values as ingested (Debezium decimals as base64, dates and times as counts) instead of exact decimals and ISO-8601.")
    var rawValues = false

    var rendering: ValueRendering { rawValues ? .asIngested : .readable }
}
