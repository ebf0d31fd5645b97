using System.Text.RegularExpressions;
using Chalice.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Local.Tests;

/// <summary>Locally, the app's ILogger&lt;T&gt; entries are readable console lines beside the emulator's access log.</summary>
public sealed class EmulatorLoggingTests
{
    private sealed class Unregistered;

    [Fact]
    public async Task The_apps_log_entries_are_console_lines_with_their_category()
    {
        var output = new StringWriter();
        var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.TestApp.App>(),
            new EmulatorOptions { Port = 0, ProjectDirectory = EmulatorHarness.AppFolder("{}") },
            function: null, logOutput: output, CancellationToken.None);
        using (var client = EmulatorHarness.Client(emulator))
        {
            await client.GetStringAsync("/log/hello-local");
            await client.GetAsync("/crash");
        }
        await emulator.DisposeAsync(); // writes what is still queued

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\d\d:\d\d:\d\d info: Chalice\.TestApp\.App hello-local$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\d\d:\d\d:\d\d info: Chalice\.Local GET /log/hello-local 200 \d+\.\d ms$"));
        var failure = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^\d\d:\d\d:\d\d fail: Chalice\.Hosting\.ChaliceDispatcher Unhandled exception in Crash \(GET /crash\)$"));
        Assert.True(failure >= 0, output.ToString());
        Assert.Equal("System.InvalidOperationException: secret internal detail", lines[failure + 1]);
    }

    [Fact]
    public async Task A_constructor_service_nobody_registered_is_one_error_line()
    {
        var definition = new ChaliceAppDefinition("forgetful", [], services => services.GetRequiredService<Unregistered>());
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        int exitCode;
        try
        {
            exitCode = await LocalEmulator.RunAsync(definition, ["--port", "0", "--project-dir", EmulatorHarness.AppFolder("{}")]);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "error: The app 'forgetful' takes Unregistered in its constructor, but no service is registered for Unregistered: " +
            "register it in ConfigureServices (for example services.AddSingleton<Unregistered>(...))." + Environment.NewLine,
            error.ToString());
    }
}
