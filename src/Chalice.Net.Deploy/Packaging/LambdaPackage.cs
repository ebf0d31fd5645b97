namespace Chalice.Deploy.Packaging;

/// <summary>How the app runs on Lambda.</summary>
internal enum LambdaRuntimeKind
{
    /// <summary>A Native AOT <c>bootstrap</c> on the <c>provided.al2023</c> OS-only runtime: the fastest cold start.</summary>
    NativeAot,

    /// <summary>Framework-dependent on the managed <c>dotnet10</c> runtime, in executable-assembly mode.</summary>
    Managed,
}

/// <summary>The processor architecture of the function.</summary>
internal enum LambdaArchitecture
{
    /// <summary><c>x86_64</c>.</summary>
    X86_64,

    /// <summary><c>arm64</c> (Graviton).</summary>
    Arm64,
}

/// <summary>A deployment package: a zip ready for Lambda's CreateFunction / UpdateFunctionCode.</summary>
/// <param name="ZipPath">Where the zip was written.</param>
/// <param name="CodeSha256">Base64 SHA-256 of the zip, as Lambda reports it for the function's code.</param>
/// <param name="Size">The zip's size in bytes.</param>
/// <param name="Runtime">Lambda's runtime name: <c>provided.al2023</c> or <c>dotnet10</c>.</param>
/// <param name="Handler">
/// The handler setting: <c>bootstrap</c>, or the assembly name in executable-assembly mode. The API runs with either.
/// Every other function of the app runs from the same package, selected by its Lambda function's configuration
/// (<see cref="Chalice.Lambda.LambdaFunctionSelector"/>): on <c>provided.al2023</c> its handler setting is its name
/// (<c>resize</c>); on <c>dotnet10</c> the handler must stay the assembly name, and the environment variable
/// <c>CHALICE_FUNCTION</c> (<see cref="Chalice.Lambda.LambdaFunctionSelector.FunctionVariable"/>) names the function.
/// </param>
/// <param name="Architecture">Lambda's architecture name: <c>x86_64</c> or <c>arm64</c>.</param>
/// <param name="Entries">The file names in the zip, in order.</param>
/// <param name="AppAssemblyPath">The compiled app assembly (IL), whose metadata holds the app manifest; empty for a package read back from a package folder.</param>
internal sealed record LambdaPackage(
    string ZipPath,
    string CodeSha256,
    long Size,
    string Runtime,
    string Handler,
    string Architecture,
    IReadOnlyList<string> Entries,
    string AppAssemblyPath)
{
    /// <summary>The build's warnings (trimming and AOT analysis included), each once.</summary>
    public IReadOnlyList<string> BuildWarnings { get; init; } = [];

    /// <summary>Whether this is the last build's package, reused because nothing it was built from changed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Reused { get; init; }
}
