using System.ComponentModel;
using System.Diagnostics;
using Chalice.Tests;

namespace Chalice.Local.Tests.Sns;

/// <summary>
/// The AWS CLI (awscli 1.45 on the machine image, botocore underneath): a client nobody here wrote, for services that
/// have no AWSSDK package available (SNS). Missing, it fails the test under CI=true and skips it elsewhere.
/// </summary>
internal static class AwsCli
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>The error code the CLI reports, e.g. <c>NotFound</c> from "An error occurred (NotFound) when …".</summary>
        public string? ErrorCode
        {
            get
            {
                var start = Error.IndexOf("An error occurred (", StringComparison.Ordinal);
                if (start < 0)
                    return null;
                start += "An error occurred (".Length;
                return Error[start..Error.IndexOf(')', start)];
            }
        }
    }

    public static async Task<Result> RunAsync(Uri endpoint, params string[] args)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json", .. args])
            start.ArgumentList.Add(arg);
        start.Environment["AWS_ACCESS_KEY_ID"] = "local";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "local-secret";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_RETRY_MODE"] = "standard";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw SharedFixtures.Unavailable($"The AWS CLI is not available ({e.Message}); install it with: pip install awscli");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return new Result(process.ExitCode, await output, await error);
        }
    }
}
