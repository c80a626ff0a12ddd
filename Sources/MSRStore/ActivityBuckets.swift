import MSRModel

/// The edges of equal-time buckets over a recording's span, shared by every activity count.
///
/// The span runs from the first commit to the last, both included; bucket `b` (0-based) holds
/// the commit times up to and including `upperBound(ofBucket: b)`, after the bucket before it.
/// The all-tables activity, the activity of one table and the density of a filter all use
/// these edges, so their bars line up column for column.
public struct ActivityBuckets: Hashable, Sendable {
    public let first: Timestamp
    public let last: Timestamp
    public let count: Int

    public init(first: Timestamp, last: Timestamp, count: Int) {
        self.first = first
        self.last = max(first, last)
        self.count = max(0, count)
    }

    /// Microseconds covered, at least one.
    var span: Int64 { max(1, last - first + 1) }

    /// The last commit time that falls in bucket `b`; the last bucket ends at the last commit.
    public func upperBound(ofBucket b: Int) -> Timestamp {
        if b >= count - 1 { return last }
        return first + (span * Int64(b + 1) / Int64(count) - 1)
    }

    /// The bucket holding commit time `t` (times outside the span go to the nearest end).
    public func bucket(of t: Timestamp) -> Int {
        guard count > 0 else { return 0 }
        if t <= first { return 0 }
        if t >= last { return count - 1 }
        // The first bucket whose upper bound is at or after t: a guess from the ratio, then a
        // step either way where integer division rounded the edge.
        var b = Int(min(Int64(count - 1), (t - first) * Int64(count) / span))
        while b > 0 && upperBound(ofBucket: b - 1) >= t { b -= 1 }
        while b < count - 1 && upperBound(ofBucket: b) < t { b += 1 }
        return b
    }
}
