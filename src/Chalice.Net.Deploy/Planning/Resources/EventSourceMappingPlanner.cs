using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Aws.Sqs;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans the Lambda event source mapping of each SQS (<c>[OnSqsMessage]</c>), Kinesis (<c>[OnKinesisRecord]</c>) and
/// DynamoDB streams (<c>[OnDynamoDBRecord]</c>) function: batch size, batching window, an SQS mapping's maximum
/// concurrency, a stream's starting position, and <c>ReportBatchItemFailures</c> when the handler returns a
/// <c>BatchResponse</c> (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html). A mapping is
/// found by its recorded id, else by function and source (a lost state file); what can change is updated in place,
/// a new starting position (which Lambda cannot update) replaces the mapping.
/// </summary>
internal sealed class EventSourceMappingPlanner : EventSourcePlanner<DeployedEventSourceMapping, FunctionManifest>
{
    private const string ReportBatchItemFailures = "ReportBatchItemFailures";

    /// <inheritdoc/>
    public override string ResourceType => "event_source_mapping";

    /// <inheritdoc/>
    protected override async Task PlanAsync(PlanningContext context, FunctionManifest function, FunctionTarget target, CancellationToken cancellationToken)
    {
        if (Wanted(function) is not { } wanted)
            return;
        var lambda = context.Aws.Lambda;
        var logicalName = $"{function.Name}-{wanted.Kind}-event-source";
        var recorded = context.Recorded.Find<DeployedEventSourceMapping>(logicalName);
        var sourceArn = await SourceArnAsync(context, wanted, target, recorded, cancellationToken);
        var resource = context.Resource(logicalName, target.FunctionName, wanted);
        var functionArn = resource.Uses(target.Arn);
        DeployedEventSourceMapping Record(string uuid, string source) =>
            new() { Name = logicalName, EventUuid = uuid, EventSourceArn = source, FunctionName = target.FunctionName };

        EventSourceMapping? mapping = null;
        if (functionArn.TryGetKnown(out _) && sourceArn.TryGetKnown(out var source))
        {
            if (recorded is not null && recorded.EventSourceArn == source)
                mapping = await lambda.GetEventSourceMappingAsync(recorded.EventUuid, cancellationToken);
            mapping ??= (await lambda.ListEventSourceMappingsAsync(target.FunctionName, source, cancellationToken)).FirstOrDefault();
            if (mapping is { State: "Deleting" })
                mapping = null;
        }
        resource.Observed = mapping;

        if (mapping is not null)
        {
            resource.Target = mapping.Uuid;
            resource.Adopt(Record(mapping.Uuid, mapping.EventSourceArn!));
            if (wanted.StartingPosition is not null && mapping.StartingPosition != wanted.StartingPosition)
            {
                var uuid = mapping.Uuid;
                resource.Step(AwsService.Lambda, "DeleteEventSourceMapping",
                    $"starting position {mapping.StartingPosition} → {wanted.StartingPosition}, which Lambda cannot update", async (step, ct) =>
                    {
                        await context.Aws.EventSourceMappingWaiter.WaitUntilStableAsync(uuid, ct);
                        await IgnoringNotFound(lambda.DeleteEventSourceMappingAsync(uuid, ct));
                        await context.Aws.EventSourceMappingWaiter.WaitUntilDeletedAsync(uuid, ct);
                        step.Forget(logicalName);
                    });
            }
            else
            {
                var changes = Changes(mapping, wanted);
                if (changes.Count > 0)
                    resource.Step(AwsService.Lambda, "UpdateEventSourceMapping", string.Join(", ", changes), async (_, ct) =>
                    {
                        await context.Aws.EventSourceMappingWaiter.WaitUntilStableAsync(mapping.Uuid, ct);
                        await lambda.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest
                        {
                            Uuid = mapping.Uuid,
                            BatchSize = wanted.BatchSize,
                            MaximumBatchingWindowInSeconds = wanted.MaximumBatchingWindowInSeconds,
                            // An empty scaling config removes a limit the app no longer sets (the model's ScalingConfig).
                            ScalingConfig = wanted.Kind == "sqs" ? new EventSourceScalingConfig { MaximumConcurrency = wanted.MaximumConcurrency } : null,
                            FunctionResponseTypes = wanted.FunctionResponseTypes,
                        }, ct);
                    });
                return;
            }
        }

