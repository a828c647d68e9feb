import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

/// `POST /api/v1/imports`: the file as the body, the import run as a job of the server, its
/// progress and outcome read back by the job's identifier.
@Suite("CSV import jobs over HTTP")
struct ImportAPITests {
    static let suppliers = """
        code,name,leadTimeDays
        BOSCH,Robert Bosch GmbH,5
        ELRING,Elring,x
        MANN,Mann+Hummel,3

        """

    @Test(arguments: TestBackend.available)
    func aJobRunsToCompletionAndItsProgressShowsCountsIssuesAndTheRejectedRows(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let started = try await api.post("/api/v1/imports?entity=suppliers&mode=validOnly", csv: Self.suppliers)
            #expect(started.status == .accepted, "\(started)")
            let id = try #require(started.string("id"))
            #expect(started.headers[.location] == "/api/v1/imports/\(id)")
            #expect(started.string("entity") == "suppliers" && started.string("mode") == "validOnly")
            #expect(started.json["rowsTotal"] as? Int == 3)
            await api.services.importJobs.completion(of: try #require(ImportJob.ID(id)))

            let job = try await api.send(.get, "/api/v1/imports/\(id)")
            #expect(job.status == .ok, "\(job)")
            #expect(job.string("state") == "succeeded" && job.json["committed"] as? Bool == true)
            #expect(job.json["rowsDone"] as? Int == 3)
            let counts = try #require(job.json["counts"] as? [String: Int])
            #expect(counts == ["created": 2, "updated": 0, "unchanged": 0, "rejected": 1])
            let issues = try #require(job.json["issues"] as? [[String: Any]])
            #expect(issues.count == 1 && job.json["issueCount"] as? Int == 1)
            #expect(issues.first?["row"] as? Int == 3 && issues.first?["column"] as? String == "leadTimeDays")
            #expect(issues.first?["value"] as? String == "x" && issues.first?["reason"] as? String == "expected a whole number")
            #expect(job.string("rejectedRows") == "/api/v1/imports/\(id)/rejected")

            let rejected = try await api.send(.get, "/api/v1/imports/\(id)/rejected")
            #expect(rejected.status == .ok && rejected.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(rejected.body == "code,name,leadTimeDays,error\nELRING,Elring,x,\"row 3, column leadTimeDays (\"\"x\"\"): expected a whole number\"\n")
            let audit = try await api.fixtures.auditTrail().filter { $0.action == "supplier.create" }
            #expect(audit.count == 2 && audit.allSatisfy { $0.requestID == "import:\(id)" })
        }
    }

    @Test(arguments: TestBackend.available)
    func aDryRunWritesNothingButItsJob(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let started = try await api.post("/api/v1/imports?entity=suppliers&dryRun=true&mode=validOnly",
                                             csv: Self.suppliers)
            #expect(started.status == .accepted, "\(started)")
            let id = try #require(started.string("id"))
            await api.services.importJobs.completion(of: try #require(ImportJob.ID(id)))
            let job = try await api.send(.get, "/api/v1/imports/\(id)")
            #expect(job.string("state") == "succeeded" && job.json["committed"] as? Bool == false)
            #expect(job.json["dryRun"] as? Bool == true)
            #expect((job.json["counts"] as? [String: Int])?["created"] == 2)
            #expect(try await api.fixtures.auditTrail().filter { $0.entityType == "supplier" }.isEmpty)
            let suppliers = try await api.send(.get, "/api/v1/suppliers")
            #expect((suppliers.json["items"] as? [Any])?.isEmpty == true, "\(suppliers)")
        }
    }

