namespace Chalice.Deploy.Aws;

/// <summary>The AWS setup is unusable (no region, no credentials, a bad endpoint URL); the message says how to fix it.</summary>
internal sealed class AwsConfigurationException : Exception
{
    /// <summary>Creates the exception with a message meant for the user.</summary>
    public AwsConfigurationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message meant for the user and the SDK error behind it.</summary>
    public AwsConfigurationException(string message, Exception innerException) : base(message, innerException) { }
}
