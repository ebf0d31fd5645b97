using Chalice.Local.Sqs.Protocol;

namespace Chalice.Local.Sqs.Operations;

/// <summary>The rules every SQS batch request shares: 1 to 10 entries with distinct ids of letters, digits, <c>-</c> and <c>_</c> (at most 80).</summary>
internal static class BatchEntries
{
    public const int MaximumEntries = 10;

    /// <exception cref="SqsErrorException">The batch as a whole is invalid.</exception>
    public static void Validate(IReadOnlyList<string?> ids, string entryName)
    {
        if (ids.Count == 0)
            throw SqsErrorException.EmptyBatchRequest(entryName);
        if (ids.Count > MaximumEntries)
            throw SqsErrorException.TooManyEntriesInBatchRequest(ids.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (id is not { Length: > 0 and <= 80 } || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                throw SqsErrorException.InvalidBatchEntryId();
        }
        foreach (var id in ids)
        {
            if (!seen.Add(id!))
                throw SqsErrorException.BatchEntryIdsNotDistinct(id!);
        }
    }

    /// <summary>A failed entry of a batch, reported in its <c>Failed</c> list.</summary>
    public static BatchResultErrorEntry Failure(string id, SqsErrorException error) =>
        new() { Id = id, SenderFault = error.SenderFault, Code = error.Code, Message = error.Message };
}
