using Chalice.Policy.Resources;

namespace Chalice.Policy.Analysis;

/// <summary>One AWS SDK call site and the permissions inferred for it.</summary>
internal sealed record InferredCall(string File, int Line, string Member, IReadOnlyList<(string Action, ResourceGrant Grant)> Grants);
