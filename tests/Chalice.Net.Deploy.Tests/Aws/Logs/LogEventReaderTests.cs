using System.Net;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Logs;
using Chalice.Deploy.Tests.Aws.Model;
using Chalice.Deploy.Tests.Fakes;

namespace Chalice.Deploy.Tests.Aws.Logs;

/// <summary>Reading and following a function's log group, against the in-memory CloudWatch Logs (proven equal to moto).</summary>
public sealed class LogEventReaderTests
{
    private const string Group = "/aws/lambda/app-dev";
    private const string StreamA = "2024/05/01/[$LATEST]aaaaaa0123456789";
    private const string StreamB = "2024/05/01/[$LATEST]bbbbbb0123456789";

    private static readonly DateTimeOffset s_t0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemoryAws _aws = new();
    private readonly List<TimeSpan> _pauses = [];

    private InMemoryLogs Logs => _aws.FakeLogs;

    [Fact]
    public async Task Reading_follows_every_page_oldest_first_from_the_start_time()
    {
        Logs.PageSize = 2;
        Logs.Write(Group, StreamA, s_t0.AddSeconds(1), "a1");
        Logs.Write(Group, StreamB, s_t0.AddSeconds(2), "b2");
        Logs.Write(Group, StreamA, s_t0.AddSeconds(3), "a3");
        Logs.Write(Group, StreamB, s_t0.AddSeconds(4), "b4");
        Logs.Write(Group, StreamA, s_t0.AddSeconds(5), "a5");
        var reader = new LogEventReader(_aws.Logs);
        var calls = _aws.CountCalls();

        var all = await reader.ReadAsync(Group, since: null, TestContext.Current.CancellationToken).Select(e => e.Message).ToListAsync(TestContext.Current.CancellationToken);
        var recent = await reader.ReadAsync(Group, s_t0.AddSeconds(3), TestContext.Current.CancellationToken).Select(e => e.Message).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["a1", "b2", "a3", "b4", "a5"], all);
        Assert.Equal(["a3", "b4", "a5"], recent);
        Assert.Equal(5, calls.ReadCalls);
    }

    [Fact]
    public async Task Reading_a_group_that_does_not_exist_is_cloud_watch_logs_not_found()
    {
        var reader = new LogEventReader(_aws.Logs);

        var error = await Assert.ThrowsAsync<AwsServiceException>(async () =>
            await reader.ReadAsync(Group, null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task Following_prints_each_event_once_picks_up_new_and_late_ones_and_backs_off_when_idle()
    {
        Logs.Write(Group, StreamA, s_t0.AddSeconds(1), "a1");
        Logs.Write(Group, StreamA, s_t0.AddSeconds(2), "a2");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // Each pause is where time passes: Lambda writes, or the user presses Ctrl+C.
        var afterPause = new Queue<Action>([
            () => Logs.Write(Group, StreamA, s_t0.AddSeconds(10), "a10"),
            // Another invocation's event, older than the newest one seen, that CloudWatch Logs received later.
            () => Logs.Write(Group, StreamB, s_t0.AddSeconds(8), "b8 late"),
            () => { },
            () => { },
            () => { },
            () => Logs.Write(Group, StreamB, s_t0.AddSeconds(20), "b20"),
            stop.Cancel,
        ]);
        var reader = new LogEventReader(_aws.Logs, new LogReaderOptions
        {
            Delay = (pause, _) =>
            {
                _pauses.Add(pause);
                afterPause.Dequeue()();
                return Task.CompletedTask;
            },
        });

        var printed = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var logEvent in reader.FollowAsync(Group, s_t0, cancellationToken: stop.Token))
                printed.Add(logEvent.Message);
        });

        Assert.Equal(["a1", "a2", "a10", "b8 late", "b20"], printed);
        Assert.Equal([1, 1, 1, 2, 4, 5, 1], _pauses.Select(p => p.TotalSeconds));
    }

    [Fact]
    public async Task Following_an_event_older_than_the_lookback_is_not_printed_twice_nor_at_all()
    {
        // The window is where re-reading is cheap; what lands further back is the price of polling (as for the AWS CLI's
        // aws logs tail --follow and Chalice's logs --follow, which re-read only the newest event's time).
        Logs.Write(Group, StreamA, s_t0.AddSeconds(30), "a30");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var afterPause = new Queue<Action>([() => Logs.Write(Group, StreamB, s_t0.AddSeconds(1), "b1 too late"), stop.Cancel]);
        var reader = new LogEventReader(_aws.Logs, new LogReaderOptions { Delay = (_, _) => { afterPause.Dequeue()(); return Task.CompletedTask; } });

        var printed = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var logEvent in reader.FollowAsync(Group, s_t0, cancellationToken: stop.Token))
                printed.Add(logEvent.Message);
        });

        Assert.Equal(["a30"], printed);
    }

    [Fact]
    public async Task Following_a_group_that_does_not_exist_yet_waits_for_it_and_says_so_once()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var afterPause = new Queue<Action>([() => { }, () => Logs.Write(Group, StreamA, s_t0.AddSeconds(1), "first"), stop.Cancel]);
        var reader = new LogEventReader(_aws.Logs, new LogReaderOptions { Delay = (_, _) => { afterPause.Dequeue()(); return Task.CompletedTask; } });
        var notices = new List<string>();

        var printed = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var logEvent in reader.FollowAsync(Group, s_t0, notices.Add, stop.Token))
                printed.Add(logEvent.Message);
        });

        Assert.Equal(["first"], printed);
        Assert.Equal(["The log group /aws/lambda/app-dev does not exist yet (the function has not run); waiting for it."], notices);
    }

    [Fact]
    public async Task An_event_repeated_across_pages_and_polls_is_yielded_once()
    {
        // CloudWatch Logs' startTime is inclusive, so polling from the newest event's time returns it again.
        const string type = "application/x-amz-json-1.1";
        static string Page(string ids, string? next) =>
            $$"""{"events":[{{ids}}]{{(next is null ? "" : $",\"nextToken\":\"{next}\"")}}}""";
        static string Event(string id, long ms) => $$"""{"eventId":"{{id}}","logStreamName":"s","timestamp":{{ms}},"message":"m{{id}}"}""";
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, Page(Event("1", 1000) + "," + Event("2", 2000), "p2"), type)
            .Then(HttpStatusCode.OK, Page(Event("2", 2000) + "," + Event("3", 3000), null), type)
            .Then(HttpStatusCode.OK, Page(Event("3", 3000) + "," + Event("4", 3000), null), type);
        using var clients = ModelConformanceTests.LocalClients(handler);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var polls = 0;
        var reader = new LogEventReader(clients.Logs, new LogReaderOptions
        {
            Lookback = TimeSpan.Zero,
            Delay = (_, _) =>
            {
                if (++polls == 2)
                    stop.Cancel();
                return Task.CompletedTask;
            },
        });

        var printed = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var logEvent in reader.FollowAsync("g", DateTimeOffset.FromUnixTimeMilliseconds(0), cancellationToken: stop.Token))
                printed.Add(logEvent.EventId);
        });

        Assert.Equal(["1", "2", "3", "4"], printed);
        Assert.Contains("\"startTime\":3000", System.Text.Encoding.UTF8.GetString(handler.Requests[2].Body));
        Assert.Contains("\"interleaved\":true", System.Text.Encoding.UTF8.GetString(handler.Requests[0].Body));
        ModelConformance.AssertConform(handler.Requests);
    }
}
