using Chalice.Events;
using Chalice.Functions;
using Chalice.Testing;
using Microsoft.Extensions.Logging;

namespace Chalice.Local.EventSources;

/// <summary>
/// The app's schedules on the local clock: each <c>[Schedule]</c> function is invoked asynchronously (as EventBridge
/// invokes its targets) at each time its expression selects (<see cref="ScheduleCalendar"/>), with the scheduled event
/// EventBridge sends for its rule, <c>{app}-{stage}-{function}</c> as Chalice names it. A rate counts from the start.
/// </summary>
internal sealed class LocalScheduler : IAsyncDisposable
{
    private readonly AsynchronousInvoker _invoker;
    private readonly EventBuilder _events;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly (FunctionDefinition Function, ScheduleCalendar Calendar, string Rule)[] _schedules;
    private readonly DateTimeOffset _started;

    public LocalScheduler(
        IReadOnlyList<FunctionDefinition> functions, string appName, string stage, AsynchronousInvoker invoker, EventBuilder events,
        TimeProvider clock, ILogger logger)
    {
        _invoker = invoker;
        _events = events;
        _clock = clock;
        _logger = logger;
        _started = clock.GetUtcNow();
        _schedules = [.. functions
            .Where(f => f.Source is ScheduleSettings)
            .Select(f => (f, ScheduleCalendar.Parse(((ScheduleSettings)f.Source!).Expression), $"{appName}-{stage}-{f.Name}"))];
    }

    /// <summary>Each schedule with the time it fires next.</summary>
    public IEnumerable<(string Function, string Expression, DateTimeOffset? Next)> Upcoming()
    {
        var now = _clock.GetUtcNow();
        return _schedules.Select(s => (s.Function.Name, s.Calendar.Expression, s.Calendar.NextAfter(now, _started)));
    }

    /// <summary>Starts a timer per schedule, logging when each fires next.</summary>
    public void Start()
    {
        foreach (var schedule in _schedules)
            _loops.Add(Task.Run(() => RunAsync(schedule.Function, schedule.Calendar, schedule.Rule, _stopping.Token)));
    }

    private async Task RunAsync(FunctionDefinition function, ScheduleCalendar calendar, string rule, CancellationToken stopping)
    {
        var after = _clock.GetUtcNow();
        while (calendar.NextAfter(after, _started) is { } next)
        {
            EventSourceLog.NextFire(_logger, function.Name, next);
            var wait = next - _clock.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, _clock, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _invoker.Invoke(function, LambdaEventJson.Serialize(_events.Schedule(rule, next)));
            after = next;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
        _stopping.Dispose();
    }
}
