namespace Chalice.Deploy.Templates;

/// <summary>How <c>chalice-net package</c> writes its template (<c>--template-format</c>, as Chalice names it).</summary>
internal enum TemplateSyntax
{
    /// <summary>JSON (<c>sam.json</c>), the default.</summary>
    Json,

    /// <summary>YAML (<c>sam.yaml</c>); chosen too when the template merged into it is YAML, as Chalice does.</summary>
    Yaml,
}
