using Chalice.Functions;
using Chalice.Hosting;

namespace Chalice.Lambda;

/// <summary>
/// Which of the app's functions a Lambda function runs. One package serves them all, and the function's configuration
/// says which:
/// <list type="bullet">
/// <item><c>CHALICE_FUNCTION</c> (<see cref="FunctionVariable"/>), when set, names it. The managed <c>dotnet10</c>
/// runtime needs this: in executable-assembly mode the handler setting must be the assembly's name, so the deployer
/// sets the handler to that and this variable to the function's name.</item>
/// <item>Otherwise the handler setting (<c>_HANDLER</c>) names it: on <c>provided.al2023</c> the deployer sets each
/// function's handler to its name (<c>api_handler</c>, <c>resize</c>, …).</item>
/// <item>A handler that is the package's own entry point (<c>bootstrap</c>, or the assembly's name), or none at all,
/// means the API, <c>api_handler</c>, as packages built before functions existed were deployed.</item>
/// </list>
/// A name that is none of the app's functions is the deployment's mistake: an init error naming the app's functions.
/// </summary>
public static class LambdaFunctionSelector
{
    /// <summary>The environment variable that names the function to run, whatever the handler setting says.</summary>
    public const string FunctionVariable = "CHALICE_FUNCTION";

    /// <summary>Lambda's handler setting, as it hands it to the runtime.</summary>
    public const string HandlerVariable = "_HANDLER";

    /// <summary>The handler of a <c>provided.al2023</c> package that names no function: the bootstrap itself.</summary>
    public const string BootstrapHandler = "bootstrap";

    /// <summary>The function this process serves, from its environment.</summary>
    /// <exception cref="UnknownFunctionException">The setting names no function of the app.</exception>
    public static string Select(ChaliceAppDefinition definition) => Select(
        definition,
        Environment.GetEnvironmentVariable(FunctionVariable),
        Environment.GetEnvironmentVariable(HandlerVariable),
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name);

    /// <summary>The function named by <paramref name="function"/> (<c>CHALICE_FUNCTION</c>), else by <paramref name="handler"/> (<c>_HANDLER</c>).</summary>
    /// <param name="definition">The app.</param>
    /// <param name="function">The value of <c>CHALICE_FUNCTION</c>, if set.</param>
    /// <param name="handler">The value of <c>_HANDLER</c>, if set.</param>
    /// <param name="assemblyName">The app's assembly name: the handler of an executable-assembly package.</param>
    /// <exception cref="UnknownFunctionException">The setting names no function of the app.</exception>
    public static string Select(ChaliceAppDefinition definition, string? function, string? handler, string? assemblyName)
    {
        if (!string.IsNullOrEmpty(function))
            return Known(definition, function, $"{FunctionVariable}={function}");
        if (string.IsNullOrEmpty(handler) || handler == BootstrapHandler || handler == assemblyName)
            return ChaliceDispatcher.ApiHandlerName;
        return Known(definition, handler, $"The handler '{handler}'");
    }

    private static string Known(ChaliceAppDefinition definition, string name, string setting)
    {
        if (name == ChaliceDispatcher.ApiHandlerName || definition.Functions.Any(f => f.Name == name))
            return name;
        throw new UnknownFunctionException(name, definition.Name, [ChaliceDispatcher.ApiHandlerName, .. definition.Functions.Select(f => f.Name)], setting);
    }
}
