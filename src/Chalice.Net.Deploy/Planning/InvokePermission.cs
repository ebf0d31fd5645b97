using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;

namespace Chalice.Deploy.Planning;

/// <summary>
/// A statement of a function's resource-based policy that lets an AWS service invoke it for one source: EventBridge
/// for a rule, SNS for a topic, S3 for a bucket (with the bucket owner's account, since a bucket ARN names none).
/// Each event source's statement has an id of its own, so that adding, checking and removing one never touches
/// another (https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html).
/// </summary>
/// <param name="StatementId">The statement's id, unique in the function's policy.</param>
/// <param name="Principal">The service that invokes, e.g. <c>events.amazonaws.com</c>.</param>
/// <param name="SourceArn">The rule, topic or bucket it invokes for.</param>
/// <param name="SourceAccount">The account that owns the source, when its ARN names none (S3).</param>
internal sealed record InvokePermission(string StatementId, string Principal, string SourceArn, string? SourceAccount = null)
{
    private const string Action = "lambda:InvokeFunction";

    /// <summary>The id of the statement an event source's resource (e.g. <c>nightly-event</c>) adds.</summary>
    public static string StatementIdFor(string logicalName) => $"chalice-net-{logicalName}";

    /// <summary>Whether <paramref name="policy"/> has this statement as wanted.</summary>
    public bool IsIn(LambdaPolicy? policy) =>
        policy?.Statements.FirstOrDefault(s => s.Sid == StatementId) is { } statement &&
        statement.Principal == Principal && statement.Action == Action && statement.SourceArn == SourceArn &&
        (SourceAccount is null || statement.SourceAccount == SourceAccount);

    /// <summary>Whether <paramref name="policy"/> has a statement of this id (as wanted or not).</summary>
    public bool IdIsIn(LambdaPolicy? policy) => policy?.Statements.Any(s => s.Sid == StatementId) == true;

    /// <summary>
    /// Adds the statement, replacing one of its id that says something else. A replayed add whose first attempt
    /// succeeded (its answer lost) is read back, not made twice.
    /// </summary>
    public async Task AddAsync(ILambdaApi lambda, string functionName, CancellationToken cancellationToken)
    {
        var request = new AddPermissionRequest
        {
            FunctionName = functionName,
            StatementId = StatementId,
            Action = Action,
            Principal = Principal,
            SourceArn = SourceArn,
            SourceAccount = SourceAccount,
        };
        try
        {
            await lambda.AddPermissionAsync(request, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded || e.ErrorCode == "ResourceConflictException")
        {
            var policy = await lambda.GetPolicyAsync(functionName, cancellationToken);
            if (IsIn(policy))
                return;
            if (e.MayHaveSucceeded || !IdIsIn(policy))
                throw;
            // A statement of our id that says something else (another rule, topic or bucket): ours to replace.
            await RemoveAsync(lambda, functionName, StatementId, cancellationToken);
            await lambda.AddPermissionAsync(request, cancellationToken);
        }
    }

    /// <summary>Removes a statement by id; one that is gone already (or whose function is) is no error.</summary>
    public static async Task RemoveAsync(ILambdaApi lambda, string functionName, string statementId, CancellationToken cancellationToken)
    {
        try
        {
            await lambda.RemovePermissionAsync(functionName, statementId, cancellationToken);
        }
        catch (AwsServiceException e) when (e.IsNotFound)
        {
        }
    }
}
