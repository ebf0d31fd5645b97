using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// The in-memory API Gateway v2 answers the deployer's HTTP API calls as moto does: the same script runs against both
/// through <see cref="IApiGatewayV2Api"/>, and the transcripts (names, endpoints, CORS, integrations, routes, stages,
/// tags, error codes and statuses) must be equal. Ids differ (both are random to a caller) and are left out, and so is
/// UpdateStage, which moto 5.2.1 does not implement ("The update_stage action has not been implemented", a 500): the fake
/// updates the stage as the API Gateway v2 model describes, and the request is checked against the model.
/// </summary>
public sealed class InMemoryApiGatewayV2ParityTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Function = "arn:aws:lambda:us-east-1:123456789012:function:parity-fn";

    private const string AuthorizerUri =
        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:parity-auth/invocations";

    [Fact]
    public async Task The_in_memory_API_Gateway_v2_answers_the_deployers_calls_as_moto_does()
    {
        moto.EnsureAvailable();
        await moto.ResetAsync();
        using var motoClients = new MotoClients(moto);

        var fromMoto = await TranscriptAsync(motoClients.Clients);
        var inMemory = await TranscriptAsync(new InMemoryAws());

        Assert.Equal(fromMoto, inMemory);
        Assert.Contains("GetApi missing: True", inMemory);
        Assert.Contains("GetStage missing: True", inMemory);
        Assert.Contains("GetIntegrations of a missing API: NotFoundException 404 not-found=True", inMemory);
        Assert.Contains("CreateIntegration: AWS_PROXY arn:aws:lambda:us-east-1:123456789012:function:parity-fn 2.0", inMemory);
        Assert.Contains("GetAuthorizer missing: True", inMemory);
        Assert.Contains("UpdateRoute CUSTOM: CUSTOM True", inMemory);
    }

    private static async Task<IReadOnlyList<string>> TranscriptAsync(IAwsApis aws)
    {
        var transcript = new ParityTranscript();

        static string Cors(HttpApiCors? cors) => cors is null ? "no CORS" :
            $"origins={Join(cors.AllowOrigins)} headers={Join(cors.AllowHeaders)} methods={Join(cors.AllowMethods)} " +
            $"expose={Join(cors.ExposeHeaders)} max-age={cors.MaxAge} credentials={cors.AllowCredentials}";
        static string Join(IReadOnlyList<string>? items) => items is null ? "-" : string.Join(",", items);
        static string Tags(IReadOnlyDictionary<string, string>? tags) => string.Join(",", (tags ?? new Dictionary<string, string>()).OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}"));

        var v2 = aws.ApiGatewayV2;
        await transcript.Step("GetApi missing", async () => await v2.GetApiAsync("nope1234") is null);
        await transcript.Step("GetApis empty", async () => (await v2.GetApisAsync()).Count);
        var api = await v2.CreateApiAsync(new CreateHttpApiRequest
        {
            Name = "parity-dev", Description = "d", Tags = new Dictionary<string, string> { ["chalice-net"] = "app=parity:stage=dev" },
            CorsConfiguration = new HttpApiCors { AllowOrigins = ["*"], AllowHeaders = ["Content-Type", "X-Api-Key"], AllowMethods = ["GET", "OPTIONS"], MaxAge = 600 },
        });
        var id = api.ApiId;
        transcript.Add($"CreateApi: {api.Name} {api.ProtocolType} {api.ApiEndpoint == $"https://{id}.execute-api.us-east-1.amazonaws.com"} {Cors(api.CorsConfiguration)} {Tags(api.Tags)}");
        await transcript.Step("GetApis", async () => string.Join(";", (await v2.GetApisAsync()).Select(a => $"{a.Name} {a.ProtocolType} {Tags(a.Tags)}")));
        await transcript.Step("UpdateApi CORS", async () => Cors((await v2.UpdateApiAsync(new UpdateHttpApiRequest
        {
            ApiId = id, CorsConfiguration = new HttpApiCors { AllowOrigins = ["https://example.com"], AllowCredentials = true },
        })).CorsConfiguration));
        await transcript.Step("DeleteCorsConfiguration", async () =>
        {
            await v2.DeleteCorsConfigurationAsync(id);
            return Cors((await v2.GetApiAsync(id))!.CorsConfiguration);
        });
        await transcript.Step("GetIntegrations empty", async () => (await v2.GetIntegrationsAsync(id)).Count);
        await transcript.Step("GetIntegrations of a missing API", async () => (await v2.GetIntegrationsAsync("nope1234")).Count);
        var integration = await v2.CreateIntegrationAsync(new HttpApiIntegrationRequest { ApiId = id, IntegrationUri = Function, PayloadFormatVersion = "2.0" });
        transcript.Add($"CreateIntegration: {integration.IntegrationType} {integration.IntegrationUri} {integration.PayloadFormatVersion}");
        await transcript.Step("UpdateIntegration", async () =>
        {
            var updated = await v2.UpdateIntegrationAsync(new HttpApiIntegrationRequest
            {
                ApiId = id, IntegrationId = integration.IntegrationId, IntegrationUri = Function, PayloadFormatVersion = "1.0",
            });
            return $"{updated.IntegrationId == integration.IntegrationId} {updated.PayloadFormatVersion}";
        });
        await transcript.Step("GetIntegrations", async () => string.Join(";", (await v2.GetIntegrationsAsync(id)).Select(i => $"{i.IntegrationType} {i.IntegrationUri} {i.PayloadFormatVersion}")));
        var target = $"integrations/{integration.IntegrationId}";
        var route = await v2.CreateRouteAsync(new HttpApiRouteRequest { ApiId = id, RouteKey = "GET /objects/{key}", Target = target });
        transcript.Add($"CreateRoute: {route.RouteKey} {route.Target == target}");
        await transcript.Step("CreateRoute on a missing API", async () => await v2.CreateRouteAsync(new HttpApiRouteRequest { ApiId = "nope1234", RouteKey = "GET /", Target = target }));
        await transcript.Step("UpdateRoute", async () =>
        {
            var updated = await v2.UpdateRouteAsync(new HttpApiRouteRequest { ApiId = id, RouteId = route.RouteId, RouteKey = "PUT /objects/{key}", Target = target });
            return $"{updated.RouteId == route.RouteId} {updated.RouteKey}";
        });
        await transcript.Step("UpdateRoute missing", async () => await v2.UpdateRouteAsync(new HttpApiRouteRequest { ApiId = id, RouteId = "nope1234", RouteKey = "GET /", Target = target }));
        await transcript.Step("CreateRoute {proxy+}", async () => (await v2.CreateRouteAsync(new HttpApiRouteRequest { ApiId = id, RouteKey = "ANY /files/{proxy+}", Target = target })).RouteKey);
        await transcript.Step("GetRoutes", async () => string.Join(";", (await v2.GetRoutesAsync(id)).Select(r => $"{r.RouteKey} {r.Target == target}").Order()));
        // Authorizers (moto 5.2.1 has no GetAuthorizers, so they are read one by one) and a route that uses one, then open again.
        static string Authorizer(HttpApiAuthorizer a) =>
            $"{a.Name} {a.AuthorizerType} {a.AuthorizerUri} {a.AuthorizerPayloadFormatVersion} ttl={a.AuthorizerResultTtlInSeconds} " +
            $"simple={a.EnableSimpleResponses} sources={Join(a.IdentitySource)}";
        var authorizer = await v2.CreateAuthorizerAsync(new HttpApiAuthorizerRequest
        {
            ApiId = id, Name = "Tokens", AuthorizerUri = AuthorizerUri, AuthorizerPayloadFormatVersion = "2.0", AuthorizerResultTtlInSeconds = 300,
            EnableSimpleResponses = false, IdentitySource = ["$request.header.Authorization"],
        });
        transcript.Add($"CreateAuthorizer: {Authorizer(authorizer)}");
        await transcript.Step("CreateAuthorizer on a missing API", async () => await v2.CreateAuthorizerAsync(new HttpApiAuthorizerRequest
        {
            ApiId = "nope1234", Name = "Tokens", AuthorizerUri = AuthorizerUri, AuthorizerPayloadFormatVersion = "2.0", AuthorizerResultTtlInSeconds = 0,
            IdentitySource = [],
        }));
        await transcript.Step("UpdateAuthorizer", async () => Authorizer(await v2.UpdateAuthorizerAsync(new HttpApiAuthorizerRequest
        {
            ApiId = id, AuthorizerId = authorizer.AuthorizerId, Name = "Tokens", AuthorizerUri = AuthorizerUri, AuthorizerPayloadFormatVersion = "1.0",
            AuthorizerResultTtlInSeconds = 60, IdentitySource = ["$request.header.X-Token", "$request.querystring.user"],
        })));
        await transcript.Step("GetAuthorizer", async () => await v2.GetAuthorizerAsync(id, authorizer.AuthorizerId) is { } a ? Authorizer(a) : "none");
        await transcript.Step("GetAuthorizer missing", async () => await v2.GetAuthorizerAsync(id, "nope1234") is null);
        await transcript.Step("GetAuthorizer of a missing API", async () => await v2.GetAuthorizerAsync("nope1234", authorizer.AuthorizerId) is null);
        await transcript.Step("UpdateRoute CUSTOM", async () =>
        {
            var updated = await v2.UpdateRouteAsync(new HttpApiRouteRequest
            {
                ApiId = id, RouteId = route.RouteId, RouteKey = "PUT /objects/{key}", Target = target, AuthorizationType = "CUSTOM",
                AuthorizerId = authorizer.AuthorizerId,
            });
            return $"{updated.AuthorizationType} {updated.AuthorizerId == authorizer.AuthorizerId}";
        });
        await transcript.Step("CreateRoute CUSTOM", async () =>
        {
            var created = await v2.CreateRouteAsync(new HttpApiRouteRequest
            {
                ApiId = id, RouteKey = "GET /private", Target = target, AuthorizationType = "CUSTOM", AuthorizerId = authorizer.AuthorizerId,
            });
            return $"{created.AuthorizationType} {created.AuthorizerId == authorizer.AuthorizerId}";
        });
        await transcript.Step("GetRoutes with authorizers", async () => string.Join(";", (await v2.GetRoutesAsync(id))
            .Select(r => $"{r.RouteKey} {r.AuthorizationType} {r.AuthorizerId == authorizer.AuthorizerId}").Order()));
        await transcript.Step("UpdateRoute NONE", async () =>
        {
            var updated = await v2.UpdateRouteAsync(new HttpApiRouteRequest { ApiId = id, RouteId = route.RouteId, RouteKey = "PUT /objects/{key}", Target = target });
            return $"{updated.AuthorizationType}";
        });
        await transcript.Step("DeleteAuthorizer", async () =>
        {
            await v2.DeleteAuthorizerAsync(id, authorizer.AuthorizerId);
            return await v2.GetAuthorizerAsync(id, authorizer.AuthorizerId) is null;
        });
        await transcript.Step("DeleteAuthorizer missing", async () =>
        {
            await v2.DeleteAuthorizerAsync(id, "nope1234");
            return "deleted";
        });
        await transcript.Step("DeleteRoute", async () =>
        {
            await v2.DeleteRouteAsync(id, route.RouteId);
            return string.Join(";", (await v2.GetRoutesAsync(id)).Select(r => r.RouteKey));
        });
        await transcript.Step("GetStage missing", async () => await v2.GetStageAsync(id, "$default") is null);
        await transcript.Step("CreateStage", async () =>
        {
            var stage = await v2.CreateStageAsync(new HttpApiStageRequest
            {
                ApiId = id, StageName = "$default", AutoDeploy = true, Tags = new Dictionary<string, string> { ["chalice-net"] = "app=parity:stage=dev" },
            });
            return $"{stage.StageName} {stage.AutoDeploy} {Tags(stage.Tags)}";
        });
        await transcript.Step("GetStage", async () => (await v2.GetStageAsync(id, "$default")) is { } stage ? $"{stage.StageName} {stage.AutoDeploy}" : "none");
        await transcript.Step("CreateStage on a missing API", async () => await v2.CreateStageAsync(new HttpApiStageRequest { ApiId = "nope1234", StageName = "$default" }));
        await transcript.Step("DeleteIntegration", async () =>
        {
            await v2.DeleteIntegrationAsync(id, integration.IntegrationId);
            return (await v2.GetIntegrationsAsync(id)).Count;
        });
        await transcript.Step("DeleteApi", async () =>
        {
            await v2.DeleteApiAsync(id);
            return await v2.GetApiAsync(id) is null;
        });
        await transcript.Step("DeleteCorsConfiguration of a missing API", async () =>
        {
            await v2.DeleteCorsConfigurationAsync("nope1234");
            return "deleted";
        });
        return transcript.Lines;
    }
}
