namespace Chalice;

/// <summary>
/// Makes a method of the app class a Lambda function of its own, deployed from the same package as the API (Chalice's
/// event decorators and <c>lambda_function</c>). The derived attributes say what invokes it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public abstract class FunctionAttribute : Attribute
{
    // Only Chalice's own attributes: the source generator knows what each of them means.
    private protected FunctionAttribute()
    {
    }

    /// <summary>
    /// The function's name (Chalice's <c>name</c>); defaults to the method's name. The deployed function is named
    /// <c>{app}-{stage}-{name}</c>, <c>chalice-net invoke NAME</c> and the test client invoke it by this name, and it is
    /// the function's key under <c>lambda_functions</c> in <c>.chalice/config.json</c>.
    /// </summary>
    public string? Name { get; set; }
}
