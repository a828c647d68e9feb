/// "Part A is replaced by part B from this date": one link of a supersession chain.
public struct Supersession: Hashable, Sendable, Codable {
    public typealias ID = Identifier<Supersession>

    /// Whether the old part may still be used for the new one's vehicles.
    public enum Interchangeability: String, ClosedSet {
        /// The new part fits everything the old one did, not the reverse.
        case oneWay
        /// Either may be used for the other.
        case twoWay
    }

    public let id: ID
    public let partID: Part.ID
    public let replacementID: Part.ID
    public let interchangeability: Interchangeability
    public let effectiveOn: CalendarDate
    /// Remaining stock of the old part is used up before the new one.
    public let useUpOldStock: Bool

    public init(id: ID, partID: Part.ID, replacementID: Part.ID, interchangeability: Interchangeability,
                effectiveOn: CalendarDate, useUpOldStock: Bool) {
        self.id = id
        self.partID = partID
        self.replacementID = replacementID
        self.interchangeability = interchangeability
        self.effectiveOn = effectiveOn
        self.useUpOldStock = useUpOldStock
    }
}

/// The supersession links of a catalogue, and the rules for adding to and following them.
public struct SupersessionGraph: Sendable {
    /// Each part's replacement; a part is replaced by at most one other.
    private let replacementOf: [Part.ID: Supersession]
    /// The links that name each part as the replacement (what it replaced), oldest first.
    private let replacedBy: [Part.ID: [Supersession]]

    /// The longest chain Axle follows; a longer one means corrupt data, not a real catalogue.
    public static let maximumChainLength = 64

    public init(_ supersessions: [Supersession]) {
        var replacementOf: [Part.ID: Supersession] = [:]
        var replacedBy: [Part.ID: [Supersession]] = [:]
        for link in supersessions {
            replacementOf[link.partID] = link
            replacedBy[link.replacementID, default: []].append(link)
        }
        self.replacementOf = replacementOf
        self.replacedBy = replacedBy
    }

    /// Checks that `old → new` may be added: no self-link, no second replacement, no cycle.
    public func validateNewLink(from old: Part, to new: Part) throws(CatalogError) {
        guard old.id != new.id else { throw .supersessionOfItself(old.number) }
        if replacementOf[old.id] != nil { throw .alreadySuperseded(old.number) }
        var cursor: Part.ID? = new.id
        var steps = 0
        while let current = cursor {
            if current == old.id { throw .supersessionCycle(old.number, new.number) }
            steps += 1
            guard steps <= SupersessionGraph.maximumChainLength else {
                throw .supersessionChainTooLong(limit: SupersessionGraph.maximumChainLength)
            }
            cursor = replacementOf[current]?.replacementID
        }
    }

    /// The links followed from `start` as of `date`, oldest first; empty when `start` is current.
    /// A link whose effective date has not come yet ends the chain.
    public func chain(from start: Part.ID, asOf date: CalendarDate) -> [Supersession] {
        var links: [Supersession] = []
        var cursor = start
        while let link = replacementOf[cursor], link.effectiveOn <= date,
              links.count < SupersessionGraph.maximumChainLength {
            links.append(link)
            cursor = link.replacementID
        }
        return links
    }

    /// The links that name `part` as the replacement, whatever their date.
    func predecessors(of part: Part.ID) -> [Supersession] {
        replacedBy[part] ?? []
    }

    /// The part a lookup of `start` resolves to as of `date`.
    public func current(for start: Part.ID, asOf date: CalendarDate) -> Part.ID {
        chain(from: start, asOf: date).last?.replacementID ?? start
    }
}
