using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// The in-memory account answers as moto (an AWS-compatible peer nobody here wrote) does for every operation the
/// deployer uses: the same script runs against both, through the same interfaces, and their transcripts (results,
/// ARNs, hashes, tags, policies; error codes and statuses) must be equal. Left out are the known places where moto
/// departs from AWS and the fake follows AWS (shared/docs/AWS-OFFLINE.md): functions that are Active at once,
/// duplicate permission statement ids accepted, an empty policy instead of ResourceNotFoundException for a function
/// without statements (https://github.com/getmoto/moto/issues/7475), and a 500 for an unknown REST API id on writes.
/// </summary>
public sealed class InMemoryAwsParityTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Trust =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private const string Inline = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    [Fact]
    public async Task The_in_memory_account_answers_the_deployers_calls_as_moto_does()
    {
        moto.EnsureAvailable();
        await moto.ResetAsync();
        using var motoClients = new MotoClients(moto);

        var fromMoto = await TranscriptAsync(motoClients.Clients);
        var inMemory = await TranscriptAsync(new InMemoryAws());

        Assert.Equal(fromMoto, inMemory);
        Assert.Contains("CreateRole: arn:aws:iam::123456789012:role/parity-dev", inMemory);
        Assert.Contains("CreateRole again: EntityAlreadyExists 409 not-found=False", inMemory);
        Assert.Contains("DeleteRole with a policy: DeleteConflict 409 not-found=False", inMemory);
        Assert.Contains("CreateFunction: arn:aws:lambda:us-east-1:123456789012:function:parity-fn True True", inMemory);
        Assert.Contains("RemovePermission missing: ResourceNotFoundException 404 not-found=True", inMemory);
        Assert.Contains("CreateDeployment of an empty API: BadRequestException 400 not-found=False", inMemory);
    }

    private static async Task<IReadOnlyList<string>> TranscriptAsync(IAwsApis aws)
    {
        var transcript = new ParityTranscript();

        var iam = aws.Iam;
        await transcript.Step("GetRole missing", async () => await iam.GetRoleAsync("parity-dev") is null);
        await transcript.Step("CreateRole", async () =>
        {
            var role = await iam.CreateRoleAsync(new CreateRoleRequest
            {
                RoleName = "parity-dev", AssumeRolePolicyDocument = Trust, Tags = new Dictionary<string, string> { ["app"] = "parity" },
            });
            return role.Arn;
        });
        await transcript.Step("CreateRole again", async () => await iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "parity-dev", AssumeRolePolicyDocument = Trust }));
        await transcript.Step("TagRole", async () =>
        {
            await iam.TagRoleAsync("parity-dev", new Dictionary<string, string> { ["stage"] = "dev" });
            var role = (await iam.GetRoleAsync("parity-dev"))!;
            return $"{Sorted(role.Tags)} trust={Same(role.AssumeRolePolicyDocument, Trust)}";
        });
        await transcript.Step("GetRolePolicy missing", async () => await iam.GetRolePolicyAsync("parity-dev", "parity-dev") is null);
        await transcript.Step("PutRolePolicy malformed", async () =>
        {
            await iam.PutRolePolicyAsync("parity-dev", "parity-dev", "{not json");
            return null;
        });
        await transcript.Step("PutRolePolicy", async () =>
        {
            await iam.PutRolePolicyAsync("parity-dev", "parity-dev", Inline);
            return Same(await iam.GetRolePolicyAsync("parity-dev", "parity-dev"), Inline);
        });
        await transcript.Step("ListRolePolicies", async () => string.Join(",", await iam.ListRolePoliciesAsync("parity-dev")));
        await transcript.Step("DeleteRole with a policy", async () =>
        {
            await iam.DeleteRoleAsync("parity-dev");
            return null;
        });
        await transcript.Step("DeleteRolePolicy missing", async () =>
        {
            await iam.DeleteRolePolicyAsync("parity-dev", "absent");
            return null;
        });

        var lambda = aws.Lambda;
        var roleArn = (await iam.GetRoleAsync("parity-dev"))!.Arn;
        var zip = Zip("v1");
        await transcript.Step("GetFunction missing", async () => await lambda.GetFunctionAsync("parity-fn") is null);
        await transcript.Step("CreateFunction with a missing role", async () => await lambda.CreateFunctionAsync(
            Function("parity-other", "arn:aws:iam::123456789012:role/absent", zip)));
        await transcript.Step("CreateFunction", async () =>
        {
            var created = await lambda.CreateFunctionAsync(Function("parity-fn", roleArn, zip));
            // As the deployer does: Lambda rejects updates until the function is Active (moto is at once).
            await aws.LambdaWaiter.WaitUntilActiveAsync("parity-fn");
            return $"{created.FunctionArn} {created.CodeSha256 == TestZip.Sha256(zip)} {created.Role == roleArn}";
        });
        await transcript.Step("CreateFunction again", async () => await lambda.CreateFunctionAsync(Function("parity-fn", roleArn, zip)));
        await transcript.Step("GetFunction", async () =>
        {
            var function = (await lambda.GetFunctionAsync("parity-fn"))!;
            var c = function.Configuration;
            return $"{c.Runtime} {c.Handler} {c.MemorySize} {c.Timeout} {c.Environment?.Variables?["K"]} {string.Join(",", c.Architectures ?? [])} " +
                   $"tags={Sorted(function.Tags)} concurrency={function.Concurrency?.ReservedConcurrentExecutions}";
        });
        await transcript.Step("UpdateFunctionCode", async () =>
        {
            var updated = await lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = "parity-fn", ZipFile = Zip("v2") });
            await aws.LambdaWaiter.WaitUntilUpdatedAsync("parity-fn");
            return updated.CodeSha256 == TestZip.Sha256(Zip("v2"));
        });
        await transcript.Step("UpdateFunctionConfiguration", async () =>
        {
            await lambda.UpdateFunctionConfigurationAsync(new UpdateFunctionConfigurationRequest { FunctionName = "parity-fn", MemorySize = 256, Timeout = 30 });
            await aws.LambdaWaiter.WaitUntilUpdatedAsync("parity-fn");
            var c = (await lambda.GetFunctionAsync("parity-fn"))!.Configuration;
            return $"{c.MemorySize} {c.Timeout} {c.Handler}";
        });
        await transcript.Step("Tags and concurrency", async () =>
        {
            var arn = (await lambda.GetFunctionAsync("parity-fn"))!.Configuration.FunctionArn!;
            await lambda.TagResourceAsync(arn, new Dictionary<string, string> { ["team"] = "core", ["gone"] = "x" });
            await lambda.UntagResourceAsync(arn, ["gone"]);
            await lambda.PutFunctionConcurrencyAsync("parity-fn", 3);
            var function = (await lambda.GetFunctionAsync("parity-fn"))!;
            await lambda.DeleteFunctionConcurrencyAsync("parity-fn");
            var after = (await lambda.GetFunctionAsync("parity-fn"))!;
            return $"{Sorted(function.Tags)} {function.Concurrency?.ReservedConcurrentExecutions} {after.Concurrency?.ReservedConcurrentExecutions}";
        });
        await transcript.Step("AddPermission", async () =>
        {
            await lambda.AddPermissionAsync(new AddPermissionRequest
            {
                FunctionName = "parity-fn", StatementId = "invoke", Action = "lambda:InvokeFunction", Principal = "apigateway.amazonaws.com",
                SourceArn = "arn:aws:execute-api:us-east-1:123456789012:abc123/*",
            });
            var statement = JsonNode.Parse((await lambda.GetPolicyAsync("parity-fn"))!.Policy)!["Statement"]!.AsArray().Single()!;
            return $"{statement["Sid"]} {statement["Effect"]} {statement["Principal"]!["Service"]} {statement["Action"]} {statement["Resource"]} " +
                   $"{statement["Condition"]!["ArnLike"]!["AWS:SourceArn"]}";
        });
        await transcript.Step("RemovePermission", async () =>
        {
            await lambda.RemovePermissionAsync("parity-fn", "invoke");
            return null;
        });
        await transcript.Step("RemovePermission missing", async () =>
        {
            await lambda.RemovePermissionAsync("parity-fn", "invoke");
            return null;
        });
        await transcript.Step("DeleteFunction", async () =>
        {
            await lambda.DeleteFunctionAsync("parity-fn");
            return await lambda.GetFunctionAsync("parity-fn") is null;
        });
        await transcript.Step("DeleteFunction missing", async () =>
        {
            await lambda.DeleteFunctionAsync("parity-fn");
            return null;
        });
        await transcript.Step("UpdateFunctionCode missing", async () =>
            await lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = "parity-fn", ZipFile = zip }));

        var apiGateway = aws.ApiGateway;
        string apiId = "";
        await transcript.Step("GetRestApi missing", async () => await apiGateway.GetRestApiAsync("a1b2c3d4e5") is null);
        await transcript.Step("CreateRestApi", async () =>
        {
            var api = await apiGateway.CreateRestApiAsync(new CreateRestApiRequest
            {
                Name = "parity-dev", Description = "d", EndpointConfiguration = new EndpointConfiguration { Types = ["EDGE"] },
                Tags = new Dictionary<string, string> { ["app"] = "parity" },
            });
            apiId = api.Id;
            var read = (await apiGateway.GetRestApiAsync(api.Id))!;
            return $"{read.Name} {read.Description} {Sorted(read.Tags)} {api.Id.Length}";
        });
        await transcript.Step("CreateDeployment of an empty API", async () => await apiGateway.CreateDeploymentAsync(new CreateDeploymentRequest { RestApiId = apiId, StageName = "api" }));
        await transcript.Step("GetStage missing", async () => await apiGateway.GetStageAsync(apiId, "api") is null);
        await transcript.Step("PutRestApi and CreateDeployment", async () =>
        {
            await apiGateway.PutRestApiAsync(new PutRestApiRequest { RestApiId = apiId, Body = ApiGatewayMotoTests.OpenApi("parity-dev", "/items") });
            var deployment = await apiGateway.CreateDeploymentAsync(new CreateDeploymentRequest { RestApiId = apiId, StageName = "api" });
            return (await apiGateway.GetStageAsync(apiId, "api"))!.DeploymentId == deployment.Id;
        });
        await transcript.Step("GetRestApis", async () => string.Join(",", (await apiGateway.GetRestApisAsync()).Select(a => a.Name)));

        string keyId = "", planId = "";
        await transcript.Step("CreateApiKey", async () =>
        {
            var key = await apiGateway.CreateApiKeyAsync(new CreateApiKeyRequest
            {
                Name = "parity-dev-partner", Description = "d", Enabled = true, Value = "parity-key-value-0123456789",
                Tags = new Dictionary<string, string> { ["app"] = "parity" },
            });
            keyId = key.Id;
            return $"{key.Name} {key.Enabled} {key.Value} {Sorted(key.Tags)}";
        });
        await transcript.Step("GetApiKeys", async () => string.Join(",", (await apiGateway.GetApiKeysAsync(includeValues: false)).Select(k => $"{k.Name} {k.Value ?? "(no value)"}")));
        await transcript.Step("GetApiKeys with values", async () => string.Join(",", (await apiGateway.GetApiKeysAsync(includeValues: true)).Select(k => k.Value)));
        await transcript.Step("UpdateApiKey", async () => (await apiGateway.UpdateApiKeyAsync(keyId, [new PatchOperation("replace", "/enabled", "false")])).Enabled);
        await transcript.Step("UpdateApiKey missing", async () => await apiGateway.UpdateApiKeyAsync("a1b2c3d4e5", [new PatchOperation("replace", "/enabled", "true")]));
        await transcript.Step("CreateUsagePlan", async () =>
        {
            var plan = await apiGateway.CreateUsagePlanAsync(new CreateUsagePlanRequest
            {
                Name = "parity-dev", Description = "d", ApiStages = [new ApiStage(apiId, "api")],
                Throttle = new ThrottleSettings { RateLimit = 12.5, BurstLimit = 20 }, Quota = new QuotaSettings { Limit = 1000, Period = "DAY" },
                Tags = new Dictionary<string, string> { ["app"] = "parity" },
            });
            planId = plan.Id;
            return $"{plan.Name} {string.Join(",", plan.ApiStages!.Select(s => s.ApiId == apiId ? s.Stage : "?"))} {plan.Throttle} {plan.Quota} {Sorted(plan.Tags)}";
        });
        await transcript.Step("UpdateUsagePlan", async () =>
        {
            var plan = await apiGateway.UpdateUsagePlanAsync(planId,
                [new PatchOperation("replace", "/throttle/burstLimit", "30"), new PatchOperation("remove", "/quota"), new PatchOperation("remove", "/apiStages", $"{apiId}:api")]);
            var read = (await apiGateway.GetUsagePlansAsync()).Single(p => p.Id == planId);
            return $"{plan.Throttle} {plan.Quota?.ToString() ?? "(no quota)"} {plan.ApiStages?.Count ?? 0} {read.Throttle}";
        });
        await transcript.Step("CreateUsagePlanKey", async () =>
        {
            var key = await apiGateway.CreateUsagePlanKeyAsync(planId, keyId);
            await apiGateway.CreateUsagePlanKeyAsync(planId, keyId);
            return $"{key.Id == keyId} {key.Type} {key.Name} {(await apiGateway.GetUsagePlanKeysAsync(planId)).Count}";
        });
        await transcript.Step("CreateUsagePlanKey of a missing key", async () => await apiGateway.CreateUsagePlanKeyAsync(planId, "a1b2c3d4e5"));
        await transcript.Step("DeleteUsagePlanKey", async () =>
        {
            await apiGateway.DeleteUsagePlanKeyAsync(planId, keyId);
            return (await apiGateway.GetUsagePlanKeysAsync(planId)).Count;
        });
        await transcript.Step("DeleteUsagePlan", async () =>
        {
            await apiGateway.DeleteUsagePlanAsync(planId);
            return (await apiGateway.GetUsagePlansAsync()).Count;
        });
        await transcript.Step("DeleteApiKey", async () =>
        {
            await apiGateway.DeleteApiKeyAsync(keyId);
            return (await apiGateway.GetApiKeysAsync(includeValues: false)).Count;
        });
        await transcript.Step("DeleteApiKey missing", async () =>
        {
            await apiGateway.DeleteApiKeyAsync(keyId);
            return null;
        });
        await transcript.Step("DeleteRestApi", async () =>
        {
            await apiGateway.DeleteRestApiAsync(apiId);
            return await apiGateway.GetRestApiAsync(apiId) is null;
        });
        return transcript.Lines;
    }

    private static CreateFunctionRequest Function(string name, string role, byte[] zip) => new()
    {
        FunctionName = name, Role = role, Code = new LambdaFunctionCode { ZipFile = zip }, Runtime = "dotnet10", Handler = "App",
        MemorySize = 128, Timeout = 3, Architectures = ["x86_64"],
        Environment = new LambdaEnvironment { Variables = new Dictionary<string, string> { ["K"] = "V" } },
        Tags = new Dictionary<string, string> { ["app"] = "parity" },
    };

    private static byte[] Zip(string content)
    {
        // Fixed entry times, so that the same content gives the same bytes (and CodeSha256) on both sides.
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("bootstrap");
            entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }
        return buffer.ToArray();
    }

    private static string Sorted(IReadOnlyDictionary<string, string>? tags) =>
        string.Join(",", (tags ?? new Dictionary<string, string>()).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));

    private static bool Same(string? left, string right) => left is not null && JsonNode.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right));
}
