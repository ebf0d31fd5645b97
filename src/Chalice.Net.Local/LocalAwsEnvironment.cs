namespace Chalice.Local;

/// <summary>Points the AWS SDK in this process at the local stand-ins, as unmodified app code expects to find AWS.</summary>
internal static class LocalAwsEnvironment
{
    /// <summary>
    /// The dummy credentials' access key id and secret, given to the app's SDK when none are configured; the local
    /// gateway accepts requests signed with them on <c>AWS_IAM</c> routes.
    /// </summary>
    public const string LocalCredential = "chalice-local";

    /// <summary>
    /// Sets <c>AWS_ENDPOINT_URL_S3</c> (an IP address, so the SDK uses path-style addressing by itself),
    /// <c>AWS_ENDPOINT_URL_SQS</c> and <c>AWS_ENDPOINT_URL_SNS</c> (the service-specific endpoint variables every AWS SDK
    /// reads, https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html); on a machine
    /// with no AWS credentials or region configured, also dummy credentials and <c>us-east-1</c>, so that no AWS
    /// account is needed. Configured credentials are left alone: they sign the local calls harmlessly and keep
    /// working for services that have no stand-in.
    /// </summary>
    public static void PointSdkAt(Uri s3Endpoint, Uri sqsEndpoint, Uri snsEndpoint)
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_S3", s3Endpoint.ToString().TrimEnd('/'));
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SQS", sqsEndpoint.ToString().TrimEnd('/'));
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SNS", snsEndpoint.ToString().TrimEnd('/'));
        if (!HasConfiguredCredentials())
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", LocalCredential);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", LocalCredential);
        }
        if (Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is null)
            SetIfAbsent("AWS_REGION", "us-east-1");
    }

    private static bool HasConfiguredCredentials()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE")))
            return true;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var credentials = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(home, ".aws", "credentials");
        var config = Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") ?? Path.Combine(home, ".aws", "config");
        return File.Exists(credentials) || File.Exists(config);
    }

    private static void SetIfAbsent(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
            Environment.SetEnvironmentVariable(name, value);
    }
}
