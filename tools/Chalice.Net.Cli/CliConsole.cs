using Spectre.Console;

namespace Chalice.Cli;

/// <summary>A Spectre console over a command's output writer: colours and live status on a terminal, plain text otherwise.</summary>
internal static class CliConsole
{
    public static IAnsiConsole Create(TextWriter output)
    {
        var terminal = output == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Spectre wraps lines at the console's width, which is 80 columns when there is no terminal to ask. A pipe or a
        // CI log has no width, and a URL or an ARN broken over two lines is lost to grep and to copy and paste.
        if (!terminal)
            console.Profile.Width = int.MaxValue;
        return console;
    }

    /// <summary>Runs <paramref name="work"/> under a spinner on a terminal, after a plain status line elsewhere.</summary>
    public static async Task<T> StatusAsync<T>(this IAnsiConsole console, string status, Func<Task<T>> work)
    {
        if (console.Profile.Capabilities.Interactive)
            return await console.Status().StartAsync(status, _ => work());
        console.WriteLine(status);
        return await work();
    }
}
