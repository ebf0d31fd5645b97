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

    /// <summary><c>--ignore-unknown-settings</c>: unknown keys of <c>.chalice/config.json</c> are warnings, not errors.</summary>
    public static Option<bool> IgnoreUnknownSettings() => new("--ignore-unknown-settings")
    {
        Description = "Warn about keys of .chalice/config.json that Chalice.Net does not know, instead of stopping.",
    };
}
