/// The fixed characteristics of a unit in the synthetic order of battle.
///
/// Each enum carries the text the `units` table shows plus the numbers the simulation needs
/// (cruising speed, fuel burn, weapons), so the simulators stay free of lookup tables.
enum ExerciseSide: Int, Sendable, CaseIterable {
    case blue, red, neutral

    var text: String {
        switch self {
        case .blue: return "BLUE"
        case .red: return "RED"
        case .neutral: return "NEUTRAL"
        }
    }

    /// The side this one fights; neutrals fight nobody.
    var enemy: ExerciseSide? {
        switch self {
        case .blue: return .red
        case .red: return .blue
        case .neutral: return nil
        }
    }
}

enum UnitKind: Int, Sendable, CaseIterable {
    case armor, infantry, artillery, air, recon, logistics, hq

    var text: String {
        switch self {
        case .armor: return "armor"
        case .infantry: return "infantry"
        case .artillery: return "artillery"
        case .air: return "air"
        case .recon: return "recon"
        case .logistics: return "logistics"
        case .hq: return "HQ"
        }
    }

    /// Cruising speed in km/h when the unit is on the move.
    var cruise: Double {
        switch self {
        case .armor: return 32
        case .infantry: return 24
        case .artillery: return 20
        case .air: return 220
        case .recon: return 40
        case .logistics: return 28
        case .hq: return 16
        }
    }

    /// Fuel burnt per kilometre, in tenths of a percent.
    var burn: Double {
        switch self {
        case .air: return 2
        case .armor: return 10
        default: return 6
        }
    }

    /// What the unit fires, as the `engagements.weapon` column shows it.
    var weapons: [String] {
        switch self {
        case .armor: return ["120mm APFSDS", "120mm HEAT", "7.62mm coax"]
        case .infantry: return ["ATGM", "7.62mm MG", "40mm GL", "5.56mm rifle"]
        case .artillery: return ["155mm HE", "155mm DPICM", "MLRS"]
        case .air: return ["Hellfire", "30mm cannon", "GBU-12"]
        case .recon: return ["25mm cannon", "ATGM"]
        case .logistics: return ["12.7mm MG"]
        case .hq: return ["5.56mm rifle"]
        }
    }

    /// Typical engagement range in metres for this kind of shooter.
    var range: ClosedRange<Int> {
        switch self {
        case .artillery: return 6_000...24_000
        case .air: return 1_500...8_000
        case .armor: return 800...3_500
        default: return 100...2_000
        }
    }

    /// Kinds drawn for the companies after the first (which is always the formation's HQ).
    static let companyMix: [UnitKind] = [
        .armor, .armor, .armor, .infantry, .infantry, .infantry, .infantry,
        .artillery, .artillery, .air, .recon, .recon, .logistics, .logistics,
    ]
    /// Kinds neutral units come in: observers, convoys, and the odd aircraft.
    static let neutralMix: [UnitKind] = [.logistics, .logistics, .recon, .hq, .air]
}

enum UnitStatus: Int, Sendable {
    case ready, moving, engaged, damaged, destroyed, withdrawn

    var text: String {
        switch self {
        case .ready: return "ready"
        case .moving: return "moving"
        case .engaged: return "engaged"
        case .damaged: return "damaged"
        case .destroyed: return "destroyed"
        case .withdrawn: return "withdrawn"
        }
    }
}
