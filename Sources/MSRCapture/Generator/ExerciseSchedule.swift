/// A min-heap of things due at a time, for work that should happen in order of due time
/// (orders acknowledged a minute after issue, started a few minutes later).
///
/// Ties are broken by insertion number, so the order things come out in never depends on
/// anything but the draws that scheduled them.
struct ExerciseSchedule<Element: Sendable>: Sendable {
    private var heap: [(due: Int64, serial: Int, element: Element)] = []
    private var serial = 0

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }

    /// The earliest due time, or nil when nothing is scheduled.
    var nextDue: Int64? { heap.first?.due }

    mutating func schedule(_ element: Element, at due: Int64) {
        serial += 1
        heap.append((due, serial, element))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(child, parent) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest element if it is due at `now`.
    mutating func popDue(at now: Int64) -> Element? {
        guard let first = heap.first, first.due <= now else { return nil }
        let last = heap.removeLast()
        guard !heap.isEmpty else { return last.element }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && precedes(left, smallest) { smallest = left }
            if right < heap.count && precedes(right, smallest) { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first.element
    }

    private func precedes(_ a: Int, _ b: Int) -> Bool {
        heap[a].due < heap[b].due || (heap[a].due == heap[b].due && heap[a].serial < heap[b].serial)
    }
}
