public import AxleDomain
import AxleStore

/// Resolves an open exception item: says what became of the difference (written off, claimed,
/// returned, corrected), why, and optionally under which reference. Only a manager at the
/// receiving site, once: a second resolution is a conflict naming what the item still allows.
///
/// It moves no stock (see `TransferException`): the receipt already put the books right.
public struct ResolveException: Command {
    public struct Input: Sendable, Codable {
        public var resolution: TransferException.Resolution
        /// Why: what was found, agreed or done. Required.
        public var note: String
        /// A claim number, or the document that carried the consequence.
        public var reference: String?

        public init(resolution: TransferException.Resolution, note: String, reference: String? = nil) {
            self.resolution = resolution
            self.note = note
            self.reference = reference
        }
    }

    public static let maximumNoteLength = 500
    public static let maximumReferenceLength = 100

    public let exceptionID: TransferException.ID
    public let input: Input

    public init(exceptionID: TransferException.ID, input: Input) {
        self.exceptionID = exceptionID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.resolveExceptions)
    }

    public func execute(in scope: WriteScope) async throws -> TransferException {
        let note = try Validate.text(input.note, field: "note", maximumLength: Self.maximumNoteLength)
        let reference = try Validate.optionalText(input.reference, field: "reference",
                                                  maximumLength: Self.maximumReferenceLength)
        guard let before = try await scope.stores.exceptions.find(id: exceptionID, forUpdate: true) else {
            throw ExceptionError.exceptionNotFound(exceptionID.description)
        }
        // The receiving site is known only now: the resolver's scope is checked against it here.
        try scope.caller.principal.authorize(.resolveExceptions, at: before.siteID)
        var after = before
        try after.resolve(input.resolution, note: note, reference: reference, by: scope.caller.principal.id,
                          at: scope.now)
        try await scope.stores.exceptions.update(after)
        try await scope.audit(.exceptionResolve, entityID: after.id.description,
                              before: before, after: after)
        return after
    }
}
