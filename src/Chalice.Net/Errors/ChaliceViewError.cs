namespace Chalice;

/// <summary>
/// Throw from a handler to answer with an HTTP error. The response body is Chalice's
/// <c>{"Code": "&lt;error type name&gt;", "Message": "&lt;message&gt;"}</c> with <see cref="StatusCode"/>.
/// Derive from it to add status codes of your own.
/// </summary>
public class ChaliceViewError : Exception
{
    /// <summary>A 500 error with a message the client will see.</summary>
    public ChaliceViewError(string message) : this(message, 500) { }

    /// <summary>An error with any status code, for derived error types.</summary>
    protected ChaliceViewError(string message, int statusCode) : base(message) => StatusCode = statusCode;

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Code</c> member of the body: the error type's name, as in Chalice.</summary>
    public virtual string Code => GetType().Name;

    /// <summary>Extra response headers, e.g. <c>Allow</c> for a 405.</summary>
    public virtual IEnumerable<KeyValuePair<string, string>> Headers => [];
}

/// <summary>400 Bad Request.</summary>
public class BadRequestError(string message) : ChaliceViewError(message, 400);

/// <summary>401 Unauthorized.</summary>
public class UnauthorizedError(string message) : ChaliceViewError(message, 401);

/// <summary>403 Forbidden.</summary>
public class ForbiddenError(string message) : ChaliceViewError(message, 403);

/// <summary>404 Not Found.</summary>
public class NotFoundError(string message) : ChaliceViewError(message, 404);

/// <summary>405 Method Not Allowed; the response carries an <c>Allow</c> header listing the allowed methods.</summary>
public class MethodNotAllowedError(string message, IEnumerable<string> allowedMethods) : ChaliceViewError(message, 405)
{
    /// <summary>The methods the resource supports.</summary>
    public IReadOnlyList<string> AllowedMethods { get; } = allowedMethods.ToArray();

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string>> Headers => [new("Allow", string.Join(", ", AllowedMethods))];
}

/// <summary>408 Request Timeout.</summary>
public class RequestTimeoutError(string message) : ChaliceViewError(message, 408);

/// <summary>409 Conflict.</summary>
public class ConflictError(string message) : ChaliceViewError(message, 409);

/// <summary>413 Request Entity Too Large.</summary>
public class RequestEntityTooLargeError(string message) : ChaliceViewError(message, 413);

/// <summary>415 Unsupported Media Type; <see cref="Code"/> is <c>UnsupportedMediaType</c>, as in Chalice.</summary>
public class UnsupportedMediaTypeError(string message) : ChaliceViewError(message, 415)
{
    /// <inheritdoc />
    public override string Code => "UnsupportedMediaType";
}

/// <summary>422 Unprocessable Entity.</summary>
public class UnprocessableEntityError(string message) : ChaliceViewError(message, 422);

/// <summary>429 Too Many Requests.</summary>
public class TooManyRequestsError(string message) : ChaliceViewError(message, 429);
