using Chalice.Deploy.Aws;

namespace Chalice.Deploy.Planning;

/// <summary>
/// One change a deploy or delete intends to make: a mutating AWS call, on what, why, which other steps' outputs it
/// consumes and which it produces. <c>--dry-run</c> prints these; the executor runs them in order, resolving what they
/// consume, and records the state as each resource comes and goes.
/// </summary>
internal sealed class PlannedStep
{
    /// <param name="resource">The logical name of the resource the step changes, e.g. <c>api_handler</c>.</param>
    /// <param name="service">The service called.</param>
    /// <param name="operation">The API operation, e.g. <c>CreateRole</c>.</param>
    /// <param name="target">The resource's name or id, as a person would look it up.</param>
    /// <param name="reason">Why the change is needed.</param>
    /// <param name="consumes">What the step reads while running; it can read nothing else.</param>
    /// <param name="produces">What the step sets while running; it must set all of them.</param>
    /// <param name="apply">Makes the call(s) and records the result.</param>
    /// <param name="forgets">Logical names of recorded resources that are gone once the step succeeded.</param>
    public PlannedStep(
        string resource, AwsService service, string operation, string target, string reason,
        IReadOnlyList<IRef> consumes, IReadOnlyList<IStepOutput> produces, Func<StepContext, CancellationToken, Task> apply,
        IReadOnlyList<string>? forgets = null)
    {
        Resource = resource;
        Service = service;
        Operation = operation;
        Target = target;
        Reason = reason;
        Consumes = consumes;
        Produces = produces;
        Apply = apply;
        Forgets = forgets ?? [];
        foreach (var output in produces)
            output.ProducedBy(this);
    }

    /// <summary>The logical name of the resource the step changes.</summary>
    public string Resource { get; }

    /// <summary>The service called.</summary>
    public AwsService Service { get; }

    /// <summary>The API operation, e.g. <c>CreateRole</c>.</summary>
    public string Operation { get; }

    /// <summary>The resource's name or id.</summary>
    public string Target { get; }

    /// <summary>Why the change is needed.</summary>
    public string Reason { get; }

    /// <summary>The references the step reads while running.</summary>
    public IReadOnlyList<IRef> Consumes { get; }

    /// <summary>The outputs the step sets while running.</summary>
    public IReadOnlyList<IStepOutput> Produces { get; }

    /// <summary>Logical names of the recorded resources that are gone once the step succeeded.</summary>
    public IReadOnlyList<string> Forgets { get; }

    /// <summary>The steps whose outputs this one consumes.</summary>
    public IEnumerable<PlannedStep> Prerequisites => Consumes.SelectMany(c => c.Sources).Select(s => s.Producer).Distinct();

    /// <summary>Makes the change and records its result.</summary>
    public Func<StepContext, CancellationToken, Task> Apply { get; }

    /// <summary>The same step, and once it succeeded the named resources are forgotten too.</summary>
    public PlannedStep AlsoForgetting(IReadOnlyList<string> names) =>
        Produces.Count > 0
            ? throw new InvalidOperationException($"{this} produces outputs; only a step that ends a resource forgets it.")
            : new PlannedStep(Resource, Service, Operation, Target, Reason, Consumes, Produces, Apply, [.. Forgets, .. names]);

    /// <inheritdoc/>
    public override string ToString() => $"{Service.ServiceId} {Operation} {Target}: {Reason}";
}
