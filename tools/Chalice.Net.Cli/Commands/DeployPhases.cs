using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Chalice.Cli.Commands;

/// <summary>
/// How long each phase of a deploy took (build, policy, AWS), for its last line: <c>build 11.8 s, policy 3.2 s (at
/// the same time), AWS 0.4 s</c>. Phases that ran concurrently are timed each on its own.
/// </summary>
internal sealed class DeployPhases
{
    private readonly ConcurrentDictionary<string, (TimeSpan Elapsed, string? Note)> _phases = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Runs and times a phase.</summary>
    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> work)
    {
        lock (_order)
            _order.Add(name);
        var clock = Stopwatch.StartNew();
        try
        {
            return await work();
        }
        finally
        {
            _phases.AddOrUpdate(name, (clock.Elapsed, null), (_, old) => (clock.Elapsed, old.Note));
        }
    }

    /// <summary>Records a phase timed elsewhere.</summary>
    public void Add(string name, TimeSpan elapsed)
    {
        lock (_order)
            _order.Add(name);
        _phases[name] = (elapsed, null);
    }

    /// <summary>Adds a word about a phase (<c>unchanged</c> for a build that was reused).</summary>
    public void Note(string name, string note) => _phases.AddOrUpdate(name, (TimeSpan.Zero, note), (_, old) => (old.Elapsed, note));

    public override string ToString()
    {
        lock (_order)
        {
            return string.Join(", ", _order.Where(_phases.ContainsKey).Select(name =>
            {
                var (elapsed, note) = _phases[name];
                var seconds = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                return note is null ? $"{name} {seconds} s" : $"{name} {seconds} s ({note})";
            }));
        }
    }
}
