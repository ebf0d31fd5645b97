using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chalice.Deploy.Aws.Lambda;

/// <summary>
/// A statement of a function's resource-based policy as <c>GetPolicy</c> returns it: who may invoke
/// (<c>Principal.Service</c>), and the conditions <c>AddPermission</c> writes for <c>SourceArn</c> (<c>ArnLike</c>
/// <c>AWS:SourceArn</c>) and <c>SourceAccount</c> (<c>StringEquals</c> <c>AWS:SourceAccount</c>)
/// (https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html).
/// </summary>
/// <param name="Sid">The statement id.</param>
/// <param name="Effect"><c>Allow</c> or <c>Deny</c>.</param>
/// <param name="Principal">The service principal (e.g. <c>s3.amazonaws.com</c>), the AWS principal, or <c>*</c>.</param>
/// <param name="Action">The action, e.g. <c>lambda:InvokeFunction</c>.</param>
/// <param name="SourceArn">The ARN the invoker must come from, if the statement names one.</param>
/// <param name="SourceAccount">The account the invoker must belong to, if the statement names one.</param>
internal sealed record LambdaPolicyStatement(
    string Sid, string? Effect, string? Principal, string? Action, string? SourceArn, string? SourceAccount)
{
    /// <summary>The statements of a policy document; an unreadable document has none.</summary>
    public static IReadOnlyList<LambdaPolicyStatement> ReadAll(string policyJson)
    {
        try
        {
            var statements = JsonNode.Parse(policyJson)?["Statement"] switch
            {
                JsonArray array => array.OfType<JsonObject>(),
                JsonObject single => [single],
                _ => [],
            };
            return [.. statements.Select(Read)];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return [];
        }
    }

    private static LambdaPolicyStatement Read(JsonObject statement)
    {
        var principal = statement["Principal"] switch
        {
            JsonObject named => Text(named["Service"]) ?? Text(named["AWS"]),
            var other => Text(other),
        };
        var condition = statement["Condition"] as JsonObject;
        return new LambdaPolicyStatement(
            Text(statement["Sid"]) ?? "",
            Text(statement["Effect"]),
            principal,
            Text(statement["Action"]),
            Text(condition?["ArnLike"]?["AWS:SourceArn"]) ?? Text(condition?["ArnEquals"]?["AWS:SourceArn"]),
            Text(condition?["StringEquals"]?["AWS:SourceAccount"]));
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
