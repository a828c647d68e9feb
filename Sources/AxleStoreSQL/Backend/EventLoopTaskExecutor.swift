import NIOCore

/// Runs a task's code on one NIO event loop.
///
/// Each SQLite connection has an event loop thread of its own (`SQLiteHandle`). A task that
/// prefers its executor runs there and calls SQLite synchronously, one hand-off into the
/// transaction and none per statement, instead of queueing on the shared cooperative pool behind
/// every HTTP request in flight: the single writer's statements are strictly serial, so each hop
/// and each wait in that queue would add to every write.
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
