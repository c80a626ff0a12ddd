/// The stages of the synthetic exercise, in the order they happen.
///
/// A reviewer scrubbing the timeline should see the exercise's story in the density of
/// events: a quiet start, a long approach march, first contact, a fight that comes in bursts,
/// and a slow wind-down. Each phase owns a slice of the exercise time, a base event rate and
/// (in `ExerciseActionMix`) its own mix of activity.
public enum ExercisePhase: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// The opening snapshot, reinforcements arriving, the first orders.
    case setup
    /// Units march towards the line of contact: mostly position updates.
    case movement
    /// Sensors pick up the other side: tracks appear and are classified, alerts are raised.
    case contact
    /// The fight: engagements, much of them in short dense bursts.
    case engagement
    /// The wind-down: orders completed, alerts acknowledged and cleared, units resupplied.
    case consolidation

    /// Where the phase begins, as a fraction of the exercise duration.
    var startFraction: Double {
        switch self {
        case .setup: return 0
        case .movement: return 0.10
        case .contact: return 0.35
        case .engagement: return 0.55
        case .consolidation: return 0.80
        }
    }

    /// Where the phase ends, as a fraction of the exercise duration.
    var endFraction: Double {
        switch self {
        case .consolidation: return 1
        default: return ExercisePhase(rawValue: rawValue + 1).map(\.startFraction) ?? 1
        }
    }

    /// The phase at a fraction of the exercise duration (clamped to the exercise).
    static func at(fraction: Double) -> ExercisePhase {
        if fraction < ExercisePhase.movement.startFraction { return .setup }
        if fraction < ExercisePhase.contact.startFraction { return .movement }
        if fraction < ExercisePhase.engagement.startFraction { return .contact }
        if fraction < ExercisePhase.consolidation.startFraction { return .engagement }
        return .consolidation
    }

    /// The relative event rate at a fraction of the exercise, before noise and bursts.
    ///
    /// Setup ramps up and consolidation tails off, so the quietest minutes sit at the two ends
    /// and the busiest inside the engagement bursts.
    static func baseRate(at fraction: Double) -> Double {
        let phase = at(fraction: fraction)
        let within = (fraction - phase.startFraction) / (phase.endFraction - phase.startFraction)
        switch phase {
        case .setup: return 0.2 + 0.4 * within
        case .movement: return 1.0
        case .contact: return 1.3
        case .engagement: return 1.2
        case .consolidation: return 0.7 - 0.5 * within
        }
    }

    public var description: String {
        switch self {
        case .setup: return "setup"
        case .movement: return "movement"
        case .contact: return "contact"
        case .engagement: return "engagement"
        case .consolidation: return "consolidation"
        }
    }
}
