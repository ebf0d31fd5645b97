namespace Chalice.Generators.Model;

/// <summary>Facts about the compilation that decide whether and how the entry point is emitted.</summary>
/// <param name="IsExecutable">The project builds an executable.</param>
/// <param name="HasLocalEmulator">Chalice.Net.Local is referenced, so <c>dotnet run</c> can serve locally.</param>
internal sealed record GenerationTarget(bool IsExecutable, bool HasLocalEmulator);
