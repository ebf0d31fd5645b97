using System.Text.Json;
using Chalice.Deploy.Manifest;

namespace Chalice.Deploy.Packaging;

/// <summary>
/// What <c>chalice-net package</c> writes beside <c>deployment.zip</c> so that <c>chalice-net deploy --package</c>
/// can deploy the zip without building again: the package's runtime settings and the app's routes (a Native AOT
/// bootstrap no longer carries the manifest in readable metadata).
/// </summary>
internal sealed record PackageDescription(string Runtime, string Handler, string Architecture, string CodeSha256, AppManifest Manifest)
{
    /// <summary>The zip's file name in a package folder.</summary>
    public const string ZipFileName = "deployment.zip";

    /// <summary>This file's name in a package folder.</summary>
    public const string FileName = "chalice-package.json";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Describes a package.</summary>
    public static PackageDescription Of(LambdaPackage package, AppManifest manifest) =>
        new(package.Runtime, package.Handler, package.Architecture, package.CodeSha256, manifest);

    /// <summary>Writes the description into a package folder.</summary>
    public void Write(string directory) =>
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, s_json) + "\n");

    /// <summary>Reads a package folder: the zip as a <see cref="LambdaPackage"/>, and the manifest.</summary>
    /// <exception cref="InvalidDataException">The folder is not a package, or its zip changed since it was written.</exception>
    public static (LambdaPackage Package, AppManifest Manifest) Read(string directory)
    {
        var file = Path.Combine(directory, FileName);
        var zip = Path.Combine(directory, ZipFileName);
        if (!File.Exists(file) || !File.Exists(zip))
            throw new InvalidDataException($"'{directory}' is not a package folder: run 'chalice-net package {directory}' first.");
        PackageDescription description;
        try
        {
            description = JsonSerializer.Deserialize<PackageDescription>(File.ReadAllText(file), s_json)
                          ?? throw new InvalidDataException($"{file} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is not a package description: {e.Message.Split(" Path:", 2)[0]}");
        }
        var bytes = File.ReadAllBytes(zip);
        var sha = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(bytes));
        if (sha != description.CodeSha256)
            throw new InvalidDataException($"{zip} changed after it was packaged; package again.");
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var package = new LambdaPackage(zip, sha, bytes.LongLength, description.Runtime, description.Handler, description.Architecture,
            [.. archive.Entries.Select(e => e.FullName)], AppAssemblyPath: "");
        return (package, description.Manifest);
    }
}
