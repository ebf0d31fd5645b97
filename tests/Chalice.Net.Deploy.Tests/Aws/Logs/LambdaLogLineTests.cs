using Chalice.Deploy.Aws.Logs;

namespace Chalice.Deploy.Tests.Aws.Logs;

/// <summary>Lines as Chalice's <c>logs</c> prints them, and the lines Lambda writes itself.</summary>
public sealed class LambdaLogLineTests
{
    [Theory]
    // Text format (the lines Chalice's tests use, tests/unit/test_logs.py, and INIT_START as AWS documents it).
    [InlineData("START RequestId: 8f5e Version: $LATEST", true)]
    [InlineData("END RequestId: 8f5e\n", true)]
    [InlineData("REPORT RequestId: 8f5e\tDuration: 0.42 ms\tBilled Duration: 100 ms\tMemory Size: 128 MB\tMax Memory Used: 19 MB", true)]
    [InlineData("INIT_START Runtime Version: dotnet:10.v3\tRuntime Version ARN: arn:aws:lambda:eu-south-1::runtime:7b62", true)]
    // JSON format: system records carry a platform.* type; function records do not.
    [InlineData("""{"time":"2024-05-01T12:00:00.000Z","type":"platform.start","record":{"requestId":"8f5e","version":"$LATEST"}}""", true)]
    [InlineData("""{"time":"2024-05-01T12:00:00.000Z","type":"platform.report","record":{"requestId":"8f5e","metrics":{"durationMs":1.5}}}""", true)]
    [InlineData("""{"timestamp":"2024-05-01T12:00:00Z","level":"INFO","requestId":"8f5e","message":"Saved order 42"}""", false)]
    // What the function writes, and Lambda lines that tell something went wrong.
    [InlineData("Not a lambda message", false)]
    [InlineData("2024-05-01T12:00:00.000Z\t8f5e\tINFO\tSTART RequestId is what we log", false)]
    [InlineData("INIT_REPORT Init Duration: 3.21 ms\tPhase: init\tStatus: error\tError Type: Runtime.ExitError", false)]
    [InlineData("""{"time":"2024-05-01T12:00:00.000Z","type":"platform.initReport","record":{"status":"error"}}""", false)]
    public void Lambdas_own_messages_are_recognised(string message, bool isLambdas) =>
        Assert.Equal(isLambdas, LambdaLogLine.IsLambdaMessage(message));

    [Theory]
    [InlineData("2017/04/28/[$LATEST]fc219a0d613b40e9b5c58e6b8fd2320c", "fc219a")] // Chalice's test_can_parse_short_id
    [InlineData("logStreamName", "logStreamName")]
    [InlineData("2024/05/01/[$LATEST]ab", "ab")]
    public void The_short_stream_id_is_chalices(string stream, string expected) => Assert.Equal(expected, LambdaLogLine.ShortStreamId(stream));

    [Fact]
    public void An_event_prints_as_in_chalices_documentation()
    {
        // https://aws.github.io/chalice/topics/logging: "2016-11-06 20:24:25.490000 9d2a92 demolog - ERROR - This is an error statement".
        var logEvent = new FilteredLogEvent("1", "2016/11/06/[$LATEST]9d2a92b6c9a8", DateTimeOffset.Parse("2016-11-06T20:24:25.490Z", System.Globalization.CultureInfo.InvariantCulture),
            "demolog - ERROR - This is an error statement\n", null);

        Assert.Equal("2016-11-06 20:24:25.490000 9d2a92 demolog - ERROR - This is an error statement", LambdaLogLine.Format(logEvent));
    }

    [Fact]
    public void A_time_on_the_second_prints_without_a_fraction_as_python_prints_it() =>
        Assert.Equal("2016-11-07 12:29:15 431786 hello",
            LambdaLogLine.Format(new FilteredLogEvent("1", "x/[$LATEST]431786aa", DateTimeOffset.FromUnixTimeMilliseconds(1478521755000), "  hello  ", null)));
}
