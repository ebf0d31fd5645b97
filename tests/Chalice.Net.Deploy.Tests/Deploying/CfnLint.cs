using System.Diagnostics;
using System.Text.Json.Nodes;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>Runs cfn-lint (AWS's CloudFormation linter, SAM transform included) on a template.</summary>
internal static class CfnLint
{
    /// <summary>Fails with cfn-lint's findings unless the template is clean.</summary>
    public static async Task AssertCleanAsync(JsonObject template)
    {
        var folder = Directory.CreateTempSubdirectory("chalice-cfn-lint-").FullName;
        try
        {
            var path = Path.Combine(folder, "template.json");
            await File.WriteAllTextAsync(path, template.ToJsonString(), TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo("cfn-lint") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(path);
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw SharedFixtures.Unavailable($"cfn-lint is not installed ({e.Message}); install it with: pip install cfn-lint");
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
                var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
                Assert.True(process.ExitCode == 0, $"cfn-lint exited {process.ExitCode}:\n{await output}\n{await error}\n{template}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
