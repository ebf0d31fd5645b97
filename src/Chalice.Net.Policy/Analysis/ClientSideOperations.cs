using Chalice.Policy.Actions;
using Chalice.Policy.Values;

namespace Chalice.Policy.Analysis;

/// <summary>
/// SDK operations computed on the client without a request to AWS, which still need the action of the request they
/// sign: a presigned URL is used later by someone else with the function's credentials, so the function's role
/// must allow the signed verb's action on the object.
/// </summary>
internal static class ClientSideOperations
{
    public static bool TryResolve(string prefix, string operation, CallInputs inputs, out SdkCall call)
    {
        call = (prefix, operation) switch
        {
            ("s3", "GetPreSignedUrl") => PresignedUrl(inputs),
            ("s3", "CreatePresignedPost") => new SdkCall("", [new("s3:PutObject")]),
            _ => null!,
        };
        return call is not null;
    }

    /// <summary>GET (the default) and HEAD read the object, PUT writes it, DELETE deletes it.</summary>
    private static SdkCall PresignedUrl(CallInputs inputs)
    {
        var verb = inputs.Get("Verb");
        if (verb is null)
            return new SdkCall("", [new("s3:GetObject")]);
        if (verb.IsUnknown)
        {
            return new SdkCall("", [new("s3:DeleteObject"), new("s3:GetObject"), new("s3:PutObject")],
                "the presigned URL's verb is not a constant, so every verb it may sign is allowed.");
        }
        var actions = verb.Patterns
            .Select(p => p.Text switch
            {
                "PUT" => "s3:PutObject",
                "DELETE" => "s3:DeleteObject",
                _ => "s3:GetObject",
            })
            .Distinct()
            .Select(action => new ActionRequirement(action))
            .ToArray();
        return new SdkCall("", actions);
    }
}
