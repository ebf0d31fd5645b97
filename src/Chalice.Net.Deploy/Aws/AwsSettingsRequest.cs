namespace Chalice.Deploy.Aws;

/// <summary>What the user asked for on the command line; anything left null comes from the AWS resolution chain.</summary>
internal sealed record AwsSettingsRequest
{
    /// <summary>A named profile (<c>--profile</c>); null uses <c>AWS_PROFILE</c> or the default chain.</summary>
    public string? Profile { get; init; }

    /// <summary>An explicit region (<c>--region</c>).</summary>
    public string? Region { get; init; }

    /// <summary>An explicit endpoint for every service (<c>--endpoint-url</c>).</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>A shared credentials file other than the default one (mainly for tests).</summary>
    public string? ProfilesLocation { get; init; }
}
