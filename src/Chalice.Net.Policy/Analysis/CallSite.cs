using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Chalice.Policy.Analysis;

/// <summary>
/// A place where the app calls a method: an invocation with its arguments, or a method group turned into a delegate
/// (<c>Retry(s3.GetObjectAsync)</c>), whose arguments are not known; <c>Owner</c> is the piece of code it is in
/// (<see cref="CodeOwner"/>).
/// </summary>
internal sealed record CallSite(IMethodSymbol Method, ImmutableArray<IArgumentOperation> Arguments, SyntaxNode Syntax, Compilation Compilation, ISymbol Owner);
