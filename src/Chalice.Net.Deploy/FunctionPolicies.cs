namespace Chalice.Deploy;

/// <summary>
/// The inline policy of each function's own role (validated JSON by function name: <c>api_handler</c>, <c>resize</c>,
/// …), as <c>gen-policy</c> prints them: each generated from the code that function's handlers reach, or its policy file.
/// </summary>
internal sealed class FunctionPolicies
{
    private readonly IReadOnlyDictionary<string, string> _byFunction;
    private readonly Func<string, string>? _otherFunction;

    /// <summary>The policies by function name; <paramref name="otherFunction"/>, if given, gives any other function's.</summary>
    public FunctionPolicies(IReadOnlyDictionary<string, string> byFunction, Func<string, string>? otherFunction = null)
    {
        _byFunction = byFunction;
        _otherFunction = otherFunction;
    }

    /// <summary>The same policy for every function (a test's fixed policy).</summary>
    public static FunctionPolicies Same(string policy) => new(new Dictionary<string, string>(), _ => policy);

    /// <summary>The policy of <paramref name="function"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The analysis found no such function: the build and the analysis disagree on the app's functions, which is a bug;
    /// the deploy stops (in one line, before any change) rather than guess a policy.
    /// </exception>
    public string Of(string function) =>
        _byFunction.TryGetValue(function, out var policy) ? policy
        : _otherFunction?.Invoke(function) ?? throw new InvalidDataException(
            $"The policy analysis found no function '{function}' (it found {string.Join(", ", _byFunction.Keys)}); give it a role " +
            $"of your own (lambda_functions.{function}: manage_iam_role false and iam_role_arn), and report this as a bug.");
}
