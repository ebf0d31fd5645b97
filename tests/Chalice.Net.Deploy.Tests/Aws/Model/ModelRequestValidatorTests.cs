using System.Text;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.EventBridge;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Aws.Logs;
using Chalice.Deploy.Aws.S3;

namespace Chalice.Deploy.Tests.Aws.Model;

/// <summary>The model validator itself: it accepts conforming requests and names each kind of departure.</summary>
public sealed class ModelRequestValidatorTests
{
    private static List<string> Problems(
        AwsOperation operation, string method, string pathAndQuery, string body = "", string? contentType = null,
        Dictionary<string, string>? headers = null, string host = "example.amazonaws.com")
    {
        var request = new CapturedRequest(operation, new HttpMethod(method), new Uri($"https://{host}{pathAndQuery}"),
            headers ?? new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body),
            contentType ?? operation.Service.Protocol switch
            {
                AwsProtocol.Query => "application/x-www-form-urlencoded; charset=utf-8",
                AwsProtocol.Json => $"application/x-amz-json-{operation.Service.JsonVersion}",
                AwsProtocol.RestXml => "application/xml",
                _ => "application/json",
            });
        return ModelRequestValidator.Validate(ModelConformance.ModelFor(operation.Service), request).Problems;
    }

    private static Dictionary<string, string> Target(string target) => new() { ["X-Amz-Target"] = target };

    [Fact]
    public void A_conforming_query_request_has_no_problems() =>
        Assert.Empty(Problems(IamOperations.CreateRole, "POST", "/",
            "Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=%7B%7D&Tags.member.1.Key=a&Tags.member.1.Value=b"));

    [Theory]
    [InlineData("Action=CreateRole&Version=2010-05-08&AssumeRolePolicyDocument=x", "required member 'RoleName' is missing")]
    [InlineData("Action=CreateRole&Version=2011-01-01&RoleName=r&AssumeRolePolicyDocument=x", "Version must be 2010-05-08")]
    [InlineData("Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=x&RoleNam=r", "form member 'RoleNam' is not in the model")]
    [InlineData("Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=x&Tags.1.Key=a", "is not 'Tags.member.N…'")]
    [InlineData("Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=x&MaxSessionDuration=long", "is not a valid integer")]
    [InlineData("Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=x&Tags.member.1.Key=a", "required member 'Tags.member.1.Value' is missing")]
    [InlineData("Action=CreateRoles&Version=2010-05-08", "is not in the iam model")]
    public void Query_requests_that_depart_from_the_model_are_reported(string form, string expected) =>
        Assert.Contains(Problems(IamOperations.CreateRole, "POST", "/", form), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void A_query_request_must_be_a_form_post_to_the_root()
    {
        var problems = Problems(IamOperations.GetRole, "GET", "/roles", "Action=GetRole&Version=2010-05-08&RoleName=r", "application/json");

        Assert.Contains(problems, p => p.Contains("method is GET", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("go to '/'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("content type", StringComparison.Ordinal));
    }

    [Fact]
    public void A_conforming_rest_json_request_has_no_problems() =>
        Assert.Empty(Problems(LambdaOperations.CreateFunction, "POST", "/2015-03-31/functions",
            """{"FunctionName":"f","Role":"arn:aws:iam::1:role/r","Code":{"ZipFile":"UEsDBA=="},"Architectures":["arm64"],"MemorySize":128}"""));

    [Theory]
    [InlineData("""{"FunctionName":"f","Role":"r","Code":{"ZipFile":"UEsDBA=="},"Architecture":["arm64"]}""", "body member 'Architecture' is not in the model")]
    [InlineData("""{"FunctionName":"f","Role":"r","Code":{"ZipFile":"UEsDBA=="},"MemorySize":"128"}""", "'MemorySize' is String, the model says integer")]
    [InlineData("""{"FunctionName":"f","Role":"r"}""", "required body member 'Code' is missing")]
    [InlineData("""{"FunctionName":"f","Role":"r","Code":{"ZipFile":"not base64!"}}""", "'Code.ZipFile' is String, the model says blob")]
    [InlineData("""{"FunctionName":"f","Role":"r","Code":{"Zip":"UEsDBA=="}}""", "member 'Code.Zip' is not in the model")]
    [InlineData("""{"FunctionName":"f","Role":"r","Code":{"ZipFile":"UEsDBA=="},"Architectures":["x86"]}""", "'Architectures[0]' = 'x86' is not one of the model's values")]
    [InlineData("""{"FunctionName":"f","Role":"r","Code":{"ZipFile":"UEsDBA=="},"Environment":{"Variables":{"A":1}}}""", "'Environment.Variables.A' is Number, the model says string")]
    public void Rest_json_bodies_that_depart_from_the_model_are_reported(string body, string expected) =>
        Assert.Contains(Problems(LambdaOperations.CreateFunction, "POST", "/2015-03-31/functions", body), p => p.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("DELETE", "/2015-03-31/functions/f/policy", "does not match '/2015-03-31/functions/{FunctionName}/policy/{StatementId}'")]
    [InlineData("GET", "/2015-03-31/functions/f/policy/s", "method is GET, the model says DELETE")]
    [InlineData("DELETE", "/2015-03-31/functions/f/policy/s?Qualify=1", "query parameter 'Qualify' is not in the model")]
    public void Rest_json_uris_that_depart_from_the_model_are_reported(string method, string pathAndQuery, string expected) =>
        Assert.Contains(Problems(LambdaOperations.RemovePermission, method, pathAndQuery), p => p.Contains(expected, StringComparison.Ordinal));

    // ImportRestApi is no client's operation; it is the model's example of a literal query and a query map.
    private static readonly AwsOperation s_importRestApi = new(AwsService.ApiGateway, "ImportRestApi", ReplayBehavior.DuplicatesOnReplay);

    [Fact]
    public void Literal_query_and_required_query_members_are_checked()
    {
        Assert.Contains(Problems(s_importRestApi, "POST", "/restapis", "{}"),
            p => p.Contains("literal query 'mode=import'", StringComparison.Ordinal));
        Assert.Contains(Problems(LambdaOperations.UntagResource, "DELETE", "/2017-03-31/tags/arn%3Aaws%3Alambda"),
            p => p.Contains("required query parameter 'tagKeys' is missing", StringComparison.Ordinal));
        Assert.Contains(Problems(s_importRestApi, "POST", "/restapis?mode=import&failonwarnings=yes", "{}"),
            p => p.Contains("'failonwarnings' = 'yes' is not a valid boolean", StringComparison.Ordinal));
        Assert.Contains(Problems(s_importRestApi, "POST", "/restapis?mode=import"),
            p => p.Contains("required payload 'body'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_query_map_member_absorbs_free_form_parameters() =>
        Assert.Empty(Problems(s_importRestApi, "POST", "/restapis?mode=import&endpointConfigurationTypes=REGIONAL", "{}"));

    [Fact]
    public void A_conforming_json_protocol_request_has_no_problems() =>
        Assert.Empty(Problems(EventBridgeOperations.PutRule, "POST", "/",
            """{"Name":"r","ScheduleExpression":"rate(5 minutes)","State":"ENABLED","Tags":[{"Key":"a","Value":"b"}]}""",
            headers: Target("AWSEvents.PutRule")));

    [Theory]
    [InlineData("AWSEvents.PutRule", """{"ScheduleExpression":"rate(5 minutes)"}""", null, "required member 'Name' is missing")]
    [InlineData("AWSEvents.PutRule", """{"Name":"r","Schedule":"rate(5 minutes)"}""", null, "member 'Schedule' is not in the model")]
    [InlineData("AWSEvents.PutRule", """{"Name":"r","State":"ON"}""", null, "'State' = 'ON' is not one of the model's values")]
    [InlineData("AWSEvents.PutRule", """{"Name":"r","Tags":[{"Key":"a"}]}""", null, "required member 'Tags[0].Value' is missing")]
    [InlineData("Events.PutRule", """{"Name":"r"}""", null, "does not start with the model's target prefix 'AWSEvents.'")]
    [InlineData("AWSEvents.PutRule", """{"Name":"r"}""", "application/json", "expected application/x-amz-json-1.1")]
    [InlineData("AWSEvents.PutRules", """{"Name":"r"}""", null, "is not in the events model")]
    public void Json_protocol_requests_that_depart_from_the_model_are_reported(string target, string body, string? contentType, string expected) =>
        Assert.Contains(Problems(EventBridgeOperations.PutRule, "POST", "/", body, contentType, Target(target)),
            p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void A_json_protocol_request_must_be_a_post_to_the_root() =>
        Assert.Contains(Problems(LogsOperations.DeleteLogGroup, "POST", "/logs?x=1", """{"logGroupName":"g"}""",
            headers: Target("Logs_20140328.DeleteLogGroup")), p => p.Contains("go to '/'", StringComparison.Ordinal));

    private const string Notification =
        """<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><CloudFunctionConfiguration><Id>i</Id>""" +
        """<CloudFunction>arn:aws:lambda:us-east-1:123456789012:function:f</CloudFunction><Event>s3:ObjectCreated:*</Event>""" +
        """<Filter><S3Key><FilterRule><Name>prefix</Name><Value>a/</Value></FilterRule></S3Key></Filter></CloudFunctionConfiguration>""" +
        """<EventBridgeConfiguration/></NotificationConfiguration>""";

    [Fact]
    public void A_conforming_rest_xml_request_has_no_problems_path_or_virtual_hosted_style()
    {
        Assert.Empty(Problems(S3Operations.PutBucketNotificationConfiguration, "PUT", "/bucket?notification", Notification));
        Assert.Empty(Problems(S3Operations.PutBucketNotificationConfiguration, "PUT", "/?notification", Notification,
            host: "bucket.s3.us-east-1.amazonaws.com"));
    }

    [Theory]
    [InlineData("<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><CloudFunctionConfiguration><Event>s3:ObjectCreated:*</Event></CloudFunctionConfiguration></NotificationConfiguration>",
        "required member 'NotificationConfiguration.CloudFunctionConfiguration[0].CloudFunction' is missing")]
    [InlineData("<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><CloudFunctionConfiguration><CloudFunction>a</CloudFunction><Event>s3:Created</Event></CloudFunctionConfiguration></NotificationConfiguration>",
        "= 's3:Created' is not one of the model's values")]
    [InlineData("<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LambdaFunctionConfiguration/></NotificationConfiguration>",
        "element 'NotificationConfiguration.LambdaFunctionConfiguration' is not in the model")]
    [InlineData("<NotificationConfiguration><EventBridgeConfiguration/></NotificationConfiguration>", "the payload's namespace is ''")]
    [InlineData("<Notification xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>", "the payload's root element is <Notification>")]
    [InlineData("", "the required XML payload is missing")]
    public void Rest_xml_bodies_that_depart_from_the_model_are_reported(string body, string expected) =>
        Assert.Contains(Problems(S3Operations.PutBucketNotificationConfiguration, "PUT", "/bucket?notification", body),
            p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Rest_header_values_are_checked_against_the_model() =>
        Assert.Contains(Problems(LambdaOperations.Invoke, "POST", "/2015-03-31/functions/f/invocations", "{}",
            headers: new() { ["X-Amz-Log-Type"] = "Full" }), p => p.Contains("'X-Amz-Log-Type' = 'Full' is not one of the model's values", StringComparison.Ordinal));
}
