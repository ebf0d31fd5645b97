using System.CommandLine;
using Chalice.Deploy.Aws.Logs;
using Chalice.Deploy.Manifest;
using Chalice.Project;
using Chalice.Project.LocalTokens;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net token --user NAME</c>: prints a token the local emulator accepts for one of the app's Cognito user
/// pool or JWT authorizers, signed with the app's local key (<c>.chalice/local/token-signing-key.pem</c>, made on first
/// use), so that a route behind such an authorizer can be called with curl as on AWS. It builds the app to read its
/// authorizers from the manifest. Standard output carries only the token; what it is for goes to standard error.
/// </summary>
public static class TokenCommand
{
    /// <summary>Cognito's longest ID token lifetime, one day (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html).</summary>
    private static readonly TimeSpan s_longestCognitoLifetime = TimeSpan.FromDays(1);

    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var app = new AppLocation(options);
        var user = new Option<string>("--user", "-u")
        {
            Description = "The user the token is for: its sub (JWT) or cognito:username (Cognito, whose sub is a UUID made from it).",
            HelpName = "NAME",
            Required = true,
        };
        var groups = new Option<string[]>("--group", "-g")
        {
            Description = "A group the user is in (cognito:groups; groups for another issuer). Repeat for several.",
            HelpName = "GROUP",
            AllowMultipleArgumentsPerToken = false,
        };
        var claims = new Option<string[]>("--claim", "-c")
        {
            Description = "Another claim, NAME=VALUE (an integer or true/false is written as such). Repeat for several; a claim " +
                          "given here replaces the usual one of that name (e.g. aud=other to see a refusal).",
            HelpName = "NAME=VALUE",
        };
        var expires = new Option<TimeSpan>("--expires", "-e")
        {
            Description = "How long the token is valid: a number and a unit (30s, 10m, 1h, 2d, 1w). Cognito's are valid 1 day at most.",
            HelpName = "DURATION",
            DefaultValueFactory = _ => TimeSpan.FromHours(1),
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (LogSince.TryParse(text) is { Ago: { } span } && span > TimeSpan.Zero)
                    return span;
                result.AddError($"--expires must be a number and a unit (30s, 10m, 1h, 2d, 1w), not '{text}'.");
                return default;
            },
        };
        var authorizer = new Option<string?>("--authorizer", "-a")
        {
            Description = "The Cognito user pool or JWT authorizer the token is for; needed only when the app declares several.",
            HelpName = "NAME",
        };
        var command = new Command("token",
            "Print a token the local emulator accepts for the app's Cognito user pool or JWT authorizer, signed with the app's local " +
            "key (.chalice/local/token-signing-key.pem, made on first use). Send it as the authorizer's header: a Cognito ID token as " +
            "it is, a JWT after 'Bearer '. Tokens printed here are refused on AWS, whose keys are the user pool's.")
        {
            app.Option, user, groups, claims, expires, authorizer,
        };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            var claimPairs = (parse.GetValue(claims) ?? []).Select(ParseClaim).ToArray();
            var project = AppProject.Find(app.Value(parse));
            await project.EnsureIsAppAsync(cancellationToken);
            await DotNetCli.RunAsync(["build", project.ProjectFile, "-nologo"], project.Directory, cancellationToken);
            var assembly = (await DotNetCli.RunAsync(["msbuild", project.ProjectFile, "-nologo", "-getProperty:TargetPath"], project.Directory, cancellationToken)).Trim();
            var manifest = AppManifest.Read(assembly);

            var (declared, issuer) = Issuer(manifest, parse.GetValue(authorizer));
            var lifetime = parse.GetValue(expires);
            if (declared is CognitoUserPoolAuthorizerManifest && lifetime > s_longestCognitoLifetime)
                throw new CliUsageException($"--expires {lifetime} is longer than a Cognito ID token lives (1 day at most).");
            using var key = LocalSigningKey.ForApp(project.Directory);
            var userName = parse.GetValue(user)!;
            var token = issuer.Issue(key, userName, parse.GetValue(groups) ?? [], claimPairs, lifetime, DateTimeOffset.UtcNow);

            await parse.InvocationConfiguration.Output.WriteLineAsync(token);
            var send = declared is JwtAuthorizerManifest jwt ? $"{jwt.Header}: Bearer <token>" : $"{((CognitoUserPoolAuthorizerManifest)declared).Header}: <token>";
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"A token for {userName} from the authorizer '{declared.Name}' ({issuer.Issuer}), valid until " +
                $"{DateTimeOffset.UtcNow.Add(lifetime):yyyy-MM-dd HH:mm:ss} UTC; send it to the local emulator as '{send}'.");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The authorizer the token is for, and who issues its tokens.</summary>
    private static (ApiAuthorizerManifest Declared, LocalTokenIssuer Issuer) Issuer(AppManifest manifest, string? name)
    {
        var candidates = manifest.Authorizers.Where(a => a is CognitoUserPoolAuthorizerManifest or JwtAuthorizerManifest).ToArray();
        if (candidates.Length == 0)
        {
            throw new CliUsageException(
                $"The app '{manifest.Name}' declares no Cognito user pool or JWT authorizer, whose tokens this prints; declare one with " +
                "[CognitoUserPoolAuthorizer] or [JwtAuthorizer] on the app class.");
        }
        var names = string.Join(", ", candidates.Select(c => c.Name));
        var chosen = name is null
            ? candidates.Length == 1 ? candidates[0] : throw new CliUsageException($"The app has several authorizers that take tokens ({names}); choose one with --authorizer.")
            : candidates.FirstOrDefault(c => c.Name == name)
              ?? throw new CliUsageException(manifest.Authorizers.Any(a => a.Name == name)
                  ? $"The authorizer '{name}' takes no token (it is not a Cognito user pool or JWT authorizer); those of the app are {names}."
                  : $"The app declares no authorizer '{name}'; those that take tokens are {names}.");
        return (chosen, chosen switch
        {
            CognitoUserPoolAuthorizerManifest cognito => LocalTokenIssuer.ForCognito(cognito.ProviderArns),
            JwtAuthorizerManifest jwt => LocalTokenIssuer.ForJwt(jwt.Issuer, jwt.Audiences),
            _ => throw new InvalidOperationException("Only Cognito and JWT authorizers are candidates."),
        });
    }

    private static KeyValuePair<string, string> ParseClaim(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            throw new CliUsageException($"--claim must be NAME=VALUE, not '{text}'.");
        return new(text[..equals], text[(equals + 1)..]);
    }
}
