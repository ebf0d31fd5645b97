using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Functions;
using Chalice.Local.S3;

namespace Chalice.Testing;

/// <summary>
/// Builds the events AWS sends to an app's functions, shaped as AWS's own samples are (every member AWS sends, with ids,
/// ARNs, hashes and times of the right form), for tests and for <c>chalice-net invoke</c>'s sample events (Chalice's
/// <c>client.events.generate_*</c>). Pass them to <see cref="TestLambdaClient.InvokeAsync{TPayload}"/>.
/// </summary>
/// <example>
/// <code>
/// var response = await client.Lambda.InvokeAsync("resize", client.Events.S3("uploads", "photos/café 1.jpg"));
/// </code>
/// </example>
/// <param name="region">The region the events come from.</param>
/// <param name="accountId">The account the resources belong to.</param>
public sealed class EventBuilder(string region = "us-east-1", string accountId = "123456789012")
{
    /// <summary>The region the events come from.</summary>
    public string Region { get; } = region;

    /// <summary>The account the events' resources belong to.</summary>
    public string AccountId { get; } = accountId;

    /// <summary>
    /// An S3 notification for one object (shared/fixtures/events/s3-event.json's shape). <paramref name="key"/> is the
    /// key as stored: the event carries it URL-encoded, as S3 sends it (<see cref="S3ObjectEntity.EncodeKey"/>).
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object's key, as stored.</param>
    /// <param name="eventName">The event without <c>s3:</c>: <c>ObjectCreated:Put</c>, <c>ObjectRemoved:Delete</c>, …</param>
    /// <param name="size">The object's size; removals carry none.</param>
    public S3Event S3(string bucket, string key, string eventName = "ObjectCreated:Put", long size = 0)
    {
        var removed = eventName.StartsWith("ObjectRemoved", StringComparison.Ordinal);
        return new S3Event
        {
            Records =
            [
                S3Record(new S3ObjectChange(bucket, key, eventName, removed ? null : size, removed ? null : "d41d8cd98f00b204e9800998ecf8427e",
                    VersionId: null, Sequencer: Hex(9), Now(), RequestId: Hex(8), HostId: Base64(48), SourceIpAddress: "127.0.0.1")),
            ],
        };
    }

    /// <summary>
    /// One record of an S3 notification, as S3 sends it for <paramref name="change"/> (the emulator's notifications
    /// and <see cref="S3(string, string, string, long)"/> both build theirs here): the key URL-encoded as S3 encodes it,
    /// the ETag without quotes, no size or ETag for a removal.
    /// </summary>
    internal S3EventRecord S3Record(S3ObjectChange change) => new()
    {
        EventVersion = "2.1",
        EventSource = "aws:s3",
        AwsRegion = Region,
        EventTime = change.EventTime,
        EventName = change.EventName,
        UserIdentity = new S3Identity { PrincipalId = "AWS:AIDAEXAMPLEPRINCIPAL" },
        RequestParameters = new S3RequestParameters { SourceIpAddress = change.SourceIpAddress },
        ResponseElements = new S3ResponseElements { XAmzRequestId = change.RequestId, XAmzId2 = change.HostId },
        S3 = new S3Entity
        {
            S3SchemaVersion = "1.0",
            ConfigurationId = "chalice-" + change.Bucket,
            Bucket = new S3BucketEntity
            {
                Name = change.Bucket,
                OwnerIdentity = new S3Identity { PrincipalId = "A3NL1KOZZKExample" },
                Arn = "arn:aws:s3:::" + change.Bucket,
            },
            Object = new S3ObjectEntity
            {
                Key = S3ObjectEntity.EncodeKey(change.Key),
                Size = change.Size,
                ETag = change.ETag?.Trim('"'),
                VersionId = change.VersionId,
                Sequencer = change.Sequencer,
            },
        },
    };

    /// <summary>The scheduled event EventBridge sends for <paramref name="rule"/> firing at <paramref name="time"/> (to the second, as EventBridge's).</summary>
    internal EventBridgeEvent Schedule(string rule, DateTimeOffset time)
    {
        var scheduled = Schedule(rule);
        var utc = time.UtcDateTime;
        scheduled.Time = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        return scheduled;
    }

