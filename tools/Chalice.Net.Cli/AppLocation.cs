using System.CommandLine;

namespace Chalice.Cli;

/// <summary>
/// <c>--project-dir</c> of a command that works on an app: given after the command name, or before it (the root's), or
/// the current folder. <c>Chalice.Project.AppProject</c> turns it into the app.
/// </summary>
internal sealed class AppLocation(GlobalOptions global)
{
    /// <summary>The command's own <c>--project-dir</c>.</summary>
    public Option<string?> Option { get; } = CreateOption();

    /// <summary>What the user named: the command's option, else the root's, else the current folder.</summary>
    public string Value(ParseResult parse) =>
        parse.GetValue(Option) ?? parse.GetValue(global.ProjectDirectory) ?? Directory.GetCurrentDirectory();

    public static Option<string?> CreateOption() => new("--project-dir", "--project")
    {
        Description = "The app's folder (holding its .csproj and .chalice/config.json) or its .csproj (default: the current folder).",
        HelpName = "PATH",
    };
}
