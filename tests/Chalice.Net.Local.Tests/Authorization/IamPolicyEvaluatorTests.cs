using Chalice.Events;
using Chalice.Gateway.Authorization;

namespace Chalice.Local.Tests.Authorization;

/// <summary>
/// API Gateway's evaluation of a Lambda authorizer's policy against the method ARN called. The rules and their sources:
/// an explicit Deny wins and no matching Allow is a deny (IAM's evaluation logic,
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html); <c>*</c> and <c>?</c>
/// match within a colon-separated segment, a <c>*</c> ending a segment also across colons, resources case-sensitively
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html); actions compare
/// case-insensitively (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html); the
/// ARN is arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/VERB/PATH, where "*/*" style wildcards cover every path
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html,
/// https://repost.aws/knowledge-center/api-gateway-lambda-authorization-errors).
/// </summary>
public sealed class IamPolicyEvaluatorTests
{
    private const string Arn = "arn:aws:execute-api:us-east-1:123456789012:local/api/GET/orders/42";
    private const string Base = "arn:aws:execute-api:us-east-1:123456789012:local/api";

    public static TheoryData<string, string, string> Cases => new()
    {
        // name, statements as Effect|Action|Resource (resources separated by ','), expected decision
        { "exact allow", $"Allow|execute-api:Invoke|{Arn}", "Allow" },
        { "no statement matches", $"Allow|execute-api:Invoke|{Base}/GET/orders/43", "ImplicitDeny" },
        { "empty resource list (Chalice's routes=[])", "Allow|execute-api:Invoke|", "ImplicitDeny" },
        { "no statements at all", "", "ImplicitDeny" },
        { "explicit deny", $"Deny|execute-api:Invoke|{Arn}", "ExplicitDeny" },
        { "deny wins over an allow before it", $"Allow|execute-api:Invoke|*;Deny|execute-api:Invoke|{Arn}", "ExplicitDeny" },
        { "deny wins over an allow after it", $"Deny|execute-api:Invoke|{Base}/GET/*;Allow|execute-api:Invoke|{Arn}", "ExplicitDeny" },
        { "a deny of another method leaves the allow", $"Allow|execute-api:Invoke|{Base}/*/*;Deny|execute-api:Invoke|{Base}/DELETE/*", "Allow" },
        { "star alone", "Allow|execute-api:Invoke|*", "Allow" },
        { "star for every method and path", $"Allow|execute-api:Invoke|{Base}/*/*", "Allow" },
        { "star in the verb", $"Allow|execute-api:Invoke|{Base}/*/orders/42", "Allow" },
        { "trailing star covers deeper paths", $"Allow|execute-api:Invoke|{Base}/GET/orders/*", "Allow" },
        { "a path without the star is exact", $"Allow|execute-api:Invoke|{Base}/GET/orders", "ImplicitDeny" },
        { "question mark is one character", $"Allow|execute-api:Invoke|{Base}/GET/orders/4?", "Allow" },
        { "question mark is not two characters", $"Allow|execute-api:Invoke|{Base}/GET/orders/?", "ImplicitDeny" },
        { "wildcard region and account segments", "Allow|execute-api:Invoke|arn:aws:execute-api:*:*:local/api/GET/orders/42", "Allow" },
        { "a star ending a segment matches across colons", "Allow|execute-api:Invoke|arn:aws:execute-api:*", "Allow" },
        { "a star inside a segment matches within it", "Allow|execute-api:Invoke|arn:aws:execute-api:us-*-1:123456789012:local/api/GET/orders/42", "Allow" },
        { "a star inside a segment does not cross a colon", "Allow|execute-api:Invoke|arn:aws:*api:123456789012:local/api/GET/orders/42", "ImplicitDeny" },
        { "a star ending a segment may cross colons", "Allow|execute-api:Invoke|arn:aws:execute-*:123456789012:local/api/GET/orders/42", "Allow" },
        { "another stage", $"Allow|execute-api:Invoke|arn:aws:execute-api:us-east-1:123456789012:local/prod/GET/orders/42", "ImplicitDeny" },
        { "another API", "Allow|execute-api:Invoke|arn:aws:execute-api:us-east-1:123456789012:other/api/GET/orders/42", "ImplicitDeny" },
        { "resources compare case-sensitively", $"Allow|execute-api:Invoke|{Base}/get/orders/42", "ImplicitDeny" },
        { "actions compare case-insensitively", $"Allow|Execute-API:invoke|{Arn}", "Allow" },
        { "action wildcard", $"Allow|execute-api:*|{Arn}", "Allow" },
        { "another action does not apply", $"Allow|execute-api:ManageConnections|{Arn}", "ImplicitDeny" },
        { "a deny of another action does not apply", $"Allow|execute-api:Invoke|{Arn};Deny|execute-api:ManageConnections|{Arn}", "Allow" },
        { "one of several resources matches", $"Allow|execute-api:Invoke|{Base}/POST/orders,{Arn}", "Allow" },
        { "one of several actions matches", $"Allow|s3:GetObject,execute-api:Invoke|{Arn}", "Allow" },
        { "root path resource", $"Allow|execute-api:Invoke|{Base}/GET/", "ImplicitDeny" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_policy_decides_as_API_Gateway_does(string name, string statements, string expected)
    {
        var policy = Policy(statements);
        Assert.True(Enum.Parse<PolicyDecision>(expected) == IamPolicyEvaluator.Evaluate(policy, Arn), name);
    }

    [Fact]
    public void The_root_path_has_an_ARN_ending_in_its_verb_and_a_slash() =>
        Assert.Equal(PolicyDecision.Allow, IamPolicyEvaluator.Evaluate(Policy($"Allow|execute-api:Invoke|{Base}/GET/"), $"{Base}/GET/"));

    [Theory]
    [InlineData("allow")] // Effect is case-sensitive in IAM: "Allow" or "Deny"
    [InlineData("Permit")]
    public void An_effect_other_than_Allow_or_Deny_is_malformed(string effect)
    {
        var policy = new IamPolicyDocument { Statement = [new IamPolicyStatement { Effect = effect, Action = "execute-api:Invoke", Resource = "*" }] };
        Assert.Throws<MalformedPolicyException>(() => IamPolicyEvaluator.Evaluate(policy, Arn));
    }

    [Fact]
    public void A_statement_without_action_or_resource_is_malformed()
    {
        Assert.Throws<MalformedPolicyException>(() => IamPolicyEvaluator.Evaluate(
            new IamPolicyDocument { Statement = [new IamPolicyStatement { Effect = "Allow", Resource = "*" }] }, Arn));
        Assert.Throws<MalformedPolicyException>(() => IamPolicyEvaluator.Evaluate(
            new IamPolicyDocument { Statement = [new IamPolicyStatement { Effect = "Allow", Action = "execute-api:Invoke" }] }, Arn));
        Assert.Throws<MalformedPolicyException>(() => IamPolicyEvaluator.Evaluate(null, Arn));
    }

    [Fact]
    public void A_condition_is_refused_rather_than_ignored()
    {
        var policy = LambdaEventJson.Parse<ApiGatewayAuthorizerResponse>("""
            {"principalId":"u","policyDocument":{"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}}
            """).PolicyDocument;
        var e = Assert.Throws<MalformedPolicyException>(() => IamPolicyEvaluator.Evaluate(policy, Arn));
        Assert.Contains("Condition", e.Message);
    }

    [Fact]
    public void Long_hostile_patterns_are_evaluated_quickly()
    {
        // A pattern of many stars that cannot match: an exponential matcher would never finish.
        var pattern = string.Concat(Enumerable.Repeat("*a", 200)) + "b";
        var value = new string('a', 2_000);
        Assert.False(IamPolicyEvaluator.ArnMatches(pattern, value));
    }

    private static IamPolicyDocument Policy(string statements) => new()
    {
        Version = "2012-10-17",
        Statement = statements.Length == 0
            ? []
            : statements.Split(';').Select(s => s.Split('|')).Select(p => new IamPolicyStatement
            {
                Effect = p[0],
                Action = p[1].Contains(',') ? IamPolicyValues.Create(p[1].Split(',')) : p[1],
                Resource = p[2].Length == 0 ? IamPolicyValues.Create([]) : p[2].Contains(',') ? IamPolicyValues.Create(p[2].Split(',')) : p[2],
            }).ToList(),
    };
}
