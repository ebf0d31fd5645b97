using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Chalice.Functions;
using Chalice.Generators.Diagnostics;
using Chalice.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Chalice.Generators.Parsing;

// The authorizers declared by attributes on the app class and its blueprints (Chalice's CognitoUserPoolAuthorizer,
// IAMAuthorizer, CustomAuthorizer; an HTTP API's JWT authorizer), checked against API Gateway's rules.
internal sealed partial class AppParser
{
    // A user pool's ARN: arn:PARTITION:cognito-idp:REGION:ACCOUNT:userpool/REGION_ID (Cognito's ARN format,
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncognitouserpools.html#amazoncognitouserpools-resources-for-iam-policies).
    private static readonly Regex s_userPoolArn = new(@"^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool/[a-z0-9-]+_[0-9A-Za-z]+$", RegexOptions.CultureInvariant);

    // A Lambda function's ARN (with an optional version or alias), or API Gateway's invocation URI of one
    // (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateAuthorizer.html, authorizerUri).
    private static readonly Regex s_functionArn = new(@"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex s_invocationUri = new(@"^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/(?<function>.+)/invocations$", RegexOptions.CultureInvariant);

    // The names the attributes declare, valid or not (for CHALICE026).
    private readonly List<string> _apiAuthorizerNames = new();

    /// <summary>The authorizer attributes of the app class and of each registered blueprint, in that order.</summary>
    private EquatableArray<ApiAuthorizerModel> ParseApiAuthorizers(INamedTypeSymbol appClass)
    {
        // Every name taken, and by what, so that a second authorizer of the same name is reported on itself.
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, method) in FunctionAuthorizerNames(appClass))
            taken[name] = $"the [Authorizer] method '{method.Name}'";

