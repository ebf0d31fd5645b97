namespace Chalice.Cli.Tests;

/// <summary>
/// <c>.chalice/config.json</c> mistakes through the command line: one error line each and exit code 1 before anything
/// is built, checked or deployed; <c>--ignore-unknown-settings</c> makes unknown keys warnings (issue 19's rule).
/// </summary>
public sealed class ConfigCheckCommandTests
{
    private const string Policy = """{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }""";

    public static TheoryData<string, string> Mistakes => new()
    {
        { """{ "app_name": "demo", "stages": { "dev": { "lambda_timout": 30 } } }""",
            "unknown setting \"lambda_timout\" in stages.dev; did you mean \"lambda_timeout\"? (--ignore-unknown-settings makes this a warning)" },
        { """{ "app_name": "demo", "colour": "blue" }""", "unknown setting \"colour\" (--ignore-unknown-settings makes this a warning)" },
        { """{ "app_name": "demo", "lambda_memory_size": "1GB" }""", "\"lambda_memory_size\" must be an integer from 128 to 10240 (MB), not \"1GB\"" },
        { """{ "app_name": "demo", "api_gateway_custom_domain": { "domain_name": "api.example.com" } }""",
            "\"api_gateway_custom_domain\" must be an object with domain_name, certificate_arn, tls_version, url_prefix, tags, but \"certificate_arn\" is missing" },
        { """{ "app_name": "demo", "automatic_layer": true }""",
            "\"automatic_layer\" is a Chalice setting that Chalice.Net does not support yet; remove it (a deploy without it would not be what the file asks for)" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Deploy_stops_with_one_line_before_checking_building_or_deploying(string config, string message)
    {
        using var app = TempApp.Create(config);

        var run = await CliRun.RunAsync("deploy", "--project-dir", app.Directory, "--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"error: {app.ConfigFile}: {message}"], run.ErrorLines);
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(Path.Combine(app.Directory, "obj")), "nothing was built");
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Package_and_gen_policy_stop_the_same_way(string config, string message)
    {
        using var app = TempApp.Create(config);

        var package = await CliRun.RunAsync("package", Path.Combine(app.Directory, "out"), "--project-dir", app.Directory);
        var genPolicy = await CliRun.RunAsync("gen-policy", "--project-dir", app.Directory);

        foreach (var run in new[] { package, genPolicy })
        {
            Assert.Equal(1, run.ExitCode);
            Assert.Equal([$"error: {app.ConfigFile}: {message}"], run.ErrorLines);
        }
    }

    [Fact]
    public async Task Every_mistake_is_reported_at_once()
    {
        using var app = TempApp.Create("""{ "lambda_timeout": 0, "automatic_layer": true, "colour": "blue" }""");

        var run = await CliRun.RunAsync("gen-policy", "--project-dir", app.Directory);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, run.ErrorLines.Length);
        Assert.All(run.ErrorLines, line => Assert.StartsWith($"error: {app.ConfigFile}: ", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ignoring_unknown_settings_turns_them_into_warnings_and_the_command_goes_on()
    {
        using var app = TempApp.Create("""{ "autogen_policy": false, "iam_policy_file": "policy.json", "colour": "blue" }""");
        app.WriteChaliceFile("policy.json", Policy);

        var strict = await CliRun.RunAsync("gen-policy", "--project-dir", app.Directory);
        var lenient = await CliRun.RunAsync("gen-policy", "--project-dir", app.Directory, "--ignore-unknown-settings", "--function", "api_handler");

        Assert.Equal(1, strict.ExitCode);
        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal(Policy, lenient.Output);
        Assert.Equal([$"warning: {app.ConfigFile}: unknown setting \"colour\""], lenient.ErrorLines);
    }

    [Fact]
    public async Task Ignoring_unknown_settings_does_not_let_an_unsupported_or_invalid_one_through()
    {
        using var app = TempApp.Create("""{ "autogen_policy": false, "iam_policy_file": "policy.json", "automatic_layer": true }""");
        app.WriteChaliceFile("policy.json", Policy);
        using var wrongType = TempApp.Create("""{ "autogen_policy": false, "iam_policy_file": "policy.json", "xray": "yes", "colour": "blue" }""");
        wrongType.WriteChaliceFile("policy.json", Policy);

        var run = await CliRun.RunAsync("gen-policy", "--project-dir", app.Directory, "--ignore-unknown-settings");
        var invalid = await CliRun.RunAsync("gen-policy", "--project-dir", wrongType.Directory, "--ignore-unknown-settings");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"automatic_layer\" is a Chalice setting that Chalice.Net does not support yet", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Equal([$"error: {wrongType.ConfigFile}: \"xray\" must be true or false, not \"yes\""], invalid.ErrorLines);
    }

    [Fact]
    public async Task A_stage_the_file_does_not_define_is_a_warning_that_names_the_defined_ones()
    {
        using var app = TempApp.Create("""{ "autogen_policy": false, "iam_policy_file": "policy.json", "stages": { "dev": {}, "prod": {} } }""");
        app.WriteChaliceFile("policy.json", Policy);

        var run = await CliRun.RunAsync("gen-policy", "--project-dir", app.Directory, "--stage", "prdo");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"warning: {app.ConfigFile}: stage \"prdo\" is not defined (its stages: dev, prod); the top-level settings apply"], run.ErrorLines);
    }

    [Fact]
    public async Task Url_only_warns_since_it_deploys_nothing()
    {
        using var app = TempApp.Create("""{ "colour": "blue" }""");

        var run = await CliRun.RunAsync("url", "--project-dir", app.Directory);

        Assert.Equal(1, run.ExitCode); // nothing is deployed: that, not the config, is the error
        Assert.Equal(
            [$"warning: {app.ConfigFile}: unknown setting \"colour\"", "error: The stage 'dev' has no deployed API; run 'chalice-net deploy --stage dev' first."],
            run.ErrorLines);
    }
}
