namespace Chalice.Deploy.Manifest;

/// <summary>
/// Which of an app's functions <c>chalice-net package</c> writes into its template: the API (<c>api_handler</c>) only,
/// for now. <c>deploy</c> deploys every function with its event source; the template does not have them yet, and a
/// template without them would leave them out silently, so <c>package</c> refuses such an app instead, naming them.
/// When the template learns a kind, it leaves this list.
/// </summary>
internal static class PackageableFunctions
{
    /// <exception cref="InvalidDataException">The app has functions the template would leave out.</exception>
    public static void Ensure(AppManifest manifest)
    {
        var left = manifest.Functions.Where(f => f is not ApiFunctionManifest).ToArray();
        if (left.Length == 0)
            return;
        var names = string.Join(", ", left.Select(f => $"{f.Name} ({Kind(f)})"));
        throw new InvalidDataException(
            $"This chalice-net packages an app's API only, and '{manifest.Name}' has other functions the template would leave out: {names}. " +
            "Deploy it with 'chalice-net deploy', which deploys every function with its event source.");
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
        _ => function.GetType().Name,
    };
}
