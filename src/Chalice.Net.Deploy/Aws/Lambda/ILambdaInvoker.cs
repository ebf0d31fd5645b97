namespace Chalice.Deploy.Aws.Lambda;

/// <summary>
/// Runs a deployed function (Lambda's <c>Invoke</c>), for <c>chalice-net invoke</c>. Apart from the deployer's
/// <see cref="ILambdaApi"/>: deploying never invokes a function.
/// </summary>
internal interface ILambdaInvoker
{
    /// <summary>
    /// Invokes a function and returns its answer. A function error is an answer, not an exception
    /// (<see cref="LambdaInvocation.FunctionError"/>); throttling (429) is retried with backoff; an invocation whose
    /// answer was lost is never replayed, since the function may have run.
    /// </summary>
    Task<LambdaInvocation> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default);
}
