// The emulator points the AWS SDK at its stand-ins through process-wide environment variables, so tests that start
// emulators in this process must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
