using System.Text;

namespace Chalice.Hosting;

/// <summary>Names a type as C# source spells it (<c>ILogger&lt;App&gt;</c>, not <c>ILogger`1</c>), for messages.</summary>
internal static class CSharpTypeName
{
    public static string Of(Type type)
    {
        if (type.IsArray)
            return Of(type.GetElementType()!) + "[]";
        if (!type.IsGenericType)
            return type.Name;
        var name = new StringBuilder(type.Name, 0, type.Name.IndexOf('`') is var tick and >= 0 ? tick : type.Name.Length, 64);
        name.Append('<');
        var arguments = type.GetGenericArguments();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
                name.Append(", ");
            name.Append(Of(arguments[i]));
        }
        return name.Append('>').ToString();
    }
}
