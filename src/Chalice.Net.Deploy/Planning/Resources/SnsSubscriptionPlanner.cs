using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Sns;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans the <c>lambda</c> subscription of each SNS function (<c>[OnSnsMessage]</c>) to its topic, by name or ARN (a
/// name is the topic of that name in the function's account and region, as Chalice resolves it:
/// <see cref="SnsTopicArn"/>), and the statement that lets <c>sns.amazonaws.com</c> invoke the function for that topic
/// only (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html). A subscription is found by its recorded ARN, else
/// among the topic's subscriptions by the function's ARN (a lost state file); the topic is the user's and stays.
/// </summary>
internal sealed class SnsSubscriptionPlanner : EventSourcePlanner<DeployedSnsSubscription, SnsFunctionManifest>
{
    private const string Principal = "sns.amazonaws.com";

    /// <inheritdoc/>
    public override string ResourceType => "sns_event";

    /// <inheritdoc/>
    protected override async Task PlanAsync(PlanningContext context, SnsFunctionManifest function, FunctionTarget target, CancellationToken cancellationToken)
    {
        var sns = context.Aws.Sns;
        var logicalName = $"{function.Name}-sns-subscription";
        var statementId = InvokePermission.StatementIdFor(logicalName);
        var region = context.Region;
        var topicArn = target.Arn.Select("topic ARN", arn => SnsTopicArn.Resolve(function.Topic, region, Arn.Account(arn)));
        var resource = context.Resource(logicalName, function.Topic, function);
        var functionArn = resource.Uses(target.Arn);
        DeployedSnsSubscription Record(string topic, string subscription) => new()
        {
            Name = logicalName, TopicArn = topic, SubscriptionArn = subscription, FunctionName = target.FunctionName, StatementId = statementId,
        };

        string? subscriptionArn = null;
        if (functionArn.TryGetKnown(out var knownFunction) && topicArn.TryGetKnown(out var knownTopic))
        {
            resource.Target = knownTopic;
            var recorded = context.Recorded.Find<DeployedSnsSubscription>(logicalName);
            if (recorded is not null && recorded.TopicArn == knownTopic
                && await sns.GetSubscriptionAttributesAsync(recorded.SubscriptionArn, cancellationToken) is { } attributes
                && attributes.GetValueOrDefault("Endpoint") == knownFunction && attributes.GetValueOrDefault("Protocol") == "lambda")
                subscriptionArn = recorded.SubscriptionArn;
            subscriptionArn ??= (await sns.ListSubscriptionsByTopicAsync(knownTopic, cancellationToken))
                .FirstOrDefault(s => s.Protocol == "lambda" && s.Endpoint == knownFunction)?.SubscriptionArn;
            resource.Observed = subscriptionArn;
            if (subscriptionArn is not null)
                resource.Adopt(Record(knownTopic, subscriptionArn));
        }

        // SNS checks nothing of the function when subscribing; the statement goes first all the same, so that no
        // message reaches a function that may not be invoked.
        var permission = topicArn.Select("invoke permission for the topic", topic => new InvokePermission(statementId, Principal, topic));
        await PlanPermissionAsync(context, resource, target, permission, cancellationToken);
        if (subscriptionArn is not null)
            return;
        resource.Step(AwsService.Sns, "Subscribe", functionArn.TryGetKnown(out _) ? "the function is not subscribed" : "the function is new",
            async (step, ct) =>
            {
                var topic = step.Get(topicArn);
                string subscription;
                try
                {
                    subscription = await sns.SubscribeAsync(topic, "lambda", step.Get(functionArn), ct);
                }
                catch (AwsServiceException e) when (e.MayHaveSucceeded)
                {
                    // SNS answers a second Subscribe of the same endpoint with the first subscription: asking again is safe.
                    subscription = await sns.SubscribeAsync(topic, "lambda", step.Get(functionArn), ct);
                }
                step.Record(Record(topic, subscription));
            }, consumes: [topicArn, functionArn]);
    }

    /// <inheritdoc/>
    protected override string Describe(DeployedSnsSubscription record) => $"SNS subscription of {record.FunctionName} to {record.TopicArn}";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedSnsSubscription record, IAwsApis aws) =>
    [
        DeletionStep(record, AwsService.Sns, "Unsubscribe", record.SubscriptionArn, "the app no longer has the function",
            (_, ct) => IgnoringNotFound(aws.Sns.UnsubscribeAsync(record.SubscriptionArn, ct))),
        DeletionStep(record, AwsService.Lambda, "RemovePermission", record.FunctionName, "the subscription is deleted",
            (_, ct) => InvokePermission.RemoveAsync(aws.Lambda, record.FunctionName, record.StatementId, ct)),
    ];
}
