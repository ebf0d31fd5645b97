using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.S3;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans each S3 function's (<c>[OnS3Event]</c>) entry in its bucket's notification configuration, merged with what
/// the bucket has: only the entry of our id (the function's name) is added, changed or removed, every other entry
/// (topics, queues, EventBridge, other functions) is written back as S3 answered it. First the statement that lets
/// <c>s3.amazonaws.com</c> invoke the function for that bucket and the function's account (a bucket ARN names no
/// account: https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html), since S3 checks it when the configuration is
/// written. The configuration is read again right before each write, so that two functions on one bucket, or a change
/// made meanwhile, are kept.
/// </summary>
internal sealed class S3NotificationPlanner : EventSourcePlanner<DeployedS3Notification, S3FunctionManifest>
{
    private const string Principal = "s3.amazonaws.com";

    /// <inheritdoc/>
    public override string ResourceType => "s3_event";

    /// <inheritdoc/>
    protected override async Task PlanAsync(PlanningContext context, S3FunctionManifest function, FunctionTarget target, CancellationToken cancellationToken)
    {
        var s3 = context.Aws.S3;
        var logicalName = $"{function.Name}-s3event";
        var statementId = InvokePermission.StatementIdFor(logicalName);
        var notificationId = target.FunctionName;
        var bucketArn = $"arn:{context.Partition.Id}:s3:::{function.Bucket}";
        var resource = context.Resource(logicalName, function.Bucket, function);
        var functionArn = resource.Uses(target.Arn);
        var record = new DeployedS3Notification
        {
            Name = logicalName, Bucket = function.Bucket, NotificationId = notificationId, FunctionName = target.FunctionName, StatementId = statementId,
        };
        var wanted = functionArn.Select("notification entry", arn => Entry(function, notificationId, arn));

        var configuration = await s3.GetBucketNotificationConfigurationAsync(function.Bucket, cancellationToken: cancellationToken);
        var current = configuration.LambdaFunctions.FirstOrDefault(e => e.Id == notificationId);
        resource.Observed = current;
        if (current is not null)
            resource.Adopt(record);

        var permission = functionArn.Select("invoke permission for the bucket",
            arn => new InvokePermission(statementId, Principal, bucketArn, Arn.Account(arn)));
        await PlanPermissionAsync(context, resource, target, permission, cancellationToken);
        if (wanted.TryGetKnown(out var entry) && entry.Equals(current))
            return;
        resource.Step(AwsService.S3, "PutBucketNotificationConfiguration",
            current is null ? "the bucket does not notify the function" : "the events or key filter changed",
            async (step, ct) =>
            {
                var latest = await s3.GetBucketNotificationConfigurationAsync(function.Bucket, cancellationToken: ct);
                await s3.PutBucketNotificationConfigurationAsync(function.Bucket, latest.WithLambdaFunction(step.Get(wanted)), cancellationToken: ct);
                step.Record(record);
            }, consumes: [wanted], target: function.Bucket);
    }

    /// <inheritdoc/>
    protected override string Describe(DeployedS3Notification record) => $"notification {record.NotificationId} of S3 bucket {record.Bucket}";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedS3Notification record, IAwsApis aws) =>
    [
        DeletionStep(record, AwsService.S3, "PutBucketNotificationConfiguration", record.Bucket, "the app no longer has the function", async (_, ct) =>
        {
            BucketNotificationConfiguration latest;
            try
            {
                latest = await aws.S3.GetBucketNotificationConfigurationAsync(record.Bucket, cancellationToken: ct);
            }
            catch (AwsServiceException e) when (e.IsNotFound)
            {
                return;   // the bucket is gone, and its configuration with it
            }
            if (latest.LambdaFunctions.Any(e => e.Id == record.NotificationId))
                await aws.S3.PutBucketNotificationConfigurationAsync(record.Bucket, latest.WithoutLambdaFunction(record.NotificationId), cancellationToken: ct);
        }),
        DeletionStep(record, AwsService.Lambda, "RemovePermission", record.FunctionName, "the notification is deleted",
            (_, ct) => InvokePermission.RemoveAsync(aws.Lambda, record.FunctionName, record.StatementId, ct)),
    ];

    /// <summary>The entry the function wants: its events, and its prefix and suffix as S3 key filter rules.</summary>
    private static LambdaFunctionNotification Entry(S3FunctionManifest function, string id, string functionArn)
    {
        List<S3KeyFilterRule> rules = [];
        if (!string.IsNullOrEmpty(function.Prefix))
            rules.Add(new S3KeyFilterRule("prefix", function.Prefix));
        if (!string.IsNullOrEmpty(function.Suffix))
            rules.Add(new S3KeyFilterRule("suffix", function.Suffix));
        return new LambdaFunctionNotification { Id = id, LambdaFunctionArn = functionArn, Events = function.Events, FilterRules = rules };
    }
}
