using Chalice.Functions;

namespace Chalice;

/// <summary>
/// The kinds of invocation middleware wraps, by Chalice's names (<c>@app.middleware(event_type)</c>): every invocation,
/// the API's requests, or the functions of one event source.
/// </summary>
public static class MiddlewareKinds
{
    /// <summary>Every invocation: HTTP requests and every function.</summary>
    public const string All = "all";

    /// <summary>The API's requests (<c>[Route]</c> handlers).</summary>
    public const string Http = "http";

    /// <summary><c>[LambdaFunction]</c> functions.</summary>
    public const string PureLambda = "pure_lambda";

    /// <summary><c>[OnS3Event]</c> handlers.</summary>
    public const string S3 = "s3";

    /// <summary><c>[OnSqsMessage]</c> handlers.</summary>
    public const string Sqs = "sqs";

    /// <summary><c>[OnSnsMessage]</c> handlers.</summary>
    public const string Sns = "sns";

    /// <summary><c>[Schedule]</c> handlers.</summary>
    public const string Scheduled = "scheduled";

    /// <summary><c>[OnCloudWatchEvent]</c> handlers.</summary>
    public const string CloudWatch = "cloudwatch";

    /// <summary><c>[OnKinesisRecord]</c> handlers.</summary>
    public const string Kinesis = "kinesis";

    /// <summary><c>[OnDynamoDBRecord]</c> handlers.</summary>
    public const string DynamoDB = "dynamodb";

    /// <summary>Every kind, in Chalice's order.</summary>
    public static IReadOnlyList<string> Known { get; } = [All, Http, PureLambda, S3, Sqs, Sns, Scheduled, CloudWatch, Kinesis, DynamoDB];

    /// <summary>The kind of a function's invocations (Chalice's <c>_MIDDLEWARE_MAPPING</c>).</summary>
    public static string Of(FunctionKind kind) => kind switch
    {
        FunctionKind.Pure => PureLambda,
        FunctionKind.Schedule => Scheduled,
        FunctionKind.S3 => S3,
        FunctionKind.Sqs => Sqs,
        FunctionKind.Sns => Sns,
        FunctionKind.CloudWatch => CloudWatch,
        FunctionKind.Kinesis => Kinesis,
        FunctionKind.DynamoDB => DynamoDB,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A function kind with no middleware kind."),
    };
}
