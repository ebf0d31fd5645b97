using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.AuthApp;
using Chalice.Gateway;
using Chalice.Gateway.Authorization;
using Chalice.Testing;
using Chalice.Project.LocalTokens;

namespace Chalice.Local.Tests.Authorization;

/// <summary>
/// Cognito user pool (REST) and JWT (HTTP API) authorizers through the test client, with tokens its local key signs:
/// allowed, missing, refused and hostile tokens get API Gateway's answers (their sources are on
/// GatewayErrors.InvalidToken and TokenAuthorizers), and the handler sees the claims where API Gateway puts them.
/// </summary>
public sealed class TokenAuthorizerTests
{
    private static readonly GatewayOptions s_httpApi = new() { ApiType = ApiGatewayType.HttpPayloadV2 };

    private static KeyValuePair<string, string>[] Bearer(string token) => [new("Authorization", "Bearer " + token)];

    private static KeyValuePair<string, string>[] Raw(string token) => [new("Authorization", token)];

    [Fact]
    public async Task A_Cognito_ID_token_reaches_the_handler_with_its_claims_as_strings()
    {
        await using var client = ChaliceTestClient.Create<App>();
        var token = client.CreateToken("users", "alice", groups: ["admin", "editors"], claims: [new("email", "alice@example.com")]);

        var response = await client.GetAsync("/profile", Raw(token));

        Assert.Equal(200, response.StatusCode);
        var claims = response.Json!["authorizer"]!["claims"]!;
        Assert.Equal("alice", claims["cognito:username"]!.GetValue<string>());
        Assert.Equal("[admin editors]", claims["cognito:groups"]!.GetValue<string>());
        Assert.Equal("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123", claims["iss"]!.GetValue<string>());
        Assert.Equal("id", claims["token_use"]!.GetValue<string>());
        Assert.Equal("alice@example.com", claims["email"]!.GetValue<string>());
        Assert.Matches("^[0-9]+$", claims["exp"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", claims["sub"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_Cognito_token_is_401_Unauthorized()
    {
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.GetAsync("/profile");

        AssertRestUnauthorized(response, """{"message":"Unauthorized"}""");
    }

    [Fact]
    public async Task An_expired_Cognito_token_is_401_with_API_Gateways_expiry_message()
    {
        await using var client = ChaliceTestClient.Create<App>();
        var token = client.CreateToken("users", "alice", lifetime: TimeSpan.FromMinutes(-1));

        var response = await client.GetAsync("/profile", Raw(token));

        AssertRestUnauthorized(response, """{"message":"The incoming token has expired"}""");
    }

    [Theory]
    [InlineData("iss", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")]
    [InlineData("token_use", "access")]
    public async Task A_Cognito_token_of_another_pool_or_use_is_401_Unauthorized(string claim, string value)
    {
        await using var client = ChaliceTestClient.Create<App>();
        var token = client.CreateToken("users", "alice", claims: [new(claim, value)]);

        var response = await client.GetAsync("/profile", Raw(token));

        AssertRestUnauthorized(response, """{"message":"Unauthorized"}""");
    }

    [Fact]
    public async Task A_REST_Cognito_authorizer_takes_the_token_alone_not_after_Bearer()
    {
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.GetAsync("/profile", Bearer(client.CreateToken("users", "alice")));

        AssertRestUnauthorized(response, """{"message":"Unauthorized"}""");
    }

    [Fact]
    public async Task A_JWT_reaches_the_handler_with_its_claims_and_scopes()
    {
        await using var client = ChaliceTestClient.Create<App>(gateway: s_httpApi);
        var token = client.CreateToken("jwt", "bob", claims: [new("scope", "orders/read orders/write")]);

        var response = await client.GetAsync("/jwt", Bearer(token));

        Assert.Equal(200, response.StatusCode);
        var jwt = response.Json!["authorizer"]!["jwt"]!;
        Assert.Equal("bob", jwt["claims"]!["sub"]!.GetValue<string>());
        Assert.Equal("orders-api", jwt["claims"]!["aud"]!.GetValue<string>());
        Assert.Equal("https://issuer.example.com/", jwt["claims"]!["iss"]!.GetValue<string>());
        Assert.Equal("""["orders/read","orders/write"]""", jwt["scopes"]!.ToJsonString());
    }

    [Fact]
    public async Task A_JWT_may_come_without_Bearer()
    {
        await using var client = ChaliceTestClient.Create<App>(gateway: s_httpApi);

        var response = await client.GetAsync("/jwt", Raw(client.CreateToken("jwt", "bob")));

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Without_aud_a_JWTs_client_id_is_its_audience()
    {
        await using var client = ChaliceTestClient.Create<App>(gateway: s_httpApi);
        var token = Resigned(client.CreateToken("jwt", "bob"), payload => { payload.Remove("aud"); payload["client_id"] = "orders-api"; }, client);

        var response = await client.GetAsync("/jwt", Bearer(token));

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_JWT_is_401_Unauthorized()
    {
        await using var client = ChaliceTestClient.Create<App>(gateway: s_httpApi);

        var response = await client.GetAsync("/jwt");

        Assert.Equal((401, """{"message":"Unauthorized"}"""), (response.StatusCode, response.BodyText));
        Assert.Null(response.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task A_JWT_for_another_audience_is_401_with_the_documented_www_authenticate()
    {
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html
        await using var client = ChaliceTestClient.Create<App>(gateway: s_httpApi);

        var response = await client.GetAsync("/jwt", Bearer(client.CreateToken("jwt", "bob", claims: [new("aud", "another-api")])));

        Assert.Equal((401, """{"message":"Unauthorized"}"""), (response.StatusCode, response.BodyText));
        Assert.Equal("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\"",
            response.Header("www-authenticate"));
    }

    [Theory]
    [InlineData("wrong issuer", "the token does not have a valid issuer")]
    [InlineData("expired", "the token has expired")]
    [InlineData("not yet valid", "the token is not valid yet")]
    [InlineData("forged signature", "the token's signature is invalid")]
    [InlineData("alg none", "signing method none is invalid")]
    [InlineData("HS256 keyed with the public key", "signing method HS256 is invalid")]
    [InlineData("garbage", "the token is malformed")]
    [InlineData("oversized", "the token is malformed")]
    public async Task A_refused_JWT_is_401_and_www_authenticate_says_why(string kind, string description)
    {
        await using var client = ChaliceTestClient.Create<App>(gateway: s_httpApi);
        var token = Hostile(kind, client, "jwt");

        var response = await client.GetAsync("/jwt", Bearer(token));

        Assert.Equal((401, """{"message":"Unauthorized"}"""), (response.StatusCode, response.BodyText));
        Assert.Equal($"Bearer scope=\"\" error=\"invalid_token\" error_description=\"{description}\"", response.Header("www-authenticate"));
    }

    [Theory]
    [InlineData("forged signature")]
    [InlineData("alg none")]
    [InlineData("HS256 keyed with the public key")]
    [InlineData("garbage")]
    [InlineData("oversized")]
    [InlineData("wrong issuer")]
    public async Task A_hostile_Cognito_token_is_401_Unauthorized(string kind)
    {
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.GetAsync("/profile", Raw(Hostile(kind, client, "users")));

        AssertRestUnauthorized(response, """{"message":"Unauthorized"}""");
    }

    [Fact]
    public async Task A_JWT_authorizer_behind_a_REST_API_cannot_run_and_denies()
    {
        // JWT authorizers exist on HTTP APIs only (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html).
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.GetAsync("/jwt", Bearer(client.CreateToken("jwt", "bob")));

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public void Only_Cognito_and_JWT_authorizers_take_tokens()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenAuthorizers.IssuerOf(new Hosting.IamAuthorizerDefinition("iam")));

        Assert.Contains("'iam' is not a Cognito user pool or JWT authorizer", error.Message, StringComparison.Ordinal);
    }

    private static void AssertRestUnauthorized(TestResponse response, string body)
    {
        Assert.Equal((401, body), (response.StatusCode, response.BodyText));
        Assert.Equal("UnauthorizedException", response.Header("x-amzn-ErrorType"));
    }

    /// <summary>A token a client could send that the gateway must refuse.</summary>
    internal static string Hostile(string kind, ChaliceTestClient client, string authorizer)
    {
        var valid = client.CreateToken(authorizer, "mallory");
        var parts = valid.Split('.');
        return kind switch
        {
            "wrong issuer" => client.CreateToken(authorizer, "mallory", claims: [new("iss", "https://evil.example.com/")]),
            "expired" => client.CreateToken(authorizer, "mallory", lifetime: TimeSpan.FromSeconds(-1)),
            "not yet valid" => client.CreateToken(authorizer, "mallory", claims: [new("nbf", (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600).ToString())]),
            // The payload changed after signing: an admin claim the signature does not cover.
            "forged signature" => parts[0] + "." + Encode(WithAdminGroup(Payload(valid))) + "." + parts[2],
            "alg none" => Encode(new JsonObject { ["alg"] = "none", ["kid"] = Header(valid)["kid"]!.DeepClone() }) + "." + parts[1] + ".",
            "HS256 keyed with the public key" => HmacSigned(valid, client),
            "garbage" => "not-a-token",
            "oversized" => valid + new string('A', JsonWebToken.MaxLength),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static JsonObject WithAdminGroup(JsonObject payload)
    {
        payload["cognito:groups"] = new JsonArray("admin");
        return payload;
    }

    /// <summary>The classic key-confusion attack: HS256 with the RSA public key as the HMAC secret.</summary>
    private static string HmacSigned(string valid, ChaliceTestClient client)
    {
        var header = Header(valid);
        header["alg"] = "HS256";
        var signingInput = Encode(header) + "." + valid.Split('.')[1];
        var publicKey = Encoding.ASCII.GetBytes(SigningKeyOf(client).Key.ExportSubjectPublicKeyInfoPem());
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(publicKey, Encoding.ASCII.GetBytes(signingInput)));
    }

    private static string Resigned(string token, Action<JsonObject> change, ChaliceTestClient client)
    {
        var payload = Payload(token);
        change(payload);
        return JsonWebToken.Sign(payload, SigningKeyOf(client));
    }

    private static LocalSigningKey SigningKeyOf(ChaliceTestClient client) => client.SigningKey!;

    private static JsonObject Header(string token) => JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[0]))!.AsObject();

    private static JsonObject Payload(string token) => JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
