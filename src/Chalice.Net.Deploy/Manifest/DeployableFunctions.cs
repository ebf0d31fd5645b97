namespace Chalice.Deploy.Manifest;

/// <summary>
/// Which of an app's functions this deployer deploys: the API (<c>api_handler</c>) only, for now. An app's event
/// handlers and pure functions need their own Lambda functions and event source wiring (rules, notifications,
/// mappings, subscriptions), which this version does not create; deploying the app without them would leave them out
/// silently, so <c>deploy</c> and <c>package</c> refuse it instead, naming them. When the deployer learns a kind, it
/// leaves this list.
/// </summary>
internal static class DeployableFunctions
{
    /// <exception cref="InvalidDataException">The app has functions this deployer would leave out.</exception>
    public static void Ensure(AppManifest manifest)
    {
        var left = manifest.Functions.Where(f => f is not ApiFunctionManifest).ToArray();
        if (left.Length == 0)
            return;
        var names = string.Join(", ", left.Select(f => $"{f.Name} ({Kind(f)})"));
        // Authorizers: the OpenAPI document and the template describe them (OpenApiSettings.AuthorizerUris), but their
        // Lambda functions and API Gateway's permission to invoke them come with the deployer's functions.
        var authorizers = left.OfType<AuthorizerFunctionManifest>().Select(f => f.Name).ToArray();
        var why = authorizers.Length > 0
            ? $" The authorizer functions ({string.Join(", ", authorizers)}) are not deployed yet, and their routes are not deployed open instead."
            : "";
        throw new InvalidDataException(
            $"This chalice-net deploys an app's API only, and '{manifest.Name}' has other functions it would leave out: {names}.{why} " +
            "Run them locally with 'chalice-net invoke NAME' (and authorizers with 'chalice-net local') until the deployer wires them.");
    }

    private static string Kind(FunctionManifest function) => function switch
    {
        PureFunctionManifest => FunctionKinds.Pure,
        ScheduleFunctionManifest => FunctionKinds.Schedule,
        S3FunctionManifest => FunctionKinds.S3,
        SqsFunctionManifest => FunctionKinds.Sqs,
        SnsFunctionManifest => FunctionKinds.Sns,
        CloudWatchEventFunctionManifest => FunctionKinds.CloudWatch,
        KinesisFunctionManifest => FunctionKinds.Kinesis,
        DynamoDBFunctionManifest => FunctionKinds.DynamoDB,
        AuthorizerFunctionManifest => FunctionKinds.Authorizer,
        _ => function.GetType().Name,
    };
}
