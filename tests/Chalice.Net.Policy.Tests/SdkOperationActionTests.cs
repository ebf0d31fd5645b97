using System.Reflection;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SQS;
using Chalice.Policy.Actions;
using Chalice.Tests;

namespace Chalice.Policy.Tests;

/// <summary>
/// Every operation of IAmazonS3, IAmazonSQS and IAmazonSecurityTokenService (found by reflection) is called once in a
/// generated app; the actions the analyzer infers for each call must be Chalice's (its <c>policies.json</c>, for the
/// botocore operation the SDK sends) except for the listed corrections, and the operations Chalice's table lacks
/// must map to the listed actions.
/// </summary>
public sealed class SdkOperationActionTests(CorpusFixture corpus)
{
    private static readonly (Type Client, string Prefix, string Variable)[] s_clients =
    [
        (typeof(IAmazonS3), "s3", "s3"),
        (typeof(IAmazonSQS), "sqs", "sqs"),
        (typeof(IAmazonSecurityTokenService), "sts", "sts"),
    ];

    /// <summary>Where Chalice.Net deliberately infers something other than Chalice's table, and why.</summary>
    private static readonly Dictionary<string, Expected> s_corrections = new()
    {
        // An entry here must differ from Chalice (checked below), so the list cannot hold stale agreements.
        ["sts.GetCallerIdentity"] = new("", "no permission is needed, and a Deny cannot stop it (STS API reference)"),
        ["sts.AssumeRoleWithSAML"] = new("", "an unsigned call, authorised by the role's trust policy, not the caller's policy"),
        ["sts.AssumeRoleWithWebIdentity"] = new("", "an unsigned call, authorised by the role's trust policy, not the caller's policy"),
    };

    /// <summary>SDK operations that send no model operation of their own.</summary>
    private static readonly Dictionary<string, Expected> s_sdkOnly = new()
    {
        ["s3.GetACL"] = new("s3:GetBucketAcl s3:GetObjectAcl", "the SDK's one ACL call reads the bucket's ACL, or the object's when a Key is set"),
        ["s3.PutACL"] = new("s3:PutBucketAcl s3:PutObjectAcl", "likewise for writing an ACL"),
        ["s3.GetPreSignedUrl"] = new("s3:GetObject", "signed on the client; the URL's user acts with the function's credentials, GET by default"),
        ["s3.CreatePresignedPost"] = new("s3:PutObject", "signed on the client; the form uploads an object"),
    };

    private const string PutBucketConfig = "the Service Authorization Reference has no Delete action for this subresource: deleting it is authorised as writing it";
    private const string ListBucketConfig = "listing a subresource's configurations is authorised as reading them";
    private const string Renamed = "the IAM action has a different name from the operation";
    private const string New = "an operation added after Chalice's table (January 2022); its IAM action has the operation's name";

