using Chalice.Project.Emulator;
using Chalice.Project.Invoke;

namespace Chalice.Project.Tests;

/// <summary>The help of the app's own command lines (the emulator's and <c>invoke</c>'s): every option once, in a table that lines up.</summary>
public sealed class CommandLineHelpTests
{
    public static TheoryData<string, string[]> Helps() => new()
    {
        { EmulatorCommandLine.Usage, [.. EmulatorCommandLine.All.Select(o => o.Syntax), "-h, --help"] },
        { InvokeCommandLine.Usage, ["NAME", .. InvokeCommandLine.All.Select(o => o.Syntax), "-h, --help"] },
    };

    [Theory]
    [MemberData(nameof(Helps))]
    public void Every_argument_and_option_has_one_line_and_the_descriptions_line_up(string usage, string[] syntaxes)
    {
        var rows = usage.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();

        Assert.Equal(syntaxes, rows.Select(r => r.Trim().Split("  ")[0]));
        var column = rows[0].IndexOf(rows[0].Trim().Split("  ", 2)[1].TrimStart(), StringComparison.Ordinal);
        Assert.All(rows, row => Assert.NotEqual(' ', row[column]));
        Assert.All(rows, row => Assert.Equal(' ', row[column - 1]));
        Assert.Equal(syntaxes.Max(s => s.Length) + 4, column);
    }

    [Fact]
    public void Invoke_lists_its_argument_before_its_options()
    {
        var usage = InvokeCommandLine.Usage;
        Assert.True(usage.IndexOf("Arguments:", StringComparison.Ordinal) < usage.IndexOf("Options:", StringComparison.Ordinal));
        Assert.DoesNotContain("Arguments:", EmulatorCommandLine.Usage);
    }
}
