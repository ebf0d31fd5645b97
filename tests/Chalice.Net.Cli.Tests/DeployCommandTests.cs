using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chalice.Tests;

namespace Chalice.Cli.Tests;

/// <summary>
/// deploy, url, delete and package of samples/S3Test through the command line against moto, checked with the AWS CLI.
/// Each test uses a stage of its own, so its state file never meets another test's.
/// </summary>
public sealed class DeployCommandTests(MotoServer moto, S3TestPackage package) : IClassFixture<MotoServer>
{
    static DeployCommandTests()
    {
        // The default credential chain of the in-process CLI; moto accepts any keys.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    private string[] Aws(string command, string stage, params string[] extra) =>
        [command, "--project-dir", S3TestPackage.AppDirectory, "--stage", stage, "--endpoint-url", moto.Endpoint.ToString(), "--region", MotoServer.Region, .. extra];

    [Fact]
    public async Task Deploy_url_redeploy_and_delete_samples_S3Test()
    {
        moto.EnsureAvailable();
        var directory = await package.Directory;
        const string stage = "clitest";

        var deploy = (await CliRun.RunAsync(Aws("deploy", stage, "--package", directory))).Succeeded();

        var url = (await CliRun.RunAsync("url", "--project-dir", S3TestPackage.AppDirectory, "--stage", stage)).Succeeded().Output.Trim();
        Assert.Matches(@"^https://\w+\.execute-api\.us-east-1\.amazonaws\.com/api/$", url);
        Assert.Contains($"Rest API URL: {url}", deploy.Output, StringComparison.Ordinal);
        var apiId = new Uri(url).Host.Split('.')[0];

        // The API function's role's inline policy is exactly what gen-policy prints for it.
        var genPolicy = (await CliRun.RunAsync("gen-policy", "--project-dir", S3TestPackage.AppDirectory, "--stage", stage, "--function", "api_handler")).Succeeded().Output;
        var inline = await AwsJson("iam", "get-role-policy", "--role-name", "s3test-clitest", "--policy-name", "s3test-clitest");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(genPolicy), JsonNode.Parse(inline.GetProperty("PolicyDocument").GetRawText())),
            $"{genPolicy}\n{inline}");
        var role = (await AwsJson("iam", "get-role", "--role-name", "s3test-clitest")).GetProperty("Role");
        Assert.Equal("lambda.amazonaws.com",
            role.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement")[0].GetProperty("Principal").GetProperty("Service").GetString());

        var function = (await AwsJson("lambda", "get-function", "--function-name", "s3test-clitest"));
        var configuration = function.GetProperty("Configuration");
        Assert.Equal("provided.al2023", configuration.GetProperty("Runtime").GetString());
        Assert.Equal("bootstrap", configuration.GetProperty("Handler").GetString());
        Assert.Equal("x86_64", configuration.GetProperty("Architectures")[0].GetString());
        Assert.Equal(128, configuration.GetProperty("MemorySize").GetInt32());
        Assert.Equal(60, configuration.GetProperty("Timeout").GetInt32());
        Assert.Equal("app=s3test:stage=clitest", function.GetProperty("Tags").GetProperty("chalice-net").GetString());
        var description = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "chalice-package.json")))!;
        Assert.Equal(description["codeSha256"]!.GetValue<string>(), configuration.GetProperty("CodeSha256").GetString());

        var resources = (await AwsJson("apigateway", "get-resources", "--rest-api-id", apiId, "--embed", "methods")).GetProperty("items");
        var objects = resources.EnumerateArray().Single(r => r.GetProperty("path").GetString() == "/objects/{key}");
        Assert.Equal(["GET", "PUT"], objects.GetProperty("resourceMethods").EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal));
        var integration = await AwsJson("apigateway", "get-integration", "--rest-api-id", apiId,
            "--resource-id", objects.GetProperty("id").GetString()!, "--http-method", "PUT");
        Assert.Equal($"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{configuration.GetProperty("FunctionArn").GetString()}/invocations",
            integration.GetProperty("uri").GetString());
        Assert.NotNull((await AwsJson("apigateway", "get-stage", "--rest-api-id", apiId, "--stage-name", "api")).GetProperty("deploymentId").GetString());
        var permission = JsonNode.Parse((await AwsJson("lambda", "get-policy", "--function-name", "s3test-clitest")).GetProperty("Policy").GetString()!)!;
        Assert.Equal($"arn:aws:execute-api:us-east-1:{MotoServer.AccountId}:{apiId}/*",
            permission["Statement"]![0]!["Condition"]!["ArnLike"]!["AWS:SourceArn"]!.GetValue<string>());

        var dryRun = (await CliRun.RunAsync(Aws("deploy", stage, "--package", directory, "--dry-run"))).Succeeded();
        Assert.Contains("up to date", dryRun.Output, StringComparison.Ordinal);
        var redeploy = (await CliRun.RunAsync(Aws("deploy", stage, "--package", directory))).Succeeded();
        Assert.Contains(" 0 mutating)", redeploy.Output, StringComparison.Ordinal);

        (await CliRun.RunAsync(Aws("delete", stage))).Succeeded();
        Assert.False(File.Exists(Path.Combine(S3TestPackage.AppDirectory, ".chalice", "deployed", stage + ".json")));
        Assert.DoesNotContain((await AwsJson("lambda", "list-functions")).GetProperty("Functions").EnumerateArray(),
            f => f.GetProperty("FunctionName").GetString() == "s3test-clitest");
        Assert.DoesNotContain(apiId, (await AwsJson("apigateway", "get-rest-apis")).ToString(), StringComparison.Ordinal);
        var gone = await CliRun.RunAsync("url", "--project-dir", S3TestPackage.AppDirectory, "--stage", stage);
        Assert.Equal(1, gone.ExitCode);
    }

    [Fact]
    public async Task A_dry_run_lists_the_changes_and_makes_none()
    {
        moto.EnsureAvailable();
        var run = (await CliRun.RunAsync(Aws("deploy", "clidry", "--package", await package.Directory, "--dry-run"))).Succeeded();

        Assert.Contains("IAM CreateRole s3test-clidry: the role does not exist", run.Output, StringComparison.Ordinal);
        Assert.Contains("Lambda AddPermission s3test-clidry", run.Output, StringComparison.Ordinal);
        Assert.Contains("uses the role ARN from step 1", run.Output, StringComparison.Ordinal);
        Assert.Contains(" 0 mutating), nothing changed.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain((await AwsJson("lambda", "list-functions")).GetProperty("Functions").EnumerateArray(),
            f => f.GetProperty("FunctionName").GetString() == "s3test-clidry");
        Assert.False(File.Exists(Path.Combine(S3TestPackage.AppDirectory, ".chalice", "deployed", "clidry.json")));
    }

    [Fact]
    public async Task The_sam_and_cloudformation_templates_pass_cfn_lint()
    {
        var sam = Path.Combine(await package.Directory, "sam.json");
        var template = JsonNode.Parse(File.ReadAllText(sam))!;
        Assert.Equal("AWS::Serverless::Function", template["Resources"]!["APIHandler"]!["Type"]!.GetValue<string>());
        Assert.Equal("./deployment.zip", template["Resources"]!["APIHandler"]!["Properties"]!["CodeUri"]!.GetValue<string>());
        await AssertLintCleanAsync(sam);

        var cloudFormation = Path.Combine(Directory.CreateTempSubdirectory("chalice-cfn-").FullName, "cfn");
        try
        {
            (await CliRun.RunAsync("package", cloudFormation, "--format", "cloudformation", "--project-dir", S3TestPackage.AppDirectory)).Succeeded();
            var cfn = Path.Combine(cloudFormation, "cloudformation.json");
            Assert.Equal("AWS::Lambda::Function", JsonNode.Parse(File.ReadAllText(cfn))!["Resources"]!["APIHandler"]!["Type"]!.GetValue<string>());
            await AssertLintCleanAsync(cfn);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(cloudFormation)!, recursive: true);
        }
    }

    [Fact]
    public async Task Failures_are_one_line_with_exit_code_1_and_usage_errors_exit_2()
    {
        var notAPackage = await CliRun.RunAsync(Aws("deploy", "dev", "--package", Path.GetTempPath()));
        Assert.Equal(1, notAPackage.ExitCode);
        Assert.StartsWith("error: ", notAPackage.Error, StringComparison.Ordinal);
        Assert.Single(notAPackage.Error.TrimEnd().Split('\n'));

        var noProject = await CliRun.RunAsync("url", "--project-dir", Path.GetTempPath());
        Assert.Equal((1, true), (noProject.ExitCode, noProject.Error.StartsWith("error: No .csproj", StringComparison.Ordinal)));

        Assert.Equal(2, (await CliRun.RunAsync("deploy", "--no-such-option")).ExitCode);
        Assert.Equal(2, (await CliRun.RunAsync("package")).ExitCode);
        Assert.Equal(2, (await CliRun.RunAsync("package", "out", "--format", "terraform")).ExitCode);
        Assert.Equal(2, (await CliRun.RunAsync("new", "9lives")).ExitCode);
        Assert.Equal(2, (await CliRun.RunAsync("deploy", "--endpoint-url", "not a url")).ExitCode);
    }

    [Theory]
    [InlineData("new", "")]
    [InlineData("local", "--project-dir --host --port --stage --api --timeout --aws --no-schedules --watch")]
    [InlineData("deploy", "--project-dir --stage --ignore-unknown-settings --dry-run --package --show-api-keys --connection-timeout --api-gateway-stage --autogen-policy --no-autogen-policy --profile --region --endpoint-url")]
    [InlineData("url", "--project-dir --stage")]
    [InlineData("delete", "--project-dir --stage --profile --region --endpoint-url")]
    [InlineData("package", "--project-dir --stage --ignore-unknown-settings --format --template-format --merge-template --api-gateway-stage --autogen-policy --no-autogen-policy")]
    [InlineData("gen-policy", "--project-dir --stage --ignore-unknown-settings --function")]
    [InlineData("logs", "--project-dir --name --stage --since --follow --include-lambda-messages --profile --region --endpoint-url")]
    public async Task Every_command_has_help_listing_exactly_the_options_it_uses(string command, string options)
    {
        var help = await CliRun.RunAsync(command, "--help");

        Assert.Equal(0, help.ExitCode);
        // The usage line names the executable (chalice-net when installed, the test host here), then the command.
        Assert.Matches($@"Usage:\s+\S+ {command}\b", help.Output);
        // The first column of each option line: its names (aliases too) and value, then the description.
        var listed = Regex.Matches(help.Output.Split("Options:")[1], @"^\s+(\S.*?)(?:\s{2,}|$)", RegexOptions.Multiline)
            .SelectMany(line => Regex.Matches(line.Groups[1].Value, "--[a-z-]+").Select(m => m.Value))
            .Where(name => name != "--project"); // --project-dir's alias
        Assert.Equal(
            options.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").Append("--debug").Order(StringComparer.Ordinal),
            listed.Order(StringComparer.Ordinal));
    }

    // Chalice's deploy options (chalice/cli/__init__.py: --api-gateway-stage, --connection-timeout, --autogen-policy/
    // --no-autogen-policy): the stage name and the policy source win over .chalice/config.json, as its user-provided
    // parameters do; without autogen the policy is .chalice/policy-STAGE.json.
    [Fact]
    public async Task Deploy_options_choose_the_API_Gateway_stage_and_the_policy_file_over_the_config()
    {
        moto.EnsureAvailable();
        var directory = await package.Directory;
        const string stage = "cliopts";
        const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::only-this"}]}""";
        var policyFile = Path.Combine(S3TestPackage.AppDirectory, ".chalice", $"policy-{stage}.json");
        await File.WriteAllTextAsync(policyFile, Policy, TestContext.Current.CancellationToken);
        try
        {
            (await CliRun.RunAsync(Aws("deploy", stage, "--package", directory, "--api-gateway-stage", "v2", "--no-autogen-policy",
                "--connection-timeout", "5"))).Succeeded();

            var url = (await CliRun.RunAsync("url", "--project-dir", S3TestPackage.AppDirectory, "--stage", stage)).Succeeded().Output.Trim();
            Assert.EndsWith("/v2/", url, StringComparison.Ordinal);
            var inline = await AwsJson("iam", "get-role-policy", "--role-name", "s3test-cliopts", "--policy-name", "s3test-cliopts");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Policy), JsonNode.Parse(inline.GetProperty("PolicyDocument").GetRawText())));
        }
        finally
        {
            File.Delete(policyFile);
            await CliRun.RunAsync(Aws("delete", stage));
        }
    }

    [Theory]
    [InlineData("--autogen-policy", "--no-autogen-policy", "--autogen-policy and --no-autogen-policy cannot be given together.")]
    [InlineData("--connection-timeout", "0", "--connection-timeout must be a positive number of seconds.")]
    public async Task Contradicting_or_impossible_deploy_options_are_a_usage_error(string option, string value, string message)
    {
        var run = await CliRun.RunAsync(Aws("deploy", "never", option, value));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_shows_defaults_as_they_are_typed()
    {
        var help = await CliRun.RunAsync("package", "--help");

        Assert.Contains("--format <cloudformation|sam>", help.Output, StringComparison.Ordinal);
        Assert.Contains("[default: sam]", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_project_dir_before_the_command_applies_to_the_app_commands_and_is_refused_by_new()
    {
        var url = await CliRun.RunAsync("--project-dir", S3TestPackage.AppDirectory, "url", "--stage", "never-deployed");
        var create = await CliRun.RunAsync("--project-dir", S3TestPackage.AppDirectory, "new", "demo");

        Assert.Equal(["error: The stage 'never-deployed' has no deployed API; run 'chalice-net deploy --stage never-deployed' first."],
            url.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)));
        Assert.Equal(2, create.ExitCode);
        Assert.Equal(["error: --project-dir does not apply to 'new', which creates the app in a new folder under the current one."], create.ErrorLines);
    }

    private static async Task AssertLintCleanAsync(string template)
    {
        var (exitCode, output, error) = await ExternalTool.RunAsync("cfn-lint", [template], installHint: "pip install cfn-lint");
        Assert.True(exitCode == 0, $"cfn-lint {template} exited {exitCode}:\n{output}\n{error}");
    }

    private async Task<JsonElement> AwsJson(params string[] arguments)
    {
        var (exitCode, output, error) = await ExternalTool.RunAsync("aws",
            ["--endpoint-url", moto.Endpoint.ToString(), "--region", MotoServer.Region, "--output", "json", .. arguments],
            environment: new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing",
                ["AWS_CONFIG_FILE"] = "/dev/null", ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
            },
            installHint: "pip install awscli");
        Assert.True(exitCode == 0, $"aws {string.Join(' ', arguments)}: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
