using System.CommandLine;

namespace Chalice.Cli;

/// <summary>Options every command accepts, before or after the command name.</summary>
public sealed class GlobalOptions
{
    /// <summary><c>--project-dir</c> (alias <c>--project</c>): the app's folder or project file, the current folder by default.</summary>
    public Option<string> ProjectDirectory { get; } = new("--project-dir", "--project")
    {
        Description = "The app's folder (holding its .csproj and .chalice/config.json), or its .csproj.",
        HelpName = "PATH",
        Recursive = true,
        DefaultValueFactory = _ => Directory.GetCurrentDirectory(),
    };

    /// <summary><c>--endpoint-url</c>: one endpoint for every AWS service (else <c>AWS_ENDPOINT_URL*</c>, else AWS).</summary>
    public Option<Uri?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "Send every AWS call to this AWS-compatible endpoint (default: AWS_ENDPOINT_URL, else AWS).",
        HelpName = "URL",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                return uri;
            result.AddError($"--endpoint-url must be an http(s) URL, not '{text}'.");
            return null;
        },
    };

    /// <summary><c>--debug</c>: full exception details instead of one line.</summary>
    public Option<bool> Debug { get; } = new("--debug")
    {
        Description = "Print full error details (stack traces) when a command fails.",
        Recursive = true,
    };
}
