using System.Text;
using System.Text.Json.Nodes;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// Makes moto's Lambda behave like AWS's (moto's functions are Active and updated at once): a created function is
/// <c>Pending</c> and an updated one <c>InProgress</c> for the next <see cref="Polls"/> configuration reads.
/// </summary>
internal sealed class LambdaStateRewriter() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _remaining;
    private (string Field, string Value)? _transition;

    /// <summary>How many GetFunctionConfiguration answers report the transitional state after a create or update.</summary>
    public int Polls { get; init; } = 2;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            return response;
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Post && path == "/2015-03-31/functions")
            Begin("State", "Pending");
        else if (request.Method == HttpMethod.Put && (path.EndsWith("/code", StringComparison.Ordinal) || path.EndsWith("/configuration", StringComparison.Ordinal)))
            Begin("LastUpdateStatus", "InProgress");
        else if (request.Method == HttpMethod.Get && path.EndsWith("/configuration", StringComparison.Ordinal) && _remaining > 0)
            _remaining--;
        else
            return response;
        return await RewriteAsync(response, cancellationToken);
    }

    private void Begin(string field, string value)
    {
        _transition = (field, value);
        _remaining = Polls;
    }

    private async Task<HttpResponseMessage> RewriteAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        json[_transition!.Value.Field] = _transition.Value.Value;
        response.Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
        return response;
    }
}
