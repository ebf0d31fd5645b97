namespace Chalice.Project.Emulator;

/// <summary>One option of the emulator's command line.</summary>
/// <param name="Name">The option, e.g. <c>--port</c>.</param>
/// <param name="ValueName">What its value is, for help (<c>PORT</c>); null for a flag that takes none.</param>
/// <param name="Description">One line of help.</param>
/// <param name="Problem">
/// Null when a value is acceptable, else why not ("--port must be a number from 0 to 65535, not 'x'"); null for
/// options that take any value.
/// </param>
public sealed record EmulatorOption(string Name, string? ValueName, string Description, Func<string, string?>? Problem = null)
{
    /// <summary>Whether the option is a flag (present or not) rather than one with a value.</summary>
    public bool IsFlag => ValueName is null;

    /// <summary>The option as help shows it: <c>--port &lt;PORT&gt;</c>.</summary>
    public string Syntax => IsFlag ? Name : $"{Name} <{ValueName}>";
}
