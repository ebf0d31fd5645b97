using System.Globalization;
using System.Text.Json;
using Chalice.Local.Sqs.Protocol;
using Chalice.Local.Sqs.Storage;

namespace Chalice.Local.Sqs.Queues;

/// <summary>
/// A queue's <c>RedrivePolicy</c>: after <see cref="MaxReceiveCount"/> receives, a message goes to the dead-letter
/// queue <see cref="DeadLetterTargetArn"/> instead of being delivered again
/// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html).
/// </summary>
internal sealed record RedrivePolicy(string DeadLetterTargetArn, int MaxReceiveCount)
{
    /// <exception cref="SqsErrorException">Not a JSON object with a target ARN and a count from 1 to 1000.</exception>
    public static RedrivePolicy Parse(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Invalid(json, "Redrive policy is not a valid JSON map.");
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw Invalid(json, "Redrive policy is not a valid JSON map.");
        if (!root.TryGetProperty("deadLetterTargetArn", out var arn) || arn.ValueKind != JsonValueKind.String)
            throw Invalid(json, "Redrive policy does not contain deadLetterTargetArn.");
        if (!root.TryGetProperty("maxReceiveCount", out var count))
            throw Invalid(json, "Redrive policy does not contain maxReceiveCount.");
        // SQS accepts the count as a number or as a string of digits.
        var text = count.ValueKind == JsonValueKind.String ? count.GetString() : count.GetRawText();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var maxReceiveCount) || maxReceiveCount is < 1 or > 1000)
            throw Invalid(json, "Invalid value for maxReceiveCount: must be an integer from 1 to 1000.");
        return new RedrivePolicy(arn.GetString()!, maxReceiveCount);
    }

    /// <summary>The policy as SQS returns it from GetQueueAttributes.</summary>
    public string ToJson() => string.Create(CultureInfo.InvariantCulture,
        $$"""{"deadLetterTargetArn":{{JsonSerializer.Serialize(DeadLetterTargetArn, SqsStorageJsonContext.Default.String)}},"maxReceiveCount":{{MaxReceiveCount}}}""");

    /// <summary>The name of the dead-letter queue (the last part of its ARN).</summary>
    public string TargetQueueName => DeadLetterTargetArn[(DeadLetterTargetArn.LastIndexOf(':') + 1)..];

    private static SqsErrorException Invalid(string json, string reason) =>
        SqsErrorException.InvalidParameterValue(RedrivePolicyName, json, reason);

    private const string RedrivePolicyName = "RedrivePolicy";
}
