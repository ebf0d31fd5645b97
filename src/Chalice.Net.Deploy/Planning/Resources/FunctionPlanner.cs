using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans one Lambda function per function of the app, all from the same package (the API, <c>{app}-{stage}</c>, and
/// each event handler or pure function, <c>{app}-{stage}-{name}</c>, selected by its handler or <c>CHALICE_FUNCTION</c>):
/// create it, or compare its code (CodeSha256), configuration, tags and reserved concurrency with what the function's
/// settings want and update only what differs. Publishes the API function's ARN and every function's.
/// </summary>
internal sealed class FunctionPlanner : ResourcePlanner<DeployedFunction>
{
    private const string Busy = "function update in progress";

    /// <summary>The API function's (<c>api_handler</c>) ARN.</summary>
    public static Export<string> FunctionArn { get; } = new("function ARN");

    /// <summary>The ARN of every function of the app, by its name.</summary>
    public static Export<FunctionArns> FunctionArns { get; } = new("function ARNs");

    /// <inheritdoc/>
    public override string ResourceType => "lambda_function";

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Consumes => [RolePlanner.RoleArns];

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Produces => [FunctionArn, FunctionArns];

    /// <inheritdoc/>
    public override async Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var arns = new FunctionArns();
        // The API function first, as before functions existed; then the others in the app's order.
        foreach (var function in context.Spec.FunctionNames)
            arns.Add(function, await PlanFunctionAsync(context, function, cancellationToken));
        context.Publish(FunctionArn, arns.Of(ChaliceConfig.ApiHandlerName));
        context.Publish(FunctionArns, Ref.Known(FunctionArns.Description, arns, origin: null));
    }

    /// <summary>Plans the Lambda function of one of the app's functions and returns its ARN.</summary>
    private static async Task<Ref<string>> PlanFunctionAsync(PlanningContext context, string logicalName, CancellationToken cancellationToken)
    {
        var spec = context.Spec;
        var lambda = context.Aws.Lambda;
        var name = context.Names.FunctionOf(logicalName);
        var wanted = FunctionSettings.For(spec, logicalName);
        var resource = context.Resource(logicalName, name, wanted);
        // Each function runs as its own role (the RolePlanner's, or its iam_role_arn).
        if (!context.Require(RolePlanner.RoleArns).TryGetKnown(out var roles))
            throw new InvalidOperationException("The function planner needs the map of role ARNs while planning.");
        var roleArn = resource.Uses(roles[logicalName]);
        var function = await lambda.GetFunctionAsync(name, cancellationToken);
        resource.Observed = function;
        if (function is null)
        {
            var created = new StepOutput<string>(logicalName == ChaliceConfig.ApiHandlerName
                ? FunctionArn.Description
                : $"{FunctionArn.Description} of {logicalName}");
            resource.Step(AwsService.Lambda, "CreateFunction", "the function does not exist",
                (step, ct) => CreateAsync(step, context.Aws, spec, name, logicalName, wanted, roleArn, created, ct),
                consumes: [roleArn], produces: [created]);
            if (wanted.ReservedConcurrency is { } reserved)
                resource.Step(AwsService.Lambda, "PutFunctionConcurrency", $"reserved concurrency {reserved}",
                    (_, ct) => lambda.PutFunctionConcurrencyAsync(name, reserved, ct));
            return created;
        }

        var actual = function.Configuration;
        var arn = actual.FunctionArn!;
        resource.Adopt(Record(logicalName, name, arn, actual.CodeSha256));
        var known = Ref.Known(FunctionArn.Description, arn, logicalName);
        // Lambda rejects an update while another is in progress: each update says whether it left one running.
        Ref<bool> updating = Ref.Known(Busy, actual.State == "Pending" || actual.LastUpdateStatus == "InProgress", logicalName);

        var architecture = actual.Architectures is [var current, ..] ? current : "x86_64";
        if (actual.CodeSha256 != spec.Package.CodeSha256 || architecture != wanted.Architecture)
        {
            var reason = architecture != wanted.Architecture
                ? $"the architecture changed ({architecture} → {wanted.Architecture})"
                : $"the code changed (sha256 {actual.CodeSha256} → {spec.Package.CodeSha256})";
            var before = updating;
            var after = new StepOutput<bool>(Busy);
            resource.Step(AwsService.Lambda, "UpdateFunctionCode", reason, async (step, ct) =>
            {
                await WaitUntilIdleAsync(context.Aws, name, step.Get(before), ct);
                var updated = await lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest
                {
                    FunctionName = name,
                    ZipFile = await File.ReadAllBytesAsync(spec.Package.ZipPath, ct),
                    Architectures = [wanted.Architecture],
                }, ct);
                step.Set(after, updated.LastUpdateStatus == "InProgress");
                step.Record(Record(logicalName, name, arn, updated.CodeSha256));
            }, consumes: [before], produces: [after]);
            updating = after;
        }

        // The role is known here unless it is about to be created, and then the function must switch to it anyway.
        var changes = wanted.ConfigurationChanges(actual, roleArn.TryGetKnown(out var role) ? role : "(new role)");
        if (changes.Count > 0)
        {
            var before = updating;
            resource.Step(AwsService.Lambda, "UpdateFunctionConfiguration", string.Join(", ", changes), async (step, ct) =>
            {
                await WaitUntilIdleAsync(context.Aws, name, step.Get(before), ct);
                await lambda.UpdateFunctionConfigurationAsync(new UpdateFunctionConfigurationRequest
                {
                    FunctionName = name,
                    Role = step.Get(roleArn),
                    Runtime = wanted.Runtime,
                    Handler = wanted.Handler,
                    MemorySize = wanted.MemorySize,
                    Timeout = wanted.Timeout,
                    Environment = wanted.LambdaEnvironment,
                    VpcConfig = wanted.LambdaVpcConfig,
                    Layers = wanted.Layers,
                    TracingConfig = wanted.LambdaTracingConfig,
                    EphemeralStorage = wanted.LambdaEphemeralStorage,
                }, ct);
            }, consumes: [roleArn, before]);
        }

        var tags = function.Tags ?? new Dictionary<string, string>();
        var toSet = wanted.Tags.Where(t => !tags.TryGetValue(t.Key, out var v) || v != t.Value).ToDictionary();
        if (toSet.Count > 0)
            resource.Step(AwsService.Lambda, "TagResource", "tags " + string.Join(", ", toSet.Keys),
                (_, ct) => lambda.TagResourceAsync(arn, toSet, ct));
        // As Chalice: tags removed from the config are removed from the function (AWS's own aws: tags cannot be).
        var toRemove = tags.Keys.Where(k => !wanted.Tags.ContainsKey(k) && !k.StartsWith("aws:", StringComparison.Ordinal)).ToArray();
        if (toRemove.Length > 0)
            resource.Step(AwsService.Lambda, "UntagResource", "tags no longer configured: " + string.Join(", ", toRemove),
                (_, ct) => lambda.UntagResourceAsync(arn, toRemove, ct));

        var concurrency = function.Concurrency?.ReservedConcurrentExecutions;
        if (concurrency == wanted.ReservedConcurrency)
            return known;
        if (wanted.ReservedConcurrency is { } wantedConcurrency)
            resource.Step(AwsService.Lambda, "PutFunctionConcurrency",
                $"reserved concurrency {concurrency?.ToString() ?? "(none)"} → {wantedConcurrency}",
                (_, ct) => lambda.PutFunctionConcurrencyAsync(name, wantedConcurrency, ct));
        else
            resource.Step(AwsService.Lambda, "DeleteFunctionConcurrency", "reserved concurrency is no longer configured",
                (_, ct) => lambda.DeleteFunctionConcurrencyAsync(name, ct));
        return known;
    }

    /// <inheritdoc/>
    protected override async Task<DeployedFunction?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        await aws.Lambda.GetFunctionAsync(names.Function, cancellationToken) is { } function
        && function.Tags?.GetValueOrDefault(ResourceNames.TagKey) == names.TagValue
            ? Record(ChaliceConfig.ApiHandlerName, names.Function, function.Configuration.FunctionArn ?? "", function.Configuration.CodeSha256)
            : null;

    /// <inheritdoc/>
    protected override string Describe(DeployedFunction record) => $"Lambda function {record.FunctionName}";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedFunction record, IAwsApis aws) =>
    [
        DeletionStep(record, AwsService.Lambda, "DeleteFunction", record.FunctionName, "the stage no longer has it",
            (_, ct) => IgnoringNotFound(aws.Lambda.DeleteFunctionAsync(record.FunctionName, ct))),
    ];

    private static DeployedFunction Record(string logicalName, string functionName, string arn, string? codeSha256) =>
        new() { Name = logicalName, FunctionName = functionName, LambdaArn = arn, CodeSha256 = codeSha256 };

    private static async Task CreateAsync(
        StepContext step, IAwsApis aws, DeploymentSpec spec, string name, string logicalName, FunctionSettings wanted, Ref<string> roleArn,
        StepOutput<string> arn, CancellationToken cancellationToken)
    {
        LambdaFunctionConfiguration created;
        try
        {
            created = await aws.Lambda.CreateFunctionAsync(new CreateFunctionRequest
            {
                FunctionName = name,
                Role = step.Get(roleArn),
                Code = new LambdaFunctionCode { ZipFile = await File.ReadAllBytesAsync(spec.Package.ZipPath, cancellationToken) },
                Runtime = wanted.Runtime,
                Handler = wanted.Handler,
                MemorySize = wanted.MemorySize,
                Timeout = wanted.Timeout,
                Environment = wanted.LambdaEnvironment,
                Architectures = [wanted.Architecture],
                Tags = wanted.Tags,
                VpcConfig = wanted.InVpc ? wanted.LambdaVpcConfig : null,
                Layers = wanted.Layers.Count > 0 ? wanted.Layers : null,
                TracingConfig = wanted.LambdaTracingConfig,
                EphemeralStorage = wanted.LambdaEphemeralStorage,
            }, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            // The first attempt's answer was lost and its replay found the function: read back what it created.
            var existing = await aws.Lambda.GetFunctionAsync(name, cancellationToken);
            if (existing is null)
                throw;
            created = existing.Configuration;
        }
        step.Set(arn, created.FunctionArn!);
        step.Record(Record(logicalName, name, created.FunctionArn!, created.CodeSha256));
        if (created.State == "Pending")
            await aws.LambdaWaiter.WaitUntilActiveAsync(name, cancellationToken);
    }

    private static async Task WaitUntilIdleAsync(IAwsApis aws, string name, bool updating, CancellationToken cancellationToken)
    {
        if (updating)
            await aws.LambdaWaiter.WaitUntilUpdatedAsync(name, cancellationToken);
    }
}
