using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Chalice.Policy.Analysis;

/// <summary>
/// Identifies the service of an SDK client namespace (<c>Amazon.S3</c>) from its <c>ClientConfig</c> type and the
/// signing name in its assembly, once per namespace.
/// </summary>
internal sealed class AwsServiceCatalog
{
    private const string ClientConfigType = "Amazon.Runtime.ClientConfig";

    // The few services whose SigV4 signing name is not their IAM prefix.
    private static readonly Dictionary<string, string> s_iamPrefixBySigningName = new(StringComparer.Ordinal)
    {
        ["monitoring"] = "cloudwatch",
    };

    private readonly ConcurrentDictionary<string, AwsService?> _byNamespace = new(StringComparer.Ordinal);

    /// <summary>
    /// The service whose client lives in <paramref name="serviceNamespace"/> of <paramref name="assembly"/>, or null
    /// when that namespace holds no client configuration (so it is not an SDK service namespace).
    /// </summary>
    public AwsService? Find(Compilation compilation, IAssemblySymbol assembly, INamespaceSymbol serviceNamespace) =>
        _byNamespace.GetOrAdd(serviceNamespace.ToDisplayString(), name => Identify(compilation, assembly, serviceNamespace, name));

    private static AwsService? Identify(Compilation compilation, IAssemblySymbol assembly, INamespaceSymbol ns, string name)
    {
        var config = ns.GetTypeMembers()
            .Where(t => t.Name.StartsWith("Amazon", StringComparison.Ordinal) && SdkCallClassifier.DerivesFrom(t, ClientConfigType))
            .OrderBy(t => t.Name.Length)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (config is null)
            return null;

        var signingName = compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } path }
            ? SigningNameReader.Read(path, name, config.Name)
            : null;
        // Without a readable assembly, fall back to the namespace (Amazon.SQS → sqs), right for most services.
        signingName ??= name["Amazon.".Length..].ToLowerInvariant();
        return new AwsService(name, s_iamPrefixBySigningName.GetValueOrDefault(signingName, signingName));
    }
}
