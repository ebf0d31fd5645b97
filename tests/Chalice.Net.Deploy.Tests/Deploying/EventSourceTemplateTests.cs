using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Templates;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// <c>package</c>'s templates of an app with every kind of function: each function with its own settings and its
/// source as SAM's <c>Events</c> (as Chalice's SAM template writes them), or as CloudFormation resources of their own;
/// both cfn-lint clean. An S3 handler is refused, as Chalice refuses it.
/// </summary>
public sealed class EventSourceTemplateTests
{
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    private static readonly FunctionManifest[] s_functions =
    [
        new ApiFunctionManifest(ApiFunctionManifest.DefaultName),
        new ScheduleFunctionManifest("every_five_minutes", "EveryFiveMinutes", "rate(5 minutes)", "Counts what is waiting"),
        new CloudWatchEventFunctionManifest("InstanceStopped", "InstanceStopped", """{"source": ["aws.ec2"]}"""),
        new SqsFunctionManifest("ProcessOrders", "ProcessOrders", "orders", null, 10, 1, 5, ReportsBatchItemFailures: true),
        new SnsFunctionManifest("alert", "Alert", "alerts"),
        new KinesisFunctionManifest("Clicks", "Clicks", "clicks", 500, "TRIM_HORIZON", 0, ReportsBatchItemFailures: false),
        new DynamoDBFunctionManifest("OrderChanges", "OrderChanges", "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000",
            100, "LATEST", 0, ReportsBatchItemFailures: true),
        new PureFunctionManifest("add", "Add"),
    ];

    private static DeploymentSpec Spec(IReadOnlyList<FunctionManifest> functions, string config = """{ "lambda_functions": { "add": { "lambda_memory_size": 512 } } }""") => new()
    {
        AppName = "shop",
        Config = ChaliceConfig.Parse(config).ForStage("prod"),
        FunctionConfig = function => ChaliceConfig.Parse(config).ForStage("prod", function),
        Package = new LambdaPackage("deployment.zip", "sha=", 1, "provided.al2023", "bootstrap", "x86_64", [], ""),
        Manifest = new AppManifest("shop", functions, [new RouteManifest("/items", ["GET"], "Items", "items", [], null, false, null)]),
        Policy = _ => Task.FromResult(FunctionPolicies.Same(Policy)),
    };

    [Fact]
    public void A_sam_template_has_every_function_with_its_settings_and_its_source_as_an_event()
    {
        var resources = StackTemplate.Create(Spec(s_functions), FunctionPolicies.Same(Policy), TemplateFormat.Sam)["Resources"]!;

        var add = resources["Add"]!["Properties"]!;
        Assert.Equal(("AWS::Serverless::Function", "add", 512), (resources["Add"]!["Type"]!.GetValue<string>(), add["Handler"]!.GetValue<string>(), add["MemorySize"]!.GetValue<int>()));
        Assert.Null(add["Events"]);
        Assert.Equal("bootstrap", resources["APIHandler"]!["Properties"]!["Handler"]!.GetValue<string>());
        Assert.Equal("""{"EveryFiveMinutesEvent":{"Type":"Schedule","Properties":{"Schedule":"rate(5 minutes)","Description":"Counts what is waiting"}}}""",
            resources["EveryFiveMinutes"]!["Properties"]!["Events"]!.ToJsonString());
        Assert.Equal("""{"InstanceStoppedEvent":{"Type":"CloudWatchEvent","Properties":{"Pattern":{"source":["aws.ec2"]}}}}""",
            resources["InstanceStopped"]!["Properties"]!["Events"]!.ToJsonString());
        Assert.Equal(
            """{"ProcessOrdersSqsEventSource":{"Type":"SQS","Properties":{"Queue":{"Fn::Sub":"arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders"}""" +
            ""","BatchSize":10,"MaximumBatchingWindowInSeconds":1,"ScalingConfig":{"MaximumConcurrency":5},"FunctionResponseTypes":["ReportBatchItemFailures"]}}}""",
            resources["ProcessOrders"]!["Properties"]!["Events"]!.ToJsonString());
        Assert.Equal("""{"AlertSnsSubscription":{"Type":"SNS","Properties":{"Topic":{"Fn::Sub":"arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:alerts"}}}}""",
            resources["Alert"]!["Properties"]!["Events"]!.ToJsonString());
        Assert.Equal("TRIM_HORIZON", resources["Clicks"]!["Properties"]!["Events"]!["ClicksKinesisEventSource"]!["Properties"]!["StartingPosition"]!.GetValue<string>());
        // Each function runs as its own role; the SQS function's may poll its queue, in the stack's account, and no other's may.
        JsonArray Statements(string role) => resources[role]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Equal("""{"Fn::GetAtt":["ProcessOrdersRole","Arn"]}""", resources["ProcessOrders"]!["Properties"]!["Role"]!.ToJsonString());
        Assert.Equal("shop-prod-ProcessOrders", resources["ProcessOrdersRole"]!["Properties"]!["Policies"]![0]!["PolicyName"]!.GetValue<string>());
        Assert.Contains(Statements("ProcessOrdersRole"), s => s!["Resource"]!.ToJsonString() == """{"Fn::Sub":"arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders"}""");
        Assert.Single(Statements("DefaultRole"));
        Assert.Single(Statements("AddRole"));
    }

