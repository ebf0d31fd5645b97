using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Local;
using Chalice.Testing;
using Chalice.Tests;

namespace Samples.Uploads.Tests;

/// <summary>
/// samples/Uploads end to end over HTTP against the real emulator, offline: an upload through the API fires the S3
/// handler, which queues it, which the SQS handler summarises; the summary is served; the clean-up schedule's function
/// deletes uploads past their retention.
/// </summary>
public sealed class UploadsChainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_is_summarised_in_the_background_and_the_clean_up_removes_it_once_old()
    {
        var folder = Directory.CreateTempSubdirectory("uploads-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, ".chalice"));
        File.Copy(RepoPaths.InRepo("samples", "Uploads", ".chalice", "config.json"), Path.Combine(folder, ".chalice", "config.json"));
        await using var emulator = await LocalEmulator.StartAsync(DefinitionOf<global::Uploads.App>(), new EmulatorOptions { Port = 0, ProjectDirectory = folder }, cancellationToken: Ct);
        await emulator.LocalAwsReady;
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using (var missing = await http.GetAsync("/summaries/notes.txt", Ct))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var upload = await http.PutAsync("/uploads/notes.txt",
            new StringContent("hello world\nsecond line here\n", Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal("""{"name":"notes.txt","bytes":29}""", await upload.Content.ReadAsStringAsync(Ct));

        var summary = await PollAsync(http, "/summaries/notes.txt");
        Assert.Equal("""{"name":"notes.txt","bytes":29,"lines":2,"words":5,"firstLine":"hello world"}""", summary);

        // The schedule fires once a day; its function runs here as the schedule would run it, with a retention of zero.
        Environment.SetEnvironmentVariable("RETENTION_HOURS", "0");
        try
        {
            var scheduled = LambdaEventJson.Serialize(new EventBuilder().Schedule("uploads-dev-CleanUp"));
            Assert.Equal("null", Encoding.UTF8.GetString(await emulator.Application.Dispatcher.InvokeAsync("CleanUp", scheduled, cancellationToken: Ct)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("RETENTION_HOURS", null);
        }
        using var gone = await http.GetAsync("/summaries/notes.txt", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static Chalice.Hosting.ChaliceAppDefinition DefinitionOf<TApp>() where TApp : Chalice.Hosting.IChaliceApp => TApp.Definition;

    private static async Task<string> PollAsync(HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await http.GetAsync(path, Ct);
            if (response.StatusCode == HttpStatusCode.OK)
                return await response.Content.ReadAsStringAsync(Ct);
            Assert.True(DateTime.UtcNow < deadline, $"{path} still answers {(int)response.StatusCode} after 30 s");
            await Task.Delay(50, Ct);
        }
    }
}
