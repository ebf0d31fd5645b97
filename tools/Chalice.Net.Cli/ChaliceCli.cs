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
            options.Debug,
        };
        root.Add(NewCommand.Create(options));
        root.Add(LocalCommand.Create(options));
        root.Add(InvokeCommand.Create(options));
        root.Add(DeployCommand.Create(options));
        root.Add(UrlCommand.Create(options));
        root.Add(DeleteCommand.Create(options));
        root.Add(PackageCommand.Create(options));
        root.Add(GenPolicyCommand.Create(options));
        root.Add(LogsCommand.Create(options));
        root.Add(TokenCommand.Create(options));
        return root;
    }

    /// <summary>
    /// Parses and runs a command line. Exit codes: 0 success, 1 failure (build, AWS or configuration), 2 usage error
    /// (the parse errors go to stderr with a pointer to <c>--help</c>), 130 cancelled by Ctrl+C.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        // After Ctrl+C a command stops its build or its AWS call at once and says what it left; the default 2 s
        // before the process is ended regardless could cut that line off on a slow machine.
        configuration ??= new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await configuration.Error.WriteLineAsync($"error: {error.Message}");
            await configuration.Error.WriteLineAsync("Run 'chalice-net --help' (or 'chalice-net COMMAND --help') for usage.");
            return ExitCodes.UsageError;
        }
        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
