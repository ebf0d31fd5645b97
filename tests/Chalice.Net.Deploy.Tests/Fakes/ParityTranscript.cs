using Chalice.Deploy.Aws;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// One side's answers to a parity scenario (moto's or an in-memory fake's), a line per call: what it returned, or the
/// error it answered with. Two sides agree when their lines are equal.
/// </summary>
internal sealed class ParityTranscript
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string line) => _lines.Add(line);

    /// <summary>Makes a call and records its answer or its error (code, status, whether it means "not found").</summary>
    public async Task Step(string name, Func<Task<object?>> call)
    {
        try
        {
            _lines.Add($"{name}: {await call()}");
        }
        catch (AwsServiceException e)
        {
            _lines.Add($"{name}: {e.ErrorCode} {(int?)e.StatusCode} not-found={e.IsNotFound}");
        }
    }
}
