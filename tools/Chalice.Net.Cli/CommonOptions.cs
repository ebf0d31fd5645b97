using System.CommandLine;
using Chalice.Configuration;

namespace Chalice.Cli;

/// <summary>Options several commands share, made fresh for each command.</summary>
internal static class CommonOptions
{
    /// <summary><c>--stage</c>: the Chalice stage, <c>dev</c> by default.</summary>
    public static Option<string> Stage() => new("--stage")
    {
        Description = "The stage whose settings and deployment apply.",
        HelpName = "NAME",
        DefaultValueFactory = _ => ChaliceConfig.DefaultStage,
    };
}
