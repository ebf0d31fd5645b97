using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Encodings.Web;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>
/// The wire types of every Lambda event source, of authorizers and of their responses against AWS's own samples
/// (shared/fixtures/events: aws-lambda-go's events/testdata and aws-lambda-dotnet's EventsTests.Shared): each sample
/// reads into its type with every member modelled, and writes back to the same JSON, so nothing is lost on the way.
/// </summary>
public sealed class LambdaEventFixtureTests
{
    /// <summary>Each AWS sample and the type that reads it.</summary>
    private static readonly Dictionary<string, Func<byte[], (object Value, byte[] Json)>> s_samples = new()
    {
        ["events/s3-event.json"] = RoundTrip<S3Event>,
        ["events/sqs-event.json"] = RoundTrip<SqsEvent>,
        ["events/sns-event.json"] = RoundTrip<SnsEvent>,
        ["events/kinesis-event.json"] = RoundTrip<KinesisEvent>,
        ["events/dynamodb-event.json"] = RoundTrip<DynamoDBEvent>,
        ["events/aws-lambda-dotnet/scheduled-event.json"] = RoundTrip<EventBridgeEvent>,
        ["events/aws-lambda-dotnet/cloudwatchevents-s3objectcreated.json"] = RoundTrip<EventBridgeEvent>,
        ["events/aws-lambda-dotnet/cloudwatchevents-s3objectdeleted.json"] = RoundTrip<EventBridgeEvent>,
        ["events/aws-lambda-dotnet/sqs-response.json"] = RoundTrip<BatchResponse>,
        ["events/aws-lambda-dotnet/kinesis-batchitemfailures-response.json"] = RoundTrip<BatchResponse>,
        ["events/aws-lambda-dotnet/dynamodb-batchitemfailures-response.json"] = RoundTrip<BatchResponse>,
        ["events/apigw-custom-auth-request.json"] = RoundTrip<ApiGatewayAuthorizerRequest>,
        ["events/apigw-custom-auth-request-type-request.json"] = RoundTrip<ApiGatewayAuthorizerRequest>,
        ["events/apigw-v2-custom-authorizer-v1-request.json"] = RoundTrip<ApiGatewayAuthorizerRequest>,
        ["events/apigw-v2-custom-authorizer-v2-request.json"] = RoundTrip<HttpApiV2AuthorizerRequest>,
        ["events/aws-lambda-dotnet/custom-authorizer-v2-request.json"] = RoundTrip<HttpApiV2AuthorizerRequest>,
        ["events/apigw-custom-auth-response.json"] = RoundTrip<ApiGatewayAuthorizerResponse>,
        ["events/aws-lambda-dotnet/custom-authorizer-v2-iam-response.json"] = RoundTrip<ApiGatewayAuthorizerResponse>,
        ["events/aws-lambda-dotnet/custom-authorizer-v2-simple-response.json"] = RoundTrip<HttpApiV2AuthorizerSimpleResponse>,
    };

    /// <summary>The responses a function returns: these must come out byte for byte as AWS's samples (minified).</summary>
    private static readonly HashSet<string> s_responses =
    [
        "events/aws-lambda-dotnet/sqs-response.json",
        "events/aws-lambda-dotnet/kinesis-batchitemfailures-response.json",
        "events/aws-lambda-dotnet/dynamodb-batchitemfailures-response.json",
        "events/apigw-custom-auth-response.json",
        "events/aws-lambda-dotnet/custom-authorizer-v2-iam-response.json",
        "events/aws-lambda-dotnet/custom-authorizer-v2-simple-response.json",
    ];

    public static TheoryData<string> Samples() => new(s_samples.Keys);

    public static TheoryData<string> Responses() => new(s_responses);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_round_trips_with_no_member_lost(string fixture)
    {
        var text = SharedFixtures.ReadText(fixture);
        var (value, json) = s_samples[fixture](Encoding.UTF8.GetBytes(text));

        JsonAssert.EquivalentIgnoringNulls(JsonNode.Parse(text), JsonNode.Parse(json));
        // Kept is not enough: every member of AWS's sample has a typed home, so handlers can read it.
        Assert.Empty(UnmodelledMembers(value, "$"));
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void Response_serializes_exactly_as_the_sample(string fixture)
    {
        var text = SharedFixtures.ReadText(fixture);
        var (_, json) = s_samples[fixture](Encoding.UTF8.GetBytes(text));

        Assert.Equal(Minified(text), Encoding.UTF8.GetString(json));
    }

    /// <summary>A sample minified: its members in their order, no whitespace, text escaped only where JSON requires.</summary>
    internal static string Minified(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static (object, byte[]) RoundTrip<T>(byte[] json) where T : class
    {
        var value = LambdaEventJson.Parse<T>(json);
        return (value, LambdaEventJson.Serialize(value));
    }

    /// <summary>The paths of members that landed in an <c>AdditionalProperties</c> bag instead of a typed member.</summary>
    private static IEnumerable<string> UnmodelledMembers(object? value, string path)
    {
        if (value is null || value is string or byte[] or JsonNode or JsonElement || value.GetType().IsPrimitive || value is DateTime)
            yield break;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
                foreach (var found in UnmodelledMembers(entry.Value, $"{path}.{entry.Key}"))
                    yield return found;
            yield break;
        }
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
                foreach (var found in UnmodelledMembers(item, $"{path}[{i++}]"))
                    yield return found;
            yield break;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null)
            {
                if (property.GetValue(value) is IDictionary { Count: > 0 } extra)
                    foreach (var name in extra.Keys)
                        yield return $"{path}.{name}";
            }
            else if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } wireName)
            {
                foreach (var found in UnmodelledMembers(property.GetValue(value), $"{path}.{wireName.Name}"))
                    yield return found;
            }
        }
    }
}
