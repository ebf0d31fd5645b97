namespace Chalice.Local.S3.Protocol;

/// <summary>An S3 operation the stand-in serves: its name, its implementation, and the query parameters it understands.</summary>
internal sealed record S3Operation(string Name, Func<S3Call, Task> ExecuteAsync, IReadOnlyCollection<string> QueryParameters)
{
    public S3Operation(string name, Func<S3Call, Task> executeAsync) : this(name, executeAsync, []) { }
}
