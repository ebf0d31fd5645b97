using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// The working memory of one deploy, from planning through execution: the clients, what is known about the
/// resources (ARNs and ids, found by planning or returned by the calls that create them) and the state being recorded.
/// </summary>
internal sealed class DeploymentRun(AwsClients aws, DeploymentSpec spec, DeployedStateStore store, DeployedState state)
{
    public AwsClients Aws { get; } = aws;

    public DeploymentSpec Spec { get; } = spec;

    public ResourceNames Names { get; } = spec.Names;

    public string Region => Aws.Settings.Region;

    public string Partition => AwsPartition.ForRegion(Region).Id;

    private int _started;

    /// <summary>Marks the run as executing; false when it was already.</summary>
    public bool TryStart() => Interlocked.Exchange(ref _started, 1) == 0;

    /// <summary>The state as recorded so far.</summary>
    public DeployedState State { get; private set; } = state;

    /// <summary>The inline policy for a managed role (validated JSON).</summary>
    public string? Policy { get; set; }

    public string? RoleArn { get; set; }

    public string? FunctionArn { get; set; }

    /// <summary>Whether the function is still updating (Lambda rejects another update until it is done).</summary>
    public bool FunctionBusy { get; set; }

    public string? RestApiId { get; set; }

    /// <summary>The hash of the API definition put last, recorded once a deployment serves it.</summary>
    public string? PutDocumentSha256 { get; set; }

    /// <summary>The account, read from the function's ARN (it is always known before anything needs the account).</summary>
    public string AccountId => Arn.Account(FunctionArn ?? RoleArn
        ?? throw new InvalidOperationException("The account is needed before any ARN is known."));

    public string StageUrl(string restApiId) =>
        $"https://{restApiId}.execute-api.{Region}.{AwsPartition.ForRegion(Region).DnsSuffix}/{Spec.Config.ApiGatewayStage}/";

    public string InvokeSourceArn => ApiGatewayArn.ExecuteApiSource(Region, AccountId,
        RestApiId ?? throw new InvalidOperationException("The REST API id is not known yet."));

    /// <summary>Records a resource in memory only (planning: resources found again are written before the first change).</summary>
    public void Adopt(DeployedResource resource) => State = State.With(resource);

    /// <summary>Records a resource and writes the state file at once.</summary>
    public void Record(DeployedResource resource)
    {
        State = State.With(resource);
        store.Save(State);
    }

    /// <summary>Forgets a resource and writes the state file at once.</summary>
    public void Forget<T>() where T : DeployedResource
    {
        State = State.Without<T>();
        store.Save(State);
    }

    /// <summary>Writes the state as it stands.</summary>
    public void Save() => store.Save(State);

    /// <summary>Waits for the function to finish an update before the next one.</summary>
    public async Task WaitUntilFunctionIdleAsync(CancellationToken cancellationToken)
    {
        if (!FunctionBusy)
            return;
        await Aws.LambdaWaiter.WaitUntilUpdatedAsync(Names.Function, cancellationToken);
        FunctionBusy = false;
    }
}
