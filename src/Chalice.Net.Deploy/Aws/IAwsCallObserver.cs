namespace Chalice.Deploy.Aws;

/// <summary>
/// Sees every HTTP attempt of every AWS call. The deployer counts reads and mutating calls with it; tests use it to
/// prove that a no-op deploy makes no mutating call. Called synchronously on the calling thread: keep it cheap.
/// </summary>
internal interface IAwsCallObserver
{
    /// <summary>Reports one finished attempt.</summary>
    void OnAttempt(AwsCallAttempt attempt);
}
