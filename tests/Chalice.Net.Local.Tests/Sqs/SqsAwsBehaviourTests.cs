using System.Net;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Chalice.Local.Tests.Sqs;

/// <summary>
/// AWS behaviours that moto 5.2.1 does not have, so SqsDifferentialTests cannot compare them; each test cites the AWS
/// source the stand-in follows.
/// </summary>
public sealed class SqsAwsBehaviourTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_attributes_and_out_of_range_values_are_refused_at_creation()
    {
        await using var session = await SqsStandInSession.StartAsync();
        using var sqs = SqsTestClients.For(session.Endpoint);

        // CreateQueue's documented errors: InvalidAttributeName "The specified attribute doesn't exist", and
        // InvalidAttributeValue; VisibilityTimeout's valid values are 0 to 43,200
        // (shared/fixtures/aws-models/sqs/2012-11-05/service-2.json). moto accepts both.
        var unknown = await Assert.ThrowsAsync<InvalidAttributeNameException>(() =>
            sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "q", Attributes = new() { ["Colour"] = "blue" } }, Ct));
        var outOfRange = await Assert.ThrowsAsync<InvalidAttributeValueException>(() =>
            sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "q", Attributes = new() { ["VisibilityTimeout"] = "43201" } }, Ct));
        // A standard queue's name cannot end in .fifo: '.' is not among its allowed characters (CreateQueue, QueueName).
        var fifoName = await Assert.ThrowsAsync<AmazonSQSException>(() => sqs.CreateQueueAsync("standard.fifo", Ct));

        Assert.Equal("InvalidAttributeName", unknown.ErrorCode);
        Assert.Equal("InvalidAttributeValue", outOfRange.ErrorCode);
        Assert.Equal(("InvalidParameterValue", HttpStatusCode.BadRequest), (fifoName.ErrorCode, fifoName.StatusCode));
        Assert.Null((await sqs.ListQueuesAsync(new ListQueuesRequest(), Ct)).QueueUrls);
    }

    [Fact]
    public async Task A_receipt_handle_sqs_never_issued_is_receipt_handle_is_invalid_with_status_404()
    {
        await using var session = await SqsStandInSession.StartAsync("q");
        using var sqs = SqsTestClients.For(session.Endpoint);
        var url = (await sqs.GetQueueUrlAsync("q", Ct)).QueueUrl;

        // AWS's Smithy model gives ReceiptHandleIsInvalid httpError 404 and query code ReceiptHandleIsInvalid
        // (aws/api-models-aws models/sqs/service/2012-11-05/sqs-2012-11-05.json); moto answers 400.
        var error = await Assert.ThrowsAsync<ReceiptHandleIsInvalidException>(() => sqs.DeleteMessageAsync(url, "not-a-receipt-handle", Ct));

        Assert.Equal((HttpStatusCode.NotFound, "ReceiptHandleIsInvalid"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task Changing_the_visibility_of_a_deleted_message_is_invalid_parameter_value()
    {
        await using var session = await SqsStandInSession.StartAsync("q");
        using var sqs = SqsTestClients.For(session.Endpoint);
        var url = (await sqs.GetQueueUrlAsync("q", Ct)).QueueUrl;
        await sqs.SendMessageAsync(url, "m", Ct);
        var handle = (await sqs.ReceiveMessageAsync(url, Ct)).Messages[0].ReceiptHandle;
        await sqs.DeleteMessageAsync(url, handle, Ct);

        // AWS answers a handle it issued whose message is gone with InvalidParameterValue ("Message does not exist or
        // is not available for visibility timeout change", seen from AWS in mapbox/ecs-watchbot#135; an AWS SDK
        // engineer confirms the code in aws/aws-sdk-java#1628); moto says ReceiptHandleIsInvalid.
        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => sqs.ChangeMessageVisibilityAsync(url, handle, 10, Ct));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("Message does not exist or is not available for visibility timeout change", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_queues_pages_with_max_results_and_next_token()
    {
        await using var session = await SqsStandInSession.StartAsync("q-1", "q-2", "q-3", "q-4", "q-5", "other");
        using var sqs = SqsTestClients.For(session.Endpoint);

        // ListQueues: "If you set MaxResults and there are additional results to display, the response includes a value
        // for NextToken" (ListQueues documentation). moto 5.2.1 ignores MaxResults.
        var pages = new List<List<string>>();
        string? token = null;
        do
        {
            var page = await sqs.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = "q-", MaxResults = 2, NextToken = token }, Ct);
            pages.Add([.. page.QueueUrls.Select(u => u[(u.LastIndexOf('/') + 1)..])]);
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal([["q-1", "q-2"], ["q-3", "q-4"], ["q-5"]], pages);
        await Assert.ThrowsAsync<AmazonSQSException>(() => sqs.ListQueuesAsync(new ListQueuesRequest { MaxResults = 1001 }, Ct));
    }

    [Fact]
    public async Task A_second_purge_within_a_minute_is_purge_queue_in_progress_and_a_deleted_name_waits_a_minute()
    {
        await using var session = await SqsStandInSession.StartAsync("q");
        using var sqs = SqsTestClients.For(session.Endpoint);
        var url = (await sqs.GetQueueUrlAsync("q", Ct)).QueueUrl;

        // PurgeQueueInProgress: "the specified queue previously received a PurgeQueue request within the last 60
        // seconds"; QueueDeletedRecently: "You must wait 60 seconds after deleting a queue before you can create
        // another queue with the same name" (both in the SQS model). moto has neither.
        await sqs.PurgeQueueAsync(url, Ct);
        var purge = await Assert.ThrowsAsync<PurgeQueueInProgressException>(() => sqs.PurgeQueueAsync(url, Ct));
        await sqs.DeleteQueueAsync(url, Ct);
        var recreate = await Assert.ThrowsAsync<QueueDeletedRecentlyException>(() => sqs.CreateQueueAsync("q", Ct));

        Assert.Equal((HttpStatusCode.Forbidden, "AWS.SimpleQueueService.PurgeQueueInProgress"), (purge.StatusCode, purge.ErrorCode));
        Assert.Equal("AWS.SimpleQueueService.QueueDeletedRecently", recreate.ErrorCode);
    }

    [Fact]
    public async Task Characters_outside_the_allowed_set_are_invalid_message_contents()
    {
        await using var session = await SqsStandInSession.StartAsync("q");
        using var sqs = SqsTestClients.For(session.Endpoint);
        var url = (await sqs.GetQueueUrlAsync("q", Ct)).QueueUrl;

        // SendMessage: "#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF ... If a message
        // contains characters outside the allowed set, Amazon SQS rejects the message and returns an
        // InvalidMessageContents error."
        var error = await Assert.ThrowsAsync<InvalidMessageContentsException>(() => sqs.SendMessageAsync(url, "bell \u0007", Ct));
        var allowed = await sqs.SendMessageAsync(url, "tab\t newline\n emoji \U0001F600", Ct);

        Assert.Equal("InvalidMessageContents", error.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, allowed.HttpStatusCode);
    }

    [Fact]
    public async Task A_fifo_duplicate_answers_with_the_first_message_and_the_dead_letter_copy_names_its_source()
    {
        await using var session = await SqsStandInSession.StartAsync();
        using var sqs = SqsTestClients.For(session.Endpoint);
        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "d.fifo", Attributes = new() { ["FifoQueue"] = "true" } }, Ct)).QueueUrl;

        var first = await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "a", MessageGroupId = "g", MessageDeduplicationId = "same" }, Ct);
        var second = await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "b", MessageGroupId = "g", MessageDeduplicationId = "same" }, Ct);

        // The duplicate is "accepted successfully but [isn't] delivered"; the stand-in answers with the id of the
        // message that was (moto makes up a new one).
        Assert.Equal((first.MessageId, first.SequenceNumber), (second.MessageId, second.SequenceNumber));
        Assert.Equal(second.MD5OfMessageBody, Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("b"u8)));

        var dlq = (await sqs.CreateQueueAsync("dlq", Ct)).QueueUrl;
        var dlqArn = (await sqs.GetQueueAttributesAsync(dlq, ["QueueArn"], Ct)).QueueARN;
        var source = (await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = "src", Attributes = new() { ["RedrivePolicy"] = $"{{\"deadLetterTargetArn\":\"{dlqArn}\",\"maxReceiveCount\":\"1\"}}" },
        }, Ct)).QueueUrl;
        await sqs.SendMessageAsync(source, "poison", Ct);
        await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = source, VisibilityTimeout = 0 }, Ct);
        Assert.Null((await sqs.ReceiveMessageAsync(source, Ct)).Messages);
        var moved = (await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = dlq, MessageSystemAttributeNames = ["All"] }, Ct)).Messages.Single();

        // ReceiveMessage's DeadLetterQueueSourceArn: "Returns the source ARN of the dead-letter queue."
        Assert.Equal((await sqs.GetQueueAttributesAsync(source, ["QueueArn"], Ct)).QueueARN, moved.Attributes["DeadLetterQueueSourceArn"]);
    }
}
