using Chalice.Deploy.Aws;

namespace Chalice.Deploy.Planning;

/// <summary>
/// A create whose answer was lost may have made its resource (<see cref="AwsServiceException.MayHaveSucceeded"/>: a
/// replay found it already there): what it made is read back, and only when nothing is there does the error stand.
/// </summary>
internal static class LostAnswers
{
    public static async Task<T> CreateOrReadBackAsync<T>(Func<Task<T>> create, Func<Task<T?>> readBack) where T : class
    {
        try
        {
            return await create();
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            var found = await readBack();
            if (found is null)
                throw;
            return found;
        }
    }

    /// <summary>The same for a create that answers nothing: <paramref name="isThere"/> checks that it was made.</summary>
    public static async Task CreateOrCheckAsync(Func<Task> create, Func<Task<bool>> isThere)
    {
        try
        {
            await create();
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            if (!await isThere())
                throw;
        }
    }
}
