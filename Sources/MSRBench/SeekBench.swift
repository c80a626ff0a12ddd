import Foundation
import MSRModel
import MSRStore

/// Seek latency of one contender: cold (a fresh connection and cursor per question) and warm
/// (one kept open), with the warm questions split by direction (later or earlier than the one
/// before).
struct SeekResult: Codable {
    var contender: String
    var cold: Stats
    var warm: Stats
    var warmForward: Stats
    var warmBackward: Stats
    /// Questions whose window differed from msr's (should be 0).
    var disagreements: Int
}

/// Random questions over one table of one recording, asked of every contender.
struct SeekQuestions {
    var times: [Timestamp]
    var keys: [Int64]

    init(count: Int, first: Timestamp, last: Timestamp, keys range: ClosedRange<Int64>, seed: UInt64) {
        var random = BenchRandom(seed: seed)
        times = (0..<count).map { _ in Timestamp(micros: random.int(in: first.micros...last.micros)) }
        keys = (0..<count).map { _ in random.int(in: range) }
    }
}

enum SeekBench {
    /// Asks `questions` of contenders made by `make`, cold and warm, within `budget` seconds
    /// per mode; `reference` is msr's answer per question, to check the contender agrees.
    static func measure(_ name: String, questions: SeekQuestions, budget: Double, reference: [[Int64]]?,
                        make: () throws -> SeekContender) throws -> (SeekResult, [[Int64]]) {
        var cold: [Double] = []
        let coldStart = Clock.now
        for i in questions.times.indices {
            let contender = try make()
            let (_, t) = try Clock.measure { try contender.window(at: questions.times[i], from: questions.keys[i]) }
            cold.append(t)
            if Clock.now - coldStart > budget && cold.count >= 5 { break }
        }
        var warm: [Double] = [], forward: [Double] = [], backward: [Double] = []
        var answers: [[Int64]] = []
        var disagreements = 0
        let contender = try make()
        _ = try contender.window(at: questions.times[0], from: questions.keys[0])
        var previous = questions.times[0]
        let warmStart = Clock.now
        for i in questions.times.indices {
            let (answer, t) = try Clock.measure { try contender.window(at: questions.times[i], from: questions.keys[i]) }
            warm.append(t)
            if questions.times[i] >= previous { forward.append(t) } else { backward.append(t) }
            previous = questions.times[i]
            answers.append(answer)
            if let reference, i < reference.count, reference[i] != answer { disagreements += 1 }
            if Clock.now - warmStart > budget && warm.count >= 5 { break }
        }
        let result = SeekResult(contender: name, cold: Stats(cold), warm: Stats(warm), warmForward: Stats(forward),
                                warmBackward: Stats(backward), disagreements: disagreements)
        return (result, answers)
    }

    /// The table a reviewer would scroll: the one with the most rows at the recording's end.
    static func biggestTable(path: String) throws -> (TableSchema, rows: Int, summary: RecordingSummary) {
        let store = try SQLiteRecordingStore(openingAt: path)
        defer { store.close() }
        let summary = try store.summary()
        var best: (TableSchema, Int)?
        for t in summary.tables {
            let rows = try store.rowCount(table: t.id, atSeq: summary.lastSeq)
            if rows > (best?.1 ?? -1) { best = (t, rows) }
        }
        guard let best else { throw Spawn.Failure(description: "\(path) has no tables") }
        return (best.0, best.1, summary)
    }
}
