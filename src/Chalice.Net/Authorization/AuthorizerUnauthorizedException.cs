namespace Chalice.Functions;

/// <summary>
/// An authorizer answered <see cref="AuthResponse.Unauthorized"/>. The invocation fails with the error message
/// <c>Unauthorized</c>, which API Gateway answers with <c>401 {"message":"Unauthorized"}</c>; any other error message
/// is an authorizer failure (500). Sources: https://github.com/auth0-samples/jwt-rsa-aws-custom-authorizer/pull/6 and
/// AWS's authorizer blueprint (https://github.com/awslabs/aws-apigateway-lambda-authorizer-blueprints, "raise
/// Exception('Unauthorized')").
/// </summary>
public sealed class AuthorizerUnauthorizedException() : Exception(ErrorMessage)
{
    /// <summary>The one error message API Gateway turns into a 401.</summary>
    public const string ErrorMessage = "Unauthorized";
}
