using System.Collections.Concurrent;

namespace Chalice.Deploy.Aws;

/// <summary>An <see cref="IAwsCallObserver"/> that keeps every attempt and counts calls; thread-safe.</summary>
internal sealed class AwsCallRecorder : IAwsCallObserver
{
    private readonly ConcurrentQueue<AwsCallAttempt> _attempts = new();

    /// <summary>Every attempt so far, in the order they finished.</summary>
    public IReadOnlyList<AwsCallAttempt> Attempts => [.. _attempts];

    /// <summary>Calls (first attempts) of operations that only read.</summary>
    public int ReadCalls => _attempts.Count(a => a.Attempt == 1 && !a.Mutates);

    /// <summary>Calls (first attempts) of operations that change something.</summary>
    public int MutatingCalls => _attempts.Count(a => a.Attempt == 1 && a.Mutates);

    /// <summary>The names of the mutating operations called, in order.</summary>
    public IReadOnlyList<string> MutatingOperations =>
        [.. _attempts.Where(a => a.Attempt == 1 && a.Mutates).Select(a => a.Operation.ToString())];

    /// <inheritdoc/>
    public void OnAttempt(AwsCallAttempt attempt) => _attempts.Enqueue(attempt);
}
