using System.Net;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Aws.EventBridge;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Aws.Logs;
using Chalice.Deploy.Aws.S3;
using Chalice.Deploy.Aws.Signing;
using Chalice.Deploy.Aws.Sns;
using Chalice.Deploy.Aws.Sqs;
using Chalice.Deploy.Aws.Sts;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Model;

/// <summary>
/// Every operation of every client is called (against moto, or a local handler where moto 5.2.1 lacks the operation)
/// and each captured request is validated against the botocore model.
/// </summary>
public sealed class ModelConformanceTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public static TheoryData<string> Services => ["IAM", "STS", "Lambda", "API Gateway", "ApiGatewayV2", "EventBridge", "SNS", "SQS", "S3", "CloudWatch Logs"];

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_operation_a_client_uses_exists_in_the_model_with_the_services_metadata(string serviceId)
    {
        var operations = AllOperations.Where(o => o.Service.ServiceId == serviceId).ToList();
        var service = operations[0].Service;
        var model = ModelConformance.ModelFor(service);

        Assert.All(operations, o => Assert.True(model.HasOperation(o.Name), $"{o} is not in the {model.Service} model"));
        Assert.Equal(model.ApiVersion, service.ApiVersion);
        Assert.Equal(model.Protocol, service.Protocol switch
        {
            AwsProtocol.Query => "query",
            AwsProtocol.RestJson => "rest-json",
            AwsProtocol.Json => "json",
            AwsProtocol.RestXml => "rest-xml",
            _ => throw new ArgumentOutOfRangeException(nameof(serviceId)),
        });
        Assert.Equal(ServiceModel.String(model.Metadata, "targetPrefix"), service.JsonTargetPrefix);
        Assert.Equal(ServiceModel.String(model.Metadata, "jsonVersion"), service.JsonVersion);
        Assert.Equal(ServiceModel.String(model.Metadata, "serviceId"), service.ServiceId);
        Assert.Equal(ServiceModel.String(model.Metadata, "endpointPrefix"), service.EndpointPrefix);
        Assert.Equal(ServiceModel.String(model.Metadata, "signingName") ?? service.EndpointPrefix, service.SigningName);
    }

    [Fact]
    public void Operations_that_mutate_are_exactly_the_non_reads_of_the_model()
    {
        // A model operation named Get*/List*/Describe*/Filter* never mutates; every other one we call does (Invoke too: it runs the function).
        static bool IsRead(string name) => new[] { "Get", "List", "Describe", "Filter" }.Any(verb => name.StartsWith(verb, StringComparison.Ordinal));
        Assert.All(AllOperations, o => Assert.Equal(!IsRead(o.Name), o.Mutates));
    }

    [Fact]
    public async Task Iam_requests_conform_to_the_model()
    {
        using var aws = new MotoClients(moto);
        var iam = aws.Clients.Iam;
        var ct = TestContext.Current.CancellationToken;

        await iam.CreateRoleAsync(new CreateRoleRequest
        {
            RoleName = "conform-role", AssumeRolePolicyDocument = TrustPolicy, Path = "/app/", Description = "d",
            Tags = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" },
        }, ct);
        await iam.GetRoleAsync("conform-role", ct);
        await iam.UpdateAssumeRolePolicyAsync("conform-role", TrustPolicy, ct);
        await iam.TagRoleAsync("conform-role", new Dictionary<string, string> { ["c"] = "3" }, ct);
        await iam.PutRolePolicyAsync("conform-role", "p", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""", ct);
        await iam.GetRolePolicyAsync("conform-role", "p", ct);
        await iam.ListRolePoliciesAsync("conform-role", ct);
        await iam.DeleteRolePolicyAsync("conform-role", "p", ct);
        await iam.DeleteRoleAsync("conform-role", ct);

        AssertCovered(IamOperations.All, ModelConformance.AssertConform(aws.Capture.Requests));
    }

    [Fact]
    public async Task Sts_requests_conform_to_the_model()
    {
        using var aws = new MotoClients(moto);

        await aws.Clients.Sts.GetCallerIdentityAsync(TestContext.Current.CancellationToken);

        AssertCovered(StsOperations.All, ModelConformance.AssertConform(aws.Capture.Requests));
    }

    [Fact]
    public async Task Lambda_requests_conform_to_the_model()
    {
        using var aws = new MotoClients(moto);
        var lambda = aws.Clients.Lambda;
        var ct = TestContext.Current.CancellationToken;
        var role = await aws.Clients.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "conform-fn-role", AssumeRolePolicyDocument = TrustPolicy }, ct);

        var function = await lambda.CreateFunctionAsync(new CreateFunctionRequest
        {
            FunctionName = "conform-fn", Role = role.Arn, Code = new LambdaFunctionCode { ZipFile = TestZip.Create("v1") },
            Runtime = "dotnet10", Handler = "App", Architectures = ["x86_64"], MemorySize = 128, Timeout = 3, Description = "d",
            Environment = new LambdaEnvironment { Variables = new Dictionary<string, string> { ["K"] = "V" } },
            Tags = new Dictionary<string, string> { ["t"] = "1" },
        }, ct);
        await lambda.GetFunctionAsync("conform-fn", ct);
        await lambda.GetFunctionConfigurationAsync("conform-fn", ct);
        await lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = "conform-fn", ZipFile = TestZip.Create("v2") }, ct);
        await lambda.UpdateFunctionConfigurationAsync(new UpdateFunctionConfigurationRequest { FunctionName = "conform-fn", MemorySize = 256, Runtime = "provided.al2023" }, ct);
        await lambda.PutFunctionConcurrencyAsync("conform-fn", 2, ct);
        await lambda.DeleteFunctionConcurrencyAsync("conform-fn", ct);
        await lambda.AddPermissionAsync(new AddPermissionRequest
        {
            FunctionName = "conform-fn", StatementId = "s1", Action = "lambda:InvokeFunction", Principal = "apigateway.amazonaws.com",
            SourceArn = "arn:aws:execute-api:us-east-1:123456789012:api/*", SourceAccount = MotoServer.AccountId,
        }, ct);
        await lambda.GetPolicyAsync("conform-fn", ct);
        await lambda.RemovePermissionAsync("conform-fn", "s1", ct);
        await lambda.TagResourceAsync(function.FunctionArn!, new Dictionary<string, string> { ["u"] = "2" }, ct);
        await lambda.UntagResourceAsync(function.FunctionArn!, ["u", "t"], ct);

        await AwsCli.RunAsync(moto, "sqs", "create-queue", "--queue-name", "conform-queue");
        var queueArn = await SqsQueueArn.ResolveAsync(aws.Clients.Sqs, "conform-queue", ct);
        var mapping = await lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest
        {
            FunctionName = "conform-fn", EventSourceArn = queueArn!, Enabled = true, BatchSize = 5, MaximumBatchingWindowInSeconds = 2,
            ScalingConfig = new EventSourceScalingConfig { MaximumConcurrency = 3 }, FunctionResponseTypes = ["ReportBatchItemFailures"],
        }, ct);
        await lambda.GetEventSourceMappingAsync(mapping.Uuid, ct);
        await lambda.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest
        {
            Uuid = mapping.Uuid, BatchSize = 7, Enabled = false, ScalingConfig = new EventSourceScalingConfig(), FunctionResponseTypes = [],
        }, ct);
        await lambda.ListEventSourceMappingsAsync("conform-fn", null, ct);
        await lambda.ListEventSourceMappingsAsync(null, queueArn, ct);
        await lambda.DeleteEventSourceMappingAsync(mapping.Uuid, ct);
        await AwsCli.RunAsync(moto, "kinesis", "create-stream", "--stream-name", "conform-stream", "--shard-count", "1");
        await lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest
        {
            FunctionName = function.FunctionArn!, EventSourceArn = $"arn:aws:kinesis:us-east-1:{MotoServer.AccountId}:stream/conform-stream",
            StartingPosition = "TRIM_HORIZON", BatchSize = 100,
        }, ct);
        await lambda.DeleteFunctionAsync("conform-fn", ct);

        // moto cannot invoke (it runs functions in Docker, which this machine lacks): Invoke's request is checked against a
        // local handler answering as Lambda does.
        var invoke = new ScriptedHandler().Then(System.Net.HttpStatusCode.OK, "{}", headers: [("X-Amz-Executed-Version", "$LATEST")]);
        using (var local = LocalClients(invoke))
            await local.LambdaInvoker.InvokeAsync(new InvokeRequest { FunctionName = "conform-fn", Payload = "{\"a\":1}"u8.ToArray(), LogTail = true, Qualifier = "live" }, ct);

        AssertCovered(LambdaOperations.All,
            ModelConformance.AssertConform(aws.Capture.Requests.Where(r => r.Operation?.Service == AwsService.Lambda).Concat(invoke.Requests)));
    }

    [Fact]
    public async Task EventBridge_requests_conform_to_the_model()
    {
        using var aws = new MotoClients(moto);
        var events = aws.Clients.EventBridge;
        var ct = TestContext.Current.CancellationToken;

        var ruleArn = await events.PutRuleAsync(new PutRuleRequest
        {
            Name = "conform-rule", ScheduleExpression = "rate(5 minutes)", State = "ENABLED", Description = "d",
            Tags = new Dictionary<string, string> { ["app"] = "conform" },
        }, ct);
        await events.PutRuleAsync(new PutRuleRequest { Name = "conform-pattern", EventPattern = """{"source":["aws.s3"]}""" }, ct);
        await events.DescribeRuleAsync("conform-rule", ct);
        await events.PutTargetsAsync("conform-rule",
            [new EventBridgeTarget { Id = "1", Arn = "arn:aws:lambda:us-east-1:123456789012:function:f", Input = """{"k":1}""" }], ct);
        await events.ListTargetsByRuleAsync("conform-rule", ct);
        await events.ListRulesAsync("conform-", ct);
        await events.TagResourceAsync(ruleArn, new Dictionary<string, string> { ["stage"] = "dev" }, ct);
        await events.ListTagsForResourceAsync(ruleArn, ct);
        await events.RemoveTargetsAsync("conform-rule", ["1"], ct);
        await events.DeleteRuleAsync("conform-rule", ct);

        AssertCovered(EventBridgeOperations.All, ModelConformance.AssertConform(aws.Capture.Requests));
    }

    [Fact]
    public async Task Sns_requests_conform_to_the_model()
    {
        using var aws = new MotoClients(moto);
        var sns = aws.Clients.Sns;
        var ct = TestContext.Current.CancellationToken;
        var topicArn = (await AwsCli.RunAsync(moto, "sns", "create-topic", "--name", "conform-topic")).GetProperty("TopicArn").GetString()!;

        var subscription = await sns.SubscribeAsync(topicArn, "lambda", "arn:aws:lambda:us-east-1:123456789012:function:f", ct);
        await sns.ListSubscriptionsByTopicAsync(topicArn, ct);
        await sns.GetSubscriptionAttributesAsync(subscription, ct);
        await sns.UnsubscribeAsync(subscription, ct);

        AssertCovered(SnsOperations.All, ModelConformance.AssertConform(aws.Capture.Requests));
    }

    [Fact]
    public async Task Sqs_requests_conform_to_the_model()
    {
        using var aws = new MotoClients(moto);
        var ct = TestContext.Current.CancellationToken;
        await AwsCli.RunAsync(moto, "sqs", "create-queue", "--queue-name", "conform-sqs");

        var url = await aws.Clients.Sqs.GetQueueUrlAsync("conform-sqs", MotoServer.AccountId, ct);
        await aws.Clients.Sqs.GetQueueAttributesAsync(url!, ["QueueArn", "VisibilityTimeout"], ct);

        AssertCovered(SqsOperations.All, ModelConformance.AssertConform(aws.Capture.Requests));
    }

    [Fact]
    public async Task S3_requests_conform_to_the_model()
    {
        using var aws = new MotoClients(moto);
        var s3 = aws.Clients.S3;
        var ct = TestContext.Current.CancellationToken;
        await AwsCli.RunAsync(moto, "s3api", "create-bucket", "--bucket", "conform-bucket");

        var configuration = await s3.GetBucketNotificationConfigurationAsync("conform-bucket", MotoServer.AccountId, ct);
        await s3.PutBucketNotificationConfigurationAsync("conform-bucket", configuration.WithLambdaFunction(new LambdaFunctionNotification
        {
            Id = "conform", LambdaFunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:f", Events = ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"],
            FilterRules = [new S3KeyFilterRule("prefix", "images/"), new S3KeyFilterRule("suffix", ".jpg")],
        }), MotoServer.AccountId, ct);

        AssertCovered(S3Operations.All, ModelConformance.AssertConform(aws.Capture.Requests));
    }

    [Fact]
    public async Task Cloud_watch_logs_requests_conform_to_the_model()
    {
        using var aws = new MotoClients(moto);
        var logs = aws.Clients.Logs;
        var ct = TestContext.Current.CancellationToken;

        await logs.CreateLogGroupAsync("/aws/lambda/conform", new Dictionary<string, string> { ["app"] = "conform" }, ct);
        await logs.PutRetentionPolicyAsync("/aws/lambda/conform", 14, ct);
        await logs.DescribeLogGroupsAsync("/aws/lambda/conf", ct);
        await logs.FilterLogEventsAsync(new FilterLogEventsRequest
        {
            LogGroupName = "/aws/lambda/conform", StartTime = DateTimeOffset.UtcNow.AddMinutes(-10), LogStreamNames = ["2024/01/01/[$LATEST]abc"],
            Limit = 100, NextToken = null,
        }, ct);
        await logs.DeleteRetentionPolicyAsync("/aws/lambda/conform", ct);
        await logs.DeleteLogGroupAsync("/aws/lambda/conform", ct);

        AssertCovered(LogsOperations.All, ModelConformance.AssertConform(aws.Capture.Requests));
    }

    [Fact]
    public async Task Api_gateway_requests_conform_to_the_model()
    {
        using var aws = new MotoClients(moto);
        var apigateway = aws.Clients.ApiGateway;
        var ct = TestContext.Current.CancellationToken;

        var created = await apigateway.CreateRestApiAsync(new CreateRestApiRequest
        {
            Name = "conform-created", Description = "d", BinaryMediaTypes = ["image/png"],
            EndpointConfiguration = new EndpointConfiguration { Types = ["PRIVATE"], VpcEndpointIds = ["vpce-1"] },
            Tags = new Dictionary<string, string> { ["app"] = "conform" },
            Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}]}""",
            MinimumCompressionSize = 1024,
        }, ct);
        Assert.Equal("conform", (await apigateway.GetRestApiAsync(created.Id, ct))!.Tags!["app"]);
        await apigateway.GetRestApisAsync(ct);
        await apigateway.PutRestApiAsync(new PutRestApiRequest
        {
            RestApiId = created.Id, Body = ApiGatewayMotoTests.OpenApi("conform-created", "/things"),
            Parameters = new Dictionary<string, string> { ["basepath"] = "ignore" },
        }, ct);
        await apigateway.CreateDeploymentAsync(new CreateDeploymentRequest { RestApiId = created.Id, StageName = "api", Description = "d" }, ct);
        await apigateway.GetStageAsync(created.Id, "api", ct);
        await apigateway.UpdateStageAsync(created.Id, "api", [new PatchOperation("replace", "/tracingEnabled", "true")], ct);
        await apigateway.UpdateRestApiAsync(created.Id,
        [
            new PatchOperation("replace", "/endpointConfiguration/types/PRIVATE", "REGIONAL"),
            new PatchOperation("remove", "/endpointConfiguration/vpcEndpointIds", "vpce-1"),
            new PatchOperation("replace", "/minimumCompressionSize", ""),
        ], ct);
        var key = await apigateway.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Name = "conform-key", Description = "d", Enabled = true, Value = "conform-key-value-0123456789",
            Tags = new Dictionary<string, string> { ["app"] = "conform" },
        }, ct);
        await apigateway.GetApiKeysAsync(includeValues: true, ct);
        await apigateway.UpdateApiKeyAsync(key.Id, [new PatchOperation("replace", "/enabled", "false")], ct);
        var plan = await apigateway.CreateUsagePlanAsync(new CreateUsagePlanRequest
        {
            Name = "conform-plan", Description = "d", ApiStages = [new ApiStage(created.Id, "api")],
            Throttle = new ThrottleSettings { RateLimit = 12.5, BurstLimit = 20 }, Quota = new QuotaSettings { Limit = 1000, Period = "DAY" },
            Tags = new Dictionary<string, string> { ["app"] = "conform" },
        }, ct);
        await apigateway.GetUsagePlansAsync(ct);
        await apigateway.UpdateUsagePlanAsync(plan.Id,
            [new PatchOperation("replace", "/throttle/burstLimit", "30"), new PatchOperation("remove", "/quota")], ct);
        await apigateway.CreateUsagePlanKeyAsync(plan.Id, key.Id, ct);
        await apigateway.GetUsagePlanKeysAsync(plan.Id, ct);
        await apigateway.DeleteUsagePlanKeyAsync(plan.Id, key.Id, ct);
        await apigateway.UpdateUsagePlanAsync(plan.Id, [new PatchOperation("remove", "/apiStages", $"{created.Id}:api")], ct);
        await apigateway.DeleteUsagePlanAsync(plan.Id, ct);
        await apigateway.DeleteApiKeyAsync(key.Id, ct);
        const string Domain = "conform.example.com";
        await apigateway.CreateDomainNameAsync(new CreateDomainNameRequest
        {
            DomainName = Domain, RegionalCertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/c",
            EndpointConfiguration = new EndpointConfiguration { Types = ["REGIONAL"] }, SecurityPolicy = "TLS_1_2",
            Tags = new Dictionary<string, string> { ["app"] = "conform" },
        }, ct);
        await apigateway.GetDomainNameAsync(Domain, ct);
        await apigateway.CreateBasePathMappingAsync(new CreateBasePathMappingRequest { DomainName = Domain, BasePath = "v1", RestApiId = created.Id, Stage = "api" }, ct);
        await apigateway.GetBasePathMappingsAsync(Domain, ct);
        await apigateway.DeleteBasePathMappingAsync(Domain, "v1", ct);
        await apigateway.DeleteDomainNameAsync(Domain, ct);
        await apigateway.DeleteRestApiAsync(created.Id, ct);

        AssertCovered(ApiGatewayOperations.All, ModelConformance.AssertConform(aws.Capture.Requests));
    }

    [Fact]
    public async Task Api_gateway_v2_requests_conform_to_the_model()
    {
        using var aws = new MotoClients(moto);
        var v2 = aws.Clients.ApiGatewayV2;
        var ct = TestContext.Current.CancellationToken;

        var api = await v2.CreateApiAsync(new CreateHttpApiRequest
        {
            Name = "conform-http", Description = "d", Tags = new Dictionary<string, string> { ["app"] = "conform" },
            CorsConfiguration = new HttpApiCors
            {
                AllowOrigins = ["*"], AllowHeaders = ["Content-Type"], AllowMethods = ["GET", "OPTIONS"], ExposeHeaders = ["X-Id"], MaxAge = 600,
                AllowCredentials = false,
            },
        }, ct);
        await v2.GetApisAsync(ct);
        await v2.GetApiAsync(api.ApiId, ct);
        await v2.UpdateApiAsync(new UpdateHttpApiRequest { ApiId = api.ApiId, CorsConfiguration = new HttpApiCors { AllowOrigins = ["https://example.com"] } }, ct);
        await v2.DeleteCorsConfigurationAsync(api.ApiId, ct);
        const string function = "arn:aws:lambda:us-east-1:123456789012:function:conform";
        var integration = await v2.CreateIntegrationAsync(new HttpApiIntegrationRequest
        {
            ApiId = api.ApiId, IntegrationUri = function, PayloadFormatVersion = "2.0",
        }, ct);
        await v2.GetIntegrationsAsync(api.ApiId, ct);
        await v2.UpdateIntegrationAsync(new HttpApiIntegrationRequest
        {
            ApiId = api.ApiId, IntegrationId = integration.IntegrationId, IntegrationUri = function, PayloadFormatVersion = "1.0",
        }, ct);
        var route = await v2.CreateRouteAsync(new HttpApiRouteRequest
        {
            ApiId = api.ApiId, RouteKey = "GET /things/{id}", Target = $"integrations/{integration.IntegrationId}",
        }, ct);
        await v2.GetRoutesAsync(api.ApiId, ct);
        await v2.UpdateRouteAsync(new HttpApiRouteRequest
        {
            ApiId = api.ApiId, RouteId = route.RouteId, RouteKey = "PUT /things/{id}", Target = $"integrations/{integration.IntegrationId}",
        }, ct);
        var authorizerUri = $"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{function}/invocations";
        var authorizer = await v2.CreateAuthorizerAsync(new HttpApiAuthorizerRequest
        {
            ApiId = api.ApiId, Name = "Tokens", AuthorizerUri = authorizerUri, AuthorizerPayloadFormatVersion = "2.0", AuthorizerResultTtlInSeconds = 300,
            EnableSimpleResponses = false, IdentitySource = ["$request.header.Authorization"],
        }, ct);
        await v2.GetAuthorizerAsync(api.ApiId, authorizer.AuthorizerId, ct);
        await v2.UpdateAuthorizerAsync(new HttpApiAuthorizerRequest
        {
            ApiId = api.ApiId, AuthorizerId = authorizer.AuthorizerId, Name = "Tokens", AuthorizerUri = authorizerUri, AuthorizerPayloadFormatVersion = "1.0",
            AuthorizerResultTtlInSeconds = 0, IdentitySource = ["$request.header.X-Key", "$request.querystring.tenant"],
        }, ct);
        await v2.UpdateRouteAsync(new HttpApiRouteRequest
        {
            ApiId = api.ApiId, RouteId = route.RouteId, RouteKey = "PUT /things/{id}", Target = $"integrations/{integration.IntegrationId}",
            AuthorizationType = "CUSTOM", AuthorizerId = authorizer.AuthorizerId,
        }, ct);
        await v2.DeleteAuthorizerAsync(api.ApiId, authorizer.AuthorizerId, ct);
        // A [JwtAuthorizer]'s requests as the deployer builds them: JWT, no URI, a JwtConfiguration.
        var pool = new Chalice.Deploy.Manifest.JwtAuthorizerManifest("Pool", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", ["client-1"], "Authorization");
        var jwt = Chalice.Deploy.HttpApis.HttpApiJwtAuthorizer.For(pool);
        var jwtAuthorizer = await v2.CreateAuthorizerAsync(jwt.Request(api.ApiId, "", null), ct);
        await v2.UpdateAuthorizerAsync((jwt with { Configuration = jwt.Configuration with { Audience = ["client-1", "client-2"] } }).Request(api.ApiId, jwtAuthorizer.AuthorizerId, null), ct);
        await v2.UpdateRouteAsync(new HttpApiRouteRequest
        {
            ApiId = api.ApiId, RouteId = route.RouteId, RouteKey = "PUT /things/{id}", Target = $"integrations/{integration.IntegrationId}",
            AuthorizationType = jwt.RouteAuthorizationType, AuthorizerId = jwtAuthorizer.AuthorizerId,
        }, ct);
        await v2.DeleteAuthorizerAsync(api.ApiId, jwtAuthorizer.AuthorizerId, ct);
        // A [CustomAuthorizer]'s request as the deployer builds it: REQUEST, the existing function's invocation URI.
        var partner = Chalice.Deploy.HttpApis.HttpApiLambdaAuthorizer.For(
            new Chalice.Deploy.Manifest.CustomAuthorizerManifest("Partner", function, "TOKEN", ["method.request.header.X-Partner-Token"], 60), "2.0");
        var partnerUri = ((Chalice.Deploy.HttpApis.ExistingAuthorizerFunction)partner.Function).InvocationUri;
        var partnerAuthorizer = await v2.CreateAuthorizerAsync(partner.Request(api.ApiId, "", partnerUri), ct);
        await v2.DeleteAuthorizerAsync(api.ApiId, partnerAuthorizer.AuthorizerId, ct);
        await v2.CreateStageAsync(new HttpApiStageRequest
        {
            ApiId = api.ApiId, StageName = "$default", AutoDeploy = true, Tags = new Dictionary<string, string> { ["app"] = "conform" },
        }, ct);
        await v2.GetStageAsync(api.ApiId, "$default", ct);
        const string Domain = "conform-http.example.com";
        await v2.CreateDomainNameAsync(new CreateHttpApiDomainNameRequest
        {
            DomainName = Domain,
            DomainNameConfigurations =
            [
                new DomainNameConfiguration { CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/c", EndpointType = "REGIONAL", SecurityPolicy = "TLS_1_2" },
            ],
            Tags = new Dictionary<string, string> { ["app"] = "conform" },
        }, ct);
        await v2.GetDomainNameAsync(Domain, ct);
        var mapping = await v2.CreateApiMappingAsync(new CreateApiMappingRequest { DomainName = Domain, ApiId = api.ApiId, ApiMappingKey = "v1", Stage = "$default" }, ct);
        await v2.GetApiMappingsAsync(Domain, ct);
        await v2.DeleteApiMappingAsync(Domain, mapping.ApiMappingId!, ct);
        await v2.DeleteDomainNameAsync(Domain, ct);
        await v2.DeleteRouteAsync(api.ApiId, route.RouteId, ct);
        await v2.DeleteIntegrationAsync(api.ApiId, integration.IntegrationId, ct);
        await v2.DeleteApiAsync(api.ApiId, ct);
        // moto 5.2.1 does not implement UpdateStage (a 500, "The update_stage action has not been implemented"): its request
        // is checked against a local handler answering as the model's UpdateStageResponse.
        var updateStage = new ScriptedHandler().Then(System.Net.HttpStatusCode.OK, """{"stageName":"$default","autoDeploy":true}""");
        using (var local = LocalClients(updateStage))
            Assert.True((await local.ApiGatewayV2.UpdateStageAsync("a1b2c3d4", "$default", autoDeploy: true, ct)).AutoDeploy);

        AssertCovered(ApiGatewayV2Operations.All,
            ModelConformance.AssertConform(aws.Capture.Requests.Where(r => r.Operation?.Service == AwsService.ApiGatewayV2).Concat(updateStage.Requests)));
    }

    private static IEnumerable<AwsOperation> AllOperations =>
        IamOperations.All.Concat(StsOperations.All).Concat(LambdaOperations.All).Concat(ApiGatewayOperations.All).Concat(ApiGatewayV2Operations.All)
            .Concat(EventBridgeOperations.All).Concat(SnsOperations.All).Concat(SqsOperations.All).Concat(S3Operations.All).Concat(LogsOperations.All);

    internal static AwsClients LocalClients(HttpMessageHandler handler, AwsClientOptions? options = null) =>
        new(new AwsSettings(new StaticCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "secret")), "us-east-1"),
            (options ?? new AwsClientOptions()) with { HttpHandler = handler, Delay = static (_, _) => Task.CompletedTask });

    private static void AssertCovered(IReadOnlyList<AwsOperation> operations, IReadOnlySet<string> seen)
    {
        var missing = operations.Select(o => o.ToString()).Where(o => !seen.Contains(o)).ToList();
        Assert.True(missing.Count == 0, "not exercised: " + string.Join(", ", missing));
    }
}
