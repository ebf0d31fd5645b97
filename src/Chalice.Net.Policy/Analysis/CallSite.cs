using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Chalice.Policy.Analysis;

/// <summary>
/// A place where the app calls a method: an invocation with its arguments, or a method group turned into a delegate
/// (<c>Retry(s3.GetObjectAsync)</c>), whose arguments are not known.
/// </summary>
internal sealed record CallSite(IMethodSymbol Method, ImmutableArray<IArgumentOperation> Arguments, SyntaxNode Syntax, Compilation Compilation);
