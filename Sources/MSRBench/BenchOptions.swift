import Foundation

/// What one run measures, from the command line.
struct BenchOptions {
    /// Exercise sizes in events.
    var sizes: [Int] = [100_000, 1_000_000]
    /// Live rows of the synthetic big tables for the table-size scaling series.
    var tableRows: [Int] = [10_000, 100_000]
    /// Random seek times per contender and mode (cold, warm).
    var seeks = 200
    /// At most this long per contender and mode; slow contenders get fewer samples.
    var seekBudget = 60.0
    var frames = 150
    /// Which parts to run: seek, contenders, playback, open, tables, ingest.
    var sections: Set<String> = ["seek", "contenders", "playback", "open", "tables", "ingest"]
    var quick = false
    var skipPostgres = false
    var results = "bench/results"
    var work = ""
    /// Keep the work directory, and reuse the exercise recordings already in it.
    var keepWork = false
    var msrBinary = ""

    static let usage = """
        usage: msr-bench [--sizes 100k,1M,10M] [--table-rows 10k,100k,1M] [--seeks N] [--seek-budget SECONDS]
                         [--frames N] [--quick] [--no-postgres]
                         [--only seek,contenders,playback,open,tables,ingest] [--results DIR] [--work DIR [--keep]] [--msr PATH]
        """

    static func parse(_ args: [String]) throws -> BenchOptions {
        var o = BenchOptions()
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw Spawn.Failure(description: "\(args[i - 1]) needs a value\n\(usage)") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--sizes": o.sizes = try value().split(separator: ",").map { try count(String($0)) }
            case "--table-rows": o.tableRows = try value().split(separator: ",").map { try count(String($0)) }
            case "--seeks": o.seeks = try count(value())
            case "--seek-budget": o.seekBudget = Double(try value()) ?? 60
            case "--frames": o.frames = try count(value())
            case "--quick":
                o.quick = true
                o.sizes = [20_000]
                o.tableRows = [5_000]
                o.seeks = 20
                o.seekBudget = 5
                o.frames = 15
            case "--no-postgres": o.skipPostgres = true
            case "--only": o.sections = Set(try value().split(separator: ",").map(String.init))
            case "--results": o.results = try value()
            case "--work": o.work = try value()
            case "--keep": o.keepWork = true
            case "--msr": o.msrBinary = try value()
            case "-h", "--help": print(usage); exit(0)
            default: throw Spawn.Failure(description: "unknown option \(args[i])\n\(usage)")
            }
            i += 1
        }
        if o.msrBinary.isEmpty {
            // msr is built beside msr-bench.
            let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            o.msrBinary = me.deletingLastPathComponent().appendingPathComponent("msr").path
        }
        if o.work.isEmpty { o.work = NSTemporaryDirectory() + "msr-bench-\(getpid())" }
        return o
    }

    /// `100k`, `1M`, `10M`, or a plain number.
    static func count(_ text: String) throws -> Int {
        let t = text.lowercased()
        let scale = t.hasSuffix("k") ? 1_000 : t.hasSuffix("m") ? 1_000_000 : 1
        guard let v = Double(scale == 1 ? t : String(t.dropLast())) else { throw Spawn.Failure(description: "'\(text)' is not a count") }
        return Int(v * Double(scale))
    }
}
