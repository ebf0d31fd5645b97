namespace Chalice.Deploy.Aws.S3;

/// <summary>
/// One Lambda entry of a bucket's notification configuration (<c>LambdaFunctionConfiguration</c>, on the wire
/// <c>CloudFunctionConfiguration</c>): which events of which keys invoke which function.
/// </summary>
internal sealed record LambdaFunctionNotification
{
    /// <summary>The entry's id, unique in the bucket's configuration (S3 makes one up when none is given).</summary>
    public string? Id { get; init; }

    /// <summary>The function to invoke.</summary>
    public required string LambdaFunctionArn { get; init; }

    /// <summary>The events, e.g. <c>s3:ObjectCreated:*</c>.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>Key name rules (<c>prefix</c>, <c>suffix</c>); none for every key.</summary>
    public IReadOnlyList<S3KeyFilterRule> FilterRules { get; init; } = [];

    /// <summary>The value of the rule named <paramref name="name"/> (<c>prefix</c> or <c>suffix</c>), if any.</summary>
    public string? Rule(string name) => FilterRules.FirstOrDefault(r => r.Is(name))?.Value;

    /// <summary>
    /// Same entry: id and function equal, the same events and the same rules in any order. Rule names compare
    /// without case, since S3 answers <c>Prefix</c>/<c>Suffix</c> for the <c>prefix</c>/<c>suffix</c> it was sent
    /// (https://github.com/aws/aws-sdk/issues/389).
    /// </summary>
    public bool Equals(LambdaFunctionNotification? other) =>
        other is not null &&
        Id == other.Id &&
        LambdaFunctionArn == other.LambdaFunctionArn &&
        Events.ToHashSet(StringComparer.Ordinal).SetEquals(other.Events) &&
        FilterRules.Count == other.FilterRules.Count &&
        FilterRules.All(r => other.FilterRules.Any(o => o.Is(r.Name) && o.Value == r.Value));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, LambdaFunctionArn, Events.Count, FilterRules.Count);
}

/// <summary>A key name rule of a notification filter.</summary>
/// <param name="Name"><c>prefix</c> or <c>suffix</c> (S3 answers them capitalised).</param>
/// <param name="Value">The text the key must start or end with.</param>
internal sealed record S3KeyFilterRule(string Name, string Value)
{
    /// <summary>Whether this rule is the <paramref name="name"/> rule, whatever its case.</summary>
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
