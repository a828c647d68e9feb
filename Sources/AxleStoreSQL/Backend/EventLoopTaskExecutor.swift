import NIOCore

/// Runs a task's code on one NIO event loop.
///
/// SQLite's writer connection completes every statement on its event loop. A task that
/// prefers this executor resumes there directly after each statement, instead of queueing on
/// the shared cooperative pool behind every HTTP request in flight: the single writer's
/// statements are strictly serial, so each hop and each wait in that queue adds to every write.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
