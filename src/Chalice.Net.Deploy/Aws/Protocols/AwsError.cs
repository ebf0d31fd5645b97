namespace Chalice.Deploy.Aws.Protocols;

/// <summary>An error response reduced to what users and the retry policy need.</summary>
/// <param name="Code">The AWS error code, namespace and suffixes stripped.</param>
/// <param name="Message">The service's message, or a short description when the body had none.</param>
/// <param name="RequestId">The AWS request id from the headers or the body, if any.</param>
internal sealed record AwsError(string Code, string Message, string? RequestId);
