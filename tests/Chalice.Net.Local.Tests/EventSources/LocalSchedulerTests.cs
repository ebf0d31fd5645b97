using System.Globalization;
using System.Text.Json.Nodes;
using Chalice.Functions;
using Chalice.Local.EventSources;
using Chalice.Project.Emulator;
using Chalice.Testing;
using Chalice.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Chalice.Local.Tests.EventSources;

/// <summary>
/// Schedules on the local clock (a fake one here): each fires at its next time with the event EventBridge sends for its
/// rule (shared/fixtures/events/aws-lambda-dotnet/scheduled-event.json), asynchronously; <c>--no-schedules</c> turns them off.
/// </summary>
public sealed class LocalSchedulerTests
{
    private static readonly DateTimeOffset s_start = DateTimeOffset.Parse("2026-11-30T02:58:30Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Each_schedule_fires_at_its_next_time_with_the_event_EventBridge_sends()
    {
        var clock = new FakeTimeProvider(s_start);
        var invocations = new RecordedInvocations();
        var log = new RecordingLogger();
        await using var invoker = new AsynchronousInvoker(invocations.Invoke, log, clock);
        FunctionDefinition[] functions =
        [
            RecordedInvocations.Function("nightly", new ScheduleSettings("cron(0 3 * * ? *)", null)),
            RecordedInvocations.Function("every_five_minutes", new ScheduleSettings("rate(5 minutes)", null)),
            RecordedInvocations.Function("resize", new S3EventSettings("b", ["s3:ObjectCreated:*"], null, null)),
        ];
        await using var scheduler = new LocalScheduler(functions, "eventsapp", "dev", invoker, new EventBuilder(), clock, log);

        scheduler.Start();
        await AsynchronousInvokerTests.WaitUntil(() => log.Lines.Count == 2);
        Assert.Equal(["schedule every_five_minutes: next at 2026-11-30T03:03:30Z", "schedule nightly: next at 2026-11-30T03:00:00Z"], log.Lines.Order(StringComparer.Ordinal));
        clock.Advance(TimeSpan.FromSeconds(89));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Empty(invocations.Calls); // not a second early
        clock.Advance(TimeSpan.FromSeconds(1));
        await AsynchronousInvokerTests.WaitUntil(() => invocations.Calls.Count == 1);
        clock.Advance(TimeSpan.FromMinutes(3.5));
        await AsynchronousInvokerTests.WaitUntil(() => invocations.Calls.Count == 2);
        await invoker.WhenIdleAsync();

        var (function, scheduled) = invocations.Calls.First();
        Assert.Equal("nightly", function);
        var fixture = JsonNode.Parse(File.ReadAllText(SharedFixtures.Path("events/aws-lambda-dotnet/scheduled-event.json")))!;
        Assert.Equal(fixture.AsObject().Select(m => m.Key).Order(StringComparer.Ordinal), scheduled.AsObject().Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Scheduled Event", (string?)scheduled["detail-type"]);
        Assert.Equal("aws.events", (string?)scheduled["source"]);
        Assert.Equal("2026-11-30T03:00:00Z", (string?)scheduled["time"]);
        Assert.Equal("""["arn:aws:events:us-east-1:123456789012:rule/eventsapp-dev-nightly"]""", scheduled["resources"]!.ToJsonString());
        Assert.Equal("{}", scheduled["detail"]!.ToJsonString());
        var (rateFunction, rateEvent) = invocations.Calls.Last();
        Assert.Equal("every_five_minutes", rateFunction);
        Assert.Equal("2026-11-30T03:03:30Z", (string?)rateEvent["time"]);
        Assert.Contains("schedule nightly: next at 2026-12-01T03:00:00Z", log.Lines);
    }

    [Fact]
    public void No_schedules_is_an_option_of_the_emulator_and_schedules_are_on_without_it()
    {
        Assert.True(EmulatorOptions.Parse([]).RunSchedules);
        Assert.False(EmulatorOptions.Parse(["--no-schedules"]).RunSchedules);
        Assert.Contains("--no-schedules", EmulatorCommandLine.Usage, StringComparison.Ordinal);
    }
}
