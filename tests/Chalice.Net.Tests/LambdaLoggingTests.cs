using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Lambda;
using Microsoft.Extensions.Logging;

namespace Chalice.Tests;

/// <summary>
/// Lambda's log formats for .NET, field by field. The reference is what the managed .NET runtime writes:
/// aws/aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/Logging/DefaultLogMessageFormatter.cs (text:
/// timestamp, request id, level label, message, tab-separated), JsonLogMessageFormatter.cs (JSON: timestamp, level,
/// requestId, traceId, message, the template's values, errorType/errorMessage/stackTrace) and
/// AbstractLogMessageFormatter.cs (timestamp "yyyy-MM-ddTHH:mm:ss.fffZ"); the variables and levels are those of
/// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html and
/// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html.
/// </summary>
public sealed class LambdaLoggingTests
{
    private static readonly DateTimeOffset s_now = new(2024, 4, 26, 0, 40, 4, 236, TimeSpan.Zero);

    private static readonly LambdaContext s_invocation = new("6ebb975f-b9fb-41e9-81f5-ab96586fb42e", s_now.AddSeconds(3))
    {
        TraceId = "Root=1-662af7e3-7076fd596550114013d8cd03;Parent=69ab02fe14dc7380;Sampled=0",
    };

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => s_now;
    }

    /// <summary>Logs through Microsoft.Extensions.Logging, as the app does, into a Lambda provider; returns the lines written.</summary>
    private static string[] Log(LambdaLogSettings settings, Action<ILogger> log, LambdaContext? invocation = null)
    {
        var output = new StringWriter();
        var provider = LambdaLoggerProvider.Start(output, settings, new FixedTime());
        using (var factory = LoggerFactory.Create(provider.AddTo))
        {
            LambdaContext.Current = invocation;
            try
            {
                log(factory.CreateLogger("Chalice.Tests"));
            }
            finally
            {
                LambdaContext.Current = null;
            }
        }
        return output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }

    private static LambdaLogSettings Json(string level = "") => LambdaLogSettings.Parse("JSON", level);

    [Fact]
    public void Text_is_timestamp_request_id_level_and_message_separated_by_tabs()
    {
        var line = Assert.Single(Log(LambdaLogSettings.Default, l => l.LogInformation("The input provided is: {input}", "hello"), s_invocation));
        Assert.Equal("2024-04-26T00:40:04.236Z\t6ebb975f-b9fb-41e9-81f5-ab96586fb42e\tinfo\tThe input provided is: hello", line);
    }

    [Fact]
    public void Text_levels_are_the_console_loggers_labels()
    {
        var lines = Log(LambdaLogSettings.Parse("Text", "TRACE"), logger =>
        {
            foreach (var level in (LogLevel[])[LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical])
                logger.Log(level, "x");
        }, s_invocation);
        Assert.Equal(["trce", "dbug", "info", "warn", "fail", "crit"], lines.Select(l => l.Split('\t')[2]));
    }

    [Fact]
    public void Text_outside_an_invocation_has_an_empty_request_id_and_an_exception_follows_the_message()
    {
        var lines = Log(LambdaLogSettings.Default, l => l.LogError(new InvalidOperationException("the disk is full"), "Saving failed"));
        Assert.Equal("2024-04-26T00:40:04.236Z\t\tfail\tSaving failed", lines[0]);
        Assert.Equal("System.InvalidOperationException: the disk is full", lines[1]);
    }

    [Fact]
    public void JSON_has_timestamp_level_request_id_trace_id_message_and_the_templates_values()
    {
        var line = Assert.Single(Log(Json(), l => l.LogInformation("Bought {Count} of {Product} at {Price}", 3, "tea", 2.5m), s_invocation));
        var entry = JsonNode.Parse(line)!.AsObject();

        Assert.Equal(
            ["timestamp", "level", "requestId", "traceId", "message", "Count", "Product", "Price"],
            entry.Select(member => member.Key));
        Assert.Equal("2024-04-26T00:40:04.236Z", entry["timestamp"]!.GetValue<string>());
        Assert.Equal("Information", entry["level"]!.GetValue<string>());
        Assert.Equal("6ebb975f-b9fb-41e9-81f5-ab96586fb42e", entry["requestId"]!.GetValue<string>());
        Assert.Equal("Root=1-662af7e3-7076fd596550114013d8cd03;Parent=69ab02fe14dc7380;Sampled=0", entry["traceId"]!.GetValue<string>());
        Assert.Equal("Bought 3 of tea at 2.5", entry["message"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Number, entry["Count"]!.GetValueKind());
        Assert.Equal(3, entry["Count"]!.GetValue<int>());
        Assert.Equal("tea", entry["Product"]!.GetValue<string>());
        Assert.Equal(2.5m, entry["Price"]!.GetValue<decimal>());
    }

    [Fact]
    public void JSON_levels_are_dot_nets_level_names()
    {
        var lines = Log(Json("TRACE"), logger =>
        {
            foreach (var level in (LogLevel[])[LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical])
                logger.Log(level, "x");
        });
        Assert.Equal(
            ["Trace", "Debug", "Information", "Warning", "Error", "Critical"],
            lines.Select(l => JsonNode.Parse(l)!["level"]!.GetValue<string>()));
    }

    [Fact]
    public void JSON_outside_an_invocation_leaves_out_request_id_and_trace_id_and_escapes_new_lines_onto_one_line()
    {
        var line = Assert.Single(Log(Json(), l => l.LogWarning("first line\nsecond line")));
        var entry = JsonNode.Parse(line)!.AsObject();
        Assert.Equal(["timestamp", "level", "message"], entry.Select(member => member.Key));
        Assert.Equal("first line\nsecond line", entry["message"]!.GetValue<string>());
    }

    [Fact]
    public void JSON_exceptions_are_error_type_error_message_and_the_stack_trace_line_by_line()
    {
        static void Fail() => throw new InvalidOperationException("the disk is full");
        var line = Assert.Single(Log(Json(), logger =>
        {
            try
            {
                Fail();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Saving {File} failed", "a.txt");
            }
        }, s_invocation));
        var entry = JsonNode.Parse(line)!.AsObject();

        Assert.Equal("Error", entry["level"]!.GetValue<string>());
        Assert.Equal("Saving a.txt failed", entry["message"]!.GetValue<string>());
        Assert.Equal("a.txt", entry["File"]!.GetValue<string>());
        Assert.Equal("System.InvalidOperationException", entry["errorType"]!.GetValue<string>());
        Assert.Equal("the disk is full", entry["errorMessage"]!.GetValue<string>());
        var stackTrace = entry["stackTrace"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray();
        Assert.Equal("System.InvalidOperationException: the disk is full", stackTrace[0]);
        Assert.StartsWith("at Chalice.Tests.LambdaLoggingTests", stackTrace[1]);
    }

    [Fact]
    public void A_template_value_named_like_an_envelope_member_does_not_duplicate_it()
    {
        var line = Assert.Single(Log(Json(), l => l.LogInformation("{message} by {level}", "spoof", "someone")));
        var entry = JsonNode.Parse(line)!.AsObject();
        Assert.Equal("Information", entry["level"]!.GetValue<string>());
        Assert.Equal("spoof by someone", entry["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("WARN", new[] { "Warning", "Error", "Critical" })]
    [InlineData("ERROR", new[] { "Error", "Critical" })]
    [InlineData("FATAL", new[] { "Critical" })]
    [InlineData("INFO", new[] { "Information", "Warning", "Error", "Critical" })]
    [InlineData("", new[] { "Information", "Warning", "Error", "Critical" })]
    [InlineData("DEBUG", new[] { "Debug", "Information", "Warning", "Error", "Critical" })]
    [InlineData("TRACE", new[] { "Trace", "Debug", "Information", "Warning", "Error", "Critical" })]
    public void Only_entries_at_or_above_the_configured_level_are_written(string level, string[] written)
    {
        var lines = Log(Json(level), logger =>
        {
            foreach (var each in (LogLevel[])[LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical])
                logger.Log(each, "x");
        });
        Assert.Equal(written, lines.Select(l => JsonNode.Parse(l)!["level"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(null, null, "Text", LogLevel.Information)]
    [InlineData("Text", "info", "Text", LogLevel.Information)]
    [InlineData("JSON", "WARN", "Json", LogLevel.Warning)]
    [InlineData("json", "fatal", "Json", LogLevel.Critical)]
    [InlineData("JSON", "Warning", "Json", LogLevel.Warning)]
    public void Lambdas_variables_are_read(string? format, string? level, string expectedFormat, LogLevel expectedLevel)
    {
        var settings = LambdaLogSettings.Parse(format, level);
        Assert.Equal((expectedFormat, expectedLevel), (settings.Format.ToString(), settings.MinimumLevel));
        Assert.Empty(settings.Problems);
    }

    [Fact]
    public void An_unreadable_variable_is_a_warning_entry_and_the_default_is_used()
    {
        var settings = LambdaLogSettings.Parse("XML", "LOUD");
        Assert.Equal((LambdaLogFormat.Text, LogLevel.Information), (settings.Format, settings.MinimumLevel));

        var lines = Log(settings, logger => logger.LogDebug("not written"));
        Assert.Equal(
            [
                "2024-04-26T00:40:04.236Z\t\twarn\tAWS_LAMBDA_LOG_FORMAT is 'XML', not Text or JSON: logging as text.",
                "2024-04-26T00:40:04.236Z\t\twarn\tAWS_LAMBDA_LOG_LEVEL is 'LOUD', not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL: logging INFO and above.",
            ],
            lines);
    }
}
