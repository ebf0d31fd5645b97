namespace Chalice;

/// <summary>
/// Makes the method a plain Lambda function (Chalice's <c>lambda_function</c>), invoked directly with any JSON: its
/// one input parameter is read from the payload and its result written back, both through the app's JSON contexts.
/// </summary>
/// <example><c>[LambdaFunction(Name = "add")] public Sum Add(Numbers input) => new(input.A + input.B);</c></example>
public sealed class LambdaFunctionAttribute : FunctionAttribute;
