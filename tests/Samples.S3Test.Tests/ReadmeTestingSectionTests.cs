using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Chalice.Local.S3;
using Chalice.Testing;
using Chalice.Tests;
using Microsoft.Extensions.DependencyInjection;
using App = S3Test.App;

namespace Samples.S3Test.Tests;

/// <summary>The README's "Testing an app" example, run exactly as the README shows it.</summary>
public sealed partial class ReadmeTestingSectionTests
{
    // README:begin
    [Fact]
    public async Task Objects_round_trip_through_the_local_s3_stand_in()
    {
        await using var s3 = await S3StandIn.StartAsync(new S3StandInOptions { DataDirectory = Directory.CreateTempSubdirectory().FullName });
        var s3Client = new AmazonS3Client(new BasicAWSCredentials("test", "test"),
            new AmazonS3Config { ServiceURL = s3.Endpoint.ToString(), ForcePathStyle = true });
        await s3Client.PutBucketAsync("ippevent-public");
        await using var client = ChaliceTestClient.Create<App>(services => services.AddSingleton<IAmazonS3>(s3Client));

        var put = await client.PutAsync("/objects/a.json", body: """{"value1":123}""");
        Assert.Equal(200, put.StatusCode);

        var get = await client.GetAsync("/objects/a.json");
        Assert.Equal("application/json", get.Header("content-type"));
        Assert.Equal(123, get.Json!["value1"]!.GetValue<int>());
    }
    // README:end

    [Fact]
    public async Task The_readme_shows_this_example_as_it_is_written_here()
    {
        var readme = await File.ReadAllTextAsync(RepoPaths.InRepo("README.md"));
        var testing = readme[readme.IndexOf("## Testing an app", StringComparison.Ordinal)..];
        var shown = CSharpBlock().Match(testing).Groups[1].Value;

        var source = await File.ReadAllTextAsync(RepoPaths.InRepo("tests", "Samples.S3Test.Tests", "ReadmeTestingSectionTests.cs"));
        var marked = source[(source.IndexOf("// README:begin\n", StringComparison.Ordinal) + "// README:begin\n".Length)..source.IndexOf("    // README:end", StringComparison.Ordinal)];
        var example = string.Join('\n', marked.ReplaceLineEndings("\n").Split('\n').Select(line => line.Length >= 4 ? line[4..] : line.TrimStart()));

        Assert.Equal(example.TrimEnd(), shown.ReplaceLineEndings("\n").TrimEnd());
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
