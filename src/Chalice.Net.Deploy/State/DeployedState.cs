namespace Chalice.Deploy.State;

/// <summary>
/// What is deployed for one stage of an app: the contents of <c>.chalice/deployed/&lt;stage&gt;.json</c>. Immutable;
/// <see cref="With"/> and <see cref="Without{T}"/> give the next version, which the deployer writes after every change.
/// </summary>
internal sealed record DeployedState
{
    /// <summary>Chalice's schema version of the file.</summary>
    public string SchemaVersion { get; init; } = "2.0";

    /// <summary>Chalice's deployment backend name.</summary>
    public string Backend { get; init; } = "api";

    /// <summary>The app's name.</summary>
    public required string AppName { get; init; }

    /// <summary>The Chalice stage.</summary>
    public required string Stage { get; init; }

    /// <summary>The region the resources live in.</summary>
    public required string Region { get; init; }

    /// <summary>The recorded resources, in the order they were first recorded.</summary>
    public IReadOnlyList<DeployedResource> Resources { get; init; } = [];

    /// <summary>The first recorded resource of a type, or null.</summary>
    public T? Find<T>() where T : DeployedResource => Resources.OfType<T>().FirstOrDefault();

    /// <summary>The deployed API, whatever its kind, or null when the stage has none.</summary>
    public IDeployedApi? Api => Resources.OfType<IDeployedApi>().FirstOrDefault();

    /// <summary>
    /// The URL the app's API is served under: its custom domain's (<c>api_gateway_custom_domain</c>) when it has one,
    /// else the API's own; null when the stage has no API.
    /// </summary>
    public string? Url => Find<DeployedDomainName>()?.Url ?? Api?.Url;

    /// <summary>The recorded resource of a logical name (Chalice's <c>name</c>), or null.</summary>
    public DeployedResource? Find(string name) => Resources.FirstOrDefault(r => r.Name == name);

    /// <summary>The recorded resource of a logical name when it is of type <typeparamref name="T"/>, or null.</summary>
    public T? Find<T>(string name) where T : DeployedResource => Find(name) as T;

    /// <summary>
    /// This state with <paramref name="resource"/> recorded, replacing the resource of the same logical name (names
    /// are unique in a state file, as in Chalice's).
    /// </summary>
    public DeployedState With(DeployedResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var resources = Resources.ToList();
        var index = resources.FindIndex(r => r.Name == resource.Name);
        if (index >= 0)
            resources[index] = resource;
        else
            resources.Add(resource);
        return this with { Resources = resources };
    }

    /// <summary>This state without the resources of type <typeparamref name="T"/>.</summary>
    public DeployedState Without<T>() where T : DeployedResource =>
        this with { Resources = Resources.Where(r => r is not T).ToList() };

    /// <summary>This state without the resource of a logical name.</summary>
    public DeployedState Without(string name) =>
        this with { Resources = Resources.Where(r => r.Name != name).ToList() };

    /// <summary>Whether two states record the same resources.</summary>
    public bool SameAs(DeployedState other) =>
        other is not null && this with { Resources = [] } == other with { Resources = [] } && Resources.SequenceEqual(other.Resources);
}
