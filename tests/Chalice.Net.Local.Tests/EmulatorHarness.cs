using Chalice.Hosting;

namespace Chalice.Local.Tests;

internal static class EmulatorHarness
{
    public static ChaliceAppDefinition Definition<TApp>() where TApp : IChaliceApp => TApp.Definition;

    /// <summary>A temporary app folder with the given <c>.chalice/config.json</c>.</summary>
    public static string AppFolder(string configJson)
    {
        var folder = Directory.CreateTempSubdirectory("chalice-local-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, ".chalice"));
        File.WriteAllText(Path.Combine(folder, ".chalice", "config.json"), configJson);
        return folder;
    }

    /// <summary>Starts the emulator for the acceptance app on a free port.</summary>
    public static Task<RunningEmulator> StartTestAppAsync(EmulatorOptions? options = null) =>
        LocalEmulator.StartAsync(Definition<Chalice.TestApp.App>(), (options ?? new EmulatorOptions()) with
        {
            Port = 0,
            ProjectDirectory = AppFolder("{}"),
        });

    public static HttpClient Client(RunningEmulator emulator) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = emulator.BaseAddress };
}