    /// <summary>
    /// One record of an SQS batch for a received message (the emulator's event source mappings build theirs here):
    /// Lambda's names for the system attributes, the message attributes as Lambda spells them, the queue's ARN.
    /// </summary>
    internal SqsMessage SqsRecord(
        string messageId, string receiptHandle, string body, string md5OfBody, IReadOnlyDictionary<string, string> attributes,
        Dictionary<string, SqsMessageAttribute> messageAttributes, string? md5OfMessageAttributes, string queueArn) => new()
    {
        MessageId = messageId,
        ReceiptHandle = receiptHandle,
        Body = body,
        Attributes = new Dictionary<string, string>(attributes),
        MessageAttributes = messageAttributes,
        Md5OfBody = md5OfBody,
        Md5OfMessageAttributes = md5OfMessageAttributes,
        EventSource = "aws:sqs",
        EventSourceArn = queueArn,
        AwsRegion = Region,
    };

    /// <summary>An SQS batch of one message (shared/fixtures/events/sqs-event.json's shape).</summary>
    /// <param name="body">The message body.</param>
    /// <param name="queue">The queue's name, or its ARN.</param>
    public SqsEvent Sqs(string body, string queue = "queue-name") => Sqs([body], queue);

    /// <summary>An SQS batch, one message per body, each with its own id.</summary>
    /// <param name="bodies">The message bodies.</param>
    /// <param name="queue">The queue's name, or its ARN.</param>
    public SqsEvent Sqs(IEnumerable<string> bodies, string queue = "queue-name")
    {
        var arn = queue.StartsWith("arn:", StringComparison.Ordinal) ? queue : $"arn:aws:sqs:{Region}:{AccountId}:{queue}";
        var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return new SqsEvent
        {
            Records = [.. bodies.Select(body => new SqsMessage
            {
                MessageId = Guid.NewGuid().ToString(),
                ReceiptHandle = "AQEB" + Base64(96),
                Body = body,
                Attributes = new Dictionary<string, string>
                {
                    ["ApproximateReceiveCount"] = "1",
                    ["SentTimestamp"] = sent.ToString(CultureInfo.InvariantCulture),
                    ["SenderId"] = "AIDAEXAMPLESENDER",
                    ["ApproximateFirstReceiveTimestamp"] = (sent + 5).ToString(CultureInfo.InvariantCulture),
                },
                MessageAttributes = [],
                Md5OfBody = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body))),
                EventSource = "aws:sqs",
                EventSourceArn = arn,
                AwsRegion = Region,
            })],
        };
    }

    /// <summary>An SNS notification (shared/fixtures/events/sns-event.json's shape).</summary>
    /// <param name="message">The message.</param>
    /// <param name="subject">The subject; null when the publisher gave none.</param>
    /// <param name="topic">The topic's name, or its ARN.</param>
    public SnsEvent Sns(string message, string? subject = null, string topic = "topic-name")
    {
        var topicArn = topic.StartsWith("arn:", StringComparison.Ordinal) ? topic : $"arn:aws:sns:{Region}:{AccountId}:{topic}";
        var subscriptionArn = $"{topicArn}:{Guid.NewGuid()}";
        return new SnsEvent
        {
            Records =
            [
                new SnsRecord
                {
                    EventVersion = "1.0",
                    EventSubscriptionArn = subscriptionArn,
                    EventSource = "aws:sns",
                    Sns = new SnsMessage
                    {
                        Signature = Base64(256),
                        MessageId = Guid.NewGuid().ToString(),
                        Type = "Notification",
                        TopicArn = topicArn,
                        MessageAttributes = [],
                        SignatureVersion = "1",
                        Timestamp = Now(),
                        SigningCertUrl = $"https://sns.{Region}.amazonaws.com/SimpleNotificationService-{Hex(16).ToLowerInvariant()}.pem",
                        Message = message,
                        UnsubscribeUrl = $"https://sns.{Region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={subscriptionArn}",
                        Subject = subject,
                    },
                },
            ],
        };
    }

    /// <summary>
    /// The event an EventBridge schedule sends (shared/fixtures/events/aws-lambda-dotnet/scheduled-event.json's shape):
    /// <c>detail-type</c> <c>Scheduled Event</c>, <c>source</c> <c>aws.events</c>, the rule's ARN, an empty detail.
    /// </summary>
    /// <param name="rule">The rule's name.</param>
    public EventBridgeEvent Schedule(string rule = "rule-name") =>
        EventBridge("aws.events", "Scheduled Event", new JsonObject(), [$"arn:aws:events:{Region}:{AccountId}:rule/{rule}"]);

    /// <summary>An EventBridge event (shared/fixtures/events/aws-lambda-dotnet/cloudwatchevents-*.json's shape).</summary>
    /// <param name="source">Who sent it, e.g. <c>aws.ec2</c>, <c>com.example.orders</c>.</param>
    /// <param name="detailType">What happened, e.g. <c>EC2 Instance State-change Notification</c>.</param>
    /// <param name="detail">The event's data (an empty object when null).</param>
    /// <param name="resources">The ARNs it is about.</param>
    public EventBridgeEvent EventBridge(string source, string detailType, JsonNode? detail = null, IEnumerable<string>? resources = null)
    {
        var now = DateTime.UtcNow;
        return new EventBridgeEvent
        {
            Version = "0",
            Id = Guid.NewGuid().ToString(),
            DetailType = detailType,
            Source = source,
            Account = AccountId,
            Time = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc),
            Region = Region,
            Resources = [.. resources ?? []],
            Detail = detail ?? new JsonObject(),
        };
    }

    /// <summary>A Kinesis batch, one record per item of <paramref name="data"/> (shared/fixtures/events/kinesis-event.json's shape).</summary>
    /// <param name="data">The records' data, as UTF-8 text.</param>
    /// <param name="stream">The stream's name.</param>
    /// <param name="partitionKey">The records' partition key.</param>
    public KinesisEvent Kinesis(IEnumerable<string> data, string stream = "stream-name", string partitionKey = "partition-key") =>
        Kinesis(data.Select(Encoding.UTF8.GetBytes), stream, partitionKey);

    /// <summary>A Kinesis batch, one record per item of <paramref name="data"/>.</summary>
    /// <param name="data">The records' bytes.</param>
    /// <param name="stream">The stream's name.</param>
    /// <param name="partitionKey">The records' partition key.</param>
    public KinesisEvent Kinesis(IEnumerable<byte[]> data, string stream = "stream-name", string partitionKey = "partition-key")
    {
        var arrival = Now();
        var first = SequenceStart(56);
        return new KinesisEvent
        {
            Records = [.. data.Select((bytes, i) =>
            {
                var sequenceNumber = (first + i).ToString(CultureInfo.InvariantCulture);
                return new KinesisEventRecord
                {
                    Kinesis = new KinesisRecord
                    {
                        KinesisSchemaVersion = "1.0",
                        PartitionKey = partitionKey,
                        SequenceNumber = sequenceNumber,
                        Data = bytes,
                        ApproximateArrivalTimestamp = arrival,
                    },
                    EventSource = "aws:kinesis",
                    EventVersion = "1.0",
                    EventId = "shardId-000000000000:" + sequenceNumber,
                    EventName = "aws:kinesis:record",
                    InvokeIdentityArn = $"arn:aws:iam::{AccountId}:role/lambda-role",
                    AwsRegion = Region,
                    EventSourceArn = $"arn:aws:kinesis:{Region}:{AccountId}:stream/{stream}",
                };
            })],
        };
    }

    /// <summary>
    /// A DynamoDB stream batch of one change (shared/fixtures/events/dynamodb-event.json's shape), its images given as
    /// plain JSON and sent in DynamoDB's (<see cref="DynamoDBImage.FromJsonObject"/>).
    /// </summary>
    /// <param name="eventName"><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</param>
    /// <param name="keys">The item's key attributes.</param>
    /// <param name="newImage">The item after the change; none for <c>REMOVE</c>.</param>
    /// <param name="oldImage">The item before the change; none for <c>INSERT</c>.</param>
    /// <param name="table">The table's name, or its stream's ARN.</param>
    public DynamoDBEvent DynamoDB(string eventName, JsonObject keys, JsonObject? newImage = null, JsonObject? oldImage = null, string table = "table-name")
    {
        var streamArn = table.StartsWith("arn:", StringComparison.Ordinal)
            ? table
            : $"arn:aws:dynamodb:{Region}:{AccountId}:table/{table}/stream/2024-01-01T00:00:00.000";
        var viewType = (newImage, oldImage) switch
        {
            (not null, not null) => "NEW_AND_OLD_IMAGES",
            (not null, null) => "NEW_IMAGE",
            (null, not null) => "OLD_IMAGE",
            _ => "KEYS_ONLY",
        };
        var item = new JsonObject();
        foreach (var source in new[] { keys, newImage ?? oldImage ?? keys })
        {
            foreach (var (name, value) in source)
                item[name] = value?.DeepClone();
        }
        return new DynamoDBEvent
        {
            Records =
            [
                new DynamoDBEventRecord
                {
                    EventId = Hex(16).ToLowerInvariant(),
                    EventName = eventName,
                    EventVersion = "1.1",
                    EventSource = "aws:dynamodb",
                    AwsRegion = Region,
                    DynamoDB = new DynamoDBStreamRecord
                    {
                        ApproximateCreationDateTime = new DateTime(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc),
                        Keys = DynamoDBImage.FromJsonObject(keys),
                        NewImage = newImage is null ? null : DynamoDBImage.FromJsonObject(newImage),
                        OldImage = oldImage is null ? null : DynamoDBImage.FromJsonObject(oldImage),
                        SequenceNumber = SequenceStart(25).ToString(CultureInfo.InvariantCulture),
                        SizeBytes = Encoding.UTF8.GetByteCount(item.ToJsonString()),
                        StreamViewType = viewType,
                    },
                    EventSourceArn = streamArn,
                },
            ],
        };
    }

    /// <summary>
    /// A realistic event for <paramref name="function"/>'s source, as JSON: its bucket (with a key that passes its
    /// prefix and suffix, and its first event type), its queue, topic, stream or table, its schedule's rule, or for an
    /// EventBridge pattern the first source, detail type and detail values the pattern accepts. A pure function gets
    /// <c>{}</c>, what Lambda's Invoke sends without a payload.
    /// </summary>
    /// <param name="function">The function.</param>
    /// <param name="appName">The app's name, which deployed resources are named after.</param>
    /// <param name="stage">The stage.</param>
    public byte[] SampleFor(FunctionDefinition function, string appName, string stage = "dev") => function.Source switch
    {
        ScheduleSettings => LambdaEventJson.Serialize(Schedule($"{appName}-{stage}-{function.Name}")),
        S3EventSettings s3 => LambdaEventJson.Serialize(S3(
            s3.Bucket, $"{s3.Prefix}sample{s3.Suffix ?? ".json"}", SampleS3EventName(s3.Events.FirstOrDefault()), size: 1024)),
        SqsSettings sqs => LambdaEventJson.Serialize(Sqs("""{"message":"sample"}""", sqs.QueueArn ?? sqs.QueueName)),
        SnsSettings sns => LambdaEventJson.Serialize(Sns("sample message", "sample subject", sns.Topic)),
        CloudWatchEventSettings cloudWatch => LambdaEventJson.Serialize(SampleMatching(cloudWatch.EventPattern)),
        KinesisSettings kinesis => LambdaEventJson.Serialize(Kinesis(["sample record"], kinesis.Stream)),
        DynamoDBStreamSettings dynamoDB => LambdaEventJson.Serialize(DynamoDB(
            "INSERT", new JsonObject { ["id"] = "sample" }, new JsonObject { ["id"] = "sample", ["value"] = 1 }, table: dynamoDB.StreamArn)),
        AuthorizerSettings authorizer => LambdaEventJson.Serialize(new ApiGatewayAuthorizerRequest
        {
            // The shape of apigw-custom-auth-request.json (TOKEN) and apigw-custom-auth-request-type-request.json (REQUEST).
            Type = authorizer.Type,
            AuthorizationToken = authorizer.Type == AuthorizerSettings.TokenType ? "sample" : null,
            MethodArn = "arn:aws:execute-api:us-east-1:123456789012:local/api/GET/",
        }),
        _ => "{}"u8.ToArray(),
    };

    /// <summary><c>s3:ObjectCreated:*</c> → <c>ObjectCreated:Put</c>: a concrete event that the configured one covers.</summary>
    private static string SampleS3EventName(string? configured)
    {
        var value = configured ?? EventSourceDefaults.S3Event;
        var name = value.StartsWith("s3:", StringComparison.Ordinal) ? value[3..] : value;
        if (!name.EndsWith(":*", StringComparison.Ordinal))
            return name;
        var type = name[..^2];
        return type switch
        {
            "ObjectCreated" => "ObjectCreated:Put",
            "ObjectRemoved" => "ObjectRemoved:Delete",
            "ObjectRestore" => "ObjectRestore:Completed",
            _ => type,
        };
    }

    /// <summary>An EventBridge event that <paramref name="pattern"/> matches, built from the first value of each array.</summary>
    private EventBridgeEvent SampleMatching(string pattern)
    {
        var root = JsonNode.Parse(pattern) as JsonObject ?? new JsonObject();
        var source = FirstText(root["source"]) ?? "com.example.sample";
        var detailType = FirstText(root["detail-type"]) ?? "Sample Event";
        var detail = root["detail"] is JsonObject detailPattern ? Matching(detailPattern) : new JsonObject();
        var resources = root["resources"] is JsonArray wanted ? wanted.Select(FirstValue).OfType<string>().ToArray() : [];
        return EventBridge(source, detailType, detail, resources);

        static string? FirstText(JsonNode? values) => values is JsonArray array ? FirstValue(array.FirstOrDefault()) : null;
    }

    /// <summary>An object whose members match a pattern's: the first plain value of each array, or one a prefix or suffix filter accepts.</summary>
    private static JsonObject Matching(JsonObject pattern)
    {
        var result = new JsonObject();
        foreach (var (name, value) in pattern)
        {
            if (value is JsonObject nested)
                result[name] = Matching(nested);
            else if (value is JsonArray array && array.Select(FirstValueNode).FirstOrDefault(v => v is not null) is { } first)
                result[name] = first;
        }
        return result;
    }

    private static string? FirstValue(JsonNode? node) => FirstValueNode(node) is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? value.GetValue<string>()
        : null;

    /// <summary>A value a pattern's array item accepts: the item itself, or for <c>{"prefix": p}</c> / <c>{"suffix": s}</c> one with it.</summary>
    private static JsonNode? FirstValueNode(JsonNode? item) => item switch
    {
        JsonValue value => value.DeepClone(),
        JsonObject filter when filter["prefix"] is JsonValue prefix && prefix.GetValueKind() == JsonValueKind.String =>
            JsonValue.Create(prefix.GetValue<string>() + "sample"),
        JsonObject filter when filter["suffix"] is JsonValue suffix && suffix.GetValueKind() == JsonValueKind.String =>
            JsonValue.Create("sample" + suffix.GetValue<string>()),
        _ => null,
    };

    /// <summary>Now, to the millisecond, as AWS's event times are.</summary>
    private static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    private static string Hex(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>A random <paramref name="digits"/>-digit sequence number with room to count up from.</summary>
    private static System.Numerics.BigInteger SequenceStart(int digits) =>
        System.Numerics.BigInteger.Parse("4" + string.Concat(RandomNumberGenerator.GetBytes(digits - 4).Select(b => (char)('0' + b % 10))) + "000",
            CultureInfo.InvariantCulture);
}
