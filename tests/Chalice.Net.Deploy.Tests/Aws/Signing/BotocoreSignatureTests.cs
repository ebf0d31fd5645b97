using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Aws.Signing;
using Chalice.Deploy.Tests.Aws.Model;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Signing;

/// <summary>
/// Real requests our clients send (ARNs in paths, repeated and literal query parameters, form bodies, session tokens)
/// re-signed by botocore's SigV4Auth, a signer we did not write: canonical request and signature must match. moto
/// does not check signatures, so this is what proves the wire requests would pass AWS's check.
/// </summary>
public sealed class BotocoreSignatureTests
{
    private static readonly AwsCredentials s_credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session/token+=");

    private const string Resigner = """
        import base64, json, sys
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        out = []
        for item in json.load(sys.stdin):
            request = AWSRequest(method=item["method"], url=item["url"], data=base64.b64decode(item["body"]), headers=item["headers"])
            request.context["timestamp"] = item["amzDate"]
            auth = SigV4Auth(Credentials(item["accessKey"], item["secretKey"], item["token"]), item["service"], item["region"])
            canonical = auth.canonical_request(request)
            out.append({"canonicalRequest": canonical, "signature": auth.signature(auth.string_to_sign(request, canonical), request)})
        json.dump(out, sys.stdout)
        """;

    [Fact]
    public async Task Botocore_computes_the_same_signature_for_our_requests()
    {
        var handler = new ScriptedHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.BadRequest) };
        using (var clients = new AwsClients(
            new AwsSettings(new StaticCredentialsProvider(s_credentials), "eu-west-1"),
            new AwsClientOptions { HttpHandler = handler, Retry = new AwsRetryOptions { MaxAttempts = 1 } }))
        {
            var ct = TestContext.Current.CancellationToken;
            const string functionArn = "arn:aws:lambda:eu-west-1:123456789012:function:app-dev";
            await Ignore(clients.Lambda.TagResourceAsync(functionArn, new Dictionary<string, string> { ["a b"] = "c/d" }, ct));
            await Ignore(clients.Lambda.UntagResourceAsync(functionArn, ["z", "a b", "a"], ct));
            await Ignore(clients.Lambda.AddPermissionAsync(new AddPermissionRequest
            {
                FunctionName = functionArn, StatementId = "s", Action = "lambda:InvokeFunction", Principal = "apigateway.amazonaws.com", Qualifier = "$LATEST",
            }, ct));
            await Ignore(clients.ApiGateway.PutRestApiAsync(new PutRestApiRequest
            {
                RestApiId = "abc123", Body = "{\"openapi\":\"3.0.1\"}"u8.ToArray(), FailOnWarnings = true,
                Parameters = new Dictionary<string, string> { ["endpointConfigurationTypes"] = "REGIONAL", ["basepath"] = "ignore" },
            }, ct));
            await Ignore(clients.ApiGateway.GetStageAsync("abc123", "api", ct));
            await Ignore(clients.ApiGateway.GetRestApisAsync(ct));
            await Ignore(clients.Iam.CreateRoleAsync(new CreateRoleRequest
            {
                RoleName = "app-dev", AssumeRolePolicyDocument = "{\"Statement\": [{\"Effect\": \"Allow\"}]}", Path = "/a b/",
                Tags = new Dictionary<string, string> { ["k"] = "v=1&2" },
            }, ct));
            await Ignore(clients.Sts.GetCallerIdentityAsync(ct));
        }

        var requests = handler.Requests;
        var expected = await ResignWithBotocoreAsync(requests);

        Assert.Equal(8, requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var authorization = requests[i].Headers["Authorization"];
            Assert.True(authorization.EndsWith($"Signature={expected[i].Signature}", StringComparison.Ordinal),
                $"{requests[i].Method} {requests[i].Uri}: botocore's canonical request was\n{expected[i].CanonicalRequest}");
        }
    }

    private static async Task Ignore(Task call)
    {
        try
        {
            await call;
        }
        catch (AwsServiceException)
        {
            // The stand-in answers 400 to everything: only the request matters here.
        }
    }

    private static async Task<List<(string CanonicalRequest, string Signature)>> ResignWithBotocoreAsync(IReadOnlyList<CapturedRequest> requests)
    {
        var input = requests.Select(r =>
        {
            var authorization = r.Headers["Authorization"];
            var scope = authorization.Split("Credential=")[1].Split(',')[0].Split('/');
            var signedHeaders = authorization.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
            var headers = signedHeaders.ToDictionary(h => h, h => h == "content-type" ? r.ContentType! : r.Headers[h]);
            return new Dictionary<string, object?>
            {
                ["method"] = r.Method.Method, ["url"] = r.Uri.AbsoluteUri, ["body"] = Convert.ToBase64String(r.Body), ["headers"] = headers,
                ["amzDate"] = r.Headers["X-Amz-Date"], ["region"] = scope[2], ["service"] = scope[3],
                ["accessKey"] = s_credentials.AccessKeyId, ["secretKey"] = s_credentials.SecretAccessKey, ["token"] = s_credentials.SessionToken,
            };
        }).ToList();

        var start = new ProcessStartInfo("python3", ["-c", Resigner])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = StartOrSkip(start);
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(input));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (process.ExitCode != 0 && error.Contains("No module named 'botocore'", StringComparison.Ordinal))
            throw SharedFixtures.Unavailable("botocore is not installed (pip install botocore)");
        Assert.True(process.ExitCode == 0, error);
        return JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("canonicalRequest").GetString()!, e.GetProperty("signature").GetString()!)).ToList();
    }

    private static Process StartOrSkip(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw SharedFixtures.Unavailable($"python3 is not available ({e.Message})");
        }
    }
}
