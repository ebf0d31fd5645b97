using Chalice.Deploy.Aws;

namespace Chalice.Deploy.Tests.Aws.Configuration;

/// <summary>Credentials and region through AWSSDK.Core's resolution (a temporary shared credentials file).</summary>
public sealed class AwsSettingsTests : IDisposable
{
    private readonly string _credentialsFile = Path.Combine(Path.GetTempPath(), $"chalice-credentials-{Guid.NewGuid():N}");

    public AwsSettingsTests() => File.WriteAllText(_credentialsFile, """
        [deploy]
        aws_access_key_id = AKIDPROFILE
        aws_secret_access_key = profile-secret
        aws_session_token = profile-token
        region = eu-west-3

        [sso-dev]
        sso_start_url = https://example.awsapps.com/start
        sso_region = us-east-1
        sso_account_id = 123456789012
        sso_role_name = Deployer
        region = us-west-2

        [keys-only]
        aws_access_key_id = AKIDKEYS
        aws_secret_access_key = keys-secret
        """);

    [Fact]
    public async Task A_named_profile_supplies_credentials_and_region()
    {
        var settings = AwsSettings.Resolve(new AwsSettingsRequest { Profile = "deploy", ProfilesLocation = _credentialsFile });

        var credentials = await settings.Credentials.GetCredentialsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("AKIDPROFILE", "profile-secret", "profile-token"), (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        Assert.Equal("eu-west-3", settings.Region);
    }

    [Fact]
    public async Task An_explicit_region_and_endpoint_win()
    {
        var settings = AwsSettings.Resolve(new AwsSettingsRequest
        {
            Profile = "keys-only", ProfilesLocation = _credentialsFile, Region = "ap-south-1", EndpointUrl = new Uri("http://127.0.0.1:4566"),
        });

        var credentials = await settings.Credentials.GetCredentialsAsync(TestContext.Current.CancellationToken);
        Assert.Null(credentials.SessionToken);
        Assert.Equal("ap-south-1", settings.Region);
        Assert.Equal("127.0.0.1", settings.Endpoints().Resolve(AwsService.Lambda).Url.Host);
    }

    [Fact]
    public async Task An_sso_profile_without_a_login_asks_for_one()
    {
        var settings = AwsSettings.Resolve(new AwsSettingsRequest { Profile = "sso-dev", ProfilesLocation = _credentialsFile });

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(async () =>
            await settings.Credentials.GetCredentialsAsync(TestContext.Current.CancellationToken));

        Assert.Equal("us-west-2", settings.Region);
        Assert.Equal("Could not obtain AWS credentials: No valid SSO Token could be found. Run 'aws sso login' and try again.", error.Message);
    }

    [Fact]
    public void An_unknown_profile_is_a_clear_configuration_error()
    {
        var error = Assert.Throws<AwsConfigurationException>(() =>
            AwsSettings.Resolve(new AwsSettingsRequest { Profile = "nope", ProfilesLocation = _credentialsFile, Region = "us-east-1" }));

        Assert.StartsWith("AWS profile 'nope' was not found", error.Message);
        Assert.Contains("aws configure --profile nope", error.Message);
    }

    [Fact]
    public void Credentials_never_print_their_secret()
    {
        var text = new Chalice.Deploy.Aws.Signing.AwsCredentials("AKID", "very-secret", "token").ToString();

        Assert.Contains("AKID", text);
        Assert.DoesNotContain("very-secret", text);
        Assert.DoesNotContain("token\"", text);
    }

    public void Dispose() => File.Delete(_credentialsFile);
}
