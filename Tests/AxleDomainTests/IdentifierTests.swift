import AxleDomain
import Foundation
import Testing

@Suite("Identifiers are UUIDs in lowercase canonical text")
struct IdentifierTests {
    private struct Thing {}

    @Test func anIdentifierReadsBackFromItsTextInEitherCase() throws {
        for _ in 0..<1_000 {
            let uuid = UUID()
            let id = Identifier<Thing>(uuid)
            #expect(id.description == uuid.uuidString.lowercased())
            #expect(Identifier<Thing>(id.description) == id)
            #expect(Identifier<Thing>(uuid.uuidString) == id)
        }
    }

    @Test(arguments: [
        "", "019b76da-aa11-7b46-8d43-be1e44d0238", "019b76da-aa11-7b46-8d43-be1e44d023851",
        "019b76da-aa11-7b46-8d43-be1e44d0238g", "019b76da_aa11-7b46-8d43-be1e44d02385", "not an identifier",
    ])
    func textThatIsNotAUUIDIsNoIdentifier(_ text: String) {
        #expect(Identifier<Thing>(text) == nil)
    }

    @Test func oddTextFoundationAcceptsIsReadAsFoundationReadsIt() {
        let text = " 19b76da-aa11-7b46-8d43-be1e44d02385"
        #expect(Identifier<Thing>(text)?.rawValue == UUID(uuidString: text))
    }
}
