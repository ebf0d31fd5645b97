namespace Chalice.Deploy.Aws;

internal static class NotFoundExtensions
{
    /// <summary>The call's result, or null when AWS answers that the addressed resource does not exist.</summary>
    public static async Task<T?> OrNullIfNotFound<T>(this Task<T> call) where T : class
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
