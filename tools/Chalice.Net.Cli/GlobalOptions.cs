using System.CommandLine;

namespace Chalice.Cli;

/// <summary>
/// The options of the root command: <c>--project-dir</c> before the command name (Chalice's
/// <c>chalice --project-dir DIR deploy</c>), which every command that works on an app reads, and <c>--debug</c>, which
/// every command honours. Options that mean something to some commands only belong to those commands, so that no
/// command's help lists an option it ignores.
/// </summary>
public sealed class GlobalOptions
{
    /// <summary><c>--project-dir</c> (alias <c>--project</c>) before the command name.</summary>
    public Option<string?> ProjectDirectory { get; } = AppLocation.CreateOption();

    /// <summary><c>--debug</c>: full exception details instead of one line.</summary>
    public Option<bool> Debug { get; } = new("--debug")
    {
        Description = "Print full error details (stack traces) when a command fails.",
        Recursive = true,
    };
}
