using System.Text.Json.Nodes;
using Chalice.Deploy.OpenApi;
using Chalice.Deploy.Templates;

namespace Chalice.Deploy.HttpApis;

/// <summary>
/// The function an HTTP API's Lambda authorizer invokes: one of the app's own <c>[Authorizer]</c> functions
/// (<see cref="AppAuthorizerFunction"/>), whose ARN is known once the deployer has made it, or an existing function of a
/// <c>[CustomAuthorizer]</c> (<see cref="ExistingAuthorizerFunction"/>), whose invocation URI is fixed.
/// </summary>
internal abstract record LambdaAuthorizerFunction
{
    /// <summary>The authorizer's <c>AuthorizerUri</c> in a template.</summary>
    /// <param name="functionIds">The logical id of each of the app's authorizer functions, by its name.</param>
    public abstract JsonNode TemplateInvocationUri(IReadOnlyDictionary<string, string> functionIds);

    /// <summary>The function's ARN in a template (SAM's <c>FunctionArn</c>).</summary>
    /// <param name="functionIds">The logical id of each of the app's authorizer functions, by its name.</param>
    public abstract JsonNode TemplateFunctionArn(IReadOnlyDictionary<string, string> functionIds);
}

/// <summary>The app's <c>[Authorizer]</c> function <paramref name="FunctionName"/>, deployed with the app.</summary>
/// <param name="FunctionName">The function's name in the manifest (the authorizer's name).</param>
internal sealed record AppAuthorizerFunction(string FunctionName) : LambdaAuthorizerFunction
{
    /// <inheritdoc/>
    public override JsonNode TemplateInvocationUri(IReadOnlyDictionary<string, string> functionIds) =>
        StackTemplate.LambdaInvocationUri(functionIds[FunctionName]);

    /// <inheritdoc/>
    public override JsonNode TemplateFunctionArn(IReadOnlyDictionary<string, string> functionIds) =>
        StackTemplate.GetAtt(functionIds[FunctionName], "Arn");
}

/// <summary>
/// A function that is not the app's (<c>[CustomAuthorizer]</c>), at <paramref name="InvocationUri"/>; its owner lets
/// API Gateway invoke it, as Chalice leaves it to the user, so the deployer grants nothing.
/// </summary>
/// <param name="InvocationUri">API Gateway's invocation URI of the function (<see cref="AuthorizerScheme.InvocationUri"/>).</param>
internal sealed record ExistingAuthorizerFunction(string InvocationUri) : LambdaAuthorizerFunction
{
    /// <summary>The function's ARN, read from its invocation URI.</summary>
    public string FunctionArn => AuthorizerScheme.FunctionArn(InvocationUri);

    /// <inheritdoc/>
    public override JsonNode TemplateInvocationUri(IReadOnlyDictionary<string, string> functionIds) => InvocationUri;

    /// <inheritdoc/>
    public override JsonNode TemplateFunctionArn(IReadOnlyDictionary<string, string> functionIds) => FunctionArn;
}
