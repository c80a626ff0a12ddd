import XCTest
import MSRModel
@testable import MSRCapture

/// The synthetic exercise: deterministic, exact in count, ordered in time and position, and
/// consistent as a change stream (checked by replaying it into plain dictionaries).
final class ExerciseGeneratorTests: XCTestCase {
    /// One medium recording shared by the tests that only read it.
    static let stream: [SourceChange] = Array(ExerciseGenerator(config: ExerciseConfig(events: 120_000, seed: 7)))
    static let start = ExerciseConfig.defaultStart

    // MARK: determinism and count

    func testSameSeedGivesTheSameStream() {
        let a = Array(ExerciseGenerator(config: ExerciseConfig(events: 30_000, seed: 42)))
        let b = Array(ExerciseGenerator(config: ExerciseConfig(events: 30_000, seed: 42)))
        XCTAssertEqual(a.count, b.count)
        for (x, y) in zip(a, b) where !same(x, y) {
            XCTFail("streams differ at origin \(x.origin)")
            return
        }
    }

    func testDifferentSeedGivesADifferentStream() {
        let a = Array(ExerciseGenerator(config: ExerciseConfig(events: 2_000, seed: 1)))
        let b = Array(ExerciseGenerator(config: ExerciseConfig(events: 2_000, seed: 2)))
        XCTAssertTrue(zip(a, b).contains { !same($0, $1) })
    }

    func testProducesExactlyTheRequestedCount() {
        for n in [0, 1, 5, 137, 4_321] {
            var generator = ExerciseGenerator(config: ExerciseConfig(events: n, seed: 3))
            var count = 0
            while generator.next() != nil { count += 1 }
            XCTAssertEqual(count, n)
            XCTAssertEqual(generator.produced, n)
            XCTAssertNil(generator.next(), "the generator stays finished")
        }
    }

    // MARK: time, position, origin

    func testCommitTimesAreOrderedAndSpanTheExercise() throws {
        let s = Self.stream
        let first = try XCTUnwrap(s.first), last = try XCTUnwrap(s.last)
        XCTAssertEqual(first.commitTime, Self.start)
        XCTAssertEqual(first.op, .read, "capture opens with a snapshot")
        XCTAssertGreaterThan(last.commitTime - Self.start, 115 * 60_000_000)
        XCTAssertLessThan(last.commitTime - Self.start, 120 * 60_000_000)
        var shared = 0
        for (a, b) in zip(s, s.dropFirst()) {
            XCTAssertLessThanOrEqual(a.commitTime, b.commitTime)
            if a.commitTime == b.commitTime { shared += 1 }
        }
        XCTAssertGreaterThan(shared, s.count / 20, "multi-row transactions share a commit time")
    }

    func testPositionsIncreaseAndOriginsCount() {
        let s = Self.stream
        for (a, b) in zip(s, s.dropFirst()) {
            XCTAssertLessThan(a.position?.integer ?? .max, b.position?.integer ?? .min)
        }
        XCTAssertEqual(s.map(\.origin), Array(1...s.count))
    }

    func testSmallRecordingStillSpansTheExercise() throws {
        let s = Array(ExerciseGenerator(config: ExerciseConfig(events: 2_000, seed: 5)))
        let last = try XCTUnwrap(s.last)
        XCTAssertGreaterThan(last.commitTime - Self.start, 100 * 60_000_000)
        XCTAssertEqual(Set(s.map(\.table.name)).count, 5)
    }

    func testActivityVariesByPhase() {
        var perMinute = [Int](repeating: 0, count: 120)
        for c in Self.stream {
            perMinute[min(Int((c.commitTime - Self.start) / 60_000_000), 119)] += 1
        }
        let busiest = perMinute.max() ?? 0, quietest = perMinute.min() ?? 0
        XCTAssertGreaterThan(quietest, 0, "no minute of the exercise is empty")
        XCTAssertGreaterThanOrEqual(busiest, 3 * quietest)
        let generator = ExerciseGenerator(config: ExerciseConfig(events: 1))
        XCTAssertEqual(generator.phase(at: Self.start), .setup)
        XCTAssertEqual(generator.phase(at: Self.start + 30 * 60_000_000), .movement)
        XCTAssertEqual(generator.phase(at: Self.start + 80 * 60_000_000), .engagement)
        XCTAssertEqual(generator.phase(at: Self.start + 119 * 60_000_000), .consolidation)
    }

