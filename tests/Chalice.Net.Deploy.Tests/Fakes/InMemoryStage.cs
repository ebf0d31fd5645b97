using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Planning;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Aws.Moto;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// One stage of an app deployed to an <see cref="InMemoryAws"/> account, with a state folder of its own: the app's
/// routes, config, policy and code are properties a test changes between deploys, as DeployHarness does against moto.
/// </summary>
internal sealed class InMemoryStage : IDisposable
{
    public const string Policy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::ippevent-public/*"}]}""";

    public static readonly RouteManifest ObjectsRoute =
        new("/objects/{key}", ["GET", "PUT"], "S3Objects", "s3_objects", ["application/json"], null, false, null);

    /// <summary>An open <c>GET /health</c> beside the objects routes.</summary>
    public static readonly RouteManifest HealthRoute = ObjectsRoute with { Path = "/health", Methods = ["GET"] };

    /// <summary>The objects routes behind <paramref name="authorizer"/> (open when null) and the open <see cref="HealthRoute"/>.</summary>
    public static IReadOnlyList<RouteManifest> GuardedRoutes(string? authorizer) => [ObjectsRoute with { Authorizer = authorizer }, HealthRoute];

    /// <summary>The config of a stage deploying an HTTP API (payload 2.0).</summary>
    public const string HttpApiConfig = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_type": "http" } } }""";

    private readonly string _directory = Directory.CreateTempSubdirectory("chalice-inmemory-").FullName;
    private readonly IReadOnlyList<IResourcePlanner> _planners;
    private int _zips;

    /// <param name="planners">The deployer's planners; every kind by default.</param>
    public InMemoryStage(IReadOnlyList<IResourcePlanner>? planners = null)
    {
        _planners = planners ?? ResourcePlanners.All;
        Aws = new InMemoryAws();
        Store = new DeployedStateStore(_directory, _planners);
        Code = "v1";
    }

    public InMemoryAws Aws { get; }

    public DeployedStateStore Store { get; }

    /// <summary>The config text the specs are made from.</summary>
    public string ConfigJson { get; set; } = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_stage": "api" } } }""";

    /// <summary>The inline policy the app's analysis produces.</summary>
    public string PolicyJson { get; set; } = Policy;

    /// <summary>How many times the policy was asked for.</summary>
    public int PolicyRequests { get; private set; }

    /// <summary>The app's functions besides the API (event handlers and pure functions).</summary>
    public IReadOnlyList<FunctionManifest> Functions { get; set; } = [];

    /// <summary>The deploying process's environment variables (an API key's <c>value_env</c>).</summary>
    public Dictionary<string, string> EnvironmentVariables { get; } = new(StringComparer.Ordinal);

    /// <summary>The app's routes.</summary>
    public IReadOnlyList<RouteManifest> Routes { get; set; } = [ObjectsRoute];

    /// <summary>The app's declared authorizers (<c>[JwtAuthorizer]</c> and the like).</summary>
    public IReadOnlyList<ApiAuthorizerManifest> Authorizers { get; set; } = [];

    /// <summary>The deployment package's content: a new value is new code (a new CodeSha256).</summary>
    public string Code
    {
        get;
        set
        {
            field = value;
            var zip = TestZip.Create(value);
            var path = Path.Combine(_directory, $"package-{++_zips}.zip");
            File.WriteAllBytes(path, zip);
            Package = new LambdaPackage(path, TestZip.Sha256(zip), zip.Length, "dotnet10", "S3Test", "x86_64", ["bootstrap"], "");
        }
    }

    public LambdaPackage Package { get; private set; } = null!;

    /// <summary>Packages for <c>provided.al2023</c> (a Native AOT <c>bootstrap</c>) instead of the managed runtime.</summary>
    public void UseCustomRuntime() => Package = Package with { Runtime = "provided.al2023", Handler = "bootstrap" };

    public DeploymentSpec Spec(string stage = "dev") => new()
    {
        AppName = "s3test",
        Config = ChaliceConfig.Parse(ConfigJson).ForStage(stage),
        FunctionConfig = function => ChaliceConfig.Parse(ConfigJson).ForStage(stage, function),
        Package = Package,
        Manifest = new AppManifest("s3test", [new ApiFunctionManifest(ChaliceConfig.ApiHandlerName), .. Functions], Routes) { Authorizers = Authorizers },
        EnvironmentVariable = EnvironmentVariables.GetValueOrDefault,
        Policy = _ =>
        {
            PolicyRequests++;
            return Task.FromResult(FunctionPolicies.Same(PolicyJson));
        },
    };

    public Task<DeploymentPlan> PlanAsync(string stage = "dev") =>
        new Deployer(Aws, Store, _planners).PlanAsync(Spec(stage), TestContext.Current.CancellationToken);

    /// <summary>Deploys and returns the result with the calls it made (planning included).</summary>
    public async Task<(DeploymentResult Result, AwsCallRecorder Calls)> DeployAsync(string stage = "dev")
    {
        var calls = Aws.CountCalls();
        var result = await new Deployer(Aws, Store, _planners).DeployAsync(Spec(stage), cancellationToken: TestContext.Current.CancellationToken);
        return (result, calls);
    }

    /// <summary>Deletes the stage and returns the calls it made and what it reported deleting.</summary>
    public async Task<(IReadOnlyList<string> Deleted, AwsCallRecorder Calls)> DeleteAsync(string stage = "dev")
    {
        var calls = Aws.CountCalls();
        var deleted = await new Deleter(Aws, Store, _planners).DeleteAsync("s3test", stage, cancellationToken: TestContext.Current.CancellationToken);
        return (deleted, calls);
    }

    /// <summary>
    /// Asserts what a first deploy of <see cref="GuardedRoutes"/> on an HTTP API made: the API, its integration, one
    /// authorizer, three routes and the stage, the objects routes naming the authorizer with
    /// <paramref name="authorizationType"/> and the health route open. Returns the authorizer.
    /// </summary>
    public HttpApiAuthorizer AssertGuardedHttpApiCreated(AwsCallRecorder calls, string authorizationType)
    {
        Assert.Equal(
            ["ApiGatewayV2 CreateApi", "ApiGatewayV2 CreateIntegration", "ApiGatewayV2 CreateAuthorizer", "ApiGatewayV2 CreateRoute",
             "ApiGatewayV2 CreateRoute", "ApiGatewayV2 CreateRoute", "ApiGatewayV2 CreateStage"],
            calls.MutatingOperations.Where(o => o.StartsWith("ApiGatewayV2", StringComparison.Ordinal)));
        var api = Assert.Single(Aws.FakeApiGatewayV2.Apis);
        var authorizer = Assert.Single(Aws.FakeApiGatewayV2.AuthorizersOf(api.ApiId));
        Assert.Equal(
            [("GET /health", "NONE", null), ("GET /objects/{key}", authorizationType, authorizer.AuthorizerId), ("PUT /objects/{key}", authorizationType, authorizer.AuthorizerId)],
            Aws.FakeApiGatewayV2.Inspect(api.ApiId).Routes.OrderBy(r => r.RouteKey, StringComparer.Ordinal).Select(r => (r.RouteKey, r.AuthorizationType, r.AuthorizerId)));
        return authorizer;
    }

    /// <summary>
    /// Redeploys an HTTP API app as deployed: asserts that no call mutates anything and that the authorizers the routes
    /// name are read (by id: GetAuthorizer).
    /// </summary>
    public async Task AssertHttpApiRedeployChangesNothingAsync()
    {
        var (_, calls) = await DeployAsync();

        Assert.Equal(0, calls.MutatingCalls);
        Assert.Contains("ApiGatewayV2 GetAuthorizer", calls.Attempts.Select(a => a.Operation.ToString()));
    }

    /// <summary>
    /// Deploys what a test changed since the last deploy of the HTTP API app: asserts the mutating calls are exactly
    /// <paramref name="expected"/> and that one more deploy makes none. Returns the API's authorizers after it.
    /// </summary>
    public async Task<IReadOnlyList<HttpApiAuthorizer>> AssertHttpApiChangeAsync(IReadOnlyList<string> expected)
    {
        var (_, calls) = await DeployAsync();

        Assert.Equal(expected, calls.MutatingOperations);
        Assert.Equal(0, (await DeployAsync()).Calls.MutatingCalls);
        return Aws.FakeApiGatewayV2.AuthorizersOf(Assert.Single(Aws.FakeApiGatewayV2.Apis).ApiId);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
