import AxleApplication
import AxleDomain
import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat

/// CSV imports as background jobs (`docs/import.md`): started with the file as the body,
/// then followed by their identifier.
struct ImportRoutes {
    let services: AxleServices

    /// Either import permission passes the gate; the entity's own is checked before the body is read.
    static let access = WriteAccess(permissions: [.importMasterData, .importOpeningStock], scope: .company)

    func register(on routes: RouteTable) {
        routes.post("/api/v1/imports", Self.access) { request, context in
            let caller = try context.requireCaller()
            let entity = try Self.entity(request)
            try ImportService.authorize(entity, caller.principal)
            let options = ImportOptions(mode: try Self.mode(request), dryRun: try Self.dryRun(request))
            let file = try await Self.csv(request, limits: options.limits)
            let job = try await services.importJobs.start(entity, file: file, options: options, as: caller)
            return try JSONResponse.make(.accepted, ImportJobView(job), headers: [.location: ImportJobView.path(job.id)])
        }
        routes.get("/api/v1/imports/{id}") { _, context in
            let caller = try context.requireCaller()
            try ImportJobs.authorizeReading(caller.principal)
            let job = try await services.importJobs.job(try Self.id(context), as: caller)
            return try JSONResponse.make(.ok, ImportJobView(job))
        }
        routes.get("/api/v1/imports/{id}/rejected") { _, context in
            let caller = try context.requireCaller()
            try ImportJobs.authorizeReading(caller.principal)
            let csv = try await services.importJobs.rejectedRows(try Self.id(context), as: caller)
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: csv)))
        }
    }

    static func id(_ context: APIRequestContext) throws -> ImportJob.ID {
        try context.identifier("id") { ImportJobError.notFound($0) }
    }

    private static func entity(_ request: Request) throws -> ImportEntity {
        guard let entity = try request.optionalQueryValue("entity", ImportEntity.self) else {
            throw RequestError.invalidParameter(name: "entity", reason: "is required")
        }
        return entity
    }

    private static func mode(_ request: Request) throws -> ImportOptions.Mode {
        guard let text = try request.optionalQueryText("mode") else { return .allOrNothing }
        guard let mode = ImportOptions.Mode(rawValue: text) else {
            throw RequestError.invalidParameter(name: "mode", reason: "must be one of: allOrNothing, validOnly")
        }
        return mode
    }

    private static func dryRun(_ request: Request) throws -> Bool {
        switch try request.optionalQueryText("dryRun") {
        case nil, "false": false
        case "true": true
        default: throw RequestError.invalidParameter(name: "dryRun", reason: "must be true or false")
        }
    }

    /// The file, declared as CSV and within the import limit (a larger one is refused as the
    /// command line refuses it, naming the limit).
    private static func csv(_ request: Request, limits: ImportLimits) async throws -> Data {
        let type = request.headers[.contentType] ?? ""
        let mediaType = type.split(separator: ";", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "text/csv" else { throw HTTPRequestError.notCSV(type.isEmpty ? "none" : type) }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limits.maximumBytes)
        } catch {
            throw ImportError.fileTooLarge(limitBytes: limits.maximumBytes)
        }
        return Data(buffer: body)
    }
}

/// A job as the API shows it.
struct ImportJobView: Encodable {
    let id: String
    let entity: ImportEntity
    let state: ImportJob.State
    let dryRun: Bool
    let mode: String
    let rowsDone: Int
    let rowsTotal: Int
    let counts: ImportJob.Counts
    let committed: Bool
    let issues: [ImportIssue]
    let issueCount: Int
    let failure: String?
    /// Where the rejected rows are, as CSV, once a job that rejected some has finished.
    let rejectedRows: String?
    let createdAt: Instant
    let updatedAt: Instant

    init(_ job: ImportJob) {
        id = job.id.description
        entity = job.entity
        state = job.state
        dryRun = job.dryRun
        mode = job.validOnly ? ImportOptions.Mode.validOnly.rawValue : ImportOptions.Mode.allOrNothing.rawValue
        rowsDone = job.rowsDone
        rowsTotal = job.rowsTotal
        counts = job.counts
        committed = job.committed
        issues = job.issues
        issueCount = job.issueCount
        failure = job.failure
        rejectedRows = job.state.isFinished && job.counts.rejected > 0 ? Self.path(job.id) + "/rejected" : nil
        createdAt = job.createdAt
        updatedAt = job.updatedAt
    }

    static func path(_ id: ImportJob.ID) -> String { "/api/v1/imports/\(id)" }
}
