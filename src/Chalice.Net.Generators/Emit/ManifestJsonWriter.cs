using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Chalice.Deploy.Manifest;

namespace Chalice.Generators.Emit;

/// <summary>
/// Writes an <see cref="AppManifest"/> as the JSON the deployer's System.Text.Json context reads: camelCase property
/// names, nulls written, a function's kind first. Hand-written because a generator cannot rely on System.Text.Json
/// being loadable in every compiler host; the names still come from the shared records (<c>nameof</c>), and a
/// round-trip test proves both sides agree on every field.
/// </summary>
internal sealed class ManifestJsonWriter
{
    private readonly StringBuilder _json = new();
    private bool _needsComma;

    public static string Write(AppManifest manifest)
    {
        var writer = new ManifestJsonWriter();
        writer.App(manifest);
        return writer._json.ToString();
    }

    private void App(AppManifest manifest)
    {
        BeginObject();
        Number(nameof(AppManifest.SchemaVersion), manifest.SchemaVersion);
        String(nameof(AppManifest.Name), manifest.Name);
        Array(nameof(AppManifest.Functions), manifest.Functions, Function, onePerLine: true);
        Array(nameof(AppManifest.Routes), manifest.Routes, Route, onePerLine: true);
        Array(nameof(AppManifest.Authorizers), manifest.Authorizers, Authorizer, onePerLine: true);
        Strings(nameof(AppManifest.BinaryMediaTypes), manifest.BinaryMediaTypes);
        EndObject();
    }

    /// <summary>One case per kind of function (see <see cref="FunctionManifest"/>).</summary>
    private void Function(FunctionManifest function)
    {
        BeginObject();
        switch (function)
        {
            case ApiFunctionManifest api:
                Kind(FunctionKinds.Api);
                String(nameof(api.Name), api.Name);
                break;
            case PureFunctionManifest pure:
                Head(FunctionKinds.Pure, pure.Name, pure.Handler);
                break;
            case ScheduleFunctionManifest schedule:
                Head(FunctionKinds.Schedule, schedule.Name, schedule.Handler);
                String(nameof(schedule.Expression), schedule.Expression);
                String(nameof(schedule.Description), schedule.Description);
                break;
            case S3FunctionManifest s3:
                Head(FunctionKinds.S3, s3.Name, s3.Handler);
                String(nameof(s3.Bucket), s3.Bucket);
                Strings(nameof(s3.Events), s3.Events);
                String(nameof(s3.Prefix), s3.Prefix);
                String(nameof(s3.Suffix), s3.Suffix);
                break;
            case SqsFunctionManifest sqs:
                Head(FunctionKinds.Sqs, sqs.Name, sqs.Handler);
                String(nameof(sqs.Queue), sqs.Queue);
                String(nameof(sqs.QueueArn), sqs.QueueArn);
                Number(nameof(sqs.BatchSize), sqs.BatchSize);
                Number(nameof(sqs.MaximumBatchingWindowInSeconds), sqs.MaximumBatchingWindowInSeconds);
                Number(nameof(sqs.MaximumConcurrency), sqs.MaximumConcurrency);
                Boolean(nameof(sqs.ReportsBatchItemFailures), sqs.ReportsBatchItemFailures);
                break;
            case SnsFunctionManifest sns:
                Head(FunctionKinds.Sns, sns.Name, sns.Handler);
                String(nameof(sns.Topic), sns.Topic);
                break;
            case CloudWatchEventFunctionManifest cloudWatch:
                Head(FunctionKinds.CloudWatch, cloudWatch.Name, cloudWatch.Handler);
                String(nameof(cloudWatch.EventPattern), cloudWatch.EventPattern);
                break;
            case KinesisFunctionManifest kinesis:
                Head(FunctionKinds.Kinesis, kinesis.Name, kinesis.Handler);
                String(nameof(kinesis.Stream), kinesis.Stream);
                Number(nameof(kinesis.BatchSize), kinesis.BatchSize);
                String(nameof(kinesis.StartingPosition), kinesis.StartingPosition);
                Number(nameof(kinesis.MaximumBatchingWindowInSeconds), kinesis.MaximumBatchingWindowInSeconds);
                Boolean(nameof(kinesis.ReportsBatchItemFailures), kinesis.ReportsBatchItemFailures);
                break;
            case DynamoDBFunctionManifest dynamoDB:
                Head(FunctionKinds.DynamoDB, dynamoDB.Name, dynamoDB.Handler);
                String(nameof(dynamoDB.StreamArn), dynamoDB.StreamArn);
                Number(nameof(dynamoDB.BatchSize), dynamoDB.BatchSize);
                String(nameof(dynamoDB.StartingPosition), dynamoDB.StartingPosition);
                Number(nameof(dynamoDB.MaximumBatchingWindowInSeconds), dynamoDB.MaximumBatchingWindowInSeconds);
                Boolean(nameof(dynamoDB.ReportsBatchItemFailures), dynamoDB.ReportsBatchItemFailures);
                break;
            case AuthorizerFunctionManifest authorizer:
                Head(FunctionKinds.Authorizer, authorizer.Name, authorizer.Handler);
                String(nameof(authorizer.Type), authorizer.Type);
                Strings(nameof(authorizer.IdentitySources), authorizer.IdentitySources);
                Number(nameof(authorizer.TtlSeconds), authorizer.TtlSeconds);
                Boolean(nameof(authorizer.SimpleResponses), authorizer.SimpleResponses);
                break;
            default:
                throw new NotSupportedException($"No JSON form for the function kind {function.GetType().Name}.");
        }
        EndObject();
    }

