using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;
using Chalice.Deploy.Aws.Http;

namespace Chalice.Deploy.Aws.Protocols;

/// <summary>Sends rest-xml requests of one service (S3) through the shared pipeline and reads their XML responses.</summary>
internal sealed class RestXmlChannel(AwsHttpPipeline pipeline, AwsEndpoint endpoint)
{
    private static readonly MediaTypeHeaderValue s_xml = new("application/xml");

    public AwsEndpoint Endpoint => endpoint;

    /// <summary>Sends a request to <paramref name="uri"/> with an optional XML body and headers; returns the raw response.</summary>
    public Task<AwsResponse> SendAsync(
        AwsOperation operation, HttpMethod method, Uri uri, XDocument? body, IReadOnlyDictionary<string, string>? headers,
        CancellationToken cancellationToken)
    {
        var bytes = body is null ? null : Serialize(body);
        return pipeline.SendAsync(operation, endpoint, () =>
        {
            var request = new HttpRequestMessage(method, uri);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                request.Headers.TryAddWithoutValidation(name, value);
            if (bytes is not null)
            {
                request.Content = new ByteArrayContent(bytes);
                request.Content.Headers.ContentType = s_xml;
            }
            return request;
        }, cancellationToken);
    }

    /// <summary>Sends a request and parses the response body as XML.</summary>
    public async Task<XElement> SendForXmlAsync(
        AwsOperation operation, HttpMethod method, Uri uri, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        var response = await SendAsync(operation, method, uri, null, headers, cancellationToken).ConfigureAwait(false);
        try
        {
            return XDocument.Parse(System.Text.Encoding.UTF8.GetString(response.Body)).Root
                ?? throw new XmlException("empty document");
        }
        catch (XmlException e)
        {
            throw new AwsServiceException(operation.Service.ServiceId, operation.Name, response.StatusCode, "MalformedResponse",
                $"the response could not be read ({e.Message})", response.RequestId, e);
        }
    }

    private static byte[] Serialize(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), OmitXmlDeclaration = false }))
            document.Save(writer);
        return buffer.ToArray();
    }
}
