using Chalice.Deploy.Aws;

namespace Chalice.Deploy.Tests.Aws.Model;

/// <summary>Asserts that captured requests conform to their service models.</summary>
internal static class ModelConformance
{
    /// <summary>
    /// The model of a service. The fixture folders are named as botocore names the services: by endpoint prefix, except
    /// API Gateway v2, which shares v1's endpoint prefix.
    /// </summary>
    public static ServiceModel ModelFor(AwsService service) =>
        ServiceModel.Load(service == AwsService.ApiGatewayV2 ? "apigatewayv2" : service.EndpointPrefix);

    /// <summary>Validates every request; fails listing all problems; returns the operations seen per service.</summary>
    public static IReadOnlySet<string> AssertConform(IEnumerable<CapturedRequest> requests)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var request in requests)
        {
            if (request.Operation is null)
            {
                problems.Add($"{request.Method} {request.Uri}: the request carries no operation");
                continue;
            }
            var (operation, found) = ModelRequestValidator.Validate(ModelFor(request.Operation.Service), request);
            seen.Add($"{request.Operation.Service.ServiceId} {operation}");
            problems.AddRange(found.Select(p => $"{request.Operation.Service.ServiceId} {operation} ({request.Method} {request.Uri.PathAndQuery}): {p}"));
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        return seen;
    }
}