    /// <summary>One case per kind of declared authorizer (see <see cref="ApiAuthorizerManifest"/>).</summary>
    private void Authorizer(ApiAuthorizerManifest authorizer)
    {
        BeginObject();
        switch (authorizer)
        {
            case CognitoUserPoolAuthorizerManifest cognito:
                AuthorizerHead(AuthorizerKinds.CognitoUserPools, cognito.Name);
                Strings(nameof(cognito.ProviderArns), cognito.ProviderArns);
                String(nameof(cognito.Header), cognito.Header);
                break;
            case IamAuthorizerManifest iam:
                AuthorizerHead(AuthorizerKinds.Iam, iam.Name);
                break;
            case CustomAuthorizerManifest custom:
                AuthorizerHead(AuthorizerKinds.Custom, custom.Name);
                String(nameof(custom.AuthorizerUri), custom.AuthorizerUri);
                String(nameof(custom.Type), custom.Type);
                Strings(nameof(custom.IdentitySources), custom.IdentitySources);
                Number(nameof(custom.TtlSeconds), custom.TtlSeconds);
                break;
            case JwtAuthorizerManifest jwt:
                AuthorizerHead(AuthorizerKinds.Jwt, jwt.Name);
                String(nameof(jwt.Issuer), jwt.Issuer);
                Strings(nameof(jwt.Audiences), jwt.Audiences);
                String(nameof(jwt.Header), jwt.Header);
                break;
            default:
                throw new NotSupportedException($"No JSON form for the authorizer kind {authorizer.GetType().Name}.");
        }
        EndObject();
    }

    private void AuthorizerHead(string kind, string name)
    {
        Separate();
        _json.Append(Quote(ApiAuthorizerManifest.KindProperty)).Append(':').Append(Quote(kind));
        String(nameof(ApiAuthorizerManifest.Name), name);
    }

    /// <summary>What every function but the API's starts with: its kind, name and handler.</summary>
    private void Head(string kind, string name, string handler)
    {
        Kind(kind);
        String(nameof(FunctionManifest.Name), name);
        String(nameof(PureFunctionManifest.Handler), handler);
    }

    private void Route(RouteManifest route)
    {
        BeginObject();
        String(nameof(route.Path), route.Path);
        Strings(nameof(route.Methods), route.Methods);
        String(nameof(route.Handler), route.Handler);
        String(nameof(route.Name), route.Name);
        Strings(nameof(route.ContentTypes), route.ContentTypes);
        Name(nameof(route.Cors));
        if (route.Cors is { } cors)
            Cors(cors);
        else
            _json.Append("null");
        Boolean(nameof(route.ApiKeyRequired), route.ApiKeyRequired);
        String(nameof(route.Authorizer), route.Authorizer);
        EndObject();
    }

    private void Cors(CorsManifest cors)
    {
        BeginObject();
        String(nameof(cors.AllowOrigin), cors.AllowOrigin);
        Strings(nameof(cors.AllowHeaders), cors.AllowHeaders);
        Strings(nameof(cors.ExposeHeaders), cors.ExposeHeaders);
        Name(nameof(cors.MaxAge));
        _json.Append(cors.MaxAge is { } maxAge ? maxAge.ToString(CultureInfo.InvariantCulture) : "null");
        Boolean(nameof(cors.AllowCredentials), cors.AllowCredentials);
        EndObject();
    }

    private void Kind(string kind)
    {
        Separate();
        _json.Append(Quote(FunctionManifest.KindProperty)).Append(':').Append(Quote(kind));
    }

    private void BeginObject()
    {
        _json.Append('{');
        _needsComma = false;
    }

    private void EndObject()
    {
        _json.Append('}');
        _needsComma = true;
    }

    private void Name(string propertyName)
    {
        Separate();
        _json.Append(Quote(CamelCase(propertyName))).Append(':');
    }

    private void String(string propertyName, string? value)
    {
        Name(propertyName);
        _json.Append(value is null ? "null" : Quote(value));
    }

    private void Number(string propertyName, int? value)
    {
        Name(propertyName);
        _json.Append(value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "null");
    }

    private void Boolean(string propertyName, bool value)
    {
        Name(propertyName);
        _json.Append(value ? "true" : "false");
    }

    private void Strings(string propertyName, IReadOnlyList<string> values) =>
        Array(propertyName, values, value => _json.Append(Quote(value)));

    /// <param name="onePerLine">Starts each item on a line of its own, so that the emitted attribute (and a diff of
    /// it) shows one function or route per line; the line breaks are JSON whitespace.</param>
    private void Array<T>(string propertyName, IReadOnlyList<T> items, Action<T> writeItem, bool onePerLine = false)
    {
        Name(propertyName);
        _json.Append('[');
        _needsComma = false;
        foreach (var item in items)
        {
            Separate();
            if (onePerLine)
                _json.Append('\n');
            writeItem(item);
        }
        if (onePerLine && items.Count > 0)
            _json.Append('\n');
        _json.Append(']');
        _needsComma = true;
    }

    private void Separate()
    {
        if (_needsComma)
            _json.Append(',');
        _needsComma = true;
    }

    /// <summary>System.Text.Json's <c>JsonNamingPolicy.CamelCase</c>: the leading upper-case run in lower case.</summary>
    private static string CamelCase(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
                break;
            if (i > 0 && i + 1 < chars.Length && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                    chars[i] = char.ToLowerInvariant(chars[i]);
                break;
            }
            chars[i] = char.ToLowerInvariant(chars[i]);
        }
        return new string(chars);
    }

    private static string Quote(string value)
    {
        var result = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\n': result.Append("\\n"); break;
                case '\r': result.Append("\\r"); break;
                case '\t': result.Append("\\t"); break;
                default:
                    if (c < ' ')
                        result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        result.Append(c);
                    break;
            }
        }
        return result.Append('"').ToString();
    }
}