    // MARK: consistency

    func testReplayNeverTouchesMissingRowsOrDuplicatesKeys() {
        var replay = Replay()
        for c in Self.stream { replay.apply(c) }
        XCTAssertEqual(replay.failures, [], "first failures of \(replay.failureCount)")
        XCTAssertGreaterThan(replay.rows["orders"]?.count ?? 0, replay.rows["units"]?.count ?? 0,
                             "orders accumulate while units stay few")
        XCTAssertGreaterThan(replay.rows["tracks"]?.count ?? 0, 0)
    }

    func testUnusualConfigurationsStayConsistent() {
        let configs = [
            ExerciseConfig(events: 5_000, seed: 9, duration: 60_000_000, unitCount: 3, trackCapacity: 1),
            ExerciseConfig(events: 3_000, seed: 10, duration: 0, unitCount: 400, trackCapacity: 10_000),
        ]
        for config in configs {
            var replay = Replay()
            var last = config.start
            for c in ExerciseGenerator(config: config) {
                replay.apply(c)
                XCTAssertGreaterThanOrEqual(c.commitTime, last)
                last = c.commitTime
            }
            XCTAssertEqual(replay.failures, [])
        }
    }

    func testReplayCatchesAnInconsistentStream() throws {
        let insert = try XCTUnwrap(Self.stream.first { $0.table.name == "tracks" && $0.op == .insert })
        var update = try XCTUnwrap(Self.stream.first {
            $0.table.name == "tracks" && $0.op == .update && $0.keyFields != insert.keyFields
        })
        update.keyFields = insert.keyFields
        var replay = Replay()
        replay.apply(insert)
        replay.apply(insert)
        replay.apply(update)
        XCTAssertEqual(replay.failureCount, 3, "duplicate insert, stale before-image, key not the row's id")
    }

    func testEveryTableAndOperationAppears() {
        let seen = Set(Self.stream.map { $0.table.name + " " + $0.op.name })
        let expected = [
            "units read", "units insert", "units update",
            "tracks insert", "tracks update", "tracks delete",
            "orders insert", "orders update",
            "alerts insert", "alerts update", "alerts delete",
            "engagements insert", "engagements update",
        ]
        for e in expected { XCTAssertTrue(seen.contains(e), "missing \(e)") }
        XCTAssertTrue(Self.stream.allSatisfy { $0.table.schema == "public" })
    }

    func testOrderStatusesMoveOnlyForward() {
        let legal: [String: Set<String>] = [
            "issued": ["acknowledged", "cancelled"],
            "acknowledged": ["in progress", "cancelled"],
            "in progress": ["in progress", "done", "cancelled"],
        ]
        var transitions = Set<String>()
        for c in Self.stream where c.table.name == "orders" {
            switch c.op {
            case .insert:
                XCTAssertEqual(text(c.after, "status"), "issued")
            case .update:
                let from = text(c.before, "status"), to = text(c.after, "status")
                XCTAssertTrue(legal[from]?.contains(to) ?? false, "\(from) → \(to)")
                XCTAssertGreaterThanOrEqual(int(c.after, "progress"), int(c.before, "progress"))
                transitions.insert(from + " → " + to)
            default:
                XCTFail("orders are never \(c.op.name)d")
            }
        }
        XCTAssertTrue(transitions.isSuperset(of: ["issued → acknowledged", "acknowledged → in progress",
                                                  "in progress → done"]))
    }

