using System.Collections.Concurrent;
using Chalice.Functions;
using Microsoft.Extensions.Logging;

namespace Chalice.Local.EventSources;

/// <summary>
/// Lambda's asynchronous invocation, as S3 notifications, SNS and EventBridge schedules use it: the caller never waits;
/// a function error is retried twice, "with a one-minute wait between the first two attempts, and two minutes between
/// the second and third attempts", then the event is dropped
/// (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html). Each failure is one log line.
/// Disposing stops the waits between retries and lets running invocations finish.
/// </summary>
internal sealed class AsynchronousInvoker(FunctionInvocation invoke, ILogger logger, TimeProvider clock, IReadOnlyList<TimeSpan>? retryDelays = null)
    : IAsyncDisposable
{
    /// <summary>Lambda's waits before the second and the third attempt.</summary>
    public static IReadOnlyList<TimeSpan> LambdaRetryDelays { get; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];

    private readonly IReadOnlyList<TimeSpan> _retryDelays = retryDelays ?? LambdaRetryDelays;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>Queues an invocation and returns at once.</summary>
    public void Invoke(FunctionDefinition function, byte[] payload)
    {
        if (_stopping.IsCancellationRequested)
            return;
        var run = Task.Run(() => RunAsync(function, payload));
        _running[run] = true;
        _ = run.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>Completes when no invocation is running or waiting to retry (for tests and shutdown).</summary>
    public async Task WhenIdleAsync()
    {
        while (!_running.IsEmpty)
            await Task.WhenAll(_running.Keys);
    }

    private async Task RunAsync(FunctionDefinition function, byte[] payload)
    {
        var attempts = _retryDelays.Count + 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await invoke(function, payload, _stopping.Token);
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                EventSourceLog.FailureDetail(logger, e, function.Name);
                if (attempt == attempts)
                {
                    EventSourceLog.GaveUp(logger, function.Name, attempt, attempts, e.Message);
                    return;
                }
                var delay = _retryDelays[attempt - 1];
                // The wait starts before the line says so: once the retry is announced, its timer runs on the clock.
                var waiting = Task.Delay(delay, clock, _stopping.Token);
                EventSourceLog.WillRetry(logger, function.Name, attempt, attempts, e.Message, delay);
                try
                {
                    await waiting;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await WhenIdleAsync();
        _stopping.Dispose();
    }
}
