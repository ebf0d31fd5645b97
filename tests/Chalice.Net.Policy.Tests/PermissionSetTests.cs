using Chalice.Policy.Documents;
using Chalice.Policy.Resources;

namespace Chalice.Policy.Tests;

public sealed class PermissionSetTests
{
    [Fact]
    public void The_logs_statement_comes_first_then_statements_by_Sid_with_sorted_actions()
    {
        var permissions = new PermissionSet();
        permissions.Add("sqs:SendMessage", ResourceGrant.Any);
        permissions.Add("s3:PutObject", new ResourceGrant("Objects", ["arn:aws:s3:::b/*"]));
        permissions.Add("s3:GetObject", new ResourceGrant("Objects", ["arn:aws:s3:::b/*"]));

        var statements = permissions.ToStatements();

        Assert.Equal(["CloudWatchLogs", "S3Objects", "Sqs"], statements.Select(s => s.Sid));
        Assert.Equal(["s3:GetObject", "s3:PutObject"], statements[1].Actions);
    }

    [Fact]
    public void Actions_on_different_resources_get_numbered_statements_of_the_same_scope()
    {
        var permissions = new PermissionSet();
        permissions.Add("s3:GetObject", new ResourceGrant("Objects", ["arn:aws:s3:::a/*"]));
        permissions.Add("s3:PutObject", new ResourceGrant("Objects", ["arn:aws:s3:::b/*"]));

        var statements = permissions.ToStatements();

        Assert.Equal(["CloudWatchLogs", "S3Objects1", "S3Objects2"], statements.Select(s => s.Sid));
        Assert.Equal(["s3:GetObject"], statements[1].Actions);
        Assert.Equal(["arn:aws:s3:::b/*"], statements[2].Resources);
    }

    [Fact]
    public void An_action_allowed_on_every_resource_is_not_repeated_on_narrower_ones()
    {
        var permissions = new PermissionSet();
        permissions.Add("s3:GetObject", new ResourceGrant("Objects", ["arn:aws:s3:::a/*"]));
        permissions.Add("s3:GetObject", ResourceGrant.Any);

        var statement = Assert.Single(permissions.ToStatements(), s => s.Sid != "CloudWatchLogs");

        Assert.Equal(("S3", "*"), (statement.Sid, Assert.Single(statement.Resources)));
    }

    [Fact]
    public void A_resource_matched_by_a_wildcard_of_the_same_action_is_dropped()
    {
        var permissions = new PermissionSet();
        permissions.Add("s3:GetObject", new ResourceGrant("Objects", ["arn:aws:s3:::a/*"]));
        permissions.Add("s3:GetObject", new ResourceGrant("Objects", ["arn:aws:s3:::a/reports/*", "arn:aws:s3:::a/x.json", "arn:aws:s3:::ab/y"]));

        var statement = Assert.Single(permissions.ToStatements(), s => s.Sid != "CloudWatchLogs");

        Assert.Equal(["arn:aws:s3:::a/*", "arn:aws:s3:::ab/y"], statement.Resources);
    }

    [Fact]
    public void Sids_are_alphanumeric_even_for_hyphenated_prefixes()
    {
        var permissions = new PermissionSet();
        permissions.Add("s3-object-lambda:WriteGetObjectResponse", ResourceGrant.Any);

        Assert.Equal("S3ObjectLambda", permissions.ToStatements()[1].Sid);
    }
}
