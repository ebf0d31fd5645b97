using System.Text.RegularExpressions;

namespace Chalice.Deploy.Aws;

/// <summary>
/// An AWS partition (aws, aws-cn, aws-us-gov, …): which regions it holds, its DNS suffix and where its one global IAM
/// endpoint lives. Values from botocore's <c>partitions.json</c> and <c>endpoints.json</c>.
/// </summary>
/// <param name="Id">The partition id, used in ARNs (<c>arn:aws-cn:…</c>).</param>
/// <param name="RegionPattern">The regular expression region names of this partition match.</param>
/// <param name="DnsSuffix">The DNS suffix of regional endpoints.</param>
/// <param name="IamRegion">The region IAM's global endpoint is signed for, or null when the partition has none.</param>
/// <param name="IamHost">The host of IAM's global endpoint, or null when IAM is reached regionally.</param>
internal sealed partial record AwsPartition(string Id, Regex RegionPattern, string DnsSuffix, string? IamRegion, string? IamHost)
{
    /// <summary>Every partition, the commercial one first (it is also the fallback for unknown region names).</summary>
    public static IReadOnlyList<AwsPartition> All { get; } =
    [
        new("aws", AwsRegions(), "amazonaws.com", "us-east-1", "iam.amazonaws.com"),
        new("aws-cn", ChinaRegions(), "amazonaws.com.cn", "cn-north-1", "iam.cn-north-1.amazonaws.com.cn"),
        new("aws-us-gov", GovCloudRegions(), "amazonaws.com", "us-gov-west-1", "iam.us-gov.amazonaws.com"),
        new("aws-iso", IsoRegions(), "c2s.ic.gov", "us-iso-east-1", "iam.us-iso-east-1.c2s.ic.gov"),
        new("aws-iso-b", IsoBRegions(), "sc2s.sgov.gov", "us-isob-east-1", "iam.us-isob-east-1.sc2s.sgov.gov"),
        new("aws-iso-e", IsoERegions(), "cloud.adc-e.uk", null, null),
        new("aws-iso-f", IsoFRegions(), "csp.hci.ic.gov", "us-isof-south-1", "iam.us-isof-south-1.csp.hci.ic.gov"),
        new("aws-eusc", EuscRegions(), "amazonaws.eu", null, null),
    ];

    /// <summary>The partition a region belongs to; names no partition claims fall back to <c>aws</c>, as botocore does.</summary>
    public static AwsPartition ForRegion(string region) =>
        All.FirstOrDefault(p => p.RegionPattern.IsMatch(region)) ?? All[0];

    [GeneratedRegex(@"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$")]
    private static partial Regex AwsRegions();

    [GeneratedRegex(@"^cn\-\w+\-\d+$")]
    private static partial Regex ChinaRegions();

    [GeneratedRegex(@"^us\-gov\-\w+\-\d+$")]
    private static partial Regex GovCloudRegions();

    [GeneratedRegex(@"^us\-iso\-\w+\-\d+$")]
    private static partial Regex IsoRegions();

    [GeneratedRegex(@"^us\-isob\-\w+\-\d+$")]
    private static partial Regex IsoBRegions();

    [GeneratedRegex(@"^eu\-isoe\-\w+\-\d+$")]
    private static partial Regex IsoERegions();

    [GeneratedRegex(@"^us\-isof\-\w+\-\d+$")]
    private static partial Regex IsoFRegions();

    [GeneratedRegex(@"^eusc\-(de)\-\w+\-\d+$")]
    private static partial Regex EuscRegions();
}
