/// Query strings read the way browsers and HTTP clients write them: as
/// `application/x-www-form-urlencoded` (WHATWG URL Standard, "urlencoded parsing"). A `+`
/// is a space, `%2B` a plus, `%XX` the byte XX; a `%` not followed by two hex digits stays as
/// it is, and bytes that are not UTF-8 become U+FFFD. Hummingbird's `queryParameters` leaves
/// `+` alone, so `?q=brake+pad` would search for one word.
enum QueryString {
    /// The first value given for `name`, decoded; nil when the name does not occur.
    static func value(_ name: String, in query: Substring) -> String? {
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let separator = pair.firstIndex(of: "=") ?? pair.endIndex
            guard decode(pair[..<separator]) == name else { continue }
            return separator == pair.endIndex ? "" : decode(pair[pair.index(after: separator)...])
        }
        return nil
    }

    /// One name or value: `+` to space, then percent-decoding.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var input = text.utf8[...]
        while let byte = input.popFirst() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                if input.count >= 2, let high = hexValue(input[input.startIndex]),
                   let low = hexValue(input[input.index(after: input.startIndex)]) {
                    bytes.append(high << 4 | low)
                    input = input.dropFirst(2)
                } else {
                    bytes.append(byte)
                }
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
