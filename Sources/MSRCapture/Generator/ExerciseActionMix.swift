/// One kind of thing that can happen in a transaction of the exercise.
enum ExerciseAction: Int, Sendable, CaseIterable {
    case unitMove, unitReinforce, unitResupply
    case trackChurn, trackUpdate, trackReclassify
    case orderIssue, orderAdvance
    case alertRaise, alertHandle
    case engagement, engagementAssess
}

/// How often each action happens in each phase (and inside an engagement burst).
///
/// The weights are relative per row; together with the clock's rate profile they give each
/// phase its character. They are data, not logic, so tuning the exercise's story means editing
/// this table only.
struct ExerciseActionMix: Sendable {
    /// `cumulative[activity][action]`: running sums of the weights below.
    private let cumulative: [[Double]]

    /// Columns: setup, movement, contact, engagement, consolidation, burst.
    private static let weights: [ExerciseAction: [Double]] = [
        .unitMove: [30, 50, 25, 15, 15, 6],
        .unitReinforce: [12, 1.5, 0.5, 0.5, 0.3, 0],
        .unitResupply: [1, 1, 1, 2, 6, 0.5],
        .trackChurn: [2, 4, 7, 5, 7, 2],
        .trackUpdate: [3, 12, 30, 22, 10, 8],
        .trackReclassify: [0.5, 1.5, 5, 3, 1, 1],
        .orderIssue: [2, 1, 1, 1, 0.5, 0.5],
        .orderAdvance: [12, 12, 12, 10, 14, 3],
        .alertRaise: [1, 1.5, 3, 2, 0.5, 1],
        .alertHandle: [1, 3, 7, 10, 20, 4],
        .engagement: [0, 0.2, 3, 10, 1, 25],
        .engagementAssess: [0, 0, 1, 7, 9, 3],
    ]

    init() {
        var cumulative: [[Double]] = []
        for activity in 0..<6 {
            var sum = 0.0
            cumulative.append(ExerciseAction.allCases.map { action in
                sum += ExerciseActionMix.weights[action]?[activity] ?? 0
                return sum
            })
        }
        self.cumulative = cumulative
    }

    /// A random action for a phase; `burst` selects the engagement-burst mix.
    func pick(_ phase: ExercisePhase, burst: Bool, random: inout ExerciseRandom) -> ExerciseAction {
        let row = cumulative[burst ? 5 : phase.rawValue]
        let roll = random.unit() * (row.last ?? 0)
        for (i, bound) in row.enumerated() where roll < bound {
            return ExerciseAction(rawValue: i) ?? .unitMove
        }
        return .unitMove
    }
}
