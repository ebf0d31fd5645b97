namespace Chalice.Cli;

/// <summary>
/// Reports progress on the calling thread, in order (<see cref="Progress{T}"/> posts to the thread pool, which would
/// interleave the lines with what the command prints next).
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
