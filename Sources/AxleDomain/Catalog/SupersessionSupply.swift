/// Which part numbers' stock may serve a demand, and in which order: the rule the links of a
/// supersession chain record (`docs/design/supersession.md`).
///
/// - The current part (the end of the chain) always may, and is used last.
/// - An older number's stock may be used only when its link says so (`useUpOldStock`); a link
///   without it means the old stock must not be fitted any more.
/// - It must also fit the demand: a newer number fits what an older one did (every link is at
///   least one-way), so the requested number and those after it on its chain fit; a number
///   off that path — an older one, or one on a side branch — fits only when every link from it
///   to the path is two-way.
/// - Old stock is used up oldest first (most links from the current part), then by the date
///   its link took effect.
extension SupersessionGraph {
    /// The parts whose stock may serve a demand for `requested` as of `date`, in the order the
    /// stock is used; the last is the part `requested` resolves to today. The graph must hold
    /// the whole family (`SupersessionStore.family(of:)`), not only the chain from `requested`.
    public func supply(for requested: Part.ID, asOf date: CalendarDate) -> [Part.ID] {
        let path = [requested] + chain(from: requested, asOf: date).map(\.replacementID)
        let current = path[path.count - 1]
        let onPath = Set(path)
        var usable: [(part: Part.ID, depth: Int, link: Supersession)] = []
        // Walks the current part's predecessors; `fits` says whether the demand may take the part.
        var pending: [(part: Part.ID, depth: Int, fits: Bool)] = [(current, 0, true)]
        while let next = pending.popLast(), next.depth < SupersessionGraph.maximumChainLength {
            for link in predecessors(of: next.part) where link.effectiveOn <= date {
                let old = link.partID
                let fitsDemand = onPath.contains(old) || (link.interchangeability == .twoWay && next.fits)
                if fitsDemand, link.useUpOldStock { usable.append((old, next.depth + 1, link)) }
                pending.append((old, next.depth + 1, fitsDemand))
            }
        }
        let oldestFirst = usable.sorted {
            (-$0.depth, $0.link.effectiveOn, $0.part.description) < (-$1.depth, $1.link.effectiveOn, $1.part.description)
        }
        return oldestFirst.map(\.part) + [current]
    }
}
