namespace Chalice.Functions;

/// <summary>
/// An invocation's payload is not the event the function takes (an SQS batch sent to an S3 handler, JSON that does not
/// read as a pure function's input); the message says what the function expects. On Lambda it is the invocation's
/// error (<c>errorType</c> <c>InvalidEventException</c>), and the function keeps serving.
/// </summary>
public sealed class InvalidEventException(string message, Exception? inner = null) : Exception(message, inner);
