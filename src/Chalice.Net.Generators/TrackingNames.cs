namespace Chalice.Generators;

/// <summary>Names of the tracked pipeline steps, for incrementality tests.</summary>
internal static class TrackingNames
{
    public const string AppCandidates = nameof(AppCandidates);
    public const string Apps = nameof(Apps);
    public const string JsonContexts = nameof(JsonContexts);
    public const string UserEntryPoint = nameof(UserEntryPoint);
    public const string Target = nameof(Target);
    public const string ProjectApp = nameof(ProjectApp);
}
