using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Chalice.Policy.Values;

/// <summary>
/// Every value written to the app's fields, properties and locals, and to the members of objects held in locals,
/// collected in one pass over all method bodies. Evaluation is flow-insensitive: a symbol may hold any value ever
/// written to it, which is sound for a policy that must allow every call the code can make. A null entry is a write
/// whose value cannot be known (<c>out</c>, <c>ref</c>, compound assignment, deconstruction).
/// </summary>
internal sealed class WriteIndex
{
    private readonly Dictionary<string, List<IOperation?>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<ILocalSymbol, List<IOperation?>> _locals = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<(ILocalSymbol Local, string Member), List<IOperation?>> _localMembers =
        new(LocalMemberComparer.Instance);

    /// <summary>Records <paramref name="value"/> (null: unknown) written to <paramref name="target"/>.</summary>
    public void RecordWrite(IOperation target, IOperation? value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                Add(_locals, local.Local, value);
                break;
            case IMemberReferenceOperation { Instance: ILocalReferenceOperation holder } member
                when member.Member is IPropertySymbol or IFieldSymbol:
                Add(_localMembers, (holder.Local, member.Member.Name), value);
                if (member.Member.DeclaringSyntaxReferences.Length > 0)
                    Add(_members, SymbolKey.Of(member.Member), value);
                break;
            case IMemberReferenceOperation member when member.Member is IPropertySymbol or IFieldSymbol:
                Add(_members, SymbolKey.Of(member.Member), value);
                break;
        }
    }

    /// <summary>Records the initializer of a local's declaration.</summary>
    public void RecordLocal(ILocalSymbol local, IOperation? value) => Add(_locals, local, value);

    /// <summary>Values assigned to a source field or property outside its declaration.</summary>
    public IReadOnlyList<IOperation?> WritesTo(ISymbol member) =>
        _members.TryGetValue(SymbolKey.Of(member), out var writes) ? writes : [];

    /// <summary>Values assigned to a local, its declaration's initializer included.</summary>
    public IReadOnlyList<IOperation?> WritesTo(ILocalSymbol local) =>
        _locals.TryGetValue(local, out var writes) ? writes : [];

    /// <summary>Values assigned to <c>local.member</c> after the object was created.</summary>
    public IReadOnlyList<IOperation?> WritesTo(ILocalSymbol local, string member) =>
        _localMembers.TryGetValue((local, member), out var writes) ? writes : [];

    private static void Add<TKey>(Dictionary<TKey, List<IOperation?>> map, TKey key, IOperation? value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        list.Add(value);
    }

    private sealed class LocalMemberComparer : IEqualityComparer<(ILocalSymbol Local, string Member)>
    {
        public static readonly LocalMemberComparer Instance = new();

        public bool Equals((ILocalSymbol Local, string Member) x, (ILocalSymbol Local, string Member) y) =>
            SymbolEqualityComparer.Default.Equals(x.Local, y.Local) && x.Member == y.Member;

        public int GetHashCode((ILocalSymbol Local, string Member) obj) =>
            HashCode.Combine(SymbolEqualityComparer.Default.GetHashCode(obj.Local), obj.Member);
    }
}
