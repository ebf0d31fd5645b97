namespace Chalice.Functions;

/// <summary>A function name that is not one of the app's; the message lists the app's functions.</summary>
public sealed class UnknownFunctionException : Exception
{
    /// <summary>Creates the exception for <paramref name="name"/>.</summary>
    public UnknownFunctionException(string name, string appName, IReadOnlyList<string> knownFunctions, string? context = null)
        : base($"{context ?? $"'{name}'"} names no function of the app '{appName}'; its functions are {string.Join(", ", knownFunctions)}.")
    {
        Name = name;
        KnownFunctions = knownFunctions;
    }

    /// <summary>The name asked for.</summary>
    public string Name { get; }

    /// <summary>The app's function names, <c>api_handler</c> first.</summary>
    public IReadOnlyList<string> KnownFunctions { get; }
}
