/// A result of arithmetic on quantities or amounts does not fit the integers they are kept in.
///
/// Input limits make this unreachable from accepted requests; it remains an error value, never
/// a trap, so that data written before a limit existed cannot stop the process.
public struct ArithmeticOverflow: AxleError, Equatable {
    /// What was being computed, such as `stock value` or `repair order total`.
    public let operation: String

    public init(_ operation: String) {
        self.operation = operation
    }

    public var code: String { "value.overflow" }
    public var message: String { "the \(operation) exceeds the largest value Axle can keep" }
    public var category: ErrorCategory { .ruleViolation }
}
