using System.Net;

namespace Chalice.Deploy.Aws.Protocols;

/// <summary>Stand-in error code and message for error responses whose body says nothing usable.</summary>
internal static class StatusDescriptions
{
    public static string CodeFor(HttpStatusCode status) => $"Http{(int)status}";

    public static string MessageFor(HttpStatusCode status) =>
        $"the service answered HTTP {(int)status} without an error description";
}
