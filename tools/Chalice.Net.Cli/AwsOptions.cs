using System.CommandLine;
using Chalice.Deploy.Aws;

namespace Chalice.Cli;

/// <summary><c>--profile</c>, <c>--region</c> and <c>--endpoint-url</c> of the commands that call AWS; the rest comes from the AWS chain.</summary>
internal sealed class AwsOptions
{
    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "The AWS profile to use (default: AWS_PROFILE, else the default credential chain).",
        HelpName = "NAME",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "The AWS region (default: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region).",
        HelpName = "REGION",
    };

    /// <summary><c>--endpoint-url</c>: one endpoint for every AWS service (else <c>AWS_ENDPOINT_URL*</c>, else AWS).</summary>
    public Option<Uri?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "Send every AWS call to this AWS-compatible endpoint (default: AWS_ENDPOINT_URL, else AWS).",
        HelpName = "URL",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                return uri;
            result.AddError($"--endpoint-url must be an http(s) URL, not '{text}'.");
            return null;
        },
    };

    public void AddTo(Command command)
    {
        command.Add(Profile);
        command.Add(Region);
        command.Add(EndpointUrl);
    }

    /// <summary>Credentials, region and endpoint for this invocation.</summary>
    public AwsSettings Resolve(ParseResult parse) => AwsSettings.Resolve(new AwsSettingsRequest
    {
        Profile = parse.GetValue(Profile),
        Region = parse.GetValue(Region),
        EndpointUrl = parse.GetValue(EndpointUrl),
    });
}
