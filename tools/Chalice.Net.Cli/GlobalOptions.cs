using System.CommandLine;

namespace Chalice.Cli;

/// <summary>Options every command accepts, before or after the command name.</summary>
public sealed class GlobalOptions
{
    /// <summary><c>--project-dir</c> (alias <c>--project</c>): the app's folder, the current one by default.</summary>
    public Option<string> ProjectDirectory { get; } = new("--project-dir", "--project")
    {
        Description = "The app's folder (holding its .csproj and .chalice/config.json).",
        HelpName = "DIR",
        Recursive = true,
        DefaultValueFactory = _ => Directory.GetCurrentDirectory(),
    };
}
