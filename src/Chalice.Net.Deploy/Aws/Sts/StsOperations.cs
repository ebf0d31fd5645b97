namespace Chalice.Deploy.Aws.Sts;

/// <summary>The STS operations the client calls.</summary>
internal static class StsOperations
{
    /// <summary><c>GetCallerIdentity</c>.</summary>
    public static AwsOperation GetCallerIdentity { get; } = new(AwsService.Sts, "GetCallerIdentity", ReplayBehavior.Read);

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } = [GetCallerIdentity];
}
