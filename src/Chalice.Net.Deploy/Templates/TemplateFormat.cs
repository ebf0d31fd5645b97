namespace Chalice.Deploy.Templates;

/// <summary>The kind of template <c>chalice-net package</c> writes.</summary>
internal enum TemplateFormat
{
    /// <summary>AWS SAM (<c>sam.json</c>): <c>sam deploy</c> or <c>aws cloudformation package</c> uploads the zip.</summary>
    Sam,

    /// <summary>Plain CloudFormation (<c>cloudformation.json</c>): the zip's S3 location comes in as parameters.</summary>
    CloudFormation,
}
