// This file is compiled into both Chalice.Net and Chalice.Net.Generators (netstandard2.0), so that the runtime and the
// compile-time diagnostics agree on what a valid template is. Keep it to C# that netstandard2.0 accepts.
using System.Collections.Generic;

namespace Chalice.Routing
{
    internal enum RouteSegmentKind
    {
        Literal,
        Parameter,
        Greedy,
    }

    internal readonly struct RouteSegment
    {
        public RouteSegment(RouteSegmentKind kind, string value)
        {
            Kind = kind;
            Value = value;
        }

        public RouteSegmentKind Kind { get; }

        /// <summary>The literal text, or the parameter name without braces and <c>+</c>.</summary>
        public string Value { get; }
    }

    /// <summary>API Gateway's resource path syntax: <c>/literal/{param}/{greedy+}</c>.</summary>
    internal static class RouteTemplateSyntax
    {
        public static bool TryParse(string template, out RouteSegment[] segments, out string error)
        {
            segments = new RouteSegment[0];
            error = "";
            if (string.IsNullOrEmpty(template) || template[0] != '/')
            {
                error = "a route path must start with '/'";
                return false;
            }
            if (template == "/")
                return true;
            if (template[template.Length - 1] == '/')
            {
                error = "a route path must not end with '/'";
                return false;
            }

            var parts = template.Substring(1).Split('/');
            var result = new List<RouteSegment>(parts.Length);
            var names = new HashSet<string>();
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                if (part.Length == 0)
                {
                    error = "a route path must not contain an empty segment ('//')";
                    return false;
                }
                if (part[0] == '{' && part[part.Length - 1] == '}')
                {
                    var greedy = part.Length > 2 && part[part.Length - 2] == '+';
                    var name = part.Substring(1, part.Length - (greedy ? 3 : 2));
                    if (!IsParameterName(name))
                    {
                        error = "'" + part + "' is not a valid parameter: use {name} or {name+} with letters, digits, '_', '-' or '.'";
                        return false;
                    }
                    if (greedy && i != parts.Length - 1)
                    {
                        error = "the greedy parameter '" + part + "' must be the last segment";
                        return false;
                    }
                    if (!names.Add(name))
                    {
                        error = "the parameter '{" + name + "}' appears twice";
                        return false;
                    }
                    result.Add(new RouteSegment(greedy ? RouteSegmentKind.Greedy : RouteSegmentKind.Parameter, name));
                    continue;
                }
                foreach (var c in part)
                {
                    if (!IsLiteralChar(c))
                    {
                        error = "the segment '" + part + "' contains '" + c + "'; a segment is either literal text or a whole {parameter}";
                        return false;
                    }
                }
                result.Add(new RouteSegment(RouteSegmentKind.Literal, part));
            }
            segments = result.ToArray();
            return true;
        }

        private static bool IsParameterName(string name)
        {
            if (name.Length == 0)
                return false;
            foreach (var c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
                    return false;
            }
            return true;
        }

        // The characters API Gateway accepts in a resource path part.
        private static bool IsLiteralChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_' || c == '.' || c == ':' || c == '~' || c == '@' || c == '$' || c == '!'
            || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' || c == ',' || c == ';' || c == '=';
    }
}