    @Test(arguments: TestBackend.available)
    func whoMayImportIsCheckedBeforeTheBodyAndUnknownJobsAreNotFound(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let site = try await api.fixtures.site("DLR-A")
            let (_, technician) = try await api.fixtures.user("tech", role: .technician, sites: [site.code])
            let (_, manager) = try await api.fixtures.user("pm", role: .partsManager, sites: [site.code])
            // Neither the body's media type nor its entity matters to a caller who may not import.
            let refused = try await api.send(.post, "/api/v1/imports?entity=nothing", token: technician, json: "{}")
            #expect(refused.status == .forbidden && refused.errorCode == "auth.permission_denied", "\(refused)")
            let masterData = try await api.post("/api/v1/imports?entity=suppliers", csv: Self.suppliers, token: manager)
            #expect(masterData.status == .forbidden, "\(masterData)")
            let unknown = "00000000-0000-7000-8000-00000000dead"
            #expect(try await api.send(.get, "/api/v1/imports/\(unknown)", token: technician).status == .forbidden)
            let missing = try await api.send(.get, "/api/v1/imports/\(unknown)")
            #expect(missing.status == .notFound && missing.errorCode == "import.job_not_found", "\(missing)")
            #expect(try await api.send(.get, "/api/v1/imports/\(unknown)/rejected").status == .notFound)
            #expect(try await api.send(.get, "/api/v1/imports/not-an-id").status == .notFound)
        }
    }

    @Test(arguments: TestBackend.available)
    func aBodyThatIsNotAnImportableFileIsRefusedAtOnce(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let trail = try await api.fixtures.auditTrail()
            let json = try await api.send(.post, "/api/v1/imports?entity=suppliers", json: "{}")
            #expect(json.status == .unsupportedMediaType, "\(json)")
            let header = try await api.post("/api/v1/imports?entity=suppliers", csv: "code,name\nA,a\n")
            #expect(header.status == .badRequest && header.errorCode == "import.wrong_header", "\(header)")
            let noEntity = try await api.post("/api/v1/imports", csv: Self.suppliers)
            #expect(noEntity.status == .badRequest && noEntity.errorCode == "request.invalid_parameter", "\(noEntity)")
            let badMode = try await api.post("/api/v1/imports?entity=suppliers&mode=some", csv: Self.suppliers)
            #expect(badMode.status == .badRequest, "\(badMode)")
            let tooLarge = try await api.post("/api/v1/imports?entity=suppliers",
                                              csv: String(repeating: "x", count: ImportLimits.standard.maximumBytes + 1))
            #expect(tooLarge.status == .unprocessableContent && tooLarge.errorCode == "import.file_too_large",
                    "\(tooLarge.status)")
            let details = (tooLarge.json["error"] as? [String: Any])?["details"] as? [String: Any]
            #expect(details?["limitBytes"] as? Int == ImportLimits.standard.maximumBytes)
            #expect(try await api.fixtures.auditTrail() == trail)
        }
    }
}

extension APIHarness {
    /// Sends a CSV file as the body.
    func post(_ uri: String, csv: String, token: String? = nil) async throws -> APIResponse {
        try await send(.post, uri, token: token, json: csv, headers: [.contentType: "text/csv"])
    }
}

@Suite("Import jobs of a stopped server")
struct AbandonedImportJobTests {
    /// A job its server left running is failed when a server starts and finds it unwritten for
    /// longer than its runner would leave it; one written recently is left to its runner.
    @Test(arguments: TestBackend.available)
    func aJobLeftRunningIsReportedFailedWithWhy(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let id = ImportJob.ID(UUID())
            let left = ImportJob(id: id, entity: .parts, dryRun: false, validOnly: false,
                                 startedBy: Principal.system.id, runner: "a stopped process",
                                 createdAt: api.clock.now, state: .running, rowsDone: 40, rowsTotal: 100)
            try await api.services.database.write { try await $0.importJobs.insert(left) }
            #expect(try await api.services.importJobs.failAbandoned() == [])
            api.clock.advance(seconds: ImportJobs.abandonedAfterSeconds + 1)
            #expect(try await api.services.importJobs.failAbandoned() == [id])
            let job = try await api.send(.get, "/api/v1/imports/\(id)")
            #expect(job.string("state") == "failed" && job.json["rowsDone"] as? Int == 40, "\(job)")
            #expect(job.string("failure")?.contains("stopped before it finished") == true)
        }
    }

    /// Without a server starting, reading the job says so once its runner has been silent too long.
    @Test(arguments: TestBackend.available)
    func readingAJobItsRunnerLeftLongAgoReportsItFailed(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let id = ImportJob.ID(UUID())
            try await api.services.database.write { stores in
                try await stores.importJobs.insert(ImportJob(
                    id: id, entity: .suppliers, dryRun: false, validOnly: false, startedBy: Principal.system.id,
                    runner: "a stopped process", createdAt: api.clock.now, state: .running))
            }
            #expect(try await api.send(.get, "/api/v1/imports/\(id)").string("state") == "running")
            api.clock.advance(seconds: ImportJobs.abandonedAfterSeconds + 1)
            let job = try await api.send(.get, "/api/v1/imports/\(id)")
            #expect(job.string("state") == "failed", "\(job)")
            #expect(job.string("failure")?.contains("import the file again") == true)
        }
    }
}