    [Fact]
    public void A_cloudformation_template_has_each_source_and_its_permission_as_resources()
    {
        var resources = StackTemplate.Create(Spec(s_functions), FunctionPolicies.Same(Policy), TemplateFormat.CloudFormation)["Resources"]!.AsObject();

        Assert.Equal("AWS::Events::Rule", resources["EveryFiveMinutesEvent"]!["Type"]!.GetValue<string>());
        Assert.Equal("""[{"Id":"1","Arn":{"Fn::GetAtt":["EveryFiveMinutes","Arn"]}}]""", resources["EveryFiveMinutesEvent"]!["Properties"]!["Targets"]!.ToJsonString());
        Assert.Equal("""{"Fn::GetAtt":["EveryFiveMinutesEvent","Arn"]}""", resources["EveryFiveMinutesEventPermission"]!["Properties"]!["SourceArn"]!.ToJsonString());
        Assert.Equal("AWS::SNS::Subscription", resources["AlertSnsSubscription"]!["Type"]!.GetValue<string>());
        Assert.Equal("sns.amazonaws.com", resources["AlertSnsSubscriptionPermission"]!["Properties"]!["Principal"]!.GetValue<string>());
        Assert.Equal("AWS::Lambda::EventSourceMapping", resources["OrderChangesDynamoDBEventSource"]!["Type"]!.GetValue<string>());
        Assert.Equal(s_functions.Length, resources.Count(r => r.Value!["Type"]!.GetValue<string>() is "AWS::Lambda::Function"));
        Assert.Equal(3, resources.Count(r => r.Value!["Type"]!.GetValue<string>() is "AWS::Lambda::EventSourceMapping"));
    }

    [Theory]
    [InlineData("sam")]
    [InlineData("cloudformation")]
    public async Task Both_templates_are_cfn_lint_clean(string templateFormat)
    {
        var format = templateFormat == "sam" ? TemplateFormat.Sam : TemplateFormat.CloudFormation;
        var file = Path.Combine(Directory.CreateTempSubdirectory("chalice-template-").FullName, StackTemplate.FileName(format));
        await File.WriteAllTextAsync(file, StackTemplate.Create(Spec(s_functions), FunctionPolicies.Same(Policy), format).ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
            TestContext.Current.CancellationToken);

        var start = new ProcessStartInfo("cfn-lint") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(file);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw SharedFixtures.Unavailable($"cfn-lint is not installed ({e.Message}); pip install cfn-lint");
        }
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"cfn-lint exited {process.ExitCode}:\n{output}");
        }
    }

    [Fact]
    public void An_S3_handler_is_refused_in_one_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => StackTemplate.Create(
            Spec([.. s_functions, new S3FunctionManifest("resize", "Resize", "uploads", ["s3:ObjectCreated:*"], null, null)]), FunctionPolicies.Same(Policy), TemplateFormat.Sam));

        Assert.Equal(
            "A template cannot wire resize to its bucket: CloudFormation does not change the notifications of a bucket it did not create " +
            "(Chalice refuses these too). Deploy the app with 'chalice-net deploy'.", error.Message);
    }
}
