namespace Chalice.Configuration;

/// <summary>What kind of mistake a <see cref="ConfigProblem"/> is, which decides how severe it is.</summary>
public enum ConfigProblemKind
{
    /// <summary>A key Chalice.Net does not know (a typo, most likely); <c>--ignore-unknown-settings</c> makes it a warning.</summary>
    UnknownSetting,

    /// <summary>A Chalice setting that Chalice.Net does not honour yet.</summary>
    NotSupportedYet,

    /// <summary>A value of the wrong type or outside its limits.</summary>
    InvalidValue,

    /// <summary>A setting in a place where it means nothing (<c>app_name</c> in a stage).</summary>
    MisplacedSetting,

    /// <summary>Settings that cannot work together.</summary>
    Inconsistent,

    /// <summary>A stage the file does not define (only ever a warning: Chalice gives it the top-level settings).</summary>
    UndefinedStage,
}

/// <summary>One mistake in <c>.chalice/config.json</c>, as one line that names the file, the key and the fix.</summary>
/// <param name="Kind">What kind of mistake it is.</param>
/// <param name="File">The config file, as it is shown to the user.</param>
/// <param name="Message">What is wrong, naming the key and where it is.</param>
public sealed record ConfigProblem(ConfigProblemKind Kind, string File, string Message)
{
    /// <summary>
    /// Whether the problem stops a command that builds or deploys. A stage the file does not define never does; an
    /// unknown key does unless the user asked to ignore those (<c>--ignore-unknown-settings</c>). The emulator
    /// serves despite every problem, printing them as warnings.
    /// </summary>
    public bool IsError(bool ignoreUnknownSettings) => Kind switch
    {
        ConfigProblemKind.UndefinedStage => false,
        ConfigProblemKind.UnknownSetting => !ignoreUnknownSettings,
        _ => true,
    };

    /// <summary>The line to print: the file, then the message.</summary>
    public override string ToString() => $"{File}: {Message}";
}
