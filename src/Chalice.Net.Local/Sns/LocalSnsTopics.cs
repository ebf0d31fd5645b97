using Chalice.Configuration;

namespace Chalice.Local.Sns;

/// <summary>
/// Which SNS topics an app is known to use, so that the stand-in creates exactly those. This is the one place that
/// decides it: the topics named by the app's SNS handlers join here when event handlers are wired into the emulator.
/// </summary>
public static class LocalSnsTopics
{
    /// <summary>The config key (Chalice.Net only), top level or per stage; the stage's list wins.</summary>
    public const string ConfigKey = "local_sns_topics";

    /// <summary>The topics declared for a stage under <c>local_sns_topics</c>, without repeats; <c>.fifo</c> names are FIFO topics.</summary>
    /// <exception cref="ChaliceConfigException">The setting is not an array of valid topic names.</exception>
    public static IReadOnlyList<string> Of(StageConfig stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var topics = stage.LocalSnsTopics.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var topic in topics)
        {
            if (!IsValidName(topic))
                throw new ChaliceConfigException(
                    $"{ChaliceConfig.RelativePath}: \"{ConfigKey}\" lists \"{topic}\", which is not a valid SNS topic name " +
                    "(1 to 256 letters, digits, hyphens and underscores; a FIFO topic's name ends with .fifo).");
        }
        return topics;
    }

    /// <summary>SNS's topic name rule: 1 to 256 letters, digits, hyphens and underscores, plus <c>.fifo</c> for FIFO topics.</summary>
    public static bool IsValidName(string name)
    {
        var stem = name.EndsWith(".fifo", StringComparison.Ordinal) ? name[..^5] : name;
        return stem.Length is > 0 and <= 256 && stem.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }
}
