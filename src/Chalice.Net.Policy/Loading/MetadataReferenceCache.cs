using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Chalice.Policy.Loading;

/// <summary>
/// Metadata references by file path, shared by every compilation of the process: the framework and package assemblies
/// are the same for every project, and reading them is most of the cost of building a compilation.
/// </summary>
internal static class MetadataReferenceCache
{
    private static readonly ConcurrentDictionary<(string Path, DateTime Modified), MetadataReference> s_references = new();

    public static MetadataReference Get(string path) =>
        s_references.GetOrAdd((path, File.GetLastWriteTimeUtc(path)), static key => MetadataReference.CreateFromFile(key.Path));
}
