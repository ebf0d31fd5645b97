using System.Text.Json.Nodes;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Tests.Deploying;

public sealed class DeployedStateStoreTests : IDisposable
{
    private readonly string _app = Directory.CreateTempSubdirectory("chalice-state-").FullName;

    private static DeployedState Sample => new DeployedState { AppName = "s3test", Stage = "dev", Region = "us-east-1" }
        .With(new DeployedRole { Name = "default-role", RoleName = "s3test-dev", RoleArn = "arn:aws:iam::1:role/s3test-dev", PolicyName = "s3test-dev" })
        .With(new DeployedFunction { Name = "api_handler", FunctionName = "s3test-dev", LambdaArn = "arn:aws:lambda:us-east-1:1:function:s3test-dev", CodeSha256 = "abc=" })
        .With(new DeployedRestApi { Name = "rest_api", RestApiId = "a1", RestApiUrl = "https://a1.execute-api.us-east-1.amazonaws.com/api/", ApiGatewayStage = "api" });

    [Fact]
    public void A_saved_state_reads_back_equal_and_has_chalices_shape()
    {
        var store = new DeployedStateStore(_app);

        store.Save(Sample);

        Assert.True(Sample.SameAs(store.Load("dev")!));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_app, ".chalice", "deployed", "dev.json")))!;
        Assert.Equal("2.0", json["schema_version"]!.GetValue<string>());
        Assert.Equal("api", json["backend"]!.GetValue<string>());
        var resources = json["resources"]!.AsArray();
        Assert.Equal(["iam_role", "lambda_function", "rest_api"], resources.Select(r => r!["resource_type"]!.GetValue<string>()));
        Assert.Equal("arn:aws:lambda:us-east-1:1:function:s3test-dev", resources[1]!["lambda_arn"]!.GetValue<string>());
        Assert.Equal("https://a1.execute-api.us-east-1.amazonaws.com/api/", resources[2]!["rest_api_url"]!.GetValue<string>());
        Assert.Null(resources[2]!["document_sha256"]);
    }

    [Fact]
    public void The_file_is_plain_JSON_with_base64_hashes_as_Lambda_returns_them()
    {
        // A CodeSha256 is base64, so it holds '+' and '/'; the file is read by people and by grep, not embedded in HTML.
        const string codeSha256 = "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=";
        var store = new DeployedStateStore(_app);

        store.Save(Sample.With(new DeployedFunction { Name = "api_handler", FunctionName = "s3test-dev", LambdaArn = "arn", CodeSha256 = codeSha256 }));

        var text = File.ReadAllText(store.PathFor("dev"));
        Assert.Contains($"\"code_sha256\": \"{codeSha256}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        var store = new DeployedStateStore(_app);
        store.Save(Sample);

        store.Save(Sample.Without<DeployedRestApi>());

        Assert.Null(store.Load("dev")!.Find<DeployedRestApi>());
        Assert.Equal(["dev.json"], Directory.GetFiles(store.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Recording_a_resource_replaces_the_one_of_its_type()
    {
        var state = Sample.With(new DeployedFunction { Name = "api_handler", FunctionName = "s3test-dev", LambdaArn = "arn", CodeSha256 = "new=" });

        Assert.Equal(3, state.Resources.Count);
        Assert.Equal("new=", state.Find<DeployedFunction>()!.CodeSha256);
        Assert.IsType<DeployedFunction>(state.Resources[1]);
    }

    [Fact]
    public void Resources_are_keyed_by_their_logical_name_so_a_stage_can_record_several_of_a_kind()
    {
        var second = new DeployedFunction { Name = "on_upload", FunctionName = "s3test-dev-on_upload", LambdaArn = "arn2" };
        var store = new DeployedStateStore(_app);

        store.Save(Sample.With(second));
        var loaded = store.Load("dev")!;

        Assert.Equal(["default-role", "api_handler", "rest_api", "on_upload"], loaded.Resources.Select(r => r.Name));
        Assert.Equal(second, loaded.Find<DeployedFunction>("on_upload"));
        Assert.Equal("s3test-dev", loaded.Find<DeployedFunction>("api_handler")!.FunctionName);
        Assert.Null(loaded.Find<DeployedRole>("api_handler"));
        Assert.Equal(["default-role", "rest_api", "on_upload"], loaded.Without("api_handler").Resources.Select(r => r.Name));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"app_name":"a","stage":"dev","region":"r","resources":[{"name":"x","resource_type":"sqs_queue"}]}""")]
    public void An_unreadable_state_file_is_a_clear_error(string content)
    {
        var store = new DeployedStateStore(_app);
        Directory.CreateDirectory(store.Directory);
        File.WriteAllText(store.PathFor("dev"), content);

        var error = Assert.Throws<DeployedStateException>(() => store.Load("dev"));

        Assert.StartsWith(Path.Combine(".chalice", "deployed", "dev.json") + " is not a deployment record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_without_a_file_has_no_state()
    {
        Assert.Null(new DeployedStateStore(_app).Load("prod"));
    }

    public void Dispose() => Directory.Delete(_app, recursive: true);
}
