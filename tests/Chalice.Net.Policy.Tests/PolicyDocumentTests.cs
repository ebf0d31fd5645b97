using System.Text.Json.Nodes;
using Chalice.Policy.Documents;

namespace Chalice.Policy.Tests;

public sealed class PolicyDocumentTests
{
    [Fact]
    public void Json_is_two_space_indented_with_a_final_newline_and_readable_characters()
    {
        var document = new PolicyDocument([new PolicyStatement("S3Objects", ["s3:GetObject"], ["arn:aws:s3:::b/a+b<c>é"]).ToJson()]);

        Assert.Equal("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "S3Objects",
                  "Effect": "Allow",
                  "Action": [
                    "s3:GetObject"
                  ],
                  "Resource": [
                    "arn:aws:s3:::b/a+b<c>é"
                  ]
                }
              ]
            }

            """, document.ToJson());
    }

    [Fact]
    public void A_valid_user_policy_parses_with_a_single_statement_object_and_keeps_its_conditions()
    {
        var document = PolicyDocument.Parse("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "NotAction": "s3:*", "Resource": ["*"],
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}}}
            """, "policy-dev.json");

        var statement = Assert.Single(document.Statements);
        Assert.NotNull(statement["Condition"]);
    }

    [Theory]
    [InlineData("not json", "p.json is not valid JSON")]
    [InlineData("[]", "p.json must contain a JSON object")]
    [InlineData("{}", "p.json has no \"Statement\".")]
    [InlineData("""{"Statement": []}""", "p.json: \"Statement\" must be an object or a non-empty list of objects.")]
    [InlineData("""{"Statement": [1]}""", "p.json: Statement[0] must be an object.")]
    [InlineData("""{"Version": "2020-01-01", "Statement": []}""", "p.json: \"Version\" must be \"2012-10-17\"")]
    [InlineData("""{"Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]}""", "p.json: Statement[0]: \"Effect\" must be \"Allow\" or \"Deny\".")]
    [InlineData("""{"Statement": [{"Effect": "Allow", "Resource": "*"}]}""", "p.json: Statement[0] must have exactly one of \"Action\" and \"NotAction\".")]
    [InlineData("""{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}""", "p.json: Statement[0] must have exactly one of \"Resource\" and \"NotResource\".")]
    [InlineData("""{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", 3], "Resource": "*"}]}""", "p.json: Statement[0]: \"Action\" must be a string or a non-empty list of strings.")]
    [InlineData("""{"Statement": [{"Sid": "A", "Effect": "Allow", "Action": "a:B", "Resource": "*"}, {"Sid": "A", "Effect": "Allow", "Action": "a:C", "Resource": "*"}]}""", "p.json: Sid \"A\" is used by more than one statement.")]
    public void An_invalid_user_policy_is_a_clear_error(string json, string message)
    {
        var error = Assert.Throws<InvalidPolicyException>(() => PolicyDocument.Parse(json, "p.json"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_appends_extra_statements_and_a_matching_Sid_replaces_the_generated_one()
    {
        var generated = new PolicyDocument([
            PermissionSet.LogsStatement.ToJson(),
            new PolicyStatement("S3Objects", ["s3:GetObject"], ["arn:aws:s3:::b/k"]).ToJson(),
        ]);
        var extra = PolicyDocument.Parse("""
            {"Statement": [
              {"Sid": "S3Objects", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
              {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}
            ]}
            """, "merge.json");

        var merged = PolicyGenerator.Merge(generated, extra);

        Assert.Equal(["CloudWatchLogs", "S3Objects", null], merged.Statements.Select(s => s["Sid"]?.GetValue<string>()));
        Assert.Equal("arn:aws:s3:::b/*", merged.Statements[1]["Resource"]!.GetValue<string>());
        Assert.Equal("kms:Decrypt", merged.Statements[2]["Action"]!.GetValue<string>());
    }

    [Fact]
    public void Statements_are_copied_so_callers_cannot_change_a_parsed_document()
    {
        var source = new JsonObject { ["Effect"] = "Allow", ["Action"] = "a:B", ["Resource"] = "*" };
        var document = new PolicyDocument([source]);

        source["Action"] = "a:Changed";

        Assert.Contains("\"a:B\"", document.ToJson(), StringComparison.Ordinal);
    }
}
