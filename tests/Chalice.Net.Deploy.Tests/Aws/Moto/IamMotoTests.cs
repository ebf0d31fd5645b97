using Chalice.Deploy.Aws.Iam;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Moto;

/// <summary>The IAM client against moto, cross-checked with the AWS CLI.</summary>
public sealed class IamMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private const string InlinePolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket/a b+c/*"}]}""";

    [Fact]
    public async Task Create_role_put_policy_get_policy_round_trip()
    {
        using var aws = new MotoClients(moto);
        var iam = aws.Clients.Iam;
        var ct = TestContext.Current.CancellationToken;

        var created = await iam.CreateRoleAsync(new CreateRoleRequest
        {
            RoleName = "roundtrip-dev",
            AssumeRolePolicyDocument = TrustPolicy,
            Path = "/chalice/",
            Description = "Chalice.Net test role",
            Tags = new Dictionary<string, string> { ["app"] = "roundtrip", ["stage"] = "dev" },
        }, ct);
        await iam.PutRolePolicyAsync("roundtrip-dev", "roundtrip-dev", InlinePolicy, ct);

        var policy = await iam.GetRolePolicyAsync("roundtrip-dev", "roundtrip-dev", ct);
        var role = await iam.GetRoleAsync("roundtrip-dev", ct);

        Assert.Equal("arn:aws:iam::123456789012:role/chalice/roundtrip-dev", created.Arn);
        Assert.Equal(InlinePolicy, policy);
        Assert.NotNull(role);
        Assert.Equal(created.RoleId, role.RoleId);
        Assert.Equal("/chalice/", role.Path);
        Assert.Equal("Chalice.Net test role", role.Description);
        Assert.Equal(TrustPolicy, role.AssumeRolePolicyDocument);
        Assert.Equal(["roundtrip-dev"], await iam.ListRolePoliciesAsync("roundtrip-dev", ct));
        Assert.Equal(new Dictionary<string, string> { ["app"] = "roundtrip", ["stage"] = "dev" }, role.Tags);

        var cliPolicy = await AwsCli.RunAsync(moto, "iam", "get-role-policy", "--role-name", "roundtrip-dev", "--policy-name", "roundtrip-dev");
        Assert.Equal("arn:aws:s3:::bucket/a b+c/*",
            cliPolicy.GetProperty("PolicyDocument").GetProperty("Statement")[0].GetProperty("Resource").GetString());
    }

    [Fact]
    public async Task Missing_role_and_policy_read_as_null_and_deleting_cleans_up()
    {
        using var aws = new MotoClients(moto);
        var iam = aws.Clients.Iam;
        var ct = TestContext.Current.CancellationToken;
        await iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "cleanup-dev", AssumeRolePolicyDocument = TrustPolicy }, ct);
        await iam.PutRolePolicyAsync("cleanup-dev", "inline", InlinePolicy, ct);
        await iam.UpdateAssumeRolePolicyAsync("cleanup-dev", TrustPolicy.Replace("lambda", "apigateway", StringComparison.Ordinal), ct);
        await iam.TagRoleAsync("cleanup-dev", new Dictionary<string, string> { ["owner"] = "tests" }, ct);

        Assert.Contains("apigateway.amazonaws.com", (await iam.GetRoleAsync("cleanup-dev", ct))!.AssumeRolePolicyDocument);
        Assert.Equal("tests", (await iam.GetRoleAsync("cleanup-dev", ct))!.Tags["owner"]);
        Assert.Null(await iam.GetRolePolicyAsync("cleanup-dev", "absent", ct));

        await iam.DeleteRolePolicyAsync("cleanup-dev", "inline", ct);
        await iam.DeleteRoleAsync("cleanup-dev", ct);

        Assert.Null(await iam.GetRoleAsync("cleanup-dev", ct));
        var roles = await AwsCli.RunAsync(moto, "iam", "list-roles");
        Assert.DoesNotContain(roles.GetProperty("Roles").EnumerateArray(), r => r.GetProperty("RoleName").GetString() == "cleanup-dev");
    }

    [Fact]
    public async Task Errors_carry_service_operation_code_and_message()
    {
        using var aws = new MotoClients(moto);
        var error = await Assert.ThrowsAsync<Chalice.Deploy.Aws.AwsServiceException>(() =>
            aws.Clients.Iam.DeleteRoleAsync("never-created", TestContext.Current.CancellationToken));

        Assert.Equal("IAM", error.Service);
        Assert.Equal("DeleteRole", error.Operation);
        Assert.Equal("NoSuchEntity", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("never-created", error.AwsMessage);
        Assert.DoesNotContain("<", error.Message);
    }
}
