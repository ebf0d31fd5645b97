using Chalice.Events;

namespace Chalice.Gateway.Authorization;

/// <summary>
/// Evaluates the IAM policy a Lambda authorizer returns against the method ARN of the request, as API Gateway does:
/// a statement applies when one of its actions matches <c>execute-api:Invoke</c> and one of its resources matches the
/// ARN; an applicable <c>Deny</c> wins over any <c>Allow</c>, and without an applicable <c>Allow</c> the call is denied
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). Resources match with
/// IAM's wildcards, <c>*</c> (any characters) and <c>?</c> (one character), within a colon-separated segment of the ARN,
/// except that a <c>*</c> ending a segment also matches across colons; they compare case-sensitively, actions
/// case-insensitively (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html,
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
/// </summary>
internal static class IamPolicyEvaluator
{
    /// <summary>The action a call to an API is: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html.</summary>
    public const string InvokeAction = "execute-api:Invoke";

    /// <summary>Evaluates <paramref name="policy"/> for a call to <paramref name="methodArn"/>.</summary>
    /// <exception cref="MalformedPolicyException">The policy is not one API Gateway can evaluate.</exception>
    public static PolicyDecision Evaluate(IamPolicyDocument? policy, string methodArn)
    {
        if (policy?.Statement is not { } statements)
            throw new MalformedPolicyException("the answer has no policyDocument with a Statement list");
        var allowed = false;
        foreach (var statement in statements)
        {
            if (statement is null)
                throw new MalformedPolicyException("a statement is null");
            var isAllow = statement.Effect switch
            {
                "Allow" => true,
                "Deny" => false,
                _ => throw new MalformedPolicyException($"a statement's Effect is '{statement.Effect}', not Allow or Deny"),
            };
            if (statement.AdditionalProperties is { Count: > 0 } others && others.Keys.FirstOrDefault(k => k != "Sid") is { } unsupported)
                throw new MalformedPolicyException($"a statement has '{unsupported}', which the local gateway does not evaluate (only Sid, Effect, Action, Resource)");
            if (statement.Action is not { Count: > 0 } actions)
                throw new MalformedPolicyException("a statement has no Action");
            if (statement.Resource is not { } resources)
                throw new MalformedPolicyException("a statement has no Resource");
            if (!actions.Any(a => Matches(a, InvokeAction, ignoreCase: true)) || !resources.Any(r => ArnMatches(r, methodArn)))
                continue;
            if (!isAllow)
                return PolicyDecision.ExplicitDeny;
            allowed = true;
        }
        return allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny;
    }

    /// <summary>Whether a resource pattern of a policy matches <paramref name="arn"/>.</summary>
    public static bool ArnMatches(string pattern, string arn) => Matches(pattern, arn, ignoreCase: false);

    /// <summary>
    /// Glob matching where <c>*</c> matches any run of characters but a colon, unless it ends a segment (is followed
    /// by a colon or ends the pattern), and <c>?</c> matches one character but a colon. Dynamic programming over
    /// (pattern, value) positions: policies and ARNs are short, and no pattern can make it backtrack exponentially.
    /// </summary>
    private static bool Matches(string pattern, string value, bool ignoreCase)
    {
        if (pattern.AsSpan().IndexOfAny('*', '?') < 0)
            return string.Equals(pattern, value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        // matches[v] after processing pattern[..p]: whether pattern[..p] matches value[..v]. Two rows, swapped per
        // pattern character; on the stack for the ARNs a request has (a method ARN is a few hundred characters at most).
        const int StackLimit = 512;
        Span<bool> matches = value.Length < StackLimit ? stackalloc bool[value.Length + 1] : new bool[value.Length + 1];
        Span<bool> next = value.Length < StackLimit ? stackalloc bool[value.Length + 1] : new bool[value.Length + 1];
        matches[0] = true;
        for (var p = 0; p < pattern.Length; p++)
        {
            var c = pattern[p];
            if (c == '*')
            {
                var crossesColons = p + 1 == pattern.Length || pattern[p + 1] == ':';
                var reachable = false;
                for (var v = 0; v <= value.Length; v++)
                {
                    // Reachable at v: pattern[..p] matched some u <= v and the star took value[u..v].
                    reachable = matches[v] || (reachable && (crossesColons || value[v - 1] != ':'));
                    next[v] = reachable;
                }
            }
            else
            {
                next[0] = false;
                for (var v = 1; v <= value.Length; v++)
                    next[v] = matches[v - 1] && (c == '?' ? value[v - 1] != ':' : Same(c, value[v - 1], ignoreCase));
            }
            var previous = matches;
            matches = next;
            next = previous;
        }
        return matches[value.Length];
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}

/// <summary>An authorizer's policy API Gateway cannot evaluate: it answers 500 (<c>AuthorizerConfigurationException</c>).</summary>
internal sealed class MalformedPolicyException(string problem) : Exception($"The authorizer's policy is malformed: {problem}.");
