using System.Text.Json;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Moto;

/// <summary>The Lambda client against moto: a function's whole life, cross-checked with the AWS CLI.</summary>
public sealed class LambdaMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task Function_lifecycle_create_get_update_permissions_concurrency_delete()
    {
        using var aws = new MotoClients(moto);
        var lambda = aws.Clients.Lambda;
        var ct = TestContext.Current.CancellationToken;
        var role = await aws.Clients.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "lifecycle-role", AssumeRolePolicyDocument = TrustPolicy }, ct);
        var zip = TestZip.Create("#!/bin/sh\necho v1\n");

        var created = await lambda.CreateFunctionAsync(new CreateFunctionRequest
        {
            FunctionName = "lifecycle-dev",
            Role = role.Arn,
            Code = new LambdaFunctionCode { ZipFile = zip },
            Runtime = "provided.al2023",
            Handler = "bootstrap",
            Architectures = ["arm64"],
            MemorySize = 256,
            Timeout = 30,
            Description = "v1",
            Environment = new LambdaEnvironment { Variables = new Dictionary<string, string> { ["STAGE"] = "dev" } },
            Tags = new Dictionary<string, string> { ["aws-chalice"] = "version=1:stage=dev:app=lifecycle" },
        }, ct);
        await aws.Clients.LambdaWaiter.WaitUntilActiveAsync("lifecycle-dev", ct);

        Assert.Equal(TestZip.Sha256(zip), created.CodeSha256);
        var fetched = await lambda.GetFunctionAsync("lifecycle-dev", ct);
        Assert.NotNull(fetched);
        Assert.Equal(created.FunctionArn, fetched.Configuration.FunctionArn);
        Assert.Equal(["arm64"], fetched.Configuration.Architectures);
        Assert.Equal(256, fetched.Configuration.MemorySize);
        Assert.Equal("dev", fetched.Configuration.Environment!.Variables!["STAGE"]);
        Assert.Equal("version=1:stage=dev:app=lifecycle", fetched.Tags!["aws-chalice"]);

        var zip2 = TestZip.Create("#!/bin/sh\necho v2\n");
        var updatedCode = await lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = "lifecycle-dev", ZipFile = zip2 }, ct);
        await aws.Clients.LambdaWaiter.WaitUntilUpdatedAsync("lifecycle-dev", ct);
        var updatedConfig = await lambda.UpdateFunctionConfigurationAsync(new UpdateFunctionConfigurationRequest
        {
            FunctionName = "lifecycle-dev",
            MemorySize = 512,
            Timeout = 60,
            Description = "v2",
            Environment = new LambdaEnvironment { Variables = new Dictionary<string, string> { ["STAGE"] = "prod" } },
        }, ct);
        Assert.Equal(TestZip.Sha256(zip2), updatedCode.CodeSha256);
        Assert.Equal(512, updatedConfig.MemorySize);

        var cliConfig = await AwsCli.RunAsync(moto, "lambda", "get-function-configuration", "--function-name", "lifecycle-dev");
        Assert.Equal(512, cliConfig.GetProperty("MemorySize").GetInt32());
        Assert.Equal(60, cliConfig.GetProperty("Timeout").GetInt32());
        Assert.Equal("prod", cliConfig.GetProperty("Environment").GetProperty("Variables").GetProperty("STAGE").GetString());
        Assert.Equal(TestZip.Sha256(zip2), cliConfig.GetProperty("CodeSha256").GetString());

        var statement = await lambda.AddPermissionAsync(new AddPermissionRequest
        {
            FunctionName = "lifecycle-dev",
            StatementId = "apigateway-invoke",
            Action = "lambda:InvokeFunction",
            Principal = "apigateway.amazonaws.com",
            SourceArn = "arn:aws:execute-api:us-east-1:123456789012:abc123/*",
        }, ct);
        Assert.Equal("apigateway-invoke", JsonDocument.Parse(statement).RootElement.GetProperty("Sid").GetString());
        var policy = await lambda.GetPolicyAsync("lifecycle-dev", ct);
        Assert.NotNull(policy);
        Assert.Contains("apigateway-invoke", policy.Policy);
        await lambda.RemovePermissionAsync("lifecycle-dev", "apigateway-invoke", ct);
        Assert.DoesNotContain("apigateway-invoke", (await lambda.GetPolicyAsync("lifecycle-dev", ct))?.Policy ?? "");

        Assert.Equal(5, await lambda.PutFunctionConcurrencyAsync("lifecycle-dev", 5, ct));
        Assert.Equal(5, (await lambda.GetFunctionAsync("lifecycle-dev", ct))!.Concurrency?.ReservedConcurrentExecutions);
        var cliConcurrency = await AwsCli.RunAsync(moto, "lambda", "get-function-concurrency", "--function-name", "lifecycle-dev");
        Assert.Equal(5, cliConcurrency.GetProperty("ReservedConcurrentExecutions").GetInt32());
        await lambda.DeleteFunctionConcurrencyAsync("lifecycle-dev", ct);
        Assert.Null((await lambda.GetFunctionAsync("lifecycle-dev", ct))!.Concurrency?.ReservedConcurrentExecutions);

        await lambda.TagResourceAsync(created.FunctionArn!, new Dictionary<string, string> { ["team"] = "platform" }, ct);
        Assert.Equal("platform", (await lambda.GetFunctionAsync("lifecycle-dev", ct))!.Tags!["team"]);
        await lambda.UntagResourceAsync(created.FunctionArn!, ["team"], ct);
        Assert.False((await lambda.GetFunctionAsync("lifecycle-dev", ct))!.Tags?.ContainsKey("team") ?? false);

        await lambda.DeleteFunctionAsync("lifecycle-dev", ct);
        Assert.Null(await lambda.GetFunctionAsync("lifecycle-dev", ct));
        var functions = await AwsCli.RunAsync(moto, "lambda", "list-functions");
        Assert.DoesNotContain(functions.GetProperty("Functions").EnumerateArray(), f => f.GetProperty("FunctionName").GetString() == "lifecycle-dev");
    }

    [Fact]
    public async Task Reads_are_not_counted_as_mutations()
    {
        using var aws = new MotoClients(moto);
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await aws.Clients.Lambda.GetFunctionAsync("does-not-exist", ct));
        Assert.Null(await aws.Clients.Lambda.GetPolicyAsync("does-not-exist", ct));

        Assert.Equal(0, aws.Recorder.MutatingCalls);
        Assert.Equal(2, aws.Recorder.ReadCalls);
        Assert.All(aws.Recorder.Attempts, a => Assert.Equal(System.Net.HttpStatusCode.NotFound, a.StatusCode));
    }

    [Fact]
    public async Task Creating_an_existing_function_is_a_conflict()
    {
        using var aws = new MotoClients(moto);
        var ct = TestContext.Current.CancellationToken;
        var role = await aws.Clients.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "conflict-role", AssumeRolePolicyDocument = TrustPolicy }, ct);
        var request = new CreateFunctionRequest
        {
            FunctionName = "conflict-dev",
            Role = role.Arn,
            Code = new LambdaFunctionCode { ZipFile = TestZip.Create("x") },
            Runtime = "provided.al2023",
            Handler = "bootstrap",
        };
        await aws.Clients.Lambda.CreateFunctionAsync(request, ct);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Clients.Lambda.CreateFunctionAsync(request, ct));

        Assert.Equal("ResourceConflictException", error.ErrorCode);
        Assert.False(error.MayHaveSucceeded);
    }
}
