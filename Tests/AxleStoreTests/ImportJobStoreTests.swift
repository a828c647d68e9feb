import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

/// The import jobs' store on every backend: a job round-trips with its issues and rejected
/// rows, and only jobs their runner stopped writing are failed as abandoned.
@Suite("Import job store")
struct ImportJobStoreTests {
    static let start = Instant(microseconds: 1_772_442_000_000_000)

    static func job(_ number: Int, state: ImportJob.State, writtenAt: Instant) -> ImportJob {
        ImportJob(id: Identifier(UUID.stub(number)), entity: .customers,
                  dryRun: false, validOnly: true, startedBy: Principal.system.id, runner: "runner-1",
                  createdAt: start, state: state, updatedAt: writtenAt)
    }

    @Test(arguments: TestBackend.available)
    func aJobRoundTripsWithItsProgressIssuesAndRejectedRows(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let queued = Self.job(1, state: .queued, writtenAt: Self.start)
            let id = queued.id
            try await database.write { try await $0.importJobs.insert(queued) }
            #expect(try await database.read { try await $0.importJobs.find(id: id) } == queued)
            #expect(try await database.read { try await $0.importJobs.rejectedRows(of: id) } == nil)

            var job = queued
            job.state = .succeeded
            job.rowsDone = 3
            job.rowsTotal = 3
            job.counts = ImportJob.Counts(created: 1, updated: 1, unchanged: 0, rejected: 1)
            job.committed = true
            job.issues = [ImportIssue(row: 3, column: "name", value: "\"quoted\", ünïcode", reason: "is required")]
            job.issueCount = 1
            job.updatedAt = Self.start.adding(seconds: 2)
            let finished = job
            try await database.write { stores in
                try await stores.importJobs.update(finished)
                try await stores.importJobs.saveRejectedRows("a,error\nx,bad\n", of: finished.id)
            }
            #expect(try await database.read { try await $0.importJobs.find(id: id) } == finished)
            #expect(try await database.read { try await $0.importJobs.rejectedRows(of: id) } == "a,error\nx,bad\n")
            let other = ImportJob.ID(UUID.stub(9))
            #expect(try await database.read { try await $0.importJobs.find(id: other) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func onlyUnfinishedJobsNotWrittenSinceTheCutoffAreFailed(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let cutoff = Self.start.adding(seconds: 60)
            let stale = Self.job(1, state: .running, writtenAt: Self.start)
            let staleQueued = Self.job(2, state: .queued, writtenAt: Self.start)
            let fresh = Self.job(3, state: .running, writtenAt: cutoff)
            let finished = Self.job(4, state: .succeeded, writtenAt: Self.start)
            try await database.write { stores in
                for job in [stale, staleQueued, fresh, finished] { try await stores.importJobs.insert(job) }
            }
            let now = cutoff.adding(seconds: 1)
            let failed = try await database.write {
                try await $0.importJobs.failAbandoned(writtenBefore: cutoff, reason: "gone", at: now)
            }
            #expect(Set(failed) == [stale.id, staleQueued.id])
            for job in [stale, staleQueued] {
                let read = try #require(try await database.read { try await $0.importJobs.find(id: job.id) })
                #expect(read.state == .failed && read.failure == "gone" && read.updatedAt == now)
            }
            #expect(try await database.read { try await $0.importJobs.find(id: fresh.id) } == fresh)
            #expect(try await database.read { try await $0.importJobs.find(id: finished.id) } == finished)

            let one = Self.job(5, state: .running, writtenAt: Self.start)
            let other = Self.job(6, state: .running, writtenAt: Self.start)
            try await database.write { stores in
                for job in [one, other] { try await stores.importJobs.insert(job) }
            }
            let failedOne = try await database.write {
                try await $0.importJobs.failAbandoned(one.id, writtenBefore: cutoff, reason: "gone", at: now)
            }
            let failedFresh = try await database.write {
                try await $0.importJobs.failAbandoned(fresh.id, writtenBefore: cutoff, reason: "gone", at: now)
            }
            #expect(failedOne && !failedFresh)
            #expect(try await database.read { try await $0.importJobs.find(id: one.id) }?.state == .failed)
            #expect(try await database.read { try await $0.importJobs.find(id: other.id) } == other)
        }
    }
}
