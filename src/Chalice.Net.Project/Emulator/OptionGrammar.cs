using System.Text;

namespace Chalice.Project.Emulator;

/// <summary>
/// The grammar the app's hand-parsed command lines share (the emulator's and <c>invoke</c>'s): <c>-h</c>/<c>--help</c>/
/// <c>-?</c> ask for help, an option's value is the next argument unless that is another option, a value is checked
/// by its option; and the table of options their help prints.
/// </summary>
internal static class OptionGrammar
{
    public static bool IsHelp(string arg) => arg is "-h" or "--help" or "-?";

    /// <summary>Reads the option at <c>args[index]</c> and its value (empty for a flag), leaving the index on the last argument read.</summary>
    /// <exception cref="ArgumentException">The option is unknown, its value is missing or not acceptable.</exception>
    public static (EmulatorOption Option, string Value) ReadOption(IReadOnlyList<string> args, ref int index, IReadOnlyList<EmulatorOption> options)
    {
        var arg = args[index];
        var option = options.FirstOrDefault(o => o.Name == arg) ?? throw new ArgumentException($"Unknown option '{arg}'.");
        if (option.IsFlag)
            return (option, "");
        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
            throw new ArgumentException($"{arg} needs a value.");
        var value = args[++index];
        if (option.Problem?.Invoke(value) is { } problem)
            throw new ArgumentException(problem);
        return (option, value);
    }

    /// <summary>
    /// The help's table: the command's <paramref name="arguments"/> if it has any, then its options with
    /// <c>-h, --help</c> last, every description aligned.
    /// </summary>
    public static StringBuilder AppendArgumentsAndOptions(this StringBuilder usage, IReadOnlyList<EmulatorOption> options, params (string Name, string Description)[] arguments)
    {
        (string Syntax, string Description)[] optionLines = [.. options.Select(o => (o.Syntax, o.Description)), ("-h, --help", "Show this help.")];
        var width = arguments.Concat(optionLines).Max(line => line.Item1.Length) + 2;
        if (arguments.Length > 0)
            usage.AppendSection("Arguments:", arguments, width).AppendLine();
        return usage.AppendSection("Options:", optionLines, width);
    }

    private static StringBuilder AppendSection(this StringBuilder usage, string title, (string Syntax, string Description)[] lines, int width)
    {
        usage.AppendLine(title);
        foreach (var (syntax, description) in lines)
            usage.Append("  ").Append(syntax.PadRight(width)).AppendLine(description);
        return usage;
    }
}
