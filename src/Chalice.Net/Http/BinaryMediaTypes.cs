namespace Chalice;

/// <summary>
/// The media types a REST API passes to the function as base64 and returns as binary: the API's
/// <c>binaryMediaTypes</c>, which the deployed API, the local gateway and the test client share.
/// </summary>
public static class BinaryMediaTypes
{
    /// <summary>Chalice's default list (<c>_BINARY_TYPES</c> in chalice/app.py).</summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "application/octet-stream", "application/x-tar", "application/zip", "audio/basic", "audio/ogg", "audio/mp4",
        "audio/mpeg", "audio/wav", "audio/webm", "image/png", "image/jpg", "image/jpeg", "image/gif", "video/ogg",
        "video/mpeg", "video/webm",
    ];

    /// <summary>
    /// The list of an app that adds <paramref name="appTypes"/> (<c>[ChaliceApp(BinaryMediaTypes = ...)]</c>) to the
    /// defaults, in that order and without repeats: what its REST API is given as <c>binaryMediaTypes</c>.
    /// </summary>
    public static IReadOnlyList<string> With(IEnumerable<string> appTypes)
    {
        ArgumentNullException.ThrowIfNull(appTypes);
        var types = Default.ToList();
        foreach (var type in appTypes)
        {
            if (!types.Contains(type, StringComparer.Ordinal))
                types.Add(type);
        }
        return types.Count == Default.Count ? Default : types;
    }
}
