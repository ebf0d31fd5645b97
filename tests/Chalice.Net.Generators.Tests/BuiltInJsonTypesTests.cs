using System.Reflection;
using System.Text.Json.Serialization;
using Chalice.Generators.Parsing;

namespace Chalice.Generators.Tests;

/// <summary>
/// The analyzer's built-in JSON types are Chalice.Net's own context's <c>[JsonSerializable]</c> list, read from the
/// referenced assembly: whatever that list holds needs no context of the app's, and nothing else is assumed.
/// </summary>
public sealed class BuiltInJsonTypesTests
{
    private static readonly Type s_context = typeof(Request).Assembly.GetType(KnownTypes.ChaliceJsonContextName, throwOnError: true)!;

    private static Type[] DeclaredTypes() =>
        [.. s_context.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!)];

    [Fact]
    public void The_list_is_chalice_nets_context()
    {
        Assert.True(typeof(JsonSerializerContext).IsAssignableFrom(s_context));
        Assert.Contains(typeof(int), DeclaredTypes());
    }

    [Fact]
    public async Task Every_type_of_chalice_nets_context_is_returned_without_a_context_of_the_app()
    {
        var handlers = DeclaredTypes()
            .Where(t => t.IsVisible)
            .Select((type, i) => $"    [Route(\"/t{i}\")] public {CSharpName(type)} Get{i}() => default!;");
        var source = $$"""
            using Chalice;
            [ChaliceApp("a")] public partial class App
            {
            {{string.Join("\n", handlers)}}
            }
            """;
        Assert.Empty(await GeneratorHarness.AnalyzeAsync(source));
    }

    [Theory]
    [InlineData("float")]
    [InlineData("System.Collections.Generic.List<int>")]
    [InlineData("System.TimeSpan")]
    public async Task A_type_outside_the_list_needs_a_context(string type)
    {
        Assert.DoesNotContain(DeclaredTypes(), t => CSharpName(t) == type);
        var source = $$"""
            using Chalice;
            [ChaliceApp("a")] public partial class App { [Route("/")] public {{type}} Get() => default!; }
            """;
        Assert.Equal(["CHALICE009"], (await GeneratorHarness.AnalyzeAsync(source)).Select(d => d.Id));
    }

    private static string CSharpName(Type type)
    {
        if (type.IsArray)
            return CSharpName(type.GetElementType()!) + "[]";
        if (type == typeof(int))
            return "int";
        if (type == typeof(float))
            return "float";
        if (!type.IsGenericType)
            return type.FullName!;
        var name = type.GetGenericTypeDefinition().FullName!;
        return name[..name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(CSharpName)) + ">";
    }
}
