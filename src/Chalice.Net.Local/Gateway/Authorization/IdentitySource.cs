namespace Chalice.Gateway.Authorization;

/// <summary>The prefixes of a REST API authorizer's identity sources, in API Gateway's syntax.</summary>
internal static class IdentitySource
{
    public const string Header = "method.request.header.";
    public const string Query = "method.request.querystring.";
    public const string StageVariable = "stageVariables.";
    public const string Context = "context.";
}
