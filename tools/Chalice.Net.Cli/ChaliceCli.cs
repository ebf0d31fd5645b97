using System.CommandLine;
using Chalice.Cli.Commands;

namespace Chalice.Cli;

/// <summary>The <c>chalice-net</c> command line: the root command, its global options and one class per command.</summary>
public static class ChaliceCli
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Create()
    {
        var options = new GlobalOptions();
        var root = new RootCommand("Chalice.Net: write AWS serverless APIs in C#, deploy them like Chalice.")
        {
            options.ProjectDirectory,
        };
        root.Add(GenPolicyCommand.Create(options));
        return root;
    }
}
