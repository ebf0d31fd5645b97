using System.Text;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Moto;

/// <summary>
/// The API Gateway client against moto. Moto 5.2.1 imports OpenAPI 3 only, needs info.description, and tags only
/// stages (a REST API ARN is not routed), so tags are exercised on the stage here and on the API in the conformance
/// tests' local handler.
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
    public async Task Import_deploy_stage_tags_delete()
    {
        using var aws = new MotoClients(moto);
        var apigateway = aws.Clients.ApiGateway;
        var ct = TestContext.Current.CancellationToken;

        var api = await apigateway.ImportRestApiAsync(new ImportRestApiRequest
        {
            Body = OpenApi("lifecycle-dev", "/objects/{key}"),
            Parameters = new Dictionary<string, string> { ["endpointConfigurationTypes"] = "REGIONAL" },
        }, ct);
        Assert.Equal("lifecycle-dev", api.Name);

        var resources = await apigateway.GetResourcesAsync(api.Id, includeMethods: true, ct);
        var objects = Assert.Single(resources, r => r.Path == "/objects/{key}");
        Assert.Equal(["GET", "POST"], objects.ResourceMethods!.Keys.Order(StringComparer.Ordinal));

        var deployment = await apigateway.CreateDeploymentAsync(new CreateDeploymentRequest { RestApiId = api.Id, StageName = "api" }, ct);
        var stage = await apigateway.GetStageAsync(api.Id, "api", ct);
        Assert.NotNull(stage);
        Assert.Equal(deployment.Id, stage.DeploymentId);
        Assert.Contains(await apigateway.GetStagesAsync(api.Id, ct), s => s.StageName == "api");
        Assert.Contains(await apigateway.GetDeploymentsAsync(api.Id, ct), d => d.Id == deployment.Id);
        Assert.Null(await apigateway.GetStageAsync(api.Id, "missing", ct));

        var stageArn = ApiGatewayArn.Stage("us-east-1", api.Id, "api");
        await apigateway.TagResourceAsync(stageArn, new Dictionary<string, string> { ["app"] = "lifecycle", ["stage"] = "dev" }, ct);
        Assert.Equal("lifecycle", (await apigateway.GetStageAsync(api.Id, "api", ct))!.Tags!["app"]);
        await apigateway.UntagResourceAsync(stageArn, ["stage"], ct);
        Assert.False((await apigateway.GetStageAsync(api.Id, "api", ct))!.Tags!.ContainsKey("stage"));

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
        var api = await apigateway.ImportRestApiAsync(new ImportRestApiRequest { Body = OpenApi("overwrite-dev", "/old") }, ct);

        var replaced = await apigateway.PutRestApiAsync(new PutRestApiRequest { RestApiId = api.Id, Body = OpenApi("overwrite-dev", "/new") }, ct);

        Assert.Equal(api.Id, replaced.Id);
        var paths = (await apigateway.GetResourcesAsync(api.Id, cancellationToken: ct)).Select(r => r.Path).ToList();
        Assert.Contains("/new", paths);
        Assert.DoesNotContain("/old", paths);
        Assert.Contains(await apigateway.GetRestApisAsync(ct), a => a.Id == api.Id);
        await apigateway.DeleteRestApiAsync(api.Id, ct);
    }
}
