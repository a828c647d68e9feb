import AxleDomain
import Hummingbird

extension Request {
    /// An optional query parameter's text: nil when absent; present, it must say something
    /// (`?status=` is a 400 naming it, as `?site=` is), so a filter is never silently dropped.
    /// Free-text searches (`q`, a part-number prefix) are the exception: empty, they match all.
    func optionalQueryText(_ name: String) throws -> String? {
        guard let text = query(name) else { return nil }
        guard !text.isEmpty else { throw RequestError.invalidParameter(name: name, reason: "must not be empty") }
        return text
    }

    /// An optional query parameter naming one value of a closed set (`?status=booked`).
    func optionalQueryValue<Value: ClosedSet>(_ name: String, _ type: Value.Type) throws -> Value? {
        guard let text = try optionalQueryText(name) else { return nil }
        guard let value = Value(rawValue: text) else {
            throw RequestError.invalidParameter(
                name: name, reason: "must be one of: " + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// An optional instant in the query string, ISO 8601 with its offset (a `+` offset is sent as `%2B`).
    func optionalQueryInstant(_ name: String) throws -> Instant? {
        guard let text = try optionalQueryText(name) else { return nil }
        guard let instant = Instant(iso8601: text) else {
            throw RequestError.invalidParameter(
                name: name, reason: "must be an ISO 8601 time with its offset, such as 2026-03-02T08:00:00-06:00")
        }
        return instant
    }

    /// An optional business date in the query string (`2026-12-03`).
    func optionalQueryDate(_ name: String) throws -> CalendarDate? {
        guard let text = try optionalQueryText(name) else { return nil }
        guard let date = CalendarDate(text) else {
            throw RequestError.invalidParameter(name: name, reason: "must be a date as YYYY-MM-DD")
        }
        return date
    }

    /// A required instant in the query string.
    func queryInstant(_ name: String) throws -> Instant {
        guard let instant = try optionalQueryInstant(name) else {
            throw RequestError.invalidParameter(name: name, reason: "is required")
        }
        return instant
    }

    /// An optional whole number in the query string, within `range`; `defaultValue` when absent.
    func queryInteger(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws -> Int {
        guard let text = try optionalQueryText(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw RequestError.invalidParameter(
                name: name, reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
