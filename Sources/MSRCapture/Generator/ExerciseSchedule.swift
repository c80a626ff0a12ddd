/// A min-heap of things due at a time, for work that should happen in order of due time
/// (orders acknowledged a minute after issue, started a few minutes later).
///
/// The heap holds only plain due times and slot numbers; the elements wait in a side array,
/// so sifting moves a few integers instead of copying (and reference-counting) whole rows.
/// Ties are broken by insertion number, so what comes out never depends on anything but the
/// draws that scheduled it.
struct ExerciseSchedule<Element: Sendable>: Sendable {
    private var heap: [(due: Int64, serial: Int, slot: Int)] = []
    private var slots: [Element?] = []
    private var freeSlots: [Int] = []
    private var serial = 0

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }

    mutating func schedule(_ element: Element, at due: Int64) {
        let slot: Int
        if let reused = freeSlots.popLast() {
            slot = reused
            slots[slot] = element
        } else {
            slot = slots.count
            slots.append(element)
        }
        serial += 1
        heap.append((due, serial, slot))
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
        if !heap.isEmpty {
            heap[0] = last
            siftDown()
        }
        var element: Element?
        swap(&element, &slots[first.slot])
        freeSlots.append(first.slot)
        return element
    }

    private mutating func siftDown() {
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && precedes(left, smallest) { smallest = left }
            if right < heap.count && precedes(right, smallest) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }

    private func precedes(_ a: Int, _ b: Int) -> Bool {
        heap[a].due < heap[b].due || (heap[a].due == heap[b].due && heap[a].serial < heap[b].serial)
    }
}
