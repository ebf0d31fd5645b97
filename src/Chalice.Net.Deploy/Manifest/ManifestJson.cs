using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Deploy.Manifest;

internal sealed partial record AppManifest
{
    private const string AttributeName = "ChaliceManifestAttribute";

    /// <summary>Reads the manifest of the app compiled into <paramref name="assemblyPath"/>.</summary>
    /// <exception cref="InvalidDataException">The assembly has no Chalice.Net app in it, or a manifest this tool cannot read.</exception>
    public static AppManifest Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
                continue;
            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != AttributeName)
                continue;
            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16(); // prolog
            return Parse(blob.ReadSerializedString() ?? "", assemblyPath);
        }
        throw new InvalidDataException($"{assemblyPath} has no [ChaliceApp] class (no Chalice manifest in its metadata).");
    }

    /// <summary>Reads manifest JSON as the generator writes it.</summary>
    internal static AppManifest Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var versionName = JsonNamingPolicy.CamelCase.ConvertName(nameof(SchemaVersion));
            if (document.RootElement.TryGetProperty(versionName, out var version) && version.TryGetInt32(out var number) && number > CurrentSchemaVersion)
            {
                throw new InvalidDataException(
                    $"{source} was built with a newer Chalice.Net (app manifest schema {number}; this tool reads up to {CurrentSchemaVersion}): update the chalice-net tool.");
            }
            return document.Deserialize(ManifestJsonContext.Default.AppManifest)
                   ?? throw new InvalidDataException($"{source} has an empty Chalice manifest.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} has a Chalice manifest this tool cannot read: {e.Message}");
        }
    }
}

// The kinds of function, by the "kind" the generator writes first.
[JsonPolymorphic(TypeDiscriminatorPropertyName = KindProperty)]
[JsonDerivedType(typeof(ApiFunctionManifest), FunctionKinds.Api)]
[JsonDerivedType(typeof(PureFunctionManifest), FunctionKinds.Pure)]
[JsonDerivedType(typeof(ScheduleFunctionManifest), FunctionKinds.Schedule)]
[JsonDerivedType(typeof(S3FunctionManifest), FunctionKinds.S3)]
[JsonDerivedType(typeof(SqsFunctionManifest), FunctionKinds.Sqs)]
[JsonDerivedType(typeof(SnsFunctionManifest), FunctionKinds.Sns)]
[JsonDerivedType(typeof(CloudWatchEventFunctionManifest), FunctionKinds.CloudWatch)]
[JsonDerivedType(typeof(KinesisFunctionManifest), FunctionKinds.Kinesis)]
[JsonDerivedType(typeof(DynamoDBFunctionManifest), FunctionKinds.DynamoDB)]
[JsonDerivedType(typeof(AuthorizerFunctionManifest), FunctionKinds.Authorizer)]
internal abstract partial record FunctionManifest;

// The kinds of declared authorizer, by the "kind" the generator writes first.
[JsonPolymorphic(TypeDiscriminatorPropertyName = KindProperty)]
[JsonDerivedType(typeof(CognitoUserPoolAuthorizerManifest), AuthorizerKinds.CognitoUserPools)]
[JsonDerivedType(typeof(IamAuthorizerManifest), AuthorizerKinds.Iam)]
[JsonDerivedType(typeof(CustomAuthorizerManifest), AuthorizerKinds.Custom)]
[JsonDerivedType(typeof(JwtAuthorizerManifest), AuthorizerKinds.Jwt)]
internal abstract partial record ApiAuthorizerManifest;

/// <summary>The manifest's JSON form: camelCase property names, nulls written (the generator writes them too).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AppManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
