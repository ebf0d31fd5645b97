using System.Diagnostics;
using System.Net;
using System.Text;
using Chalice.Tests;

namespace Samples.S3Test.Tests;

/// <summary>The seed's walkthrough, with the README's first command, over real HTTP, on a machine with no AWS account.</summary>
public sealed class ReadmeWalkthroughTests
{
    private const string RunCommand = "dotnet run --project samples/S3Test";

    [Fact]
    public async Task The_readmes_first_command_serves_the_seed_walkthrough()
    {
        var readme = await File.ReadAllTextAsync(RepoPaths.InRepo("README.md"));
        Assert.Contains(RunCommand, readme);

        var port = FreePort.Next();
        var start = new ProcessStartInfo("bash", ["-c", $"{RunCommand} -- --port {port} --project-dir {SampleFolder.CopyConfig()}"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // A fresh machine: no AWS credentials, region or endpoints in the environment.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToArray())
            start.Environment.Remove(name);
        start.Environment["HOME"] = Directory.CreateTempSubdirectory("home-").FullName;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilServingAsync(http, process, output);

            using var put = await http.PutAsync("/objects/document.json", new StringContent("""{"value1":123}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("null", await put.Content.ReadAsStringAsync());

            using var get = await http.GetAsync("/objects/document.json");
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal("application/json", get.Content.Headers.ContentType!.MediaType);
            Assert.Equal("""{"value1":123}""", await get.Content.ReadAsStringAsync());

            using var missing = await http.GetAsync("/objects/missing.json");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("""{"Code":"NotFoundError","Message":"missing.json"}""", await missing.Content.ReadAsStringAsync());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        Assert.Contains("PUT /objects/document.json 200", output.ToString());
    }

    private static async Task WaitUntilServingAsync(HttpClient http, Process process, StringBuilder output)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(6))
        {
            Assert.False(process.HasExited, $"the sample exited: {output}");
            try
            {
                using var response = await http.GetAsync("/objects/probe");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }
        Assert.Fail($"the sample did not start: {output}");
    }
}
