import AxleDomain
import Foundation
import Testing

@Suite("Exception items")
struct TransferExceptionTests {
    typealias Exception = TransferException

    /// Every (state, event) pair, written out independently of the declaration it checks.
    static let transitions: [(Exception.State, Exception.Event, Exception.State?)] = [
        (.open, .resolve, .resolved),
        (.resolved, .resolve, nil),
    ]

    /// Every (kind, resolution) pair: whether the resolution settles a difference of that kind.
    static let applicability: [(Exception.Kind, Exception.Resolution, Bool)] = [
        (.short, .writtenOff, true), (.short, .claimed, true), (.short, .returned, false), (.short, .corrected, true),
        (.over, .writtenOff, false), (.over, .claimed, false), (.over, .returned, true), (.over, .corrected, true),
        (.damaged, .writtenOff, true), (.damaged, .claimed, true), (.damaged, .returned, true),
        (.damaged, .corrected, true),
    ]

    let resolver = Principal.ID(UUID())
    let at = Instant(microseconds: 1_772_442_000_000_000)

    func item(_ kind: Exception.Kind) -> Exception {
        Exception(id: Exception.ID(UUID()), kind: kind, transferID: Transfer.ID(UUID()), partID: Part.ID(UUID()),
                  siteID: Site.ID(UUID()), quantity: Quantity(units: 2), createdAt: at)
    }

    @Test func theTablesCoverEveryPair() {
        #expect(Set(Self.transitions.map { "\($0.0) \($0.1)" }).count
                == Exception.State.allCases.count * Exception.Event.allCases.count)
        #expect(Set(Self.applicability.map { "\($0.0) \($0.1)" }).count
                == Exception.Kind.allCases.count * Exception.Resolution.allCases.count)
    }

    @Test(arguments: Self.transitions.indices)
    func everyStateAnswersEveryEvent(_ index: Int) throws {
        let (state, event, expected) = Self.transitions[index]
        let allowed = Self.transitions.filter { $0.0 == state && $0.2 != nil }.map(\.1)
        #expect(state.allowedEvents == allowed)
        if let expected {
            #expect(try state.after(event) == expected)
        } else {
            #expect(throws: ExceptionError.illegalTransition(from: state, event: event, allowed: allowed)) {
                try state.after(event)
            }
        }
    }

    @Test(arguments: Self.applicability.indices)
    func aResolutionSettlesOnlyTheKindsItFits(_ index: Int) throws {
        let (kind, resolution, fits) = Self.applicability[index]
        #expect(resolution.settles(kind) == fits)
        var exception = item(kind)
        if fits {
            try exception.resolve(resolution, note: "agreed", reference: "CLM-1", by: resolver, at: at)
            #expect(exception.state == .resolved)
            #expect(exception.resolution == resolution)
            #expect((exception.resolutionNote, exception.resolutionReference) == ("agreed", "CLM-1"))
            #expect((exception.resolvedBy, exception.resolvedAt) == (resolver, at))
        } else {
            let applicable = Self.applicability.filter { $0.0 == kind && $0.2 }.map(\.1)
            #expect(throws: ExceptionError.resolutionNotApplicable(kind: kind, resolution: resolution,
                                                                    applicable: applicable)) {
                try exception.resolve(resolution, note: "agreed", reference: nil, by: resolver, at: at)
            }
            #expect(exception.state == .open)
            #expect(exception.resolution == nil)
        }
    }

    @Test func resolvingTwiceIsAConflictWhateverTheSecondResolutionSays() throws {
        var exception = item(.short)
        try exception.resolve(.claimed, note: "carrier lost a box", reference: "CLM-7", by: resolver, at: at)
        let resolved = exception
        for resolution in Exception.Resolution.allCases {
            #expect(throws: ExceptionError.illegalTransition(from: .resolved, event: .resolve, allowed: [])) {
                try exception.resolve(resolution, note: "again", reference: nil, by: resolver, at: at)
            }
        }
        #expect(exception == resolved)
        let error = ExceptionError.illegalTransition(from: .resolved, event: .resolve, allowed: [])
        #expect(error.code == "inventory.exception.illegal_transition")
        #expect(error.category == .conflict)
        #expect(error.details["allowedEvents"] == .list([]))
        #expect(error.details["state"] == .text("resolved"))
        let misfit = ExceptionError.resolutionNotApplicable(kind: .over, resolution: .writtenOff,
                                                            applicable: [.returned, .corrected])
        #expect(misfit.category == .ruleViolation)
        #expect(misfit.details["applicableResolutions"] == .list(["returned", "corrected"]))
        #expect(ExceptionError.exceptionNotFound("x").category == .notFound)
    }
}
