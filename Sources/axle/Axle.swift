import ArgumentParser
@main struct Axle: AsyncParsableCommand { func run() async throws {} }