    func testAlertsAreAcknowledgedBeforeTheyAreCleared() {
        var acknowledged = 0
        for c in Self.stream where c.table.name == "alerts" {
            switch c.op {
            case .insert: XCTAssertEqual(c.after?.first { $0.name == "acknowledged" }?.value, .bool(false))
            case .update:
                XCTAssertEqual(c.after?.first { $0.name == "acknowledged" }?.value, .bool(true))
                XCTAssertFalse(text(c.after, "acked_by").isEmpty)
                acknowledged += 1
            case .delete: XCTAssertEqual(c.before?.first { $0.name == "acknowledged" }?.value, .bool(true))
            default: XCTFail("alerts are never \(c.op.name)")
            }
        }
        XCTAssertGreaterThan(acknowledged, 0)
    }

    func testEngagementsPitSidesAgainstEachOtherAndKillsShow() {
        var side: [Int64: String] = [:], status: [Int64: String] = [:]
        var kills = 0
        for c in Self.stream {
            if c.table.name == "units", let row = c.after {
                side[int(row, "id")] = text(row, "side")
                status[int(row, "id")] = text(row, "status")
            }
        }
        for c in Self.stream where c.table.name == "engagements" && c.op == .insert {
            let shooter = int(c.after, "shooter_id"), target = int(c.after, "target_id")
            XCTAssertNotEqual(side[shooter], side[target])
            XCTAssertNotEqual(side[shooter], "NEUTRAL")
            if text(c.after, "result") == "destroyed" {
                kills += 1
                XCTAssertEqual(status[target], "destroyed")
            }
        }
        XCTAssertGreaterThan(kills, 0)
    }

    // MARK: tables and values

    func testTablesDescribeColumnsAndKeys() throws {
        let tables = ExerciseGenerator.tables
        XCTAssertEqual(tables.map(\.name.qualified),
                       ["public.units", "public.tracks", "public.orders", "public.alerts", "public.engagements"])
        for table in tables {
            XCTAssertEqual(table.keyColumnNames, ["id"])
            XCTAssertEqual(table.schema(id: 9).keyColumns, [0])
        }
        let units = try XCTUnwrap(tables.first)
        let fuel = try XCTUnwrap(units.columns.first { $0.name == "fuel" })
        XCTAssertEqual(fuel.type.semantic, "org.apache.kafka.connect.data.Decimal")
        XCTAssertEqual(fuel.type.parameters["scale"], "1")
        XCTAssertEqual(fuel.type.kind, "bytes")
        let times = tables.flatMap(\.columns).filter { $0.type.semantic == "io.debezium.time.MicroTimestamp" }
        XCTAssertGreaterThanOrEqual(times.count, 5)
    }

    func testPercentagesAreDebeziumDecimals() {
        XCTAssertEqual(ExercisePercent.value(tenths: 0), .string("AA=="))
        XCTAssertEqual(ExercisePercent.value(tenths: 100), .string("ZA=="))
        XCTAssertEqual(ExercisePercent.value(tenths: 128), .string("AIA="), "a sign byte keeps 12.8 positive")
        XCTAssertEqual(ExercisePercent.value(tenths: 875), .string("A2s="))
        XCTAssertEqual(ExercisePercent.value(tenths: 1_000), .string("A+g="))
    }

    func testCompassAgreesWithTheMathLibrary() {
        for degrees in 0..<360 {
            let radians = Double(degrees) * .pi / 180
            XCTAssertEqual(ExerciseCompass.steps[degrees].north, cos(radians), accuracy: 1e-12)
            XCTAssertEqual(ExerciseCompass.steps[degrees].east, sin(radians), accuracy: 1e-12)
        }
        var random = ExerciseRandom(seed: 11)
        for _ in 0..<2_000 {
            let east = random.double(-50, 50), north = random.double(-50, 50)
            let exact = atan2(east, north) * 180 / .pi
            let expected = (Int(exact.rounded()) + 360) % 360
            if abs(exact - exact.rounded(.down) - 0.5) < 1e-6 { continue }
            XCTAssertEqual(ExerciseCompass.bearing(east: east, north: north), expected)
        }
    }

    func testDefaultStartIsTheExerciseMorning() {
        XCTAssertEqual(ExerciseConfig.defaultStart.iso8601, "2026-03-14T08:00:00Z")
    }

