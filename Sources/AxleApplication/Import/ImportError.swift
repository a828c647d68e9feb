public import AxleDomain

/// Why a whole file is refused before any of its rows is applied.
public enum ImportError: AxleError, Equatable {
    case fileTooLarge(limitBytes: Int)
    case tooManyRows(limit: Int)
    case notUTF8(byteOffset: Int)
    case missingHeader
    /// The header does not match the entity's column set.
    case header(missing: [String], unknown: [String], duplicated: [String])

    public var code: String {
        switch self {
        case .fileTooLarge: "import.file_too_large"
        case .tooManyRows: "import.too_many_rows"
        case .notUTF8: "import.not_utf8"
        case .missingHeader: "import.missing_header"
        case .header: "import.wrong_header"
        }
    }

    public var message: String {
        switch self {
        case .fileTooLarge(let limit): "the file is larger than the limit of \(limit) bytes"
        case .tooManyRows(let limit): "the file has more than the limit of \(limit) data rows"
        case .notUTF8(let offset): "the file is not valid UTF-8 (first bad byte at offset \(offset))"
        case .missingHeader: "the file is empty: the first row must name the columns"
        case .header(let missing, let unknown, let duplicated):
            (["the header does not match the column set"]
                + (missing.isEmpty ? [] : ["missing: " + missing.joined(separator: ", ")])
                + (unknown.isEmpty ? [] : ["unknown: " + unknown.joined(separator: ", ")])
                + (duplicated.isEmpty ? [] : ["duplicated: " + duplicated.joined(separator: ", ")]))
                .joined(separator: "; ")
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .fileTooLarge, .tooManyRows: .ruleViolation
        default: .invalidInput
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .fileTooLarge(let limit): ["limitBytes": .number(Int64(limit))]
        case .tooManyRows(let limit): ["limitRows": .number(Int64(limit))]
        case .notUTF8(let offset): ["byteOffset": .number(Int64(offset))]
        case .missingHeader: [:]
        case .header(let missing, let unknown, let duplicated):
            ["missing": .list(missing), "unknown": .list(unknown), "duplicated": .list(duplicated)]
        }
    }
}
