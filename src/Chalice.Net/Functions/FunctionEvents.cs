using System.Text.Json;
using Chalice.Events;

namespace Chalice.Functions;

/// <summary>
/// What each kind of function takes from its payload, and the one place that reads it: the source's event type
/// through its wire metadata (or the handler's own type, <see cref="FunctionDefinition.ReadEvent"/>), each record's
/// <c>eventSource</c> checked where AWS sends one. A payload that does not fit is an <see cref="InvalidEventException"/>
/// saying what the function expects.
/// </summary>
internal static class FunctionEvents
{
    /// <summary>The event a function of <paramref name="kind"/> takes, as messages name it.</summary>
    public static string Describe(FunctionKind kind) => kind switch
    {
        FunctionKind.S3 => "an S3 event notification (Records[].eventSource = aws:s3)",
        FunctionKind.Sqs => "an SQS message batch (Records[].eventSource = aws:sqs)",
        FunctionKind.Sns => "an SNS notification (Records[].EventSource = aws:sns)",
        FunctionKind.Schedule => "an EventBridge scheduled event (detail-type = Scheduled Event)",
        FunctionKind.CloudWatch => "an EventBridge event (version, id, detail-type, source, account, time, region, resources, detail)",
        FunctionKind.Kinesis => "a Kinesis record batch (Records[].eventSource = aws:kinesis)",
        FunctionKind.DynamoDB => "a DynamoDB stream record batch (Records[].eventSource = aws:dynamodb)",
        FunctionKind.Authorizer => "an API Gateway authorizer request (type, methodArn; or version 2.0, type, routeArn)",
        _ => "its input as JSON",
    };

    /// <summary>Reads the event <paramref name="function"/> takes from <paramref name="payload"/>.</summary>
    /// <exception cref="InvalidEventException">The payload is not that event.</exception>
    public static object? Read(FunctionDefinition function, ReadOnlySpan<byte> payload, JsonSerializerOptions options)
    {
        try
        {
            if (function.ReadEvent is { } read)
                return read(payload, options);
            return function.Kind switch
            {
                FunctionKind.S3 => Checked(function, LambdaEventJson.Parse<S3Event>(payload), e => e.Records.Select(r => r.EventSource), "aws:s3"),
                FunctionKind.Sqs => Checked(function, LambdaEventJson.Parse<SqsEvent>(payload), e => e.Records.Select(r => r.EventSource), "aws:sqs"),
                FunctionKind.Sns => Checked(function, LambdaEventJson.Parse<SnsEvent>(payload), e => e.Records.Select(r => r.EventSource), "aws:sns"),
                FunctionKind.Kinesis => Checked(function, LambdaEventJson.Parse<KinesisEvent>(payload), e => e.Records.Select(r => r.EventSource), "aws:kinesis"),
                FunctionKind.DynamoDB => Checked(function, LambdaEventJson.Parse<DynamoDBEvent>(payload), e => e.Records.Select(r => r.EventSource), "aws:dynamodb"),
                FunctionKind.Schedule or FunctionKind.CloudWatch => LambdaEventJson.Parse<EventBridgeEvent>(payload),
                FunctionKind.Authorizer => AuthRequest.Read(payload),
                // A pure function without an input parameter takes whatever it is sent.
                _ => null,
            };
        }
        catch (JsonException e)
        {
            throw Invalid(function, e.Message, e);
        }
    }

    private static T Checked<T>(FunctionDefinition function, T @event, Func<T, IEnumerable<string?>> sources, string expected)
    {
        foreach (var source in sources(@event))
        {
            // Events built by hand may leave it out; one that names another source is another source's event.
            if (source is not null && source != expected)
                throw Invalid(function, $"a record's event source is '{source}'.", inner: null);
        }
        return @event;
    }

    private static InvalidEventException Invalid(FunctionDefinition function, string problem, Exception? inner) => function.Kind == FunctionKind.Pure
        ? new($"The function '{function.Name}' cannot read its input from the payload: {problem}", inner)
        : new($"The function '{function.Name}' expects {Describe(function.Kind)}; the payload is not one: {problem}", inner);
}
