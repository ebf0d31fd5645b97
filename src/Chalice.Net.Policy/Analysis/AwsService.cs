namespace Chalice.Policy.Analysis;

/// <summary>An AWS service as the SDK for .NET packages it: its client namespace and its IAM action prefix.</summary>
internal sealed record AwsService(string Namespace, string IamPrefix);
