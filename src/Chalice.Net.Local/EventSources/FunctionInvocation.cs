using Chalice.Functions;

namespace Chalice.Local.EventSources;

/// <summary>
/// Invokes one of the app's functions with a payload and returns its result JSON; a handler's exception is the
/// invocation's error. The emulator passes the dispatcher's <c>InvokeAsync</c>, the path every host takes.
/// </summary>
internal delegate ValueTask<byte[]> FunctionInvocation(FunctionDefinition function, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
