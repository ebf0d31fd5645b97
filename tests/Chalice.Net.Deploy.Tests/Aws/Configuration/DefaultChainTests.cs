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

    /// <summary>Sets variables for the scope of a test and restores the previous values.</summary>
    private sealed class EnvironmentScope : IDisposable
    {
        private readonly List<(string Name, string? Previous)> _previous = [];

        public EnvironmentScope(params (string Name, string? Value)[] variables)
        {
            foreach (var (name, value) in variables)
            {
                _previous.Add((name, Environment.GetEnvironmentVariable(name)));
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, previous) in _previous)
                Environment.SetEnvironmentVariable(name, previous);
        }
    }
}
