using Chalice.Deploy.Aws;

namespace Chalice.Deploy.Tests.Aws.Configuration;

/// <summary>Tests that change process environment variables; they run alone, after every parallel test.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;

/// <summary>Without a profile, AWSSDK.Core's default chain reads the standard environment variables.</summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class DefaultChainTests
{
    [Fact]
    public async Task Environment_variables_supply_credentials_and_region()
    {
        using var environment = new EnvironmentScope(
            ("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret"), ("AWS_SESSION_TOKEN", "env-token"),
            ("AWS_REGION", "sa-east-1"), ("AWS_PROFILE", null), ("AWS_DEFAULT_PROFILE", null));

        var settings = AwsSettings.Resolve(new AwsSettingsRequest());

        var credentials = await settings.Credentials.GetCredentialsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("AKIDENV", "env-secret", "env-token"), (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        Assert.Equal("sa-east-1", settings.Region);
    }

    [Fact]
    public void Endpoint_variables_of_the_process_are_used_by_default()
    {
        using var environment = new EnvironmentScope(("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:4566"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", null));

        var endpoint = new AwsEndpointResolver("us-east-1").Resolve(AwsService.Sts);

        Assert.Equal(new Uri("http://127.0.0.1:4566"), endpoint.Url);
    }

    [Fact]
    public void AWS_DEFAULT_REGION_is_honoured_as_boto3_Chalice_and_the_AWS_CLI_honour_it()
    {
        using var environment = new EnvironmentScope(
            ("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret"), ("AWS_SESSION_TOKEN", null),
            ("AWS_REGION", null), ("AWS_DEFAULT_REGION", "eu-north-1"), ("AWS_PROFILE", null), ("AWS_DEFAULT_PROFILE", null),
            ("AWS_CONFIG_FILE", "/dev/null"), ("AWS_SHARED_CREDENTIALS_FILE", "/dev/null"), ("AWS_EC2_METADATA_DISABLED", "true"));

        Assert.Equal("eu-north-1", AwsSettings.Resolve(new AwsSettingsRequest()).Region);
    }

    [Fact]
    public void The_region_comes_from_the_option_then_AWS_REGION_then_AWS_DEFAULT_REGION_then_the_profile()
    {
        // The order the AWS CLI documents: a parameter beats the environment, which beats the profile's settings
        // (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html), and AWS_REGION beats
        // AWS_DEFAULT_REGION (https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html, AWS CLI v2 row).
        var profiles = Path.Combine(Path.GetTempPath(), $"chalice-credentials-{Guid.NewGuid():N}");
        File.WriteAllText(profiles, """
            [deploy]
            aws_access_key_id = AKIDPROFILE
            aws_secret_access_key = profile-secret
            region = eu-west-3
            """);
        try
        {
            using var environment = new EnvironmentScope(
                ("AWS_REGION", "ap-south-1"), ("AWS_DEFAULT_REGION", "eu-north-1"), ("AWS_EC2_METADATA_DISABLED", "true"));
            AwsSettings Resolve(string? region = null) =>
                AwsSettings.Resolve(new AwsSettingsRequest { Profile = "deploy", ProfilesLocation = profiles, Region = region });

            Assert.Equal("us-west-2", Resolve("us-west-2").Region);
            Assert.Equal("ap-south-1", Resolve().Region);
            Environment.SetEnvironmentVariable("AWS_REGION", null);
            Assert.Equal("eu-north-1", Resolve().Region);
            Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", null);
            Assert.Equal("eu-west-3", Resolve().Region);
        }
        finally
        {
            File.Delete(profiles);
        }
    }
}