        resource.Step(AwsService.Lambda, "CreateEventSourceMapping",
            mapping is not null ? "the mapping is replaced" : functionArn.TryGetKnown(out _) ? "the mapping does not exist" : "the function is new",
            async (step, ct) =>
            {
                var request = new CreateEventSourceMappingRequest
                {
                    FunctionName = target.FunctionName,
                    EventSourceArn = step.Get(sourceArn),
                    BatchSize = wanted.BatchSize,
                    MaximumBatchingWindowInSeconds = wanted.MaximumBatchingWindowInSeconds,
                    ScalingConfig = wanted.MaximumConcurrency is { } concurrency ? new EventSourceScalingConfig { MaximumConcurrency = concurrency } : null,
                    FunctionResponseTypes = wanted.FunctionResponseTypes.Count > 0 ? wanted.FunctionResponseTypes : null,
                    StartingPosition = wanted.StartingPosition,
                };
                EventSourceMapping created;
                try
                {
                    created = await lambda.CreateEventSourceMappingAsync(request, ct);
                }
                catch (AwsServiceException e) when (e.MayHaveSucceeded)
                {
                    // The first attempt's answer was lost and its replay found the mapping: read back what it created.
                    var found = (await lambda.ListEventSourceMappingsAsync(target.FunctionName, request.EventSourceArn, ct)).FirstOrDefault();
                    if (found is null)
                        throw;
                    created = found;
                }
                step.Record(Record(created.Uuid, request.EventSourceArn));
            }, consumes: [functionArn, sourceArn]);
    }

    /// <inheritdoc/>
    protected override string Describe(DeployedEventSourceMapping record) => $"event source mapping {record.EventUuid} ({record.EventSourceArn})";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedEventSourceMapping record, IAwsApis aws) =>
    [
        DeletionStep(record, AwsService.Lambda, "DeleteEventSourceMapping", record.EventUuid, "the app no longer has the function", async (_, ct) =>
        {
            // Lambda refuses to delete a mapping that is still being created or updated (ResourceInUseException).
            try
            {
                await aws.EventSourceMappingWaiter.WaitUntilStableAsync(record.EventUuid, ct);
            }
            catch (EventSourceMappingStateException)
            {
                return;   // gone, or being deleted already
            }
            await IgnoringNotFound(aws.Lambda.DeleteEventSourceMappingAsync(record.EventUuid, ct));
            // A mapping stays Deleting for a few seconds, and Lambda refuses a new one on the same function and source
            // meanwhile: the delete is done once it is gone.
            await aws.EventSourceMappingWaiter.WaitUntilDeletedAsync(record.EventUuid, ct);
        }),
    ];

    /// <summary>What the function's source asks of its mapping, or null for a function without one.</summary>
    private static WantedMapping? Wanted(FunctionManifest function)
    {
        static IReadOnlyList<string> ResponseTypes(bool reports) => reports ? [ReportBatchItemFailures] : [];
        return function switch
        {
            SqsFunctionManifest sqs => new WantedMapping("sqs", sqs.QueueArn ?? sqs.Queue!, sqs.BatchSize, sqs.MaximumBatchingWindowInSeconds,
                sqs.MaximumConcurrency, ResponseTypes(sqs.ReportsBatchItemFailures), StartingPosition: null),
            KinesisFunctionManifest kinesis => new WantedMapping("kinesis", kinesis.Stream, kinesis.BatchSize, kinesis.MaximumBatchingWindowInSeconds,
                null, ResponseTypes(kinesis.ReportsBatchItemFailures), kinesis.StartingPosition),
            DynamoDBFunctionManifest dynamo => new WantedMapping("dynamodb", dynamo.StreamArn, dynamo.BatchSize, dynamo.MaximumBatchingWindowInSeconds,
                null, ResponseTypes(dynamo.ReportsBatchItemFailures), dynamo.StartingPosition),
            _ => null,
        };
    }

    /// <summary>
    /// The source's ARN. A queue named by name is looked up in SQS (a missing one stops the deploy, naming it) unless
    /// the recorded mapping is on that queue already; a stream named by name is Chalice's
    /// <c>arn:{partition}:kinesis:{region}:{account}:stream/{name}</c> in the function's account
    /// (aws/chalice <c>chalice/deploy/planner.py</c>, <c>_plan_kinesiseventsource</c>).
    /// </summary>
    private static async Task<Ref<string>> SourceArnAsync(
        PlanningContext context, WantedMapping wanted, FunctionTarget target, DeployedEventSourceMapping? recorded, CancellationToken cancellationToken)
    {
        const string Description = "event source ARN";
        if (wanted.Source.StartsWith("arn:", StringComparison.Ordinal))
            return Ref.Known(Description, wanted.Source, origin: null);
        switch (wanted.Kind)
        {
            case "sqs":
                if (recorded is not null && SqsQueueArn.IsArn(recorded.EventSourceArn) && SqsQueueArn.Name(recorded.EventSourceArn) == wanted.Source)
                    return Ref.Known(Description, recorded.EventSourceArn, origin: null);
                var queueArn = await SqsQueueArn.ResolveAsync(context.Aws.Sqs, wanted.Source, cancellationToken)
                    ?? throw new ChaliceConfigException(
                        $"The SQS queue '{wanted.Source}' of the function '{target.Name}' does not exist in {context.Region}; create it, or name its ARN (QueueArn).");
                return Ref.Known(Description, queueArn, origin: null);
            default:
                var (region, partition, stream) = (context.Region, context.Partition.Id, wanted.Source);
                return target.Arn.Select(Description, arn => $"arn:{partition}:kinesis:{region}:{Arn.Account(arn)}:stream/{stream}");
        }
    }

    private static List<string> Changes(EventSourceMapping actual, WantedMapping wanted)
    {
        List<string> changes = [];
        if (actual.BatchSize != wanted.BatchSize)
            changes.Add($"batch size {actual.BatchSize} → {wanted.BatchSize}");
        if ((actual.MaximumBatchingWindowInSeconds ?? 0) != wanted.MaximumBatchingWindowInSeconds)
            changes.Add($"batching window {actual.MaximumBatchingWindowInSeconds ?? 0} s → {wanted.MaximumBatchingWindowInSeconds} s");
        if (wanted.Kind == "sqs" && actual.ScalingConfig?.MaximumConcurrency != wanted.MaximumConcurrency)
            changes.Add($"maximum concurrency {actual.ScalingConfig?.MaximumConcurrency?.ToString() ?? "(none)"} → {wanted.MaximumConcurrency?.ToString() ?? "(none)"}");
        if (!(actual.FunctionResponseTypes ?? []).SequenceEqual(wanted.FunctionResponseTypes))
            changes.Add(wanted.FunctionResponseTypes.Count > 0 ? "the function reports batch item failures" : "the function no longer reports batch item failures");
        return changes;
    }

    /// <summary>The mapping a function wants.</summary>
    /// <param name="Kind"><c>sqs</c>, <c>kinesis</c> or <c>dynamodb</c> (Chalice's resource names: <c>{name}-{kind}-event-source</c>).</param>
    /// <param name="Source">The queue or stream, by name or ARN, as the app names it.</param>
    /// <param name="BatchSize">The most records per batch.</param>
    /// <param name="MaximumBatchingWindowInSeconds">How long Lambda gathers records.</param>
    /// <param name="MaximumConcurrency">An SQS mapping's limit, if any.</param>
    /// <param name="FunctionResponseTypes"><c>ReportBatchItemFailures</c>, or none.</param>
    /// <param name="StartingPosition">A stream's starting position (<c>LATEST</c>, <c>TRIM_HORIZON</c>).</param>
    internal sealed record WantedMapping(
        string Kind, string Source, int BatchSize, int MaximumBatchingWindowInSeconds, int? MaximumConcurrency,
        IReadOnlyList<string> FunctionResponseTypes, string? StartingPosition);
}
