using System.Text;
using System.Text.Json;
using Chalice.Deploy.OpenApi;
using Chalice.Deploy.Tests.Aws.Model;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// tests/TestApps/AuthApp (a TOKEN and a REQUEST authorizer) deployed to moto with the real clients and checked with
/// the AWS CLI: each authorizer is a Lambda function of its own whose policy lets API Gateway invoke it for the API's
/// authorizers, and the definition put names it by its invocation URI; a no-op redeploy makes no mutating call; delete
/// leaves nothing. Every request sent is validated against the botocore model.
/// </summary>
public sealed class AuthAppMotoTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const string Config = """{ "app_name": "authapp", "stages": { "dev": { "api_gateway_stage": "api" } } }""";

    private DeployHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        moto.EnsureAvailable();
        await moto.ResetAsync();
        _harness = new DeployHarness(moto.Endpoint) { AppName = "authapp", ConfigJson = Config };
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            ModelConformance.AssertConform(_harness.Capture.Requests);
        }
        finally
        {
            _harness.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Authorizer_functions_and_their_permissions_deploy_converge_and_delete_as_the_AWS_CLI_sees_them()
    {
        var app = (await apps.AuthApp).WithoutCors();

        var (result, first) = await _harness.DeployAsync(_harness.Spec(app));

        var restApiId = result.State.Resources.OfType<State.DeployedRestApi>().Single().RestApiId;
        foreach (var authorizer in new[] { "Tokens", "ByTenant" })
        {
            // Its own function ({app}-{stage}-{name}, as Chalice names it), selected on the managed runtime by CHALICE_FUNCTION.
            var function = (await AwsCli.RunAsync(moto, "lambda", "get-function", "--function-name", $"authapp-dev-{authorizer}")).GetProperty("Configuration");
            var arn = function.GetProperty("FunctionArn").GetString()!;
            Assert.Equal(authorizer, function.GetProperty("Environment").GetProperty("Variables").GetProperty("CHALICE_FUNCTION").GetString());

            // API Gateway may invoke it as one of this API's authorizers, and nothing else.
            var policy = JsonDocument.Parse((await AwsCli.RunAsync(moto, "lambda", "get-policy", "--function-name", $"authapp-dev-{authorizer}"))
                .GetProperty("Policy").GetString()!).RootElement;
            var statement = policy.GetProperty("Statement").EnumerateArray().Single();
            Assert.Equal("apigateway.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
            Assert.Equal($"arn:aws:execute-api:{MotoServer.Region}:123456789012:{restApiId}/authorizers/*",
                statement.GetProperty("Condition").GetProperty("ArnLike").GetProperty("AWS:SourceArn").GetString());

            // The definition imported names the function as the authorizer's URI (moto 5.2.1 does not turn an imported
            // document's security schemes into authorizers, so the document put is what is checked; AWS creates them
            // from x-amazon-apigateway-authorizer: api-gateway-swagger-extensions-authorizer.html).
            var scheme = LastDefinition().GetProperty("components").GetProperty("securitySchemes").GetProperty(authorizer);
            Assert.Equal(OpenApiSettings.LambdaIntegrationUri("aws", MotoServer.Region, arn),
                scheme.GetProperty("x-amazon-apigateway-authorizer").GetProperty("authorizerUri").GetString());
        }

        var (_, noop) = await _harness.DeployAsync(_harness.Spec(app));
        Assert.Equal(0, noop.MutatingCalls);

        var delete = await _harness.DeleteAsync();
        Assert.Empty((await AwsCli.RunAsync(moto, "lambda", "list-functions")).GetProperty("Functions").EnumerateArray());
        Assert.Empty((await AwsCli.RunAsync(moto, "apigateway", "get-rest-apis")).GetProperty("items").EnumerateArray());

        TestContext.Current.TestOutputHelper!.WriteLine(
            $"AuthApp against moto: first deploy {first.ReadCalls + first.MutatingCalls} calls ({first.MutatingCalls} mutating), " +
            $"no-op {noop.ReadCalls} reads, delete {delete.ReadCalls + delete.MutatingCalls} calls ({delete.MutatingCalls} mutating)");
    }

    /// <summary>The OpenAPI document of the last PutRestApi sent.</summary>
    private JsonElement LastDefinition() =>
        JsonDocument.Parse(Encoding.UTF8.GetString(_harness.Capture.Requests.Last(r => r.Operation?.Name == "PutRestApi").Body)).RootElement;
}
