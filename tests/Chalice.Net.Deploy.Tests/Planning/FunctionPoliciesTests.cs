namespace Chalice.Deploy.Tests.Planning;

/// <summary>Each function's policy, and what happens when the analysis and the build disagree on the functions.</summary>
public sealed class FunctionPoliciesTests
{
    [Fact]
    public void A_function_the_analysis_did_not_find_stops_the_deploy_rather_than_get_a_guessed_policy()
    {
        var policies = new FunctionPolicies(new Dictionary<string, string> { ["api_handler"] = "{}", ["resize"] = "{ }" });

        Assert.Equal("{ }", policies.Of("resize"));
        var error = Assert.Throws<InvalidDataException>(() => policies.Of("thumbnail"));
        Assert.StartsWith("The policy analysis found no function 'thumbnail' (it found api_handler, resize)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_without_a_policy_of_their_own_get_the_fallbacks()
    {
        var policies = new FunctionPolicies(new Dictionary<string, string> { ["api_handler"] = "{}" }, function => $"file of {function}");

        Assert.Equal(("{}", "file of resize"), (policies.Of("api_handler"), policies.Of("resize")));
    }
}
