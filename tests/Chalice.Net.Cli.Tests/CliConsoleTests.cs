using Spectre.Console;

namespace Chalice.Cli.Tests;

public sealed class CliConsoleTests
{
    [Fact]
    public void Lines_are_not_wrapped_when_the_output_is_not_a_terminal()
    {
        var output = new StringWriter();
        var console = CliConsole.Create(output);
        var line = "Rest API URL: https://abcdefghij.execute-api.eu-central-1.amazonaws.com/api/ " + string.Join(' ', Enumerable.Repeat("word", 60));

        console.WriteLine(line);
        console.WriteLine("  Lambda CreateFunction s3test-dev: the function does not exist");

        Assert.Equal(
            [line, "  Lambda CreateFunction s3test-dev: the function does not exist", ""],
            output.ToString().Split(Environment.NewLine));
    }
}
