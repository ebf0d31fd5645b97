using System.CommandLine;
using Chalice.Deploy.Aws;

namespace Chalice.Cli;

/// <summary><c>--profile</c> and <c>--region</c> of the commands that call AWS; the rest comes from the AWS chain.</summary>
internal sealed class AwsOptions
{
    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "The AWS profile to use (default: AWS_PROFILE or the default credential chain).",
        HelpName = "NAME",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "The AWS region (default: AWS_REGION or the profile's region).",
        HelpName = "REGION",
    };

    public void AddTo(Command command)
    {
        command.Add(Profile);
        command.Add(Region);
    }

    /// <summary>Credentials, region and endpoint for this invocation.</summary>
    public AwsSettings Resolve(ParseResult parse, GlobalOptions global) => AwsSettings.Resolve(new AwsSettingsRequest
    {
        Profile = parse.GetValue(Profile),
        Region = parse.GetValue(Region),
        EndpointUrl = parse.GetValue(global.EndpointUrl),
    });
}
