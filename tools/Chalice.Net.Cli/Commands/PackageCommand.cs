using System.CommandLine;
using System.Text.Json;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Templates;
using Spectre.Console;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net package OUT</c>: builds the app and writes <c>deployment.zip</c>, a SAM or CloudFormation template
/// of the stage, and <c>chalice-package.json</c> (which lets <c>deploy --package OUT</c> deploy the same zip).
/// </summary>
public static class PackageCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var output = new Argument<string>("OUT") { Description = "The folder to write the zip and the template to." };
        var app = new AppLocation(options);
        var stage = CommonOptions.Stage();
        var ignoreUnknown = CommonOptions.IgnoreUnknownSettings();
        // A string rather than the enum, so that help shows the values as they are typed ([default: sam]).
        var format = new Option<string>("--format")
        {
            Description = "sam (sam.json) or cloudformation (cloudformation.json, code from S3 parameters).",
            DefaultValueFactory = _ => "sam",
        };
        format.AcceptOnlyFromAmong("sam", "cloudformation");
        var command = new Command("package", "Write the deployment zip and a SAM/CloudFormation template, for your own pipeline.")
        {
            output, app.Option, stage, ignoreUnknown, format,
        };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            var console = CliConsole.Create(parse.InvocationConfiguration.Output);
            var workspace = AppWorkspace.Open(app.Value(parse), parse.GetValue(stage)!,
                parse.GetValue(ignoreUnknown) ? ConfigCheck.EnforceExceptUnknownKeys : ConfigCheck.Enforce, parse.InvocationConfiguration.Error);
            await workspace.Project.EnsureIsAppAsync(cancellationToken);
            var directory = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(directory);

            var (package, manifest) = await console.StatusAsync($"Building {workspace.Project.Name} for Lambda…",
                () => workspace.PackageAsync(outputDirectory: directory, parse.InvocationConfiguration.Error, cancellationToken));
            var zip = Path.Combine(directory, PackageDescription.ZipFileName);
            AppNameCheck.ConfigAgreesWithCode(workspace, manifest);
            File.Move(package.ZipPath, zip, overwrite: true);
            package = package with { ZipPath = zip };
            PackageDescription.Of(package, manifest).Write(directory);

            var spec = workspace.Spec(package, manifest, parse.InvocationConfiguration.Error);
            var policy = workspace.Stage.ManageIamRole ? await spec.Policy(cancellationToken) : null;
            var templateFormat = parse.GetValue(format) == "cloudformation" ? TemplateFormat.CloudFormation : TemplateFormat.Sam;
            var template = Path.Combine(directory, StackTemplate.FileName(templateFormat));
            await File.WriteAllTextAsync(template,
                StackTemplate.Create(spec, policy, templateFormat).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n",
                cancellationToken);
            console.WriteLine($"Wrote {zip} ({package.Size / 1024} KiB) and {template}.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
