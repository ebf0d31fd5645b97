using Chalice.Functions;
using Chalice.Hosting;
using Chalice.Lambda;

namespace Chalice.Tests;

/// <summary>
/// Which function a Lambda function of the app runs: CHALICE_FUNCTION, else the handler setting, else the API; and the
/// moment its handler's token is cancelled.
/// </summary>
public sealed class LambdaFunctionSelectorTests
{
    private static readonly ChaliceAppDefinition s_app = new("shop", [], _ => new object())
    {
        Functions = [new FunctionDefinition("resize", "Resize", null, (_, _) => default), new FunctionDefinition("nightly", "Nightly", null, (_, _) => default)],
    };

    [Theory]
    // provided.al2023: the deployer sets each function's handler to its name.
    [InlineData(null, "resize", "Shop", "resize")]
    [InlineData(null, "api_handler", "Shop", "api_handler")]
    // dotnet10 executable-assembly mode: the handler must be the assembly, CHALICE_FUNCTION names the function.
    [InlineData("nightly", "Shop", "Shop", "nightly")]
    [InlineData("nightly", "bootstrap", "Shop", "nightly")]
    // Packages deployed before functions existed, and runs with no handler at all: the API.
    [InlineData(null, "bootstrap", "Shop", "api_handler")]
    [InlineData(null, "Shop", "Shop", "api_handler")]
    [InlineData(null, null, "Shop", "api_handler")]
    [InlineData("", "", "Shop", "api_handler")]
    public void The_setting_selects_the_function(string? chaliceFunction, string? handler, string assembly, string expected) =>
        Assert.Equal(expected, LambdaFunctionSelector.Select(s_app, chaliceFunction, handler, assembly));

    [Theory]
    [InlineData(null, "resise", "The handler 'resise' names no function of the app 'shop'; its functions are api_handler, resize, nightly.")]
    [InlineData("Nightly", "Shop", "CHALICE_FUNCTION=Nightly names no function of the app 'shop'; its functions are api_handler, resize, nightly.")]
    public void An_unknown_name_is_an_error_naming_the_functions(string? chaliceFunction, string? handler, string message)
    {
        var error = Assert.Throws<UnknownFunctionException>(() => LambdaFunctionSelector.Select(s_app, chaliceFunction, handler, "Shop"));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(60_000, 59_500)] // half a second to stop before Lambda's deadline
    [InlineData(3_000, 2_700)] // a tenth of what is left, when that is shorter
    [InlineData(100, 90)]
    [InlineData(0, 0)]
    [InlineData(-5, 0)]
    public void The_token_is_cancelled_shortly_before_the_deadline(int remainingMs, int cancelAfterMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(cancelAfterMs), InvocationDeadline.CancellationDelay(TimeSpan.FromMilliseconds(remainingMs)));
}
