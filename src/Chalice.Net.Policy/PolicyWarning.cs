namespace Chalice.Policy;

/// <summary>
/// A call the analyzer could not turn into exact permissions, with its place in the source: the generated policy may
/// lack what it needs, so the user should review it.
/// </summary>
/// <param name="File">The source file, relative to the app's folder when it is inside it.</param>
/// <param name="Line">The 1-based line of the call.</param>
/// <param name="Message">What could not be analysed and what to do about it.</param>
public sealed record PolicyWarning(string File, int Line, string Message)
{
    /// <summary><c>file(line): warning: message</c>, the compiler's format, so editors can link it.</summary>
    public override string ToString() => $"{File}({Line}): warning: {Message}";
}
