namespace Chalice.Gateway.Authorization;

/// <summary>
/// Why API Gateway refuses a request to an <c>AWS_IAM</c> route: 403 with its error type and message. An unsigned
/// request is "Missing Authentication Token" (https://repost.aws/knowledge-center/api-gateway-authentication-token-errors);
/// a wrong signature <c>InvalidSignatureException</c> (https://github.com/rpgreen/apigateway-generic-java-sdk/issues/11,
/// https://github.com/mhart/aws4/issues/33 with the canonical request in the message); a malformed Authorization
/// header <c>IncompleteSignatureException</c>
/// (https://github.com/amazon-archives/aws-cognito-angular-quickstart/issues/50); an access key that is not the
/// local one <c>UnrecognizedClientException</c>, as AWS services answer an unknown key.
/// </summary>
internal sealed record SignatureRefusal(string ErrorType, string Message)
{
    public static AuthorizationOutcome MissingToken { get; } =
        Refuse("MissingAuthenticationTokenException", "Missing Authentication Token");

    public static AuthorizationOutcome UnknownKey { get; } =
        Refuse("UnrecognizedClientException", "The security token included in the request is invalid.");

    public static AuthorizationOutcome Incomplete(string message) => Refuse("IncompleteSignatureException", message);

    public static AuthorizationOutcome Invalid(string message) => Refuse("InvalidSignatureException", message);

    private static AuthorizationOutcome Refuse(string errorType, string message) =>
        new(AuthorizationVerdict.SignatureRefused) { Refusal = new SignatureRefusal(errorType, message) };
}
