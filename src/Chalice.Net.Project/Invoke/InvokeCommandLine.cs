using System.Text;
using Chalice.Configuration;
using Chalice.Project.Emulator;

namespace Chalice.Project.Invoke;

/// <summary>What <c>invoke</c> was asked to run.</summary>
public sealed record InvokeArguments
{
    /// <summary>The function's name (<c>api_handler</c> for the API).</summary>
    public string Function { get; init; } = "";

    /// <summary>The event's file, <c>-</c> for standard input, or null for a sample event of the function's source.</summary>
    public string? Event { get; init; }

    /// <summary>The Chalice stage whose settings apply.</summary>
    public string Stage { get; init; } = ChaliceConfig.DefaultStage;

    /// <summary>Use real AWS services instead of the local stand-ins.</summary>
    public bool UseRealAws { get; init; }

    /// <summary>The app's folder or project file; null to find it.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>Whether <c>--help</c> was asked for.</summary>
    public bool ShowHelp { get; init; }
}

/// <summary>
/// The command line of <c>invoke</c>, defined once: the app's generated <c>Main</c> parses it
/// (<c>dotnet run -- invoke NAME [options]</c>) and <c>chalice-net invoke</c> offers the same argument and options and
/// passes them on. Parsed by hand, as the emulator's is, to keep the app's own start-up small.
/// </summary>
public static class InvokeCommandLine
{
    /// <summary>The verb that makes the app's <c>Main</c> invoke a function instead of serving the API.</summary>
    public const string Verb = "invoke";

    /// <summary>The value of <c>--event</c> that reads the event from standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>What the one argument is, for help.</summary>
    public const string FunctionArgumentDescription =
        "The function to run: its name (the method's, or the attribute's Name), or api_handler for the API.";

    /// <summary>What the command does, for help.</summary>
    public const string Description =
        "Run one function of the app locally, in the app's own process, with the stage's environment variables and the local " +
        "AWS stand-ins the emulator uses, and print its JSON result (a failure prints Lambda's error document and exits 1). " +
        "Without --event, a realistic sample event for the function's source is generated: its bucket (with a key its prefix " +
        "and suffix accept), queue, topic, stream, table, schedule rule or event pattern; a pure function gets {}.";

    /// <summary><c>--event</c>.</summary>
    public static EmulatorOption Event { get; } = new("--event", "FILE|-",
        "The event's JSON: a file, or - for standard input (default: a sample event for the function's source).");

    /// <summary><c>--stage</c>.</summary>
    public static EmulatorOption Stage { get; } = new("--stage", "NAME",
        "The stage whose .chalice/config.json settings apply, the function's lambda_functions settings included (default dev).");

    /// <summary><c>--aws</c>.</summary>
    public static EmulatorOption Aws { get; } = new("--aws", null, "Use real AWS with your credentials instead of the local stand-ins (S3).");

    /// <summary><c>--project-dir</c>.</summary>
    public static EmulatorOption ProjectDirectory { get; } = EmulatorCommandLine.ProjectDirectory;

    /// <summary>Every option, in help order.</summary>
    public static IReadOnlyList<EmulatorOption> All { get; } = [Event, Stage, Aws, ProjectDirectory];

    /// <summary>The help printed for <c>invoke --help</c> and after a bad argument.</summary>
    public static string Usage
    {
        get
        {
            return new StringBuilder()
                .AppendLine("Usage: dotnet run -- invoke NAME [options], or chalice-net invoke NAME [options]")
                .AppendLine()
                .AppendLine(Description)
                .AppendLine()
                .AppendArgumentsAndOptions(All, ("NAME", FunctionArgumentDescription))
                .ToString().TrimEnd();
        }
    }

    /// <summary>Parses the arguments after the verb.</summary>
    /// <exception cref="ArgumentException">An argument is unknown, missing or repeated; the message says which.</exception>
    public static InvokeArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new InvokeArguments();
        string? function = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (OptionGrammar.IsHelp(arg))
            {
                parsed = parsed with { ShowHelp = true };
                continue;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                function = function is null ? arg : throw new ArgumentException($"Only one function can be invoked at a time ('{function}', then '{arg}').");
                continue;
            }
            var (option, value) = OptionGrammar.ReadOption(args, ref i, All);
            parsed = option.Name switch
            {
                "--event" => parsed with { Event = value },
                "--stage" => parsed with { Stage = value },
                "--aws" => parsed with { UseRealAws = true },
                _ => parsed with { ProjectDirectory = value },
            };
        }
        if (function is null && !parsed.ShowHelp)
            throw new ArgumentException("Name the function to invoke: invoke NAME.");
        return parsed with { Function = function ?? "" };
    }
}
