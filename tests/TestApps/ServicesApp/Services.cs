namespace Chalice.ServicesApp;

public sealed class GreetingOptions
{
    public string Greeting { get; set; } = "";
}

/// <summary>Registered twice under different keys.</summary>
public interface IStore
{
    string Name { get; }
}

public sealed class NamedStore(string name) : IStore
{
    public string Name { get; } = name;
}

/// <summary>Registered with two implementations, consumed as <c>IEnumerable&lt;INotifier&gt;</c>.</summary>
public interface INotifier
{
    string Channel { get; }
}

public sealed class EmailNotifier : INotifier
{
    public string Channel => "email";
}

public sealed class SmsNotifier : INotifier
{
    public string Channel => "sms";
}

/// <summary>A typed HttpClient (AddHttpClient&lt;T&gt;).</summary>
public sealed class WeatherClient(HttpClient http)
{
    public string? BaseAddress => http.BaseAddress?.ToString();
}

/// <summary>Scoped: one per invocation.</summary>
public sealed class InvocationId
{
    public Guid Value { get; } = Guid.NewGuid();
}
