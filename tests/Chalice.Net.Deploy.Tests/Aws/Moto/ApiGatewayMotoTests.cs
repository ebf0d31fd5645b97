using System.Text;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Moto;

/// <summary>
/// The API Gateway client against moto (which imports OpenAPI 3 only and needs info.description), checked with the AWS CLI.
/// </summary>
public sealed class ApiGatewayMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    internal static byte[] OpenApi(string title, string path) => Encoding.UTF8.GetBytes($$"""
        {
          "openapi": "3.0.1",
          "info": { "title": "{{title}}", "description": "Chalice.Net test API", "version": "1.0" },
          "paths": {
            "{{path}}": {
              "get": {
                "responses": { "200": { "description": "ok" } },
                "x-amazon-apigateway-integration": {
                  "type": "aws_proxy", "httpMethod": "POST",
                  "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"
                }
              },
              "post": {
                "responses": { "200": { "description": "ok" } },
                "x-amazon-apigateway-integration": {
                  "type": "aws_proxy", "httpMethod": "POST",
                  "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"
                }
              }
            }
          }
        }
        """);

    [Fact]
    public async Task Create_put_deploy_stage_delete()
    {
        using var aws = new MotoClients(moto);
        var apigateway = aws.Clients.ApiGateway;
        var ct = TestContext.Current.CancellationToken;

        var api = await apigateway.CreateRestApiAsync(new CreateRestApiRequest
        {
            Name = "lifecycle-dev", EndpointConfiguration = new EndpointConfiguration { Types = ["REGIONAL"] },
            Tags = new Dictionary<string, string> { ["app"] = "lifecycle" },
        }, ct);
        Assert.Equal("lifecycle-dev", api.Name);
        Assert.Equal("lifecycle", api.Tags!["app"]);
        await apigateway.PutRestApiAsync(new PutRestApiRequest { RestApiId = api.Id, Body = OpenApi("lifecycle-dev", "/objects/{key}") }, ct);

        var resources = (await AwsCli.RunAsync(moto, "apigateway", "get-resources", "--rest-api-id", api.Id, "--embed", "methods")).GetProperty("items");
        var objects = Assert.Single(resources.EnumerateArray(), r => r.GetProperty("path").GetString() == "/objects/{key}");
        Assert.Equal(["GET", "POST"], objects.GetProperty("resourceMethods").EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal));

        var deployment = await apigateway.CreateDeploymentAsync(new CreateDeploymentRequest { RestApiId = api.Id, StageName = "api" }, ct);
        var stage = await apigateway.GetStageAsync(api.Id, "api", ct);
        Assert.NotNull(stage);
        Assert.Equal(deployment.Id, stage.DeploymentId);
        Assert.Null(await apigateway.GetStageAsync(api.Id, "missing", ct));

        var cliApi = await AwsCli.RunAsync(moto, "apigateway", "get-rest-api", "--rest-api-id", api.Id);
        Assert.Equal("lifecycle-dev", cliApi.GetProperty("name").GetString());
        var cliStage = await AwsCli.RunAsync(moto, "apigateway", "get-stage", "--rest-api-id", api.Id, "--stage-name", "api");
        Assert.Equal(deployment.Id, cliStage.GetProperty("deploymentId").GetString());

        await apigateway.DeleteRestApiAsync(api.Id, ct);
        Assert.Null(await apigateway.GetRestApiAsync(api.Id, ct));
        Assert.DoesNotContain(await apigateway.GetRestApisAsync(ct), a => a.Id == api.Id);
    }

    [Fact]
    public async Task Put_rest_api_overwrites_the_definition()
    {
        using var aws = new MotoClients(moto);
        var apigateway = aws.Clients.ApiGateway;
        var ct = TestContext.Current.CancellationToken;
        var api = await apigateway.CreateRestApiAsync(new CreateRestApiRequest { Name = "overwrite-dev" }, ct);
        await apigateway.PutRestApiAsync(new PutRestApiRequest { RestApiId = api.Id, Body = OpenApi("overwrite-dev", "/old") }, ct);

        var replaced = await apigateway.PutRestApiAsync(new PutRestApiRequest { RestApiId = api.Id, Body = OpenApi("overwrite-dev", "/new") }, ct);

        Assert.Equal(api.Id, replaced.Id);
        var paths = (await AwsCli.RunAsync(moto, "apigateway", "get-resources", "--rest-api-id", api.Id)).GetProperty("items")
            .EnumerateArray().Select(r => r.GetProperty("path").GetString()).ToList();
        Assert.Contains("/new", paths);
        Assert.DoesNotContain("/old", paths);
        Assert.Contains(await apigateway.GetRestApisAsync(ct), a => a.Id == api.Id);
        await apigateway.DeleteRestApiAsync(api.Id, ct);
    }
}
