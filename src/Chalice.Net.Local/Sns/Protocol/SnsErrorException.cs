namespace Chalice.Local.Sns.Protocol;

/// <summary>
/// An SNS error response, rendered by <see cref="SnsRequestHandler"/> as the query protocol's <c>&lt;ErrorResponse&gt;</c>.
/// Codes and statuses are the <c>error</c> traits of shared/fixtures/aws-models/sns/2010-03-31/service-2.json.
/// </summary>
internal sealed class SnsErrorException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Code { get; } = code;

    public static SnsErrorException NotFound(string what) => new(404, "NotFound", $"{what} does not exist");

    public static SnsErrorException InvalidParameter(string message) => new(400, "InvalidParameter", $"Invalid parameter: {message}");

    public static SnsErrorException ParameterValueInvalid(string message) => new(400, "ParameterValueInvalid", message);

    public static SnsErrorException EmptyBatchRequest() =>
        new(400, "EmptyBatchRequest", "The batch request doesn't contain any entries.");

    public static SnsErrorException TooManyEntriesInBatchRequest() =>
        new(400, "TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible.");

    public static SnsErrorException BatchEntryIdsNotDistinct() =>
        new(400, "BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");

    public static SnsErrorException InvalidBatchEntryId() =>
        new(400, "InvalidBatchEntryId", "The Id of a batch entry in a batch request doesn't abide by the specification.");

    public static SnsErrorException BatchRequestTooLong() =>
        new(400, "BatchRequestTooLong", "The length of all the messages put together is more than the limit.");

    /// <summary>An action or option of SNS the local stand-in does not implement: said plainly rather than pretended.</summary>
    public static SnsErrorException NotSupportedLocally(string what) =>
        new(400, "InvalidAction", $"{what} is not supported by the local SNS stand-in.");
}
