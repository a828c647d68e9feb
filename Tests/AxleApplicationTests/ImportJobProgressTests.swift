@testable import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

/// A running job's row follows its progress while it runs, in transactions of its own, and
/// ends with its outcome.
@Suite("Import job progress")
struct ImportJobProgressTests {
    @Test(arguments: TestBackend.available)
    func theRowShowsTheRowsDoneWhileTheJobRunsThenItsOutcome(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let job = ImportJob(id: ImportJob.ID(UUID()), entity: .parts, dryRun: false, validOnly: false,
                                startedBy: Principal.system.id, runner: "this test",
                                createdAt: services.dependencies.clock.now(), rowsTotal: 10)
            try await database.write { try await $0.importJobs.insert(job) }
            let recorder = ImportJobRecorder(job: job, dependencies: services.dependencies, interval: .milliseconds(10))
            await recorder.begin()
            func stored() async throws -> ImportJob? {
                try await database.read { try await $0.importJobs.find(id: job.id) }
            }
            #expect(try await stored()?.state == .running)

            recorder.progress(ImportProgress(rowsDone: 4, rowsTotal: 10))
            // The recorder writes on its own schedule: wait (boundedly) until the row shows the count.
            let deadline = ContinuousClock.now + .seconds(10)
            while try await stored()?.rowsDone != 4, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(try await stored()?.rowsDone == 4)

            await recorder.fail(ImportJobError.notFound("anything"))
            let failed = try #require(try await stored())
            #expect(failed.state == .failed && failed.failure == "import.job_not_found: no import job anything")
            #expect(failed.rowsDone == 4)
        }
    }
}