    /// <summary>Operations Chalice's table lacks (it lists only operations whose action it knew), and their actions.</summary>
    private static readonly Dictionary<string, Expected> s_additions = new()
    {
        ["s3.CopyObject"] = new("s3:GetObject s3:PutObject", "there is no s3:CopyObject: a copy reads the source object and writes the target"),
        ["s3.CopyPart"] = new("s3:GetObject s3:PutObject", "UploadPartCopy: reads the source, writes a part of the target"),
        ["s3.DeleteObjects"] = new("s3:DeleteObject", "a batch delete is authorised per object as DeleteObject"),
        ["s3.HeadBucket"] = new("s3:ListBucket", "HeadBucket is authorised as ListBucket"),
        ["s3.ListMultipartUploads"] = new("s3:ListBucketMultipartUploads", Renamed),
        ["s3.ListParts"] = new("s3:ListMultipartUploadParts", Renamed),
        ["s3.ListVersions"] = new("s3:ListBucketVersions", "ListObjectVersions: " + Renamed),
        ["s3.SelectObjectContent"] = new("s3:GetObject", "a query of an object is authorised as reading it"),
        ["s3.GetObjectAttributes"] = new("s3:GetObject s3:GetObjectAttributes", "the API reference requires both on unversioned buckets"),
        ["s3.GetCORSConfiguration"] = new("s3:GetBucketCORS", "GetBucketCors: " + Renamed),
        ["s3.PutCORSConfiguration"] = new("s3:PutBucketCORS", "PutBucketCors: " + Renamed),
        ["s3.DeleteCORSConfiguration"] = new("s3:PutBucketCORS", PutBucketConfig),
        ["s3.GetLifecycleConfiguration"] = new("s3:GetLifecycleConfiguration", "GetBucketLifecycleConfiguration: " + Renamed),
        ["s3.PutLifecycleConfiguration"] = new("s3:PutLifecycleConfiguration", "PutBucketLifecycleConfiguration: " + Renamed),
        ["s3.DeleteLifecycleConfiguration"] = new("s3:PutLifecycleConfiguration", PutBucketConfig),
        ["s3.GetBucketNotification"] = new("s3:GetBucketNotification", "GetBucketNotificationConfiguration: " + Renamed),
        ["s3.PutBucketNotification"] = new("s3:PutBucketNotification", "PutBucketNotificationConfiguration: " + Renamed),
        ["s3.GetBucketReplication"] = new("s3:GetReplicationConfiguration", Renamed),
        ["s3.PutBucketReplication"] = new("s3:PutReplicationConfiguration", Renamed),
        ["s3.DeleteBucketReplication"] = new("s3:PutReplicationConfiguration", PutBucketConfig),
        ["s3.DeleteBucketTagging"] = new("s3:PutBucketTagging", PutBucketConfig),
        ["s3.DeleteBucketOwnershipControls"] = new("s3:PutBucketOwnershipControls", PutBucketConfig),
        ["s3.GetBucketEncryption"] = new("s3:GetEncryptionConfiguration", Renamed),
        ["s3.PutBucketEncryption"] = new("s3:PutEncryptionConfiguration", Renamed),
        ["s3.DeleteBucketEncryption"] = new("s3:PutEncryptionConfiguration", PutBucketConfig),
        ["s3.GetBucketAnalyticsConfiguration"] = new("s3:GetAnalyticsConfiguration", Renamed),
        ["s3.ListBucketAnalyticsConfigurations"] = new("s3:GetAnalyticsConfiguration", ListBucketConfig),
        ["s3.PutBucketAnalyticsConfiguration"] = new("s3:PutAnalyticsConfiguration", Renamed),
        ["s3.DeleteBucketAnalyticsConfiguration"] = new("s3:PutAnalyticsConfiguration", PutBucketConfig),
        ["s3.GetBucketIntelligentTieringConfiguration"] = new("s3:GetIntelligentTieringConfiguration", Renamed),
        ["s3.ListBucketIntelligentTieringConfigurations"] = new("s3:GetIntelligentTieringConfiguration", ListBucketConfig),
        ["s3.PutBucketIntelligentTieringConfiguration"] = new("s3:PutIntelligentTieringConfiguration", Renamed),
        ["s3.DeleteBucketIntelligentTieringConfiguration"] = new("s3:PutIntelligentTieringConfiguration", PutBucketConfig),
        ["s3.GetBucketInventoryConfiguration"] = new("s3:GetInventoryConfiguration", Renamed),
        ["s3.ListBucketInventoryConfigurations"] = new("s3:GetInventoryConfiguration", ListBucketConfig),
        ["s3.PutBucketInventoryConfiguration"] = new("s3:PutInventoryConfiguration", Renamed),
        ["s3.DeleteBucketInventoryConfiguration"] = new("s3:PutInventoryConfiguration", PutBucketConfig),
        ["s3.GetBucketMetricsConfiguration"] = new("s3:GetMetricsConfiguration", Renamed),
        ["s3.ListBucketMetricsConfigurations"] = new("s3:GetMetricsConfiguration", ListBucketConfig),
        ["s3.PutBucketMetricsConfiguration"] = new("s3:PutMetricsConfiguration", Renamed),
        ["s3.DeleteBucketMetricsConfiguration"] = new("s3:PutMetricsConfiguration", PutBucketConfig),
        ["s3.GetPublicAccessBlock"] = new("s3:GetBucketPublicAccessBlock", Renamed),
        ["s3.PutPublicAccessBlock"] = new("s3:PutBucketPublicAccessBlock", Renamed),
        ["s3.DeletePublicAccessBlock"] = new("s3:PutBucketPublicAccessBlock", PutBucketConfig),
        ["s3.GetBucketAccelerateConfiguration"] = new("s3:GetAccelerateConfiguration", Renamed),
        ["s3.PutBucketAccelerateConfiguration"] = new("s3:PutAccelerateConfiguration", Renamed),
        ["s3.GetObjectLockConfiguration"] = new("s3:GetBucketObjectLockConfiguration", Renamed),
        ["s3.PutObjectLockConfiguration"] = new("s3:PutBucketObjectLockConfiguration", Renamed),
        ["s3.GetBucketAbac"] = new("s3:GetBucketABAC", "new (2025); the API reference names s3:GetBucketABAC"),
        ["s3.PutBucketAbac"] = new("s3:PutBucketABAC", "new (2025); the API reference names s3:PutBucketABAC"),
        ["s3.CreateBucketMetadataTableConfiguration"] = new("s3:CreateBucketMetadataTableConfiguration", New),
        ["s3.GetBucketMetadataTableConfiguration"] = new("s3:GetBucketMetadataTableConfiguration", New),
        ["s3.DeleteBucketMetadataTableConfiguration"] = new("s3:DeleteBucketMetadataTableConfiguration", New),
        ["s3.CreateBucketMetadataConfiguration"] = new("s3:CreateBucketMetadataTableConfiguration", "S3 Metadata V2 is authorised by the V1 action"),
        ["s3.GetBucketMetadataConfiguration"] = new("s3:GetBucketMetadataTableConfiguration", "S3 Metadata V2 is authorised by the V1 action"),
        ["s3.DeleteBucketMetadataConfiguration"] = new("s3:DeleteBucketMetadataTableConfiguration", "S3 Metadata V2 is authorised by the V1 action"),
        ["s3.UpdateBucketMetadataInventoryTableConfiguration"] = new("s3:UpdateBucketMetadataInventoryTableConfiguration", New),
        ["s3.UpdateBucketMetadataJournalTableConfiguration"] = new("s3:UpdateBucketMetadataJournalTableConfiguration", New),
        ["s3.UpdateBucketMetadataAnnotationTableConfiguration"] = new("s3:UpdateBucketMetadataAnnotationTableConfiguration", New + " (assumed)"),
        ["s3.GetObjectAnnotation"] = new("s3:GetObjectAnnotation", New + " (assumed)"),
        ["s3.PutObjectAnnotation"] = new("s3:PutObjectAnnotation", New + " (assumed)"),
        ["s3.DeleteObjectAnnotation"] = new("s3:DeleteObjectAnnotation", New + " (assumed)"),
        ["s3.ListObjectAnnotations"] = new("s3:ListObjectAnnotations", New + " (assumed)"),
        ["s3.UpdateObjectEncryption"] = new("s3:UpdateObjectEncryption", New + " (assumed)"),
        ["s3.CreateSession"] = new("s3express:CreateSession", "directory buckets (2023) use the s3express prefix"),
        ["s3.RenameObject"] = new("s3express:CreateSession", "directory buckets only; authorised through the session (API reference)"),
        ["s3.ListDirectoryBuckets"] = new("s3express:ListAllMyDirectoryBuckets", "directory buckets (2023) use the s3express prefix"),
        ["s3.WriteGetObjectResponse"] = new("s3-object-lambda:WriteGetObjectResponse", "S3 Object Lambda has its own prefix"),
        ["sqs.CancelMessageMoveTask"] = new("sqs:CancelMessageMoveTask", New),
        ["sqs.ListMessageMoveTasks"] = new("sqs:ListMessageMoveTasks", New),
        ["sqs.StartMessageMoveTask"] = new("sqs:StartMessageMoveTask", New),
        ["sts.AssumeRoot"] = new("sts:AssumeRoot", New),
        ["sts.GetDelegatedAccessToken"] = new("sts:GetDelegatedAccessToken", New + " (assumed)"),
        ["sts.GetWebIdentityToken"] = new("sts:GetWebIdentityToken", New + " (assumed)"),
    };

