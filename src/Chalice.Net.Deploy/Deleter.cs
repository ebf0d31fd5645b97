using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Planning;
using Chalice.Deploy.State;

namespace Chalice.Deploy;

/// <summary>
/// Deletes a stage: the REST API, the function (its invoke permission goes with it), the role's inline policy and the
/// role, then the state file. Each deletion is recorded at once, so an interrupted delete is finished by the next.
/// Without a state file, the resources named <c>{app}-{stage}</c> that carry the deployer's tag are deleted.
/// </summary>
/// <param name="aws">The AWS clients.</param>
/// <param name="store">Where the stage's state is recorded.</param>
public sealed class Deleter(AwsClients aws, DeployedStateStore store)
{
    /// <summary>Deletes the stage's resources and its state file.</summary>
    /// <param name="appName">The app's name.</param>
    /// <param name="stage">The stage.</param>
    /// <param name="progress">Told about each resource before it is deleted.</param>
    /// <param name="cancellationToken">Stops between calls.</param>
    /// <returns>What was deleted, e.g. <c>REST API abc123</c>; empty when nothing was deployed.</returns>
    public async Task<IReadOnlyList<string>> DeleteAsync(
        string appName, string stage = ChaliceConfig.DefaultStage, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var names = ResourceNames.For(appName, stage);
        var state = store.Load(stage) ?? await FindTaggedAsync(names, cancellationToken);
        List<string> deleted = [];

        if (state.Find<DeployedRestApi>() is { } api)
        {
            Announce($"REST API {api.RestApiId}", progress, deleted);
            await IgnoringNotFound(aws.ApiGateway.DeleteRestApiAsync(api.RestApiId, cancellationToken));
            state = Save(state.Without<DeployedRestApi>());
        }
        if (state.Find<DeployedFunction>() is { } function)
        {
            Announce($"Lambda function {function.FunctionName}", progress, deleted);
            await IgnoringNotFound(aws.Lambda.DeleteFunctionAsync(function.FunctionName, cancellationToken));
            state = Save(state.Without<DeployedFunction>().Without<DeployedPermission>());
        }
        if (state.Find<DeployedRole>() is { } role)
        {
            Announce($"IAM role {role.RoleName}", progress, deleted);
            await RolePlanner.DeletePolicyAsync(aws.Iam, role, cancellationToken);
            await RolePlanner.DeleteRoleAsync(aws.Iam, role.RoleName, cancellationToken);
        }
        store.Delete(stage);
        return deleted;
    }

    private DeployedState Save(DeployedState state)
    {
        store.Save(state);
        return state;
    }

    private static void Announce(string resource, IProgress<string>? progress, List<string> deleted)
    {
        progress?.Report(resource);
        deleted.Add(resource);
    }

    private static async Task IgnoringNotFound(Task call)
    {
        try
        {
            await call;
        }
        catch (AwsServiceException e) when (e.IsNotFound)
        {
        }
    }

    /// <summary>The stage's resources found by name, each only when it carries the deployer's tag for this app and stage.</summary>
    private async Task<DeployedState> FindTaggedAsync(ResourceNames names, CancellationToken cancellationToken)
    {
        bool Ours(IReadOnlyDictionary<string, string>? tags) => tags?.GetValueOrDefault(ResourceNames.TagKey) == names.TagValue;

        var state = new DeployedState { AppName = names.App, Stage = names.Stage, Region = aws.Settings.Region };
        var apis = (await aws.ApiGateway.GetRestApisAsync(cancellationToken)).Where(a => a.Name == names.RestApi && Ours(a.Tags)).ToList();
        if (apis.Count > 1)
            throw new AmbiguousResourceException(
                $"There are {apis.Count} REST APIs named {names.RestApi} tagged as this stage's ({string.Join(", ", apis.Select(a => a.Id))}); " +
                "delete them by id with the AWS CLI.");
        if (apis is [var api])
            state = state.With(new DeployedRestApi { Name = "rest_api", RestApiId = api.Id, RestApiUrl = "", ApiGatewayStage = "" });
        if (await aws.Lambda.GetFunctionAsync(names.Function, cancellationToken) is { } function && Ours(function.Tags))
            state = state.With(new DeployedFunction { Name = ChaliceConfig.ApiHandlerName, FunctionName = names.Function, LambdaArn = function.Configuration.FunctionArn ?? "" });
        if (await aws.Iam.GetRoleAsync(names.Role, cancellationToken) is { } role && Ours(role.Tags))
            state = state.With(new DeployedRole { Name = "default-role", RoleName = role.RoleName, RoleArn = role.Arn, PolicyName = names.Policy });
        return state;
    }
}
