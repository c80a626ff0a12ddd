import Foundation

/// A libpq connection string (`host=… password=…` or a `postgresql://` URI) that shows itself
/// only with its password replaced.
///
/// The password must never reach a terminal or a log, so the text libpq needs (`conninfo`) is
/// kept apart from what `description` prints, and messages that might quote it are scrubbed.
public struct ConnectionString: Sendable, CustomStringConvertible {
    /// The string as given: for libpq only, never for display.
    public let conninfo: String
    /// The same string with the password's value replaced by `********`.
    public let redacted: String
    /// The password it carries, if any (percent-decoded for a URI).
    let password: String?

    static let mask = "********"

    public init(_ text: String) {
        conninfo = text
        let (shown, secret) = Self.isURI(text) ? Self.redactURI(text) : Self.redactKeywords(text)
        redacted = shown
        password = secret
    }

    public var description: String { redacted }

    /// `message` with every occurrence of the password masked. Passwords shorter than three
    /// characters are left alone: masking them would garble ordinary words.
    public func scrub(_ message: String) -> String {
        guard let password, password.count >= 3 else { return message }
        var out = message.replacingOccurrences(of: password, with: Self.mask)
        let raw = Self.percentEncodedForms(of: password)
        for form in raw where form != password { out = out.replacingOccurrences(of: form, with: Self.mask) }
        return out
    }

    static func isURI(_ text: String) -> Bool {
        let t = text.drop { $0 == " " }
        return t.hasPrefix("postgresql://") || t.hasPrefix("postgres://")
    }

    // MARK: key=value

    /// Masks the value of every `password` keyword; quoted values may hold spaces and `\'`.
    static func redactKeywords(_ text: String) -> (String, String?) {
        let chars = Array(text)
        var out = ""
        var secret: String?
        var i = 0
        while i < chars.count {
            if chars[i].isWhitespace { out.append(chars[i]); i += 1; continue }
            var key = ""
            while i < chars.count, chars[i] != "=", !chars[i].isWhitespace { key.append(chars[i]); i += 1 }
            out += key
            while i < chars.count, chars[i].isWhitespace { out.append(chars[i]); i += 1 }
            guard i < chars.count, chars[i] == "=" else { continue }
            out.append("="); i += 1
            while i < chars.count, chars[i].isWhitespace { out.append(chars[i]); i += 1 }
            let (value, end) = readValue(chars, from: i)
            if key == "password" {
                secret = value
                out += mask
            } else {
                out += String(chars[i..<end])
            }
            i = end
        }
        return (out, secret)
    }

    /// One value: quoted (`'a b\'c'`) or bare up to whitespace, with backslash escapes.
    private static func readValue(_ chars: [Character], from start: Int) -> (String, Int) {
        var i = start
        var value = ""
        if i < chars.count, chars[i] == "'" {
            i += 1
            while i < chars.count, chars[i] != "'" {
                if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                value.append(chars[i]); i += 1
            }
            return (value, min(i + 1, chars.count))
        }
        while i < chars.count, !chars[i].isWhitespace {
            if chars[i] == "\\", i + 1 < chars.count { i += 1 }
            value.append(chars[i]); i += 1
        }
        return (value, i)
    }

    // MARK: URI

    /// Masks `user:PASSWORD@` and a `password=` query parameter.
    static func redactURI(_ text: String) -> (String, String?) {
        guard let schemeEnd = text.range(of: "://") else { return (text, nil) }
        var secret: String?
        var head = String(text[..<schemeEnd.upperBound])
        var rest = Substring(text[schemeEnd.upperBound...])
        // libpq ends the user part at the first '@' or '/'.
        if let stop = rest.firstIndex(where: { $0 == "@" || $0 == "/" }), rest[stop] == "@" {
            let userinfo = rest[..<stop]
            if let colon = userinfo.firstIndex(of: ":") {
                secret = percentDecoded(String(userinfo[userinfo.index(after: colon)...]))
                head += userinfo[...colon] + mask
            } else {
                head += userinfo
            }
            rest = rest[stop...]
        }
        guard let question = rest.firstIndex(of: "?") else { return (head + rest, secret) }
        head += rest[...question]
        let params = rest[rest.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false)
        let shown = params.map { param -> String in
            let parts = param.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, percentDecoded(String(parts[0])) == "password" else { return String(param) }
            secret = percentDecoded(String(parts[1]))
            return parts[0] + "=" + mask
        }
        return (head + shown.joined(separator: "&"), secret)
    }

    static func percentDecoded(_ s: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(s.utf8)[...]
        while let b = utf8.popFirst() {
            if b == UInt8(ascii: "%"), utf8.count >= 2,
               let v = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The forms a password may take inside a URI, so a message quoting the raw text is masked.
    static func percentEncodedForms(of password: String) -> [String] {
        var upper = "", lower = ""
        for b in password.utf8 {
            let safe = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
            if safe {
                upper.unicodeScalars.append(Unicode.Scalar(b))
                lower.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let hex = String(b, radix: 16)
                let padded = hex.count == 1 ? "0" + hex : hex
                upper += "%" + padded.uppercased()
                lower += "%" + padded
            }
        }
        return [upper, lower]
    }
}