    [Fact]
    public void Every_SDK_operation_gets_Chalices_actions_or_a_listed_correction_or_addition()
    {
        var chalice = ChaliceTable();
        var inferred = InferEveryOperation();
        var problems = new List<string>();

        foreach (var operation in SdkOperations())
        {
            var actual = string.Join(' ', inferred[operation.Key]);
            Expected? expected = null;
            if (s_sdkOnly.TryGetValue(operation.Key, out var sdkOnly))
                expected = sdkOnly;
            else if (chalice[operation.Prefix].TryGetValue(operation.ModelOperation, out var chaliceAction))
            {
                expected = s_corrections.GetValueOrDefault(operation.Key) ?? new Expected(chaliceAction, "Chalice's table");
                if (s_corrections.ContainsKey(operation.Key) && expected.Actions == chaliceAction)
                    problems.Add($"{operation.Key}: listed as a correction but agrees with Chalice");
            }
            else if (s_additions.TryGetValue(operation.Key, out var addition))
                expected = addition;

            if (expected is null)
                problems.Add($"{operation.Key}: not in Chalice's table and not listed; inferred {actual}");
            else if (expected.Actions != actual)
                problems.Add($"{operation.Key}: expected {expected.Actions} ({expected.Reason}), inferred {actual}");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Listed_operations_all_exist_in_the_SDK()
    {
        var keys = SdkOperations().Select(o => o.Key).ToHashSet();

        var stale = s_additions.Keys.Concat(s_corrections.Keys).Concat(s_sdkOnly.Keys).Where(k => !keys.Contains(k));

        Assert.Empty(stale);
    }

    [Fact]
    public void Additions_are_exactly_the_operations_Chalices_table_lacks()
    {
        var chalice = ChaliceTable();

        var lacking = SdkOperations()
            .Where(o => !s_sdkOnly.ContainsKey(o.Key) && !chalice[o.Prefix].ContainsKey(o.ModelOperation))
            .Select(o => o.Key)
            .Order(StringComparer.Ordinal);

        Assert.Equal(s_additions.Keys.Order(StringComparer.Ordinal), lacking);
    }

    [Fact]
    public void SDK_operation_names_translate_to_model_operations_as_the_SDK_itself_maps_them()
    {
        foreach (var (client, prefix, _) in s_clients)
        {
            foreach (var (sdkName, modelName) in SdkOperationNameMapping(client))
                Assert.Equal([modelName], SdkOperationNames.ToModelOperations(prefix, sdkName));
        }
    }

    [Theory]
    [InlineData("s3", "s3/2006-03-01/service-2.json")]
    [InlineData("sts", "sts/2011-06-15/service-2.json")]
    public void Every_model_operation_exists_in_the_botocore_model(string prefix, string model)
    {
        using var document = JsonDocument.Parse(SharedFixtures.ReadText("aws-models/" + model));
        var operations = document.RootElement.GetProperty("operations").EnumerateObject().Select(o => o.Name).ToHashSet();

        var unknown = SdkOperations()
            .Where(o => o.Prefix == prefix && !s_sdkOnly.ContainsKey(o.Key))
            .Select(o => o.ModelOperation)
            .Where(name => !operations.Contains(name));

        Assert.Empty(unknown);
    }

    /// <summary>botocore service → operation → action, from Chalice's policies.json.</summary>
    private static Dictionary<string, Dictionary<string, string>> ChaliceTable() =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(
            SharedFixtures.ReadText("iam/chalice-policies.json"))!;

    /// <summary>The operations of the three client interfaces: one per request type.</summary>
    private static IEnumerable<SdkOperation> SdkOperations() =>
        s_clients.SelectMany(c =>
        {
            var mapping = SdkOperationNameMapping(c.Client);
            return c.Client.GetMethods()
                .Select(method => (Method: method, Request: RequestType(method)))
                .Where(m => m.Request is not null)
                .GroupBy(m => m.Request!)
                .Select(g =>
                {
                    var name = g.Key.Name[..^"Request".Length];
                    return new SdkOperation(c.Prefix, name, mapping.GetValueOrDefault(name, name), g.First().Method, g.Key, c.Variable);
                });
        });

    private static Type? RequestType(MethodInfo method) =>
        method.GetParameters()
            .Select(p => p.ParameterType)
            .FirstOrDefault(t => t != typeof(AmazonWebServiceRequest) && typeof(AmazonWebServiceRequest).IsAssignableFrom(t));

    /// <summary>The SDK's own SDK-name → model-name map (<c>Amazon.X.Internal.AmazonXMetadata.OperationNameMapping</c>).</summary>
    private static Dictionary<string, string> SdkOperationNameMapping(Type client)
    {
        var metadata = client.Assembly.GetTypes().Single(t => t.GetInterfaces().Any(i => i.Name == "IServiceMetadata"));
        return new Dictionary<string, string>(
            (IDictionary<string, string>)metadata.GetProperty("OperationNameMapping")!.GetValue(Activator.CreateInstance(metadata))!);
    }

    /// <summary>Calls every operation once, one per line, and returns the sorted actions inferred for each.</summary>
    private Dictionary<string, string[]> InferEveryOperation()
    {
        var operations = SdkOperations().ToArray();
        var source = new StringBuilder("public static class Calls\n{\n    public static void All(")
            .Append(string.Join(", ", s_clients.Select(c => $"{c.Client.FullName} {c.Variable}")))
            .Append(")\n    {\n");
        const int firstCallLine = 5;
        foreach (var operation in operations)
            source.Append($"        _ = {operation.Variable}.{operation.Method.Name}(new {operation.Request.FullName}());\n");
        source.Append("    }\n}\n");

        var directory = Directory.CreateTempSubdirectory("chalice-policy-operations-");
        try
        {
            var file = Path.Combine(directory.FullName, "Calls.cs");
            File.WriteAllText(file, source.ToString());
            var app = corpus.CompileFiles(Path.Combine(directory.FullName, "Operations.csproj"), [file]);
            Assert.Empty(app.Root.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

            var (calls, _) = PolicyAnalyzer.Infer(app, null, TestContext.Current.CancellationToken);
            return operations.Select((operation, index) => (operation.Key, Actions: calls
                    .Where(call => call.Line == firstCallLine + index)
                    .SelectMany(call => call.Grants.Select(g => g.Action))
                    .Distinct()
                    .Order(StringComparer.Ordinal)
                    .ToArray()))
                .ToDictionary(x => x.Key, x => x.Actions);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed record SdkOperation(string Prefix, string Name, string ModelOperation, MethodInfo Method, Type Request, string Variable)
    {
        public string Key => $"{Prefix}.{Name}";
    }

    private sealed record Expected(string Actions, string Reason);
}
