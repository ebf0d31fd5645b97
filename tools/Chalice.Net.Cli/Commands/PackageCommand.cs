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
        var stage = CommonOptions.Stage();
        var format = new Option<TemplateFormat>("--format")
        {
            Description = "sam (sam.json, the default) or cloudformation (cloudformation.json, code from S3 parameters).",
            DefaultValueFactory = _ => TemplateFormat.Sam,
        };
        format.AcceptOnlyFromAmong("sam", "cloudformation");
        var command = new Command("package", "Write the deployment zip and a SAM/CloudFormation template, for your own pipeline.")
        {
            output, stage, format,
        };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, async () =>
        {
            var console = CliConsole.Create(parse.InvocationConfiguration.Output);
            var workspace = AppWorkspace.Open(parse.GetValue(options.ProjectDirectory)!, parse.GetValue(stage)!);
            var directory = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(directory);

            var (package, manifest) = await console.StatusAsync($"Building {workspace.Project.Name} for Lambda…",
                () => workspace.PackageAsync(outputDirectory: directory, parse.InvocationConfiguration.Error, cancellationToken));
            var zip = Path.Combine(directory, PackageDescription.ZipFileName);
            File.Move(package.ZipPath, zip, overwrite: true);
            package = package with { ZipPath = zip };
            PackageDescription.Of(package, manifest).Write(directory);

            var spec = workspace.Spec(package, manifest, parse.InvocationConfiguration.Error);
            var policy = workspace.Stage.ManageIamRole ? await spec.Policy(cancellationToken) : null;
            var templateFormat = parse.GetValue(format);
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
