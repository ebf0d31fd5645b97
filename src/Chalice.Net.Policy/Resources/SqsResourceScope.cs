using System.Text.RegularExpressions;
using Chalice.Policy.Actions;
using Chalice.Policy.Values;

namespace Chalice.Policy.Resources;

/// <summary>
/// SQS actions are allowed on the queue's ARN, <c>arn:aws:sqs:REGION:ACCOUNT:NAME</c>, proved from a queue URL
/// (<c>https://sqs.REGION.amazonaws.com/ACCOUNT/NAME</c>; region and account are <c>*</c> when the URL does not
/// say them) or from a queue name (region and account <c>*</c>). <c>ListQueues</c> and unprovable queues get <c>"*"</c>.
/// </summary>
internal sealed partial class SqsResourceScope : IResourceScope
{
    public ResourceGrant Resolve(ActionRequirement action, CallInputs inputs)
    {
        if (action.Name == "ListQueues")
            return ResourceGrant.Any;
        if (inputs.Get("QueueUrl") is { } url)
        {
            var arns = ArnText.Known(url)?.Select(FromUrl).ToArray();
            return arns is null || arns.Any(a => a is null) ? ResourceGrant.Any : new ResourceGrant("Queues", arns!);
        }
        var names = ArnText.Known(inputs.Get("QueueName"));
        return names is null
            ? ResourceGrant.Any
            : new ResourceGrant("Queues", names.Select(n => "arn:aws:sqs:*:*:" + ArnText.Of(n)).ToArray());
    }

    /// <summary>The queue ARN of a URL pattern; null unless the pattern proves at least the start of the name.</summary>
    private static string? FromUrl(StringPattern url)
    {
        var match = QueueUrl().Match(url.Text);
        if (!match.Success)
            return null;
        var region = match.Groups["region"].Success ? match.Groups["region"].Value : "*";
        var account = match.Groups["account"].Value;
        if (account.Length != 12)
            account = "*";
        var name = StringPattern.Exact(match.Groups["name"].Value) with { IsPrefix = url.IsPrefix };
        return $"arn:aws:sqs:{region}:{account}:{ArnText.Of(name)}";
    }

    [GeneratedRegex(@"^https?://(?:sqs\.(?<region>[a-z0-9-]+)\.amazonaws\.com|(?<region>[a-z0-9-]+)\.queue\.amazonaws\.com|[^/]+)/(?<account>[0-9]+)/(?<name>[^/]*)$")]
    private static partial Regex QueueUrl();
}
