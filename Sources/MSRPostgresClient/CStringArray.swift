import Foundation

/// Strings copied into C memory for libpq's `const char *const *` parameters (connection
/// keywords and values, statement parameters), freed when the call returns.
struct CStringArray {
    let strings: [String?]
    /// Whether libpq expects a terminating null pointer (keyword lists do, parameters do not).
    let terminated: Bool

    init(_ strings: [String?], terminated: Bool = true) {
        self.strings = strings
        self.terminated = terminated
    }

    init(_ strings: [String]) {
        self.init(strings.map { Optional($0) })
    }

    /// Calls `body` with the array of C strings; a nil string stays a null pointer (SQL NULL).
    func withPointers<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let owned: [UnsafeMutablePointer<CChar>?] = strings.map { s in s.flatMap { strdup($0) } }
        defer { for p in owned { free(p) } }
        var pointers: [UnsafePointer<CChar>?] = owned.map { $0.map { UnsafePointer($0) } }
        // An empty parameter list still needs a valid address.
        if terminated || pointers.isEmpty { pointers.append(nil) }
        return pointers.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("a C string array is never empty") }
            return body(base)
        }
    }
}
