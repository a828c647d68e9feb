import AxleDomain
import AxleStore

/// Finds what a row names by its business key, or rejects the row at that column.
enum ImportLookup {
    static func site(_ code: Code, in scope: WriteScope, row: ImportRow, column: String = "site") async throws -> Site {
        guard let site = try await scope.stores.sites.find(code: code) else {
            throw rejection(row, column, "no site \(code)")
        }
        return site
    }

    static func part(_ number: PartNumber, in scope: WriteScope, row: ImportRow, column: String) async throws -> Part {
        guard let part = try await scope.stores.parts.find(number: number) else {
            throw rejection(row, column, "no part \(number)")
        }
        return part
    }

    static func bin(_ code: Code, at site: Site, in scope: WriteScope, row: ImportRow) async throws -> Bin {
        guard let bin = try await scope.stores.bins.find(site: site.id, code: code) else {
            throw rejection(row, "bin", "no bin \(code) at site \(site.code)")
        }
        return bin
    }

    private static func rejection(_ row: ImportRow, _ column: String, _ reason: String) -> RowRejected {
        var reader = RowReader(row)
        reader.reject(column, reason)
        return reader.rejection
    }
}
