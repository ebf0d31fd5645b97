using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Chalice.Policy.Loading;

/// <summary>
/// Everything needed to compile one project the way its build would, as MSBuild reported it (or as a test builds it):
/// compiler options, source files, metadata references and the projects it references.
/// </summary>
internal sealed record ProjectDescription
{
    /// <summary>Full path of the project file; identifies the project.</summary>
    public required string ProjectPath { get; init; }

    public required string AssemblyName { get; init; }

    public OutputKind OutputKind { get; init; } = OutputKind.DynamicallyLinkedLibrary;

    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.Latest;

    public IReadOnlyList<string> PreprocessorSymbols { get; init; } = [];

    public NullableContextOptions Nullable { get; init; } = NullableContextOptions.Disable;

    public bool AllowUnsafe { get; init; }

    /// <summary>Full paths of the C# files the compiler would see, generated files excluded.</summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = [];

    /// <summary>Full paths of metadata references (packages, framework), project references excluded.</summary>
    public IReadOnlyList<string> MetadataReferences { get; init; } = [];

    /// <summary>Full paths of the referenced projects, compiled from source rather than from their outputs.</summary>
    public IReadOnlyList<string> ProjectReferences { get; init; } = [];

    public IReadOnlyList<GlobalUsing> GlobalUsings { get; init; } = [];
}
