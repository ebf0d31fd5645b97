using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Chalice.Tests;

namespace Chalice.Cli.Tests;

/// <summary>
/// <c>chalice-net gen-policy</c>, run in-process through the real command line (and once as a process). The corpus
/// apps used here are not the ones the policy tests load with MSBuild, so concurrent test runs never restore the same
/// project at once.
/// </summary>
public sealed class GenPolicyCommandTests
{
    private static readonly string s_configuredApp = RepoPaths.InRepo("tests", "Chalice.Net.Cli.Tests", "Apps", "ConfiguredApp");

    private static string CorpusApp(string name) => RepoPaths.InRepo("tests", "Chalice.Net.Policy.Tests", "Corpus", name);

    [Fact]
    public async Task Prints_the_inferred_policy_of_a_function_alone_with_function()
    {
        var run = await RunAsync("gen-policy", "--project", CorpusApp("MultiFile"), "--function", "api_handler");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal(File.ReadAllText(Path.Combine(CorpusApp("MultiFile"), "expected-policy.json")), run.Output);
    }

    // Without a [ChaliceApp] class the analysis cannot tell functions apart: the one function it knows gets every call.
    [Fact]
    public async Task By_default_prints_an_object_keyed_by_function_name()
    {
        var run = await RunAsync("gen-policy", "--project", CorpusApp("MultiFile"));

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        var expected = new JsonObject { ["api_handler"] = JsonNode.Parse(File.ReadAllText(Path.Combine(CorpusApp("MultiFile"), "expected-policy.json"))) };
        Assert.Equal(expected.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n", run.Output);
    }

    [Fact]
    public async Task Every_function_of_an_app_has_its_own_policy_and_function_prints_exactly_that_one()
    {
        var uploads = RepoPaths.InRepo("samples", "Uploads");

        var all = await RunAsync("gen-policy", "--project", uploads);
        var one = await RunAsync("gen-policy", "--project", uploads, "--function", "Uploaded");

        Assert.Equal((0, ""), (all.ExitCode, all.Error));
        var policies = JsonNode.Parse(all.Output)!.AsObject();
        Assert.Equal(["api_handler", "Uploaded", "Summarise", "CleanUp"], policies.Select(p => p.Key));
        Assert.Contains("sqs:SendMessage", policies["Uploaded"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sqs:", policies["CleanUp"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal((0, ""), (one.ExitCode, one.Error));
        Assert.True(JsonNode.DeepEquals(policies["Uploaded"], JsonNode.Parse(one.Output)), one.Output);
    }

    [Fact]
    public async Task An_unknown_function_is_one_line_naming_the_apps_functions()
    {
        var run = await RunAsync("gen-policy", "--project", CorpusApp("MultiFile"), "--function", "resize");

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        Assert.Equal("error: the app has no function 'resize'; its functions are api_handler.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_global_project_dir_option_works_before_the_command()
    {
        var run = await RunAsync("--project-dir", CorpusApp("SqsConstantQueue"), "gen-policy");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("arn:aws:sqs:eu-west-1:123456789012:orders", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_go_to_stderr_in_the_compilers_format()
    {
        var run = await RunAsync("gen-policy", "--project", CorpusApp("DynamicCall"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(CorpusApp("DynamicCall"), "expected-warnings.txt")), run.Error);
        Assert.NotNull(JsonNode.Parse(run.Output));
    }

    [Fact]
    public async Task The_stage_selects_its_environment_and_merges_the_merge_file()
    {
        var run = await RunAsync("gen-policy", "--project", s_configuredApp, "--stage", "dev");

        Assert.Equal(0, run.ExitCode);
        var statements = JsonNode.Parse(run.Output)!["api_handler"]!["Statement"]!.AsArray();
        Assert.Equal(["CloudWatchLogs", "S3Objects", "ReportKey"], statements.Select(s => s!["Sid"]!.GetValue<string>()));
        Assert.Equal("arn:aws:s3:::reports-shared/*", statements[1]!["Resource"]![0]!.GetValue<string>());
        Assert.Equal("arn:aws:kms:eu-west-1:123456789012:key/reports", statements[2]!["Resource"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_project_may_be_named_by_its_project_file()
    {
        var run = await RunAsync("gen-policy", "--project", Path.Combine(s_configuredApp, "ConfiguredApp.csproj"));

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains("arn:aws:s3:::reports-shared/*", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_autogen_the_iam_policy_file_is_printed_verbatim()
    {
        var run = await RunAsync("gen-policy", "--project", s_configuredApp, "--stage", "prod", "--function", "api_handler");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal(File.ReadAllText(Path.Combine(s_configuredApp, ".chalice", "prod-policy.json")), run.Output);
    }

    [Fact]
    public async Task Without_autogen_or_a_policy_file_setting_the_stage_policy_file_is_used()
    {
        var run = await RunAsync("gen-policy", "--project", s_configuredApp, "--stage", "staging", "--function", "api_handler");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(s_configuredApp, ".chalice", "policy-staging.json")), run.Output);
    }

    [Fact]
    public async Task An_invalid_merge_file_is_a_one_line_error()
    {
        var run = await RunAsync("gen-policy", "--project", s_configuredApp, "--stage", "qa");

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        Assert.Equal(
            "error: .chalice/broken-statements.json: Statement[0] must have exactly one of \"Action\" and \"NotAction\".\n",
            run.Error.ReplaceLineEndings("\n"));
    }

    // TempApp's code does not compile: printing the files proves the project was not loaded when nothing is inferred.
    [Fact]
    public async Task Without_autogen_anywhere_each_configured_function_prints_its_own_file_and_nothing_is_analysed()
    {
        using var app = TempApp.Create("""
            { "autogen_policy": false, "iam_policy_file": "stage.json", "lambda_functions": { "resize": { "iam_policy_file": "resize.json" } } }
            """);
        const string stage = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
        const string resize = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}""";
        app.WriteChaliceFile("stage.json", stage);
        app.WriteChaliceFile("resize.json", resize);

        var all = await RunAsync("gen-policy", "--project", app.Directory);
        var one = await RunAsync("gen-policy", "--project", app.Directory, "--function", "resize");

        Assert.Equal((0, ""), (all.ExitCode, all.Error));
        var policies = JsonNode.Parse(all.Output)!.AsObject();
        Assert.Equal(["api_handler", "resize"], policies.Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stage), policies["api_handler"]));
        Assert.Equal((0, resize), (one.ExitCode, one.Output));
    }

    [Fact]
    public async Task A_missing_policy_file_is_a_one_line_error()
    {
        var app = Directory.CreateTempSubdirectory("chalice-cli-");
        try
        {
            Directory.CreateDirectory(Path.Combine(app.FullName, ".chalice"));
            File.WriteAllText(Path.Combine(app.FullName, ".chalice", "config.json"), """{"autogen_policy": false}""");

            var run = await RunAsync("gen-policy", "--project", app.FullName);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal("error: .chalice/policy-dev.json does not exist (named by iam_policy_file).\n", run.Error.ReplaceLineEndings("\n"));
        }
        finally
        {
            app.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_project_path_exits_1_with_a_clear_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), "chalice-no-such-app-" + Guid.NewGuid().ToString("N"));

        var run = await RunAsync("gen-policy", "--project", missing);

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        Assert.Equal($"error: '{missing}' does not exist; pass the app's folder or its .csproj with --project-dir.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Help_lists_the_command_and_its_options()
    {
        var run = await RunAsync("gen-policy", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--stage", run.Output, StringComparison.Ordinal);
        Assert.Contains("--project, --project-dir <PATH>", run.Output, StringComparison.Ordinal);
        Assert.Contains("--function <NAME>", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_as_a_process()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Chalice.Net.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { cli, "gen-policy", "--project-dir", CorpusApp("StaticClient"), "--function", "api_handler" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal((0, ""), (process.ExitCode, await error));
        Assert.Equal(File.ReadAllText(Path.Combine(CorpusApp("StaticClient"), "expected-policy.json")), await output);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await ChaliceCli.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
