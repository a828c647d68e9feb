public import AxleDomain

/// What a request about an import job can get wrong.
public enum ImportJobError: AxleError, Equatable {
    case notFound(String)
    case noRejectedRows(String, ImportJob.State)

    /// Why a job whose runner stopped is failed.
    static let abandonedReason = "the server process running this import stopped before it finished; "
        + "nothing it had not committed was written: import the file again"

    public var code: String {
        switch self {
        case .notFound: "import.job_not_found"
        case .noRejectedRows: "import.no_rejected_rows"
        }
    }

    public var message: String {
        switch self {
        case .notFound(let id): "no import job \(id)"
        case .noRejectedRows(let id, let state) where state.isFinished: "import job \(id) rejected no rows"
        case .noRejectedRows(let id, let state): "import job \(id) is \(state.rawValue): its rejected rows are known when it has finished"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .notFound: .notFound
        case .noRejectedRows(_, let state): state.isFinished ? .notFound : .conflict
        }
    }

    public var details: [String: ErrorDetail] { [:] }
}
