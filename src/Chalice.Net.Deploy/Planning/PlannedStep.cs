namespace Chalice.Deploy.Planning;

/// <summary>
/// One change a deploy intends to make: a mutating AWS call, on what, and why. <c>--dry-run</c> prints these; the
/// deployer executes them in order and records the state after each.
/// </summary>
public sealed class PlannedStep
{
    internal PlannedStep(string service, string operation, string target, string reason, Func<DeploymentRun, CancellationToken, Task> apply)
    {
        Service = service;
        Operation = operation;
        Target = target;
        Reason = reason;
        Apply = apply;
    }

    /// <summary>The service id, e.g. <c>IAM</c>.</summary>
    public string Service { get; }

    /// <summary>The API operation, e.g. <c>CreateRole</c>.</summary>
    public string Operation { get; }

    /// <summary>The resource's name or id.</summary>
    public string Target { get; }

    /// <summary>Why the change is needed.</summary>
    public string Reason { get; }

    /// <summary>Performs the change and records its result.</summary>
    internal Func<DeploymentRun, CancellationToken, Task> Apply { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Service} {Operation} {Target}: {Reason}";
}
