namespace Chalice.Policy.Tests;

/// <summary>Every corpus app's inferred policy and warnings match the reviewed expectations exactly.</summary>
public sealed class CorpusTests(CorpusFixture corpus)
{
    public static TheoryData<string> Apps() => CorpusFixture.Apps();

    [Theory]
    [MemberData(nameof(Apps))]
    public void Inferred_policy_matches_the_expected_policy(string app)
    {
        var result = Analyze(app, CorpusFixture.Environment(app));

        Assert.Equal(File.ReadAllText(Path.Combine(CorpusFixture.AppDirectory(app), "expected-policy.json")), result.Json);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Warnings_match_the_expected_warnings(string app)
    {
        var expectedFile = Path.Combine(CorpusFixture.AppDirectory(app), "expected-warnings.txt");
        string[] expected = File.Exists(expectedFile) ? File.ReadAllLines(expectedFile) : [];

        var result = Analyze(app, CorpusFixture.Environment(app));

        Assert.Equal(expected, result.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void The_corpus_has_at_least_fifteen_apps() => Assert.True(CorpusFixture.Apps().Count >= 15);

    [Fact]
    public void A_stage_reads_its_own_environment_variables()
    {
        var prod = Analyze("EnvironmentConfig", CorpusFixture.Environment("EnvironmentConfig", "prod"));

        Assert.Contains("arn:aws:s3:::uploads-prod/*", prod.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("uploads-dev", prod.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_environment_variable_falls_back_to_its_literal_default()
    {
        var none = Analyze("EnvironmentConfig", new Dictionary<string, string>());

        Assert.Contains("arn:aws:s3:::uploads-local/*", none.Json, StringComparison.Ordinal);
        Assert.Contains("arn:aws:s3:::uploads-archive/*", none.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_S3Test_mirror_is_exactly_get_and_put_on_the_bucket_objects()
    {
        var statements = Analyze("S3TestMirror", CorpusFixture.Environment("S3TestMirror")).Document.Statements;

        var s3 = Assert.Single(statements, s => s["Sid"]!.GetValue<string>() != "CloudWatchLogs");
        Assert.Equal(["s3:GetObject", "s3:PutObject"], s3["Action"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["arn:aws:s3:::ippevent-public/*"], s3["Resource"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    private PolicyAnalysisResult Analyze(string app, IReadOnlyDictionary<string, string> environment) =>
        PolicyAnalyzer.Analyze(corpus.Compile(app), environment, TestContext.Current.CancellationToken);
}
