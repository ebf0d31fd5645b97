using Spectre.Console;

namespace Chalice.Cli;

/// <summary>A Spectre console over a command's output writer: colours and live status on a terminal, plain text otherwise.</summary>
internal static class CliConsole
{
    public static IAnsiConsole Create(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = output == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
        Interactive = output == Console.Out ? InteractionSupport.Detect : InteractionSupport.No,
    });

    /// <summary>Runs <paramref name="work"/> under a spinner on a terminal, after a plain status line elsewhere.</summary>
    public static async Task<T> StatusAsync<T>(this IAnsiConsole console, string status, Func<Task<T>> work)
    {
        if (console.Profile.Capabilities.Interactive)
            return await console.Status().StartAsync(status, _ => work());
        console.WriteLine(status);
        return await work();
    }
}
