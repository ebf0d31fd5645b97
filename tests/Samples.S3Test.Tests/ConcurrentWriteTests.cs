using System.Net;
using System.Text;
using Chalice.Hosting;
using Chalice.Local;

namespace Samples.S3Test.Tests;

/// <summary>Concurrent writes through the emulator lose and tear nothing, and survive a restart.</summary>
public sealed class ConcurrentWriteTests
{
    private static ChaliceAppDefinition Definition<TApp>() where TApp : IChaliceApp => TApp.Definition;

    [Fact]
    public async Task Fifty_distinct_and_fifty_same_key_writes_survive_a_restart()
    {
        var folder = SampleFolder.CopyConfig();
        var options = new EmulatorOptions { Port = 0, ProjectDirectory = folder };
        var sameKeyBodies = Enumerable.Range(0, 50).Select(i => $$"""{"writer":{{i}},"payload":"{{new string((char)('a' + i % 26), 2000 + i)}}"}""").ToArray();

        await using (var emulator = await LocalEmulator.StartAsync(Definition<global::S3Test.App>(), options))
        {
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            var writes = Enumerable.Range(0, 50)
                .Select(i => Put(http, $"distinct-{i}.json", $$"""{"key":{{i}}}"""))
                .Concat(sameKeyBodies.Select(body => Put(http, "shared.json", body)));
            Assert.All(await Task.WhenAll(writes), status => Assert.Equal(HttpStatusCode.OK, status));
        }

        await using (var restarted = await LocalEmulator.StartAsync(Definition<global::S3Test.App>(), options))
        {
            using var http = new HttpClient { BaseAddress = restarted.BaseAddress };
            for (var i = 0; i < 50; i++)
                Assert.Equal($$"""{"key":{{i}}}""", await http.GetStringAsync($"/objects/distinct-{i}.json"));
            var shared = await http.GetStringAsync("/objects/shared.json");
            Assert.Contains(shared, sameKeyBodies); // exactly one writer's whole document
        }
    }

    private static async Task<HttpStatusCode> Put(HttpClient http, string key, string json)
    {
        using var response = await http.PutAsync($"/objects/{key}", new StringContent(json, Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }
}
