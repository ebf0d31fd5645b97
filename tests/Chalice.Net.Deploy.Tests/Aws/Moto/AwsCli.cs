using System.Diagnostics;
using System.Text.Json;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Moto;

/// <summary>
/// Runs the AWS CLI (a client nobody here wrote) against moto, to check what our clients did from the outside.
/// </summary>
internal static class AwsCli
{
    public static Task<JsonElement> RunAsync(MotoServer moto, params string[] arguments) => RunAsync(moto.Endpoint, arguments);

    public static async Task<JsonElement> RunAsync(Uri endpoint, params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--endpoint-url", endpoint.ToString(), "--region", MotoServer.Region, "--output", "json", .. arguments])
            start.ArgumentList.Add(argument);
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment.Remove("AWS_PROFILE");

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw SharedFixtures.Unavailable($"the aws CLI is not installed ({e.Message}); install it with: apt-get install awscli");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"aws {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
            var text = await output;
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
