using System.Text.Json.Nodes;
using Chalice.Project.LocalTokens;

namespace Chalice.Gateway.Authorization;

/// <summary>What the gateway does with a request to a route that has an authorizer.</summary>
internal enum AuthorizationVerdict
{
    /// <summary>Serve it; <see cref="AuthorizationOutcome.Context"/> goes into <c>requestContext.authorizer</c>.</summary>
    Allowed,

    /// <summary>401: an identity source is missing, or the authorizer answered <c>Unauthorized</c>.</summary>
    Unauthorized,

    /// <summary>403: the policy allows nothing that matches.</summary>
    ImplicitDeny,

    /// <summary>403: a statement of the policy denies the call.</summary>
    ExplicitDeny,

    /// <summary>500: the authorizer failed, timed out, or answered something that is not a valid policy.</summary>
    Failed,

    /// <summary>401: a Cognito or JWT authorizer refused the token (<see cref="AuthorizationOutcome.Problem"/> says why).</summary>
    InvalidToken,

    /// <summary>403: an IAM route's request is unsigned or badly signed (<see cref="AuthorizationOutcome.Refusal"/> says how).</summary>
    SignatureRefused,
}

/// <summary>The verdict on one request, and for an allowed one what the handler sees of the authorizer.</summary>
internal readonly record struct AuthorizationOutcome(AuthorizationVerdict Verdict, JsonObject? Context = null)
{
    /// <summary>Why a token was refused, with <see cref="AuthorizationVerdict.InvalidToken"/>.</summary>
    public TokenProblem? Problem { get; init; }

    /// <summary>The refused token's <c>alg</c>, when it has one.</summary>
    public string? Algorithm { get; init; }

    /// <summary>Why a signature was refused, with <see cref="AuthorizationVerdict.SignatureRefused"/>.</summary>
    public SignatureRefusal? Refusal { get; init; }

    /// <summary>Members an allowed request adds to a REST API's <c>requestContext.identity</c> (who signed it).</summary>
    public JsonObject? Identity { get; init; }

    public static AuthorizationOutcome Of(AuthorizationVerdict verdict) => new(verdict);

    public static AuthorizationOutcome Refused(TokenProblem problem, string? algorithm) =>
        new(AuthorizationVerdict.InvalidToken) { Problem = problem, Algorithm = algorithm };
}
