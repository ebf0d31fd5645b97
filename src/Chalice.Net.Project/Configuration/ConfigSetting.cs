namespace Chalice.Configuration;

/// <summary>Where in <c>.chalice/config.json</c> a setting may appear.</summary>
[Flags]
internal enum ConfigScope
{
    /// <summary>At the top level of the file.</summary>
    TopLevel = 1,

    /// <summary>In <c>stages.&lt;name&gt;</c>.</summary>
    Stage = 2,

    /// <summary>In <c>lambda_functions.&lt;name&gt;</c>, at the top level or in a stage.</summary>
    Function = 4,

    /// <summary>Anywhere.</summary>
    Everywhere = TopLevel | Stage | Function,
}

/// <summary>One setting Chalice.Net honours: its key, where it may appear and the values it takes.</summary>
internal sealed record ConfigSetting(string Name, ConfigValue Value, ConfigScope Scopes)
{
    /// <summary>Where the setting may appear, for a message about one in the wrong place.</summary>
    public string AllowedPlaces => Scopes switch
    {
        ConfigScope.TopLevel => "only at the top level",
        ConfigScope.TopLevel | ConfigScope.Stage => "only at the top level or in a stage, not per function",
        _ => "anywhere",
    };
}
