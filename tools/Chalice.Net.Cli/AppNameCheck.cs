using Chalice.Configuration;
using Chalice.Deploy.Manifest;

namespace Chalice.Cli;

/// <summary>
/// Every resource is named after the app (<c>{app}-{stage}</c>), so a name that changes under a deployed stage would
/// create a second set of resources and orphan the first, and a <c>[ChaliceApp]</c> name that disagrees with
/// <c>app_name</c> leaves it unclear which one the user meant. Both are refused with what to do instead.
/// </summary>
internal static class AppNameCheck
{
    /// <summary>
    /// Before building (when <c>app_name</c> is set), and after it with the <c>[ChaliceApp]</c> name otherwise: the
    /// name must be the one the stage was deployed with.
    /// </summary>
    /// <exception cref="ChaliceConfigException">The stage is deployed under another name.</exception>
    public static void MatchesDeployedStage(AppWorkspace workspace, AppManifest? manifest = null)
    {
        if (workspace.Config.AppName is { } configured)
            CheckDeployedName(workspace, configured, $"app_name is \"{configured}\"");
        else if (manifest is not null)
            CheckDeployedName(workspace, manifest.Name, $"[ChaliceApp(\"{manifest.Name}\")] names the app");
    }

    /// <summary>After building, when the <c>[ChaliceApp]</c> name is known: it must agree with <c>app_name</c>.</summary>
    /// <exception cref="ChaliceConfigException">They differ.</exception>
    public static void ConfigAgreesWithCode(AppWorkspace workspace, AppManifest manifest)
    {
        if (workspace.Config.AppName is { } configured && !string.Equals(configured, manifest.Name, StringComparison.Ordinal))
        {
            throw new ChaliceConfigException(
                $"[ChaliceApp(\"{manifest.Name}\")] and app_name \"{configured}\" in {ChaliceConfig.RelativePath} differ; " +
                "make them the same (resources are named after app_name).");
        }
    }

    private static void CheckDeployedName(AppWorkspace workspace, string name, string naming)
    {
        var stage = workspace.Stage.Stage;
        if (workspace.Store.Load(stage) is not { } deployed || string.Equals(deployed.AppName, name, StringComparison.Ordinal))
            return;
        throw new ChaliceConfigException(
            $"{naming}, but stage {stage} is deployed as \"{deployed.AppName}\" (.chalice/deployed/{stage}.json): a deploy would " +
            $"create {name}-{stage} and leave {deployed.AppName}-{stage} behind. Run 'chalice-net delete --stage {stage}' first " +
            $"(it deletes {deployed.AppName}-{stage}), or rename the app back to \"{deployed.AppName}\".");
    }
}
