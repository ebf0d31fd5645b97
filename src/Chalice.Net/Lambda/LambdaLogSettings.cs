using Microsoft.Extensions.Logging;

namespace Chalice.Lambda;

/// <summary>
/// How the function logs, from the variables Lambda's advanced logging controls set: <c>AWS_LAMBDA_LOG_FORMAT</c>
/// (<c>Text</c> or <c>JSON</c>) and <c>AWS_LAMBDA_LOG_LEVEL</c> (<c>TRACE</c>, <c>DEBUG</c>, <c>INFO</c>, <c>WARN</c>,
/// <c>ERROR</c>, <c>FATAL</c>). A value that is neither is reported in <see cref="Problems"/> and the default is used.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html and
/// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html; the levels map to .NET's as
/// aws-lambda-dotnet's RuntimeSupport maps them (Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/ConsoleLoggerWriter.cs:
/// FATAL is Critical, and .NET's own level names are accepted too).
/// </remarks>
internal sealed record LambdaLogSettings(LambdaLogFormat Format, LogLevel MinimumLevel, IReadOnlyList<string> Problems)
{
    public const string FormatVariable = "AWS_LAMBDA_LOG_FORMAT";
    public const string LevelVariable = "AWS_LAMBDA_LOG_LEVEL";

    public static LambdaLogSettings Default { get; } = new(LambdaLogFormat.Text, LogLevel.Information, []);

    public static LambdaLogSettings FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(FormatVariable), Environment.GetEnvironmentVariable(LevelVariable));

    public static LambdaLogSettings Parse(string? format, string? level)
    {
        var problems = new List<string>();
        var parsedFormat = format?.Trim().ToUpperInvariant() switch
        {
            null or "" or "TEXT" => LambdaLogFormat.Text,
            "JSON" => LambdaLogFormat.Json,
            _ => Problem(LambdaLogFormat.Text, $"{FormatVariable} is '{format}', not Text or JSON: logging as text."),
        };
        var parsedLevel = level?.Trim().ToUpperInvariant() switch
        {
            null or "" => LogLevel.Information,
            "TRACE" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "INFO" or "INFORMATION" => LogLevel.Information,
            "WARN" or "WARNING" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "FATAL" or "CRITICAL" => LogLevel.Critical,
            _ => Problem(LogLevel.Information,
                $"{LevelVariable} is '{level}', not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL: logging INFO and above."),
        };
        return problems.Count == 0 && parsedFormat == Default.Format && parsedLevel == Default.MinimumLevel
            ? Default
            : new LambdaLogSettings(parsedFormat, parsedLevel, problems);

        T Problem<T>(T fallback, string problem)
        {
            problems.Add(problem);
            return fallback;
        }
    }
}
