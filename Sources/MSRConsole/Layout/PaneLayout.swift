import MSRTerminal

/// How panes tile the screen: a tree of splits, side by side or one above the other, each
/// with the share of its first part.
public indirect enum PaneLayout: Hashable, Sendable, Codable {
    case pane(Int)
    case split(Axis, ratio: Double, PaneLayout, PaneLayout)

    public enum Axis: String, Hashable, Sendable, Codable {
        /// Side by side (a vertical divider).
        case vertical
        /// One above the other.
        case horizontal
    }

    /// The panes in reading order.
    public var paneIDs: [Int] {
        switch self {
        case .pane(let id): return [id]
        case .split(_, _, let a, let b): return a.paneIDs + b.paneIDs
        }
    }

    /// Each pane's rectangle inside `rect`.
    public func rects(in rect: Rect) -> [Int: Rect] {
        switch self {
        case .pane(let id):
            return [id: rect]
        case .split(let axis, let ratio, let a, let b):
            let (ra, rb) = PaneLayout.divide(rect, axis, ratio)
            return a.rects(in: ra).merging(b.rects(in: rb)) { x, _ in x }
        }
    }

    static func divide(_ r: Rect, _ axis: Axis, _ ratio: Double) -> (Rect, Rect) {
        switch axis {
        case .vertical:
            let w = max(1, min(r.width - 1, Int((Double(r.width) * ratio).rounded())))
            return (Rect(x: r.x, y: r.y, width: w, height: r.height), Rect(x: r.x + w, y: r.y, width: r.width - w, height: r.height))
        case .horizontal:
            let h = max(1, min(r.height - 1, Int((Double(r.height) * ratio).rounded())))
            return (Rect(x: r.x, y: r.y, width: r.width, height: h), Rect(x: r.x, y: r.y + h, width: r.width, height: r.height - h))
        }
    }

    /// Splits pane `id` in two along `axis`, the new pane `newID` second.
    public func splitting(_ id: Int, _ axis: Axis, newID: Int) -> PaneLayout {
        switch self {
        case .pane(let p):
            return p == id ? .split(axis, ratio: 0.5, .pane(p), .pane(newID)) : self
        case .split(let ax, let ratio, let a, let b):
            return .split(ax, ratio: ratio, a.splitting(id, axis, newID: newID), b.splitting(id, axis, newID: newID))
        }
    }

    /// The layout without pane `id` (its sibling takes its place); nil when it was the last.
    public func removing(_ id: Int) -> PaneLayout? {
        switch self {
        case .pane(let p):
            return p == id ? nil : self
        case .split(let axis, let ratio, let a, let b):
            guard let na = a.removing(id) else { return b }
            guard let nb = b.removing(id) else { return a }
            return .split(axis, ratio: ratio, na, nb)
        }
    }

    /// The pane that takes pane `id`'s place when it is closed: the nearest pane of its
    /// sibling (the first one after it, or the last one before it); nil when `id` is alone.
    public func neighbour(of id: Int) -> Int? {
        guard case .split(_, _, let a, let b) = self else { return nil }
        if a == .pane(id) { return b.paneIDs.first }
        if b == .pane(id) { return a.paneIDs.last }
        if a.paneIDs.contains(id) { return a.neighbour(of: id) }
        if b.paneIDs.contains(id) { return b.neighbour(of: id) }
        return nil
    }

    /// Grows (positive) or shrinks pane `id` by moving the divider of its nearest split.
    public func resizing(_ id: Int, by delta: Double) -> PaneLayout {
        switch self {
        case .pane:
            return self
        case .split(let axis, let ratio, let a, let b):
            if a == .pane(id) { return .split(axis, ratio: min(0.9, max(0.1, ratio + delta)), a, b) }
            if b == .pane(id) { return .split(axis, ratio: min(0.9, max(0.1, ratio - delta)), a, b) }
            return .split(axis, ratio: ratio, a.resizing(id, by: delta), b.resizing(id, by: delta))
        }
    }

    /// A grid for `ids`: one pane, two side by side, or rows of two.
    public static func grid(_ ids: [Int]) -> PaneLayout? {
        guard let first = ids.first else { return nil }
        if ids.count == 1 { return .pane(first) }
        if ids.count == 2 { return .split(.vertical, ratio: 0.5, .pane(ids[0]), .pane(ids[1])) }
        let rows = (ids.count + 1) / 2
        let top = grid(Array(ids[..<2]))
        let rest = grid(Array(ids[2...]))
        guard let top, let rest else { return top ?? rest }
        let ratio = 1.0 / Double(rows)
        return .split(.horizontal, ratio: ratio, top, rest)
    }
}
