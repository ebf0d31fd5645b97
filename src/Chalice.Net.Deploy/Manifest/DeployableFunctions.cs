namespace Chalice.Deploy.Manifest;

/// <summary>
/// The functions of an app this deployer cannot deploy yet, refused by <c>deploy</c> and <c>package</c> rather than
/// left out in silence: authorizers. The OpenAPI document describes them (<c>OpenApiSettings.AuthorizerUris</c>), but
/// their Lambda functions and API Gateway's permission to invoke them are not created yet, and their routes must not
/// be deployed open instead.
/// </summary>
internal static class DeployableFunctions
{
    /// <exception cref="InvalidDataException">The app has authorizers.</exception>
    public static void Ensure(AppManifest manifest)
    {
        var authorizers = manifest.Functions.OfType<AuthorizerFunctionManifest>().Select(f => f.Name).ToArray();
        if (authorizers.Length == 0)
            return;
        throw new InvalidDataException(
            $"'{manifest.Name}' has authorizers ({string.Join(", ", authorizers)}), which this chalice-net does not deploy yet, " +
            "and their routes are not deployed open instead; run the app with 'chalice-net local', which enforces them.");
    }
}