    // MARK: helpers

    private func same(_ a: SourceChange, _ b: SourceChange) -> Bool {
        a.table == b.table && a.op == b.op && a.commitTime == b.commitTime && a.position == b.position
            && a.keyFields == b.keyFields && a.before == b.before && a.after == b.after
            && a.columns == b.columns && a.origin == b.origin
    }
}

/// Cell readers for the tests: a field of an image by name.
private func text(_ row: [Field]?, _ name: String) -> String {
    guard case .string(let s)? = row?.first(where: { $0.name == name })?.value else { return "" }
    return s
}

private func int(_ row: [Field]?, _ name: String) -> Int64 {
    guard case .int(let i)? = row?.first(where: { $0.name == name })?.value else { return -1 }
    return i
}

/// A brute-force replay of a change stream into one dictionary per table, noting anything an
/// honest source could never send: an update or delete of a row that is not there (or whose
/// before-image is not the row), an insert of a key that exists, an incomplete or mistyped
/// image, a position off the map.
private struct Replay {
    var rows: [String: [Int64: [Field]]] = [:]
    /// The first few failures, for the assertion message.
    var failures: [String] = []
    var failureCount = 0
    let tables = Dictionary(uniqueKeysWithValues: ExerciseGenerator.tables.map { ($0.name.name, $0) })

    mutating func apply(_ c: SourceChange) {
        let name = c.table.name
        guard let table = tables[name] else { return fail(c, "unknown table") }
        guard let key = c.keyFields, key.count == 1, key[0].name == "id", case .int(let id) = key[0].value,
              let image = c.after ?? c.before else { return fail(c, "no id key or no image") }
        check(c.columns == table.columns, c, "columns differ from the table's")
        check(image.first == key[0], c, "key is not the row's id")
        for row in [c.before, c.after].compactMap({ $0 }) {
            check(row.map(\.name) == table.columns.map(\.name), c, "image lacks columns or has them out of order")
            for (field, column) in zip(row, table.columns) {
                check(Replay.matches(field.value, column.type), c, "\(field.name) = \(field.value) is not \(column.type.kind)")
                check(Replay.plausible(field), c, "\(field.name) = \(field.value) is off the map")
            }
        }
        let existing = rows[name]?[id]
        switch c.op {
        case .read, .insert:
            check(existing == nil && c.before == nil, c, "insert of an existing key")
            rows[name, default: [:]][id] = c.after
        case .update:
            check(existing != nil && existing == c.before && c.after != nil, c, "update of a missing row or stale before-image")
            rows[name, default: [:]][id] = c.after
        case .delete:
            check(existing != nil && existing == c.before && c.after == nil, c, "delete of a missing row")
            rows[name]?[id] = nil
        case .truncate:
            fail(c, "truncate")
        }
    }

    private mutating func check(_ condition: Bool, _ c: SourceChange, _ what: String) {
        if !condition { fail(c, what) }
    }

    private mutating func fail(_ c: SourceChange, _ what: String) {
        failureCount += 1
        if failures.count < 5 { failures.append("#\(c.origin) \(c.table.name) \(c.op.name): \(what)") }
    }

    static func matches(_ value: Value, _ type: ColumnType) -> Bool {
        switch (type.kind, value) {
        case (_, .null), ("int64", .int), ("int32", .int), ("double", .double), ("boolean", .bool), ("string", .string):
            return true
        case ("bytes", .string(let s)):
            return Data(base64Encoded: s) != nil
        default:
            return false
        }
    }

    static func plausible(_ field: Field) -> Bool {
        switch (field.name, field.value) {
        case ("lat", .double(let d)): return (56.9...57.5).contains(d)
        case ("lon", .double(let d)): return (9.4...10.6).contains(d)
        case ("heading", .int(let i)), ("course", .int(let i)): return (0..<360).contains(i)
        case ("speed", .double(let d)): return d >= 0 && d < 1_000
        default: return true
        }
    }
}
