import AxleDomain

extension SimulatedHistory {
    /// One cycle-count task of one lot of an item (a stock position): generated in the morning
    /// of its due day, counted blind before the site opens, recounted the next morning when the
    /// first count was off, and decided by a manager the morning after when the recount still is.
    struct Count {
        /// One count: what was found, what the books said, and the site's available stock then.
        struct Entry {
            let counted: Int64
            let book: Int64
            let available: Int64
            let at: Int64

            var variance: Int64 { counted - book }
        }

        let item: Int
        let lot: String?
        let abcClass: ABCClass
        let toleranceBasisPoints: Int
        let generatedOn: CalendarDate
        let createdAt: Int64
        var first: Entry?
        var recount: Entry?
        var decision: (approve: Bool, at: Int64)?
        /// Where the task rests, as the simulation expects the domain's rules to leave it.
        var state: CountTask.State = .open

        /// Whether a count of `counted` against `book` posts at once, as `CountTask.record` decides:
        /// within tolerance, and not taking stock that is reserved.
        func accepts(counted: Int64, book: Int64, available: Int64) -> Bool {
            let within = CountPolicy.isWithin(counted: Quantity(milli: counted), book: Quantity(milli: book),
                                              toleranceBasisPoints: toleranceBasisPoints)
            let variance = counted - book
            return within && !(variance < 0 && available + variance < 0)
        }
    }
}
