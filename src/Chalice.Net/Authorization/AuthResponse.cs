using System.Text.Json.Nodes;
using Chalice.Events;

namespace Chalice;

/// <summary>
/// An authorizer's answer (Chalice's <c>AuthResponse</c>): the routes the caller may call, who the caller is, and
/// values the handler sees in <c>requestContext.authorizer</c>. It becomes the IAM policy API Gateway expects, one
/// <c>Allow</c> of <c>execute-api:Invoke</c> on the method ARN of each route and method, built from the ARN of the
/// request being authorized, as Chalice builds it. No routes is an answer that allows nothing: API Gateway answers
/// 403. <see cref="Unauthorized"/> makes it answer 401 instead.
/// </summary>
/// <param name="routes">The routes the caller may call; <c>"*"</c> for every route.</param>
/// <param name="principalId">The caller's identity (<c>requestContext.authorizer.principalId</c>).</param>
/// <param name="context">Values passed on to the handler.</param>
public sealed class AuthResponse(IReadOnlyList<AuthRoute> routes, string principalId, IReadOnlyDictionary<string, string>? context = null)
{
    /// <summary>The routes the caller may call.</summary>
    public IReadOnlyList<AuthRoute> Routes { get; } = routes;

    /// <summary>The caller's identity.</summary>
    public string PrincipalId { get; } = principalId;

    /// <summary>Values the handler sees in <c>requestContext.authorizer</c>.</summary>
    public IReadOnlyDictionary<string, string> Context { get; } = context ?? new Dictionary<string, string>();

    /// <summary>
    /// "Not authenticated": API Gateway answers <c>401 {"message":"Unauthorized"}</c>. On Lambda the invocation fails
    /// with the error message <c>Unauthorized</c>, the one answer API Gateway turns into a 401.
    /// </summary>
    public static AuthResponse Unauthorized { get; } = new([], "");

    /// <summary>
    /// The IAM policy API Gateway expects for <paramref name="request"/>: each route and method becomes
    /// <c>arn:…:API/STAGE/METHOD/PATH</c> with the API and stage of the request's own ARN (chalice/app.py,
    /// <c>AuthResponse._generate_arn</c>).
    /// </summary>
    public ApiGatewayAuthorizerResponse ToPolicyResponse(AuthRequest request)
    {
        var resources = new List<string>();
        foreach (var route in Routes)
        {
            foreach (var method in route.Methods)
                resources.Add(MethodArn(request.MethodArn, route.Path == "*" ? "*" : route.Path, method));
        }
        var context = new JsonObject();
        foreach (var (key, value) in Context)
            context[key] = value;
        return new ApiGatewayAuthorizerResponse
        {
            PrincipalId = PrincipalId,
            PolicyDocument = new IamPolicyDocument
            {
                Version = "2012-10-17",
                Statement = [new IamPolicyStatement { Action = "execute-api:Invoke", Effect = "Allow", Resource = IamPolicyValues.Create([.. resources]) }],
            },
            Context = context,
        };
    }

    /// <summary>
    /// The ARN of <paramref name="path"/> and <paramref name="method"/> on the API and stage of
    /// <paramref name="requestArn"/> (<c>arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/VERB/PATH</c>): <c>/</c> is
    /// <c>…/VERB/</c>, <c>*</c> is <c>…/VERB/*</c>.
    /// </summary>
    private static string MethodArn(string requestArn, string path, string method)
    {
        var resourceStart = NthIndexOf(requestArn, ':', 5) + 1;
        var resource = requestArn[resourceStart..];
        var apiAndStage = NthIndexOf(resource, '/', 2);
        var prefix = requestArn[..resourceStart] + (apiAndStage < 0 ? resource : resource[..apiAndStage]);
        var rest = path == "*" ? "*" : path.StartsWith('/') ? path[1..] : path;
        return $"{prefix}/{method}/{rest}";
    }

    /// <summary>The index of the <paramref name="n"/>th <paramref name="c"/>, or -1.</summary>
    private static int NthIndexOf(string value, char c, int n)
    {
        var index = -1;
        for (var i = 0; i < n; i++)
        {
            index = value.IndexOf(c, index + 1);
            if (index < 0)
                return -1;
        }
        return index;
    }
}
