namespace Chalice.Configuration;

/// <summary>
/// The app's <c>.chalice/config.json</c> is malformed or holds mistakes; the message names the file and the setting,
/// one line per mistake.
/// </summary>
public sealed class ChaliceConfigException : Exception
{
    /// <summary>Creates the exception for one mistake.</summary>
    public ChaliceConfigException(string message) : base(message) => Problems = [message];

    /// <summary>Creates the exception for several mistakes, one line each.</summary>
    public ChaliceConfigException(IReadOnlyList<string> problems) : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>The mistakes, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
