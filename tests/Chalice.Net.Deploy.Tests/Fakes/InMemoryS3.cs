using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Chalice.Deploy.Aws.S3;
using static Chalice.Deploy.Aws.S3.S3Operations;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// S3 buckets' notification configurations in memory, answering as S3 does
/// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html):
/// <list type="bullet">
/// <item>NoSuchBucket (404) for a bucket that does not exist (tests make buckets with <see cref="CreateBucket"/>);</item>
/// <item>the configuration is stored as the XML it was sent as, so every entry comes back as written, EventBridge
/// included; an entry without an id gets one;</item>
/// <item>filter rule names come back capitalised, <c>Prefix</c>/<c>Suffix</c> (https://github.com/aws/aws-sdk/issues/389);</item>
/// <item>a Lambda entry is refused (InvalidArgument, 400) when its ARN is not a function ARN, an event is not one of
/// the model's, or the function does not let <c>s3.amazonaws.com</c> invoke it for this bucket: "Amazon S3 verifies
/// that the Lambda function permissions grant Amazon S3 permission to invoke the function from the Amazon S3 bucket"
/// ("Unable to validate the following destination configurations", as terraform users meet it:
/// https://github.com/observeinc/terraform-aws-lambda/commit/a708fc6f17fadf1330c048d4165a1a3385de8a9b).</item>
/// </list>
/// </summary>
internal sealed partial class InMemoryS3(InMemoryCalls calls, InMemoryLambda lambda) : IS3Api
{
    // The Event enum of the S3 model (shared/fixtures/aws-models/s3/2006-03-01/service-2.json).
    private static readonly HashSet<string> s_events = new(StringComparer.Ordinal)
    {
        "s3:ReducedRedundancyLostObject", "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
        "s3:ObjectCreated:CompleteMultipartUpload", "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
        "s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:Replication:*",
        "s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked", "s3:Replication:OperationMissedThreshold",
        "s3:Replication:OperationReplicatedAfterThreshold", "s3:ObjectRestore:Delete", "s3:LifecycleTransition", "s3:IntelligentTiering",
        "s3:ObjectAcl:Put", "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated",
        "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete", "s3:ObjectAnnotation:*", "s3:ObjectAnnotation:Put",
        "s3:ObjectAnnotation:Delete",
    };

    private readonly Dictionary<string, XElement> _notifications = new(StringComparer.Ordinal);
    private int _ids;

    /// <summary>Creates a bucket with no notifications, as its owner would outside the deployer.</summary>
    public void CreateBucket(string bucket) => _notifications.TryAdd(bucket, new XElement(BucketNotificationConfiguration.Namespace + "NotificationConfiguration"));

    public Task<BucketNotificationConfiguration> GetBucketNotificationConfigurationAsync(
        string bucket, string? expectedBucketOwner = null, CancellationToken cancellationToken = default) =>
        calls.Run(GetBucketNotificationConfiguration, () => BucketNotificationConfiguration.Parse(new XElement(Bucket(GetBucketNotificationConfiguration, bucket))));

    public Task PutBucketNotificationConfigurationAsync(
        string bucket, BucketNotificationConfiguration configuration, string? expectedBucketOwner = null,
        CancellationToken cancellationToken = default) =>
        calls.Run(PutBucketNotificationConfiguration, () =>
        {
            Bucket(PutBucketNotificationConfiguration, bucket);
            foreach (var notification in configuration.LambdaFunctions)
                Validate(bucket, notification);
            var stored = configuration.ToXml().Root!;
            foreach (var entry in stored.Elements())
            {
                if (entry.Elements().All(e => e.Name.LocalName != "Id"))
                    entry.AddFirst(new XElement(entry.Name.Namespace + "Id", $"fake-notification-{++_ids}"));
            }
            foreach (var name in stored.Descendants().Where(e => e.Name.LocalName == "Name" && e.Parent?.Name.LocalName == "FilterRule"))
                name.Value = name.Value.ToLowerInvariant() switch { "prefix" => "Prefix", "suffix" => "Suffix", _ => name.Value };
            _notifications[bucket] = stored;
        });

    private void Validate(string bucket, LambdaFunctionNotification notification)
    {
        if (!FunctionArn().IsMatch(notification.LambdaFunctionArn))
            throw Invalid("The ARN is not well formed");
        if (notification.Events.FirstOrDefault(e => !s_events.Contains(e)) is { } unknown)
            throw Invalid($"The event '{unknown}' is not supported for notifications.");
        if (!lambda.GrantsInvoke(notification.LambdaFunctionArn, "s3.amazonaws.com", $"arn:aws:s3:::{bucket}"))
            throw Invalid("Unable to validate the following destination configurations");
    }

    private XElement Bucket(Chalice.Deploy.Aws.AwsOperation operation, string bucket) =>
        _notifications.TryGetValue(bucket, out var configuration)
            ? configuration
            : throw InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "NoSuchBucket", "The specified bucket does not exist");

    private static Chalice.Deploy.Aws.AwsServiceException Invalid(string message) =>
        InMemoryCalls.Error(PutBucketNotificationConfiguration, HttpStatusCode.BadRequest, "InvalidArgument", message);

    [GeneratedRegex(@"^arn:aws[a-z\-]*:lambda:[a-z0-9\-]+:\d{12}:function:[A-Za-z0-9\-_]+(:[A-Za-z0-9\-_$]+)?$")]
    private static partial Regex FunctionArn();
}
