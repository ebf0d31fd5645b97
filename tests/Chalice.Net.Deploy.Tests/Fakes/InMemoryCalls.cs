using System.Net;
using Chalice.Deploy.Aws;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// What the in-memory services share about calls: each one is reported to the observer as one attempt (so a test
/// counts reads and mutating calls exactly as against moto), and a test can make chosen calls fail the ways AWS calls
/// fail: refused before anything happened, or applied with the answer lost.
/// </summary>
internal sealed class InMemoryCalls(IAwsCallObserver observer)
{
    private readonly List<(string Operation, InjectedFault Fault, int Skip, int Remaining)> _faults = [];

    /// <summary>
    /// Makes the next <paramref name="times"/> calls of <paramref name="operation"/> (e.g. <c>API Gateway CreateRestApi</c>)
    /// fail, after letting <paramref name="skip"/> calls of it succeed.
    /// </summary>
    public void Inject(string operation, InjectedFault fault, int times = 1, int skip = 0) => _faults.Add((operation, fault, skip, times));

    /// <summary>Removes every injected fault.</summary>
    public void Heal() => _faults.Clear();

    /// <summary>Runs a call: reports it, and applies an injected fault.</summary>
    public Task<T> Run<T>(AwsOperation operation, Func<T> call)
    {
        var fault = TakeFault(operation);
        if (fault == InjectedFault.ServiceUnavailable)
            return Fail<T>(operation, new AwsServiceException(
                operation.Service.ServiceId, operation.Name, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "injected", "fake-request"));
        T result;
        try
        {
            result = call();
        }
        catch (AwsServiceException e)
        {
            return Fail<T>(operation, e);
        }
        if (fault == InjectedFault.AnswerLost)
            // What the pipeline throws when the request may have been applied and replaying it cannot tell: the call
            // did take effect here, and the caller must read back.
            return Fail<T>(operation, new AwsServiceException(
                operation.Service.ServiceId, operation.Name, statusCode: null, AwsServiceException.ConnectionFailure,
                "the connection was reset after the request was sent (injected)", requestId: null) { MayHaveSucceeded = true });
        observer.OnAttempt(new AwsCallAttempt(operation, 1, HttpStatusCode.OK, null, TimeSpan.Zero, AwsAttemptOutcome.Succeeded));
        return Task.FromResult(result);
    }

    /// <summary>Runs a call without a result.</summary>
    public Task Run(AwsOperation operation, Action call) => Run(operation, () =>
    {
        call();
        return true;
    });

    /// <summary>Runs a read whose "not found" the real client answers as null (it reports the 404 attempt all the same).</summary>
    public async Task<T?> RunOrNull<T>(AwsOperation operation, Func<T> call) where T : class
    {
        try
        {
            return await Run(operation, call);
        }
        catch (AwsServiceException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>The error AWS answers with, as the real clients report it (service model error code and status).</summary>
    public static AwsServiceException Error(AwsOperation operation, HttpStatusCode status, string code, string message) =>
        new(operation.Service.ServiceId, operation.Name, status, code, message, "fake-request");

    private Task<T> Fail<T>(AwsOperation operation, AwsServiceException error)
    {
        observer.OnAttempt(new AwsCallAttempt(operation, 1, error.StatusCode, error.ErrorCode, TimeSpan.Zero, AwsAttemptOutcome.Failed));
        return Task.FromException<T>(error);
    }

    private InjectedFault? TakeFault(AwsOperation operation)
    {
        var index = _faults.FindIndex(f => f.Operation == operation.ToString());
        if (index < 0)
            return null;
        var (name, fault, skip, remaining) = _faults[index];
        if (skip > 0)
        {
            _faults[index] = (name, fault, skip - 1, remaining);
            return null;
        }
        if (remaining <= 1)
            _faults.RemoveAt(index);
        else
            _faults[index] = (name, fault, skip, remaining - 1);
        return fault;
    }
}

/// <summary>How an injected failure behaves.</summary>
internal enum InjectedFault
{
    /// <summary>AWS refused the call (503): nothing happened.</summary>
    ServiceUnavailable,

    /// <summary>AWS applied the call but the answer was lost (<see cref="AwsServiceException.MayHaveSucceeded"/>).</summary>
    AnswerLost,
}
