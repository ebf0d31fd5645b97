using Chalice.Local.Sns.Protocol;
using Chalice.Local.Sns.Topics;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.Sns;

/// <summary>
/// Serves SNS's query protocol (a form-encoded <c>POST /</c>, or a GET with the query string, with <c>Action=…</c>;
/// XML responses) for topics, publishing, and <c>sqs</c>/<c>lambda</c> subscriptions
/// (shared/fixtures/aws-models/sns/2010-03-31/service-2.json). It also serves the certificate notifications are signed
/// with, at the <c>SigningCertURL</c> they carry.
/// </summary>
public sealed class SnsRequestHandler : IDisposable
{
    private static readonly Dictionary<string, Func<SnsCall, Task>> s_actions = new(StringComparer.Ordinal)
    {
        ["CreateTopic"] = TopicOperations.CreateAsync,
        ["DeleteTopic"] = TopicOperations.DeleteAsync,
        ["ListTopics"] = TopicOperations.ListAsync,
        ["GetTopicAttributes"] = TopicOperations.GetAttributesAsync,
        ["SetTopicAttributes"] = TopicOperations.SetAttributesAsync,
        ["Subscribe"] = SubscriptionOperations.SubscribeAsync,
        ["Unsubscribe"] = SubscriptionOperations.UnsubscribeAsync,
        ["ListSubscriptions"] = SubscriptionOperations.ListAsync,
        ["ListSubscriptionsByTopic"] = SubscriptionOperations.ListByTopicAsync,
        ["GetSubscriptionAttributes"] = SubscriptionOperations.GetAttributesAsync,
        ["SetSubscriptionAttributes"] = SubscriptionOperations.SetAttributesAsync,
        ["Publish"] = PublishOperations.PublishAsync,
        ["PublishBatch"] = PublishOperations.PublishBatchAsync,
    };

    private readonly SnsStandInOptions _options;
    // Making an RSA key takes tens of milliseconds: only when a notification first needs signing, not at start.
    private readonly Lazy<NotificationSigner> _signer = new(() => new NotificationSigner());
    private readonly SnsPublisher _publisher;

    /// <summary>Opens (or creates) the data folder and creates the known topics.</summary>
    public SnsRequestHandler(SnsStandInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);
        foreach (var name in options.KnownTopics)
        {
            if (!LocalSnsTopics.IsValidName(name))
                throw new ArgumentException($"'{name}' is not a valid SNS topic name.", nameof(options));
        }
        _options = options;
        Topics = new TopicRegistry(options.DataDirectory, options.Region, options.AccountId);
        foreach (var name in options.KnownTopics)
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (name.EndsWith(".fifo", StringComparison.Ordinal))
                attributes["FifoTopic"] = "true";
            if (Topics.Find(Topics.ArnOf(name)) is null)
                Topics.CreateOrGet(name, attributes, new Dictionary<string, string>(StringComparer.Ordinal));
        }
        _publisher = new SnsPublisher(Topics, options, _signer);
    }

    /// <summary>The full path of the data folder.</summary>
    public string DataDirectory => Topics.DataDirectory;

    internal TopicRegistry Topics { get; }

    /// <summary>Serves one SNS request. Never throws for a client's mistake: errors become SNS error responses.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == NotificationSigner.CertificatePath)
        {
            context.Response.ContentType = "application/x-pem-file";
            await context.Response.WriteAsync(_signer.Value.CertificatePem, context.RequestAborted);
            return;
        }
        var action = "-";
        try
        {
            var parameters = await QueryParameters.ReadAsync(context.Request);
            action = parameters.Get("Action") ?? throw new SnsErrorException(400, "MissingAction", "The request must contain the parameter Action.");
            var execute = s_actions.GetValueOrDefault(action) ?? throw SnsErrorException.NotSupportedLocally($"The action {action}");
            await execute(new SnsCall(context, parameters, action, requestId, Topics, _publisher, _options.Clock));
            SnsLog.Request(_options.Logger, action, 200, "-");
        }
        catch (SnsErrorException error) when (!context.Response.HasStarted)
        {
            await SnsXml.WriteErrorAsync(context, error, requestId);
            SnsLog.Request(_options.Logger, action, error.StatusCode, error.Code);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            SnsLog.Failure(_options.Logger, exception, action);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }
            await SnsXml.WriteErrorAsync(context, new SnsErrorException(500, "InternalError", $"The local SNS stand-in failed: {exception.Message}"), requestId);
        }
    }

    /// <summary>Releases the signing key.</summary>
    public void Dispose()
    {
        if (_signer.IsValueCreated)
            _signer.Value.Dispose();
    }
}
