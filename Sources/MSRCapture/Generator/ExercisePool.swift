/// A set of small integer indexes that can hand out a random member in O(1).
///
/// The simulators keep, for instance, the units still able to move or to fight; they add and
/// remove members as units arrive or are destroyed and draw a random one for almost every
/// event, so every operation has to be constant time. Removal swaps the last member into the
/// hole, which reorders members but keeps the draws deterministic.
struct ExercisePool: Sendable {
    private(set) var members: [Int] = []
    /// Where each possible index sits in `members`, or -1 when it is absent.
    private var slots: [Int]

    init(universe: Int) {
        slots = [Int](repeating: -1, count: universe)
    }

    var count: Int { members.count }
    var isEmpty: Bool { members.isEmpty }

    func contains(_ index: Int) -> Bool {
        slots[index] >= 0
    }

    mutating func insert(_ index: Int) {
        guard slots[index] < 0 else { return }
        slots[index] = members.count
        members.append(index)
    }

    mutating func remove(_ index: Int) {
        let slot = slots[index]
        guard slot >= 0 else { return }
        let last = members.removeLast()
        if last != index {
            members[slot] = last
            slots[last] = slot
        }
        slots[index] = -1
    }

    /// A uniformly drawn member, or nil when the pool is empty.
    func random(_ random: inout ExerciseRandom) -> Int? {
        members.isEmpty ? nil : members[random.below(members.count)]
    }
}