        var blueprints = appClass.GetAttributes()
            .Where(a => KnownTypes.Is(a.AttributeClass, _types.RegisterBlueprintAttribute))
            .Select(a => a.ConstructorArguments.Length > 0 ? a.ConstructorArguments[0].Value as INamedTypeSymbol : null)
            .OfType<INamedTypeSymbol>()
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var models = new List<ApiAuthorizerModel>();
        foreach (var type in new[] { appClass }.Concat(blueprints))
        {
            foreach (var attribute in type.GetAttributes())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var kind = AuthorizerKindOf(attribute);
                if (kind is null)
                    continue;
                var name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
                if (string.IsNullOrWhiteSpace(name))
                {
                    Report(DiagnosticDescriptors.InvalidAuthorizerDeclaration, ArgumentLocation(attribute, null, 0), name ?? "",
                        $"declared by [{kind}] on '{type.Name}' has no name; routes name their authorizer, so give it one");
                    continue;
                }
                _apiAuthorizerNames.Add(name!);
                if (taken.TryGetValue(name!, out var owner))
                {
                    Report(DiagnosticDescriptors.DuplicateAuthorizerName, ArgumentLocation(attribute, null, 0), name!, owner);
                    continue;
                }
                taken[name!] = $"[{kind}] on '{type.Name}'";
                if (ParseApiAuthorizer(attribute, name!) is { } model)
                    models.Add(model);
            }
        }
        return models.ToEquatableArray();
    }

    /// <summary>The attribute's name without its suffix when it declares an authorizer, else null.</summary>
    private string? AuthorizerKindOf(AttributeData attribute)
    {
        if (KnownTypes.Is(attribute.AttributeClass, _types.CognitoUserPoolAuthorizerAttribute))
            return "CognitoUserPoolAuthorizer";
        if (KnownTypes.Is(attribute.AttributeClass, _types.IamAuthorizerAttribute))
            return "IamAuthorizer";
        if (KnownTypes.Is(attribute.AttributeClass, _types.CustomAuthorizerAttribute))
            return "CustomAuthorizer";
        return KnownTypes.Is(attribute.AttributeClass, _types.JwtAuthorizerAttribute) ? "JwtAuthorizer" : null;
    }

    /// <summary>One declaration, checked; null (with its mistakes reported) when API Gateway would refuse it.</summary>
    private ApiAuthorizerModel? ParseApiAuthorizer(AttributeData attribute, string name)
    {
        if (KnownTypes.Is(attribute.AttributeClass, _types.IamAuthorizerAttribute))
            return new IamAuthorizerModel(name);
        if (KnownTypes.Is(attribute.AttributeClass, _types.CustomAuthorizerAttribute))
            return ParseCustomAuthorizer(attribute, name);

        var valid = true;
        var header = Named(attribute, "Header") as string ?? EventSourceDefaults.AuthorizerHeader;
        if (!HeaderName.IsToken(header))
            valid = Invalid(attribute, "Header", name, $"reads the header '{header}', which is not an HTTP header name");

        if (KnownTypes.Is(attribute.AttributeClass, _types.CognitoUserPoolAuthorizerAttribute))
        {
            var arns = NamedStrings(attribute, "ProviderArns") ?? Array.Empty<string>();
            // CreateAuthorizer: providerARNs is required for COGNITO_USER_POOLS (shared/fixtures/aws-models/apigateway).
            if (arns.Length == 0)
                valid = Invalid(attribute, "ProviderArns", name, "has no ProviderArns; give the ARN of at least one Cognito user pool (arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID)");
            foreach (var arn in arns.Where(a => !s_userPoolArn.IsMatch(a)))
                valid = Invalid(attribute, "ProviderArns", name, $"has the provider ARN '{arn}', which is not a Cognito user pool's ARN (arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID)");
            return valid ? new CognitoUserPoolAuthorizerModel(name, arns.ToEquatableArray(), header) : null;
        }

        var issuer = Named(attribute, "Issuer") as string;
        var audiences = NamedStrings(attribute, "Audiences") ?? Array.Empty<string>();
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html: the issuer is an
        // https URL API Gateway fetches the OpenID discovery document from, and a token's aud (or client_id) must
        // match one of the audiences, so a JWT authorizer without either accepts nothing.
        if (string.IsNullOrWhiteSpace(issuer))
            valid = Invalid(attribute, "Issuer", name, "has no Issuer; give the https:// URL tokens name in 'iss' (a Cognito pool's is https://cognito-idp.REGION.amazonaws.com/POOL_ID)");
        else if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Scheme != "https")
            valid = Invalid(attribute, "Issuer", name, $"has the Issuer '{issuer}', which is not an https:// URL");
        if (audiences.Length == 0 || audiences.Any(string.IsNullOrWhiteSpace))
            valid = Invalid(attribute, "Audiences", name, "has no Audiences (or an empty one); give the client ids or audiences its tokens are for");
        return valid ? new JwtAuthorizerModel(name, issuer!, audiences.ToEquatableArray(), header) : null;
    }

    private ApiAuthorizerModel? ParseCustomAuthorizer(AttributeData attribute, string name)
    {
        var uri = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
        // The token and request settings are an [Authorizer]'s, checked by the same rules.
        var source = (AuthorizerSourceModel)ParseAuthorizerSource(attribute, out var valid);
        var function = uri is null ? null : s_invocationUri.Match(uri) is { Success: true } match ? match.Groups["function"].Value : uri;
        if (function is null || !s_functionArn.IsMatch(function))
        {
            valid = Invalid(attribute, null, name,
                $"has the AuthorizerUri '{uri}', which is neither a Lambda function's ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME) " +
                "nor API Gateway's invocation URI of one (arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/ARN/invocations)", position: 1);
        }
        return valid ? new CustomAuthorizerModel(name, uri!, source.Type, source.IdentitySources, source.TtlSeconds) : null;
    }

    /// <summary>Reports a declaration API Gateway refuses; returns false, for <c>valid = Invalid(...)</c>.</summary>
    private bool Invalid(AttributeData attribute, string? argument, string name, string problem, int position = -1)
    {
        Report(DiagnosticDescriptors.InvalidAuthorizerDeclaration, ArgumentLocation(attribute, argument, position), name, problem);
        return false;
    }
}
