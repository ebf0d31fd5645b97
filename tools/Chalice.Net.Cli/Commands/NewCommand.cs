using System.CommandLine;
using System.Text.RegularExpressions;
using Chalice.Cli.Scaffolding;

namespace Chalice.Cli.Commands;

/// <summary><c>chalice-net new NAME</c>: creates a folder with an app that builds, runs locally and deploys.</summary>
public static partial class NewCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var name = new Argument<string>("NAME") { Description = "The app's name, which also names its folder and project." };
        name.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is null || !ValidName().IsMatch(value))
                result.AddError($"The app name must start with a letter and hold only letters, digits, '-' and '_' (got '{value}').");
        });
        var command = new Command("new", "Create a new Chalice.Net app in a folder named after it.") { name };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            // The root's --project-dir names an existing app; a new one is always created under the current folder.
            if (parse.GetResult(options.ProjectDirectory) is not null)
                throw new CliUsageException("--project-dir does not apply to 'new', which creates the app in a new folder under the current one.");
            var appName = parse.GetValue(name)!;
            var directory = Path.Combine(Directory.GetCurrentDirectory(), appName);
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
                throw new CliUsageException($"The folder '{appName}' already exists and is not empty.");
            if (BundledPackages.Find(BundledPackages.InstalledDirectory, AppScaffold.ChaliceNetVersion) is not { } packages)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"error: This chalice-net has no Chalice.Net {AppScaffold.ChaliceNetVersion} packages in {BundledPackages.InstalledDirectory}, " +
                    "which new apps restore from; install the tool from its package (dotnet pack tools/Chalice.Net.Cli, then dotnet tool install).");
                return ExitCodes.Failure;
            }
            await AppScaffold.WriteAsync(directory, appName, packages, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Created {appName}/. Run it locally with: cd {appName} && dotnet run   (then open http://127.0.0.1:8000/)");
            return ExitCodes.Success;
        }));
        return command;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex ValidName();
}
