using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// A Lambda authorizer's answer as an IAM policy: who the caller is (<see cref="PrincipalId"/>), which methods they may
/// call (<see cref="PolicyDocument"/>), and values passed on to the integration (<see cref="Context"/>). REST APIs take
/// only this form; HTTP APIs take it too when simple responses are off.
/// </summary>
/// <remarks>AWS: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html</remarks>
public sealed class ApiGatewayAuthorizerResponse
{
    /// <summary>The caller's identity; the handler sees it in <c>requestContext.authorizer.principalId</c>.</summary>
    [JsonPropertyName("principalId")] public required string PrincipalId { get; set; }

    /// <summary>What the caller may invoke: statements over <c>execute-api:Invoke</c> on method ARNs.</summary>
    [JsonPropertyName("policyDocument")] public required IamPolicyDocument PolicyDocument { get; set; }

    /// <summary>Key-value pairs the handler sees in <c>requestContext.authorizer</c>.</summary>
    [JsonPropertyName("context")] public JsonObject? Context { get; set; }

    /// <summary>The API key to meter the call against, when the API's key source is <c>AUTHORIZER</c>.</summary>
    [JsonPropertyName("usageIdentifierKey")] public string? UsageIdentifierKey { get; set; }

    /// <summary>Members this version does not model, kept so that a round trip loses nothing.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>An IAM policy document, as a Lambda authorizer returns it.</summary>
public sealed class IamPolicyDocument
{
    /// <summary>The policy language version, <c>2012-10-17</c>.</summary>
    [JsonPropertyName("Version")] public string? Version { get; set; }

    /// <summary>The statements; an explicit Deny wins over any Allow.</summary>
    [JsonPropertyName("Statement")] public required List<IamPolicyStatement> Statement { get; set; }

    /// <summary>Members this version does not model, kept so that a round trip loses nothing.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>One statement of an <see cref="IamPolicyDocument"/>: allow or deny actions on resources.</summary>
public sealed class IamPolicyStatement
{
    /// <summary>The actions, <c>execute-api:Invoke</c> for an authorizer.</summary>
    [JsonPropertyName("Action")] public IamPolicyValues? Action { get; set; }

    /// <summary><c>Allow</c> or <c>Deny</c>.</summary>
    [JsonPropertyName("Effect")] public required string Effect { get; set; }

    /// <summary>Method ARNs, with <c>*</c> and <c>?</c> wildcards.</summary>
    [JsonPropertyName("Resource")] public IamPolicyValues? Resource { get; set; }

    /// <summary>Members this version does not model (<c>Sid</c>, <c>Condition</c>, …), kept so that a round trip loses nothing.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
