using Chalice.Policy.Documents;

namespace Chalice.Policy;

/// <summary>A policy document and the warnings about calls it may not fully cover.</summary>
/// <param name="Document">The policy.</param>
/// <param name="Json">The policy's JSON text as it should be written (verbatim for a user's policy file).</param>
/// <param name="Warnings">Calls the analyzer could not resolve, in source order.</param>
public sealed record PolicyAnalysisResult(PolicyDocument Document, string Json, IReadOnlyList<PolicyWarning> Warnings);
