import CLibpq

extension ConnectionString {
    /// What is wrong with the string's form, or nil when libpq can read it: an unknown keyword,
    /// an unterminated quote, a broken URI (libpq's own words, any password masked), or a port
    /// that is not a number — found before connecting, so the message is about the DSN.
    ///
    /// Stands for `PQconninfoParse`, which reads a string the way `PQconnectdb` would.
    public var formProblem: String? {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &error) else {
            defer { if let error { PQfreemem(error) } }
            let message = error.map { String(cString: $0) } ?? "libpq cannot read it"
            return scrub(PostgresError.sentence(message))
        }
        defer { PQconninfoFree(options) }
        var i = 0
        while let keyword = options[i].keyword {
            if String(cString: keyword) == "port", let value = options[i].val {
                let port = String(cString: value)
                let numbers = port.split(separator: ",", omittingEmptySubsequences: false)
                if !numbers.allSatisfy({ $0.isEmpty || $0.utf8.allSatisfy { (48...57).contains($0) } }) {
                    return "port '\(scrub(port))' is not a number."
                }
            }
            i += 1
        }
        return nil
    }
}
