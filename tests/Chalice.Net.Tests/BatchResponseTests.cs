using System.Text;
using System.Text.Json.Nodes;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>
/// Partial batch failures, built as a handler builds them, serialise exactly as aws-lambda-dotnet's samples; each
/// source's record is reported by the identifier Lambda expects: the SQS message id, the Kinesis or DynamoDB sequence
/// number (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html).
/// </summary>
public sealed class BatchResponseTests
{
    [Fact]
    public void SQS_handler_reporting_two_failures_returns_exactly_those_two_ids()
    {
        var sqsEvent = LambdaEventJson.Parse<SqsEvent>(SharedFixtures.ReadText("events/sqs-event.json"));
        var second = LambdaEventJson.Parse<SqsEvent>(SharedFixtures.ReadText("events/sqs-event.json")).Records[0];
        second.MessageId = "MessageID_2";
        var third = LambdaEventJson.Parse<SqsEvent>(SharedFixtures.ReadText("events/sqs-event.json")).Records[0];
        third.MessageId = "MessageID_3";
        sqsEvent.Records.AddRange([second, third]);

        var response = new BatchResponse();
        foreach (var message in sqsEvent.Records.Where(m => m.MessageId != "MessageID_3"))
            response.AddFailure(message);

        Assert.Equal(Expected("events/aws-lambda-dotnet/sqs-response.json"), Written(response));
    }

    [Fact]
    public void DynamoDB_record_is_reported_by_its_sequence_number()
    {
        var record = LambdaEventJson.Parse<DynamoDBEvent>(SharedFixtures.ReadText("events/dynamodb-event.json")).Records[0];

        var response = new BatchResponse();
        response.AddFailure(record);

        Assert.Equal(Expected("events/aws-lambda-dotnet/dynamodb-batchitemfailures-response.json"), Written(response));
    }

    [Fact]
    public void Kinesis_record_is_reported_by_its_sequence_number()
    {
        var kinesisEvent = LambdaEventJson.Parse<KinesisEvent>(SharedFixtures.ReadText("events/kinesis-event.json"));

        var response = new BatchResponse();
        response.AddFailure(kinesisEvent.Records[1]);

        Assert.Equal("49568167373333333334444444444444444444444444444444444444", Assert.Single(response.BatchItemFailures).ItemIdentifier);
        // The sample's shape, with its identifier.
        Assert.Equal(Expected("events/aws-lambda-dotnet/kinesis-batchitemfailures-response.json"),
            Written(BatchResponse.Failures(["1405400000000002063282832"])));
    }

    [Fact]
    public void No_failures_is_an_empty_list()
    {
        // An empty batchItemFailures list means the whole batch succeeded.
        Assert.Equal("""{"batchItemFailures":[]}""", Written(new BatchResponse()));
        Assert.Equal("""{"batchItemFailures":[]}""", Written(BatchResponse.Failures([])));
    }

    [Fact]
    public void A_response_without_the_list_reads_as_no_failures() =>
        Assert.Empty(LambdaEventJson.Parse<BatchResponse>("{}").BatchItemFailures);

    private static string Expected(string fixture) => LambdaEventFixtureTests.Minified(SharedFixtures.ReadText(fixture));

    private static string Written(BatchResponse response) => Encoding.UTF8.GetString(LambdaEventJson.Serialize(response));
}
