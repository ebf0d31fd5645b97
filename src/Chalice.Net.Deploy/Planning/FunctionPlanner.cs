using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// Plans the Lambda function: create it, or compare its code (CodeSha256), configuration, tags and reserved
/// concurrency with what the app wants and update only what differs.
/// </summary>
internal static class FunctionPlanner
{
    public static async Task PlanAsync(DeploymentRun run, List<PlannedStep> steps, CancellationToken cancellationToken)
    {
        var name = run.Names.Function;
        var wanted = FunctionSettings.For(run.Spec);
        var function = await run.Aws.Lambda.GetFunctionAsync(name, cancellationToken);
        if (function is null)
        {
            steps.Add(Step("CreateFunction", name, "the function does not exist", (r, ct) => CreateAsync(r, wanted, ct)));
            if (wanted.ReservedConcurrency is { } reserved)
                steps.Add(Step("PutFunctionConcurrency", name, $"reserved concurrency {reserved}", (r, ct) => PutConcurrencyAsync(r, reserved, ct)));
            return;
        }

        var actual = function.Configuration;
        run.FunctionArn = actual.FunctionArn;
        run.FunctionBusy = actual.State == "Pending" || actual.LastUpdateStatus == "InProgress";
        run.Adopt(Recorded(run, actual.FunctionArn!, actual.CodeSha256));

        var architecture = actual.Architectures is [var current, ..] ? current : "x86_64";
        if (actual.CodeSha256 != run.Spec.Package.CodeSha256 || architecture != wanted.Architecture)
        {
            var reason = architecture != wanted.Architecture
                ? $"the architecture changed ({architecture} → {wanted.Architecture})"
                : $"the code changed (sha256 {actual.CodeSha256} → {run.Spec.Package.CodeSha256})";
            steps.Add(Step("UpdateFunctionCode", name, reason, (r, ct) => UpdateCodeAsync(r, wanted, ct)));
        }

        // The role is known here unless it is about to be created, and then the function must switch to it anyway.
        var changes = wanted.ConfigurationChanges(actual, run.RoleArn ?? "(new role)");
        if (changes.Count > 0)
            steps.Add(Step("UpdateFunctionConfiguration", name, string.Join(", ", changes), (r, ct) => UpdateConfigurationAsync(r, wanted, ct)));

        var tags = function.Tags ?? new Dictionary<string, string>();
        var toSet = wanted.Tags.Where(t => !tags.TryGetValue(t.Key, out var v) || v != t.Value).ToDictionary();
        if (toSet.Count > 0)
            steps.Add(Step("TagResource", name, "tags " + string.Join(", ", toSet.Keys),
                (r, ct) => r.Aws.Lambda.TagResourceAsync(r.FunctionArn!, toSet, ct)));
        // As Chalice: tags removed from the config are removed from the function (AWS's own aws: tags cannot be).
        var toRemove = tags.Keys.Where(k => !wanted.Tags.ContainsKey(k) && !k.StartsWith("aws:", StringComparison.Ordinal)).ToArray();
        if (toRemove.Length > 0)
            steps.Add(Step("UntagResource", name, "tags no longer configured: " + string.Join(", ", toRemove),
                (r, ct) => r.Aws.Lambda.UntagResourceAsync(r.FunctionArn!, toRemove, ct)));

        var concurrency = function.Concurrency?.ReservedConcurrentExecutions;
        if (concurrency != wanted.ReservedConcurrency)
        {
            steps.Add(wanted.ReservedConcurrency is { } reserved
                ? Step("PutFunctionConcurrency", name, $"reserved concurrency {concurrency?.ToString() ?? "(none)"} → {reserved}",
                    (r, ct) => PutConcurrencyAsync(r, reserved, ct))
                : Step("DeleteFunctionConcurrency", name, "reserved concurrency is no longer configured",
                    (r, ct) => r.Aws.Lambda.DeleteFunctionConcurrencyAsync(r.Names.Function, ct)));
        }
    }

    private static DeployedFunction Recorded(DeploymentRun run, string arn, string? codeSha256) =>
        new() { Name = run.Spec.Config.Function, FunctionName = run.Names.Function, LambdaArn = arn, CodeSha256 = codeSha256 };

    private static async Task CreateAsync(DeploymentRun run, FunctionSettings wanted, CancellationToken cancellationToken)
    {
        var name = run.Names.Function;
        LambdaFunctionConfiguration created;
        try
        {
            created = await run.Aws.Lambda.CreateFunctionAsync(new CreateFunctionRequest
            {
                FunctionName = name,
                Role = run.RoleArn!,
                Code = new LambdaFunctionCode { ZipFile = await File.ReadAllBytesAsync(run.Spec.Package.ZipPath, cancellationToken) },
                Runtime = wanted.Runtime,
                Handler = wanted.Handler,
                MemorySize = wanted.MemorySize,
                Timeout = wanted.Timeout,
                Environment = wanted.LambdaEnvironment,
                Architectures = [wanted.Architecture],
                Tags = wanted.Tags,
            }, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            // The first attempt's answer was lost and its replay found the function: read back what it created.
            var existing = await run.Aws.Lambda.GetFunctionAsync(name, cancellationToken);
            if (existing is null)
                throw;
            created = existing.Configuration;
        }
        run.FunctionArn = created.FunctionArn;
        run.Record(Recorded(run, created.FunctionArn!, created.CodeSha256));
        if (created.State == "Pending")
            await run.Aws.LambdaWaiter.WaitUntilActiveAsync(name, cancellationToken);
    }

    private static async Task UpdateCodeAsync(DeploymentRun run, FunctionSettings wanted, CancellationToken cancellationToken)
    {
        await run.WaitUntilFunctionIdleAsync(cancellationToken);
        var updated = await run.Aws.Lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest
        {
            FunctionName = run.Names.Function,
            ZipFile = await File.ReadAllBytesAsync(run.Spec.Package.ZipPath, cancellationToken),
            Architectures = [wanted.Architecture],
        }, cancellationToken);
        run.FunctionBusy = updated.LastUpdateStatus == "InProgress";
        run.Record(Recorded(run, run.FunctionArn!, updated.CodeSha256));
    }

    private static async Task UpdateConfigurationAsync(DeploymentRun run, FunctionSettings wanted, CancellationToken cancellationToken)
    {
        await run.WaitUntilFunctionIdleAsync(cancellationToken);
        var updated = await run.Aws.Lambda.UpdateFunctionConfigurationAsync(new UpdateFunctionConfigurationRequest
        {
            FunctionName = run.Names.Function,
            Role = run.RoleArn,
            Runtime = wanted.Runtime,
            Handler = wanted.Handler,
            MemorySize = wanted.MemorySize,
            Timeout = wanted.Timeout,
            Environment = wanted.LambdaEnvironment,
        }, cancellationToken);
        run.FunctionBusy = updated.LastUpdateStatus == "InProgress";
    }

    private static async Task PutConcurrencyAsync(DeploymentRun run, int reserved, CancellationToken cancellationToken) =>
        await run.Aws.Lambda.PutFunctionConcurrencyAsync(run.Names.Function, reserved, cancellationToken);

    private static PlannedStep Step(string operation, string target, string reason, Func<DeploymentRun, CancellationToken, Task> apply) =>
        new("Lambda", operation, target, reason, apply);
}
