using System.Text.Json.Nodes;
using Chalice.Functions;
using Chalice.Local.EventSources;
using Microsoft.Extensions.Time.Testing;

namespace Chalice.Local.Tests.EventSources;

/// <summary>
/// Lambda's asynchronous invocation (S3, SNS, schedules): "If the function returns an error, by default Lambda attempts
/// to run it two more times, with a one-minute wait between the first two attempts, and two minutes between the second
/// and third attempts" (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).
/// </summary>
public sealed class AsynchronousInvokerTests
{
    private static readonly FunctionDefinition s_function = RecordedInvocations.Function("resize", new S3EventSettings("b", ["s3:ObjectCreated:*"], null, null));

    [Fact]
    public async Task A_failing_function_runs_three_times_a_minute_then_two_minutes_apart_and_is_logged_in_one_line_each()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var invocations = new RecordedInvocations { Handle = (_, _, _) => throw new InvalidOperationException("the disk is full") };
        var log = new RecordingLogger();
        await using var invoker = new AsynchronousInvoker(invocations.Invoke, log, clock);

        invoker.Invoke(s_function, "{}"u8.ToArray());
        await WaitUntil(() => invocations.Calls.Count == 1 && log.Lines.Count == 1);
        clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Single(invocations.Calls); // not before the minute
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitUntil(() => invocations.Calls.Count == 2 && log.Lines.Count == 2);
        clock.Advance(TimeSpan.FromSeconds(119));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(2, invocations.Calls.Count);
        clock.Advance(TimeSpan.FromSeconds(1));
        await invoker.WhenIdleAsync();

        Assert.Equal(3, invocations.Calls.Count);
        Assert.Equal(
        [
            "Function resize failed (attempt 1 of 3): the disk is full; Lambda retries it in 00:01:00",
            "Function resize failed (attempt 2 of 3): the disk is full; Lambda retries it in 00:02:00",
            "Function resize failed (attempt 3 of 3): the disk is full; the event is dropped, as Lambda drops it after its retries",
        ], log.Lines);
    }

    [Fact]
    public async Task A_retry_that_succeeds_ends_the_attempts()
    {
        var clock = new FakeTimeProvider();
        var attempts = 0;
        var invocations = new RecordedInvocations
        {
            Handle = (_, _, _) => Interlocked.Increment(ref attempts) == 1 ? throw new TimeoutException("slow") : ValueTask.FromResult("null"),
        };
        await using var invoker = new AsynchronousInvoker(invocations.Invoke, new RecordingLogger(), clock);

        invoker.Invoke(s_function, "{}"u8.ToArray());
        await WaitUntil(() => invocations.Calls.Count == 1);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(1));
        await invoker.WhenIdleAsync();
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(2, invocations.Calls.Count);
        Assert.All(invocations.Calls, c => Assert.Equal(new JsonObject().ToJsonString(), c.Event.ToJsonString()));
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the condition");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
