using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Chalice.Deploy.Aws.Signing;

namespace Chalice.Deploy.Aws.Protocols;

/// <summary>
/// Builds a query-protocol request: a form POST to <c>/</c> carrying <c>Action</c>, <c>Version</c> and the
/// operation's members, lists flattened as <c>Name.member.N</c> and structures as <c>Name.member.N.Field</c>.
/// </summary>
internal sealed class QueryRequest
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public QueryRequest(AwsOperation operation)
    {
        Operation = operation;
        Add("Action", operation.Name);
        Add("Version", operation.Service.ApiVersion);
    }

    public AwsOperation Operation { get; }

    public QueryRequest Add(string name, string? value)
    {
        if (value is not null)
            _parameters.Add(new(name, value));
        return this;
    }

    public QueryRequest Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>A list of IAM <c>Tag</c> structures: <c>Tags.member.1.Key</c>, <c>Tags.member.1.Value</c>, …</summary>
    public QueryRequest AddTags(string name, IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null)
            return this;
        var index = 1;
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Add($"{name}.member.{index}.Key", key);
            Add($"{name}.member.{index}.Value", value);
            index++;
        }
        return this;
    }

    public HttpRequestMessage ToHttpRequest(AwsEndpoint endpoint)
    {
        var form = string.Join('&', _parameters.Select(p => $"{AwsUriEncoding.Encode(p.Key)}={AwsUriEncoding.Encode(p.Value)}"));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(form));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint.Url, "/")) { Content = content };
    }
}
