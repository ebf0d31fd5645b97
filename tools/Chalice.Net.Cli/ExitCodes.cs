namespace Chalice.Cli;

/// <summary>What <c>chalice-net</c> exits with, for scripts.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command failed: a build, AWS or configuration error (one line on stderr says which).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown command or option, missing or invalid argument.</summary>
    public const int UsageError = 2;

    /// <summary>The user stopped the command with Ctrl+C: 128 + SIGINT, as shells report a process the signal ended.</summary>
    public const int Cancelled = 130;
}
