using System.Globalization;
using System.Text;
using Chalice.Local.Sqs.Protocol;
using Chalice.Local.Sqs.Queues;

namespace Chalice.Local.Sqs.Operations;

/// <summary>The operations on queues themselves: creating, finding, listing, configuring and deleting them.</summary>
internal static class QueueOperations
{
    private const int MaximumListResults = 1000;

    public static async Task CreateAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.CreateQueueInput);
        var queue = call.Queues.CreateOrGet(input.QueueName, input.Attributes, input.Tags);
        await call.WriteAsync(new QueueUrlOutput { QueueUrl = call.UrlOf(queue) }, SqsJsonContext.Default.QueueUrlOutput);
    }

    public static async Task GetUrlAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.GetQueueUrlInput);
        if (string.IsNullOrEmpty(input.QueueName))
            throw SqsErrorException.MissingParameter("QueueName");
        if (input.QueueOwnerAWSAccountId is { } owner && owner != call.Queues.AccountId)
            throw SqsErrorException.QueueDoesNotExist();
        var queue = call.Queue(input.QueueName);
        await call.WriteAsync(new QueueUrlOutput { QueueUrl = call.UrlOf(queue) }, SqsJsonContext.Default.QueueUrlOutput);
    }

    /// <summary>
    /// ListQueues: names starting with the prefix, in name order; with <c>MaxResults</c>, pages joined by an opaque
    /// <c>NextToken</c>, without it the first 1,000 (ListQueues documentation).
    /// </summary>
    public static async Task ListAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.ListQueuesInput);
        if (input.MaxResults is < 1 or > MaximumListResults)
            throw SqsErrorException.InvalidParameterValue("MaxResults", input.MaxResults, "MaxResults must be an integer between 1 and 1000.");
        var after = input.NextToken is null ? null : DecodeToken(input.NextToken);
        var matching = call.Queues.All()
            .Where(q => input.QueueNamePrefix is null || q.Name.StartsWith(input.QueueNamePrefix, StringComparison.Ordinal))
            .Where(q => after is null || string.CompareOrdinal(q.Name, after) > 0)
            .ToList();
        var page = matching.Take(input.MaxResults ?? MaximumListResults).ToList();
        var nextToken = input.MaxResults is not null && matching.Count > page.Count ? EncodeToken(page[^1].Name) : null;
        await call.WriteAsync(new ListQueuesOutput
        {
            QueueUrls = page.Count == 0 ? null : [.. page.Select(call.UrlOf)],
            NextToken = nextToken,
        }, SqsJsonContext.Default.ListQueuesOutput);
    }

    public static async Task ListDeadLetterSourcesAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.ListDeadLetterSourceQueuesInput);
        var queue = call.Queue(input.QueueUrl);
        if (input.MaxResults is < 1 or > MaximumListResults)
            throw SqsErrorException.InvalidParameterValue("MaxResults", input.MaxResults, "MaxResults must be an integer between 1 and 1000.");
        var after = input.NextToken is null ? null : DecodeToken(input.NextToken);
        var sources = call.Queues.All()
            .Where(q => q.Redrive?.DeadLetterTargetArn == queue.Arn)
            .Where(q => after is null || string.CompareOrdinal(q.Name, after) > 0)
            .ToList();
        var page = sources.Take(input.MaxResults ?? MaximumListResults).ToList();
        await call.WriteAsync(new ListDeadLetterSourceQueuesOutput
        {
            QueueUrls = [.. page.Select(call.UrlOf)],
            NextToken = input.MaxResults is not null && sources.Count > page.Count ? EncodeToken(page[^1].Name) : null,
        }, SqsJsonContext.Default.ListDeadLetterSourceQueuesOutput);
    }

    public static async Task GetAttributesAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.GetQueueAttributesInput);
        var queue = call.Queue(input.QueueUrl);
        var names = input.AttributeNames ?? [];
        foreach (var name in names)
        {
            if (!QueueAttributes.IsKnownName(name))
                throw SqsErrorException.InvalidAttributeName(name);
        }
        var all = queue.AllAttributes();
        var selected = names.Contains("All")
            ? all
            : names.Where(all.ContainsKey).Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => all[n], StringComparer.Ordinal);
        await call.WriteAsync(new AttributesOutput { Attributes = selected.Count == 0 ? null : selected }, SqsJsonContext.Default.AttributesOutput);
    }

    public static async Task SetAttributesAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.SetQueueAttributesInput);
        var queue = call.Queue(input.QueueUrl);
        if (input.Attributes is null)
            throw SqsErrorException.MissingParameter("Attributes");
        if (input.Attributes.TryGetValue(QueueAttributes.RedrivePolicy, out var redrive) && redrive.Length > 0)
            call.Queues.CheckDeadLetterTarget(RedrivePolicy.Parse(redrive), queue.IsFifo);
        call.Queues.Save(queue.SetAttributes(input.Attributes));
        await call.WriteEmptyAsync();
    }

    public static async Task DeleteAsync(SqsCall call)
    {
        var queue = call.Queue(call.Read(SqsJsonContext.Default.QueueUrlInput).QueueUrl);
        await call.Queues.DeleteAsync(queue);
        await call.WriteEmptyAsync();
    }

    public static async Task PurgeAsync(SqsCall call)
    {
        var queue = call.Queue(call.Read(SqsJsonContext.Default.QueueUrlInput).QueueUrl);
        queue.Purge();
        await call.WriteEmptyAsync();
    }

    public static async Task TagAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.TagQueueInput);
        var queue = call.Queue(input.QueueUrl);
        if (input.Tags is not { Count: > 0 })
            throw SqsErrorException.MissingParameter("Tags");
        call.Queues.Save(queue.ChangeTags(input.Tags, null));
        await call.WriteEmptyAsync();
    }

    public static async Task UntagAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.UntagQueueInput);
        var queue = call.Queue(input.QueueUrl);
        if (input.TagKeys is not { Count: > 0 })
            throw SqsErrorException.InvalidParameterValue("Tag keys must be between 1 and 128 characters in length.");
        call.Queues.Save(queue.ChangeTags(null, input.TagKeys));
        await call.WriteEmptyAsync();
    }

    public static async Task ListTagsAsync(SqsCall call)
    {
        var queue = call.Queue(call.Read(SqsJsonContext.Default.QueueUrlInput).QueueUrl);
        var tags = queue.TagsSnapshot();
        await call.WriteAsync(new TagsOutput { Tags = tags.Count == 0 ? null : tags }, SqsJsonContext.Default.TagsOutput);
    }

    private static string EncodeToken(string lastName) => Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + lastName));

    private static string DecodeToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("after:", StringComparison.Ordinal))
                return text["after:".Length..];
        }
        catch (FormatException)
        {
        }
        throw SqsErrorException.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture, $"Invalid NextToken value {token}."));
    }
}
