using System.Text.RegularExpressions;
using Chalice.Configuration;

namespace Chalice.Deploy;

/// <summary>
/// The names of a stage's resources. Everything is named <c>{app}-{stage}</c> and tagged, so a deploy that lost its
/// state file finds its resources again instead of creating duplicates.
/// </summary>
/// <param name="App">The app name.</param>
/// <param name="Stage">The stage.</param>
internal sealed partial record ResourceNames(string App, string Stage)
{
    /// <summary>The tag key every resource carries; its value is <see cref="TagValue"/>.</summary>
    public const string TagKey = "chalice-net";

    /// <summary>The id of the function policy statement that lets API Gateway invoke the function.</summary>
    public const string InvokePermissionStatementId = "chalice-net-apigateway-invoke";

    /// <summary>The shared name of role, inline policy, function and REST API.</summary>
    public string Base => $"{App}-{Stage}";

    /// <summary>The execution role.</summary>
    public string Role => Base;

    /// <summary>The role's inline policy (named after the role, as Chalice does).</summary>
    public string Policy => Base;

    /// <summary>
    /// The execution role of one of the app's functions, named as its Lambda function (<see cref="FunctionOf"/>): the
    /// API's is <c>{app}-{stage}</c>, the role every function shared before each had its own (and Chalice's
    /// <c>default-role</c> name); every other's <c>{app}-{stage}-{name}</c>, as Chalice names a function's own role
    /// (aws/chalice <c>chalice/deploy/appgraph.py</c>, <c>_create_role_reference</c>).
    /// </summary>
    /// <exception cref="ChaliceConfigException">The name is longer than the 64 characters IAM allows with this stage.</exception>
    public string RoleOf(string function) => FunctionOf(function);

    /// <summary>The inline policy of a function's role, named after the role as Chalice names it.</summary>
    public string PolicyOf(string function) => RoleOf(function);

    /// <summary>The Lambda function of the API (<c>api_handler</c>).</summary>
    public string Function => Base;

    /// <summary>
    /// The Lambda function of one of the app's functions, as Chalice names them: the API's is <c>{app}-{stage}</c>,
    /// every other <c>{app}-{stage}-{name}</c> (aws/chalice <c>chalice/deploy/appgraph.py</c>, <c>_build_lambda_function</c>).
    /// </summary>
    /// <exception cref="ChaliceConfigException">The name is longer than the 64 characters Lambda allows with this stage.</exception>
    public string FunctionOf(string function) =>
        function == ChaliceConfig.ApiHandlerName ? Function : Checked($"{Base}-{function}", $"The function '{function}'");

    /// <summary>
    /// The EventBridge rule of a schedule or event pattern function: <c>{app}-{stage}-{name}-event</c>, Chalice's
    /// (<c>_create_scheduled_model</c>), at most 64 characters as EventBridge's <c>RuleName</c> allows.
    /// </summary>
    /// <exception cref="ChaliceConfigException">The name is too long with this stage.</exception>
    public string RuleOf(string function) => Checked($"{Base}-{function}-event", $"The EventBridge rule of '{function}'");

    /// <summary>The REST API.</summary>
    public string RestApi => Base;

    /// <summary>An API key of the stage (<c>api_keys</c>): <c>{app}-{stage}-{name}</c>.</summary>
    public string ApiKeyOf(string key) => $"{Base}-{key}";

    /// <summary>The usage plan that binds the stage's API keys to its REST API stage.</summary>
    public string UsagePlan => Base;

    /// <summary>The value of <see cref="TagKey"/>: <c>app={app}:stage={stage}</c>.</summary>
    public string TagValue => $"app={App}:stage={Stage}";

    /// <summary>The names for an app's stage.</summary>
    /// <exception cref="ChaliceConfigException">The names would not be valid IAM role and Lambda function names.</exception>
    public static ResourceNames For(string app, string stage)
    {
        // Role and function names allow letters, digits and -_ (IAM also +=,.@) up to 64 characters.
        if (!NamePart().IsMatch(app))
            throw new ChaliceConfigException($"The app name '{app}' may only contain letters, digits, '-' and '_'.");
        if (!NamePart().IsMatch(stage))
            throw new ChaliceConfigException($"The stage name '{stage}' may only contain letters, digits, '-' and '_'.");
        var names = new ResourceNames(app, stage);
        return names.Base.Length <= 64
            ? names
            : throw new ChaliceConfigException($"'{names.Base}' is longer than the 64 characters IAM and Lambda allow; shorten the app or stage name.");
    }

    // Lambda's FunctionName and EventBridge's RuleName allow 64 characters (the Lambda and events models'
    // FunctionName/RuleName patterns); the compiler checked function names with the stage "dev" (CHALICE021).
    private string Checked(string name, string what) =>
        name.Length <= 64
            ? name
            : throw new ChaliceConfigException(
                $"{what} is deployed as '{name}', {name.Length} characters with the stage '{Stage}'; AWS allows 64. Shorten the function, app or stage name.");

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex NamePart();
}
