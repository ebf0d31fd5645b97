using Chalice.Hosting;
using Chalice.Routing;

namespace Chalice.Tests;

public sealed class RouteTableTests
{
    private static RouteTable Table(params (string Path, string Method)[] routes) =>
        new(routes.Select(r => new RouteDefinition(r.Path, [r.Method], "H", (_, _) => ValueTask.FromResult(new Response()))));

    [Theory]
    [InlineData("/a/b/c", "/a/b/c")]
    [InlineData("/a/x/c", "/a/{p}/c")]
    [InlineData("/a/b/d", "/a/{p}/d")] // the literal branch fails deeper, so matching falls back to the parameter
    [InlineData("/a/b/c/d", "/a/{rest+}")]
    [InlineData("/a/b", "/a/b")]
    [InlineData("/a/b/", "/a/b")]
    [InlineData("/z", "/{any+}")]
    public void Matches_with_API_Gateway_precedence(string path, string expected)
    {
        var table = Table(("/a/b/c", "GET"), ("/a/{p}/c", "GET"), ("/a/{p}/d", "GET"), ("/a/{rest+}", "GET"), ("/a/b", "GET"), ("/{any+}", "GET"));
        Assert.Equal(expected, table.Match(path)!.Resource.Template);
    }

    [Fact]
    public void Parameter_values_are_taken_from_the_path_as_given()
    {
        // Whether they are decoded is the gateway's business: REST APIs pass them on as sent (GatewayPath).
        var match = Table(("/files/{name}", "GET")).Match("/files/a%20b+c%2Fd")!;
        Assert.Equal("a%20b+c%2Fd", match.PathParameters["name"]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/nope")]
    [InlineData("")]
    [InlineData("no-slash")]
    [InlineData("/a//b")]
    public void Unmatched_paths_return_null(string path) => Assert.Null(Table(("/a/b", "GET"), ("/x/{y}", "GET")).Match(path));

    [Fact]
    public void Greedy_needs_at_least_one_segment_and_root_matches_only_root()
    {
        var table = Table(("/", "GET"), ("/{proxy+}", "ANY"));
        Assert.Equal("/", table.Match("/")!.Resource.Template);
        Assert.Equal("x/y", table.Match("/x/y")!.PathParameters["proxy"]);
    }

    [Theory]
    [InlineData("relative", "must start with '/'")]
    [InlineData("/a/", "must not end with '/'")]
    [InlineData("/a//b", "empty segment")]
    [InlineData("/{a+}/b", "must be the last segment")]
    [InlineData("/{a}/{a}", "appears twice")]
    [InlineData("/file.{ext}", "a segment is either literal text or a whole {parameter}")]
    [InlineData("/{}", "is not a valid parameter")]
    public void Invalid_templates_are_rejected_with_the_reason(string template, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Table((template, "GET")));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Duplicate_method_on_a_resource_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Table(("/a", "GET"), ("/a", "GET")));
        Assert.Contains("GET /a is defined twice", error.Message);
    }

    [Fact]
    public void Methods_are_listed_in_declaration_order()
    {
        var table = Table(("/a", "PUT"), ("/a", "GET"), ("/a", "DELETE"));
        Assert.Equal(["PUT", "GET", "DELETE"], table.FindByTemplate("/a")!.Methods);
    }
}
