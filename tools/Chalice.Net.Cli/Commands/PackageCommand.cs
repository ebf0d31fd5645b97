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
        var templateFormat = new Option<string>("--template-format")
        {
            Description = "json or yaml (yaml too when --merge-template names a .yaml/.yml file, as in Chalice).",
            DefaultValueFactory = _ => "json",
        };
        templateFormat.AcceptOnlyFromAmong("json", "yaml");
        var mergeTemplate = new Option<string?>("--merge-template")
        {
            Description = "A JSON or YAML template merged into the generated one: objects merge key by key, anything else replaces.",
            HelpName = "FILE",
        };
        var command = new Command("package", "Write the deployment zip and a SAM/CloudFormation template, for your own pipeline.")
        {
            output, app.Option, stage, ignoreUnknown, format, templateFormat, mergeTemplate,
        };
        var overrides = new ConfigOverrideOptions();
        overrides.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            var console = CliConsole.Create(parse.InvocationConfiguration.Output);
            var workspace = AppWorkspace.Open(app.Value(parse), parse.GetValue(stage)!,
                parse.GetValue(ignoreUnknown) ? ConfigCheck.EnforceExceptUnknownKeys : ConfigCheck.Enforce, parse.InvocationConfiguration.Error,
                overrides.Settings(parse));
            await workspace.Project.EnsureIsAppAsync(cancellationToken);
            // The template to merge is read first: a mistake in it is found before the build, not after.
            var merge = parse.GetValue(mergeTemplate) is { } mergeFile ? Path.GetFullPath(mergeFile) : null;
            var mergeWith = merge is null ? null : TemplateMerge.Load(merge);
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
            var policy = spec.ManagesAnyRole ? await spec.Policy(cancellationToken) : null;
            var kind = parse.GetValue(format) == "cloudformation" ? TemplateFormat.CloudFormation : TemplateFormat.Sam;
            var syntax = parse.GetValue(templateFormat) == "yaml" || (merge is not null && TemplateMerge.IsYaml(merge))
                ? TemplateSyntax.Yaml
                : TemplateSyntax.Json;
            var generated = StackTemplate.Create(spec, policy, kind);
            if (mergeWith is not null)
                generated = TemplateMerge.Merge(mergeWith, generated);
            var template = Path.Combine(directory, StackTemplate.FileName(kind, syntax));
            await File.WriteAllTextAsync(template, syntax == TemplateSyntax.Yaml
                ? CloudFormationYaml.Write(generated)
                : generated.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", cancellationToken);
            console.WriteLine($"Wrote {zip} ({package.Size / 1024} KiB) and {template}.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
