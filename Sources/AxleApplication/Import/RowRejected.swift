import AxleDomain

/// A row refused, with every problem found in it.
struct RowRejected: Error {
    let issues: [ImportIssue]
}
