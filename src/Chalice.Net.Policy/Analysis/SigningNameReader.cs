using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Chalice.Policy.Analysis;

/// <summary>
/// Reads the SigV4 signing name of an AWS SDK service (<c>s3</c>, <c>sqs</c>, <c>dynamodb</c>, …) from the SDK
/// assembly itself: each service's <c>ClientConfig</c> constructor assigns it with a string literal
/// (<c>AuthenticationServiceName = "s3"</c>). The signing name is the IAM prefix for nearly every service, so any
/// AWSSDK package an app references is covered without a per-service list.
/// </summary>
internal static class SigningNameReader
{
    private const string Setter = "set_AuthenticationServiceName";

    private static readonly Lazy<(OpCode[] OneByte, OpCode[] TwoByte)> s_opCodes = new(LoadOpCodes);

    /// <summary>The signing name set by the constructor of <paramref name="configTypeName"/>, or null.</summary>
    public static string? Read(string assemblyPath, string configTypeNamespace, string configTypeName)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (!metadata.StringComparer.Equals(type.Name, configTypeName) ||
                !metadata.StringComparer.Equals(type.Namespace, configTypeNamespace))
                continue;
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (metadata.StringComparer.Equals(method.Name, ".ctor") && method.RelativeVirtualAddress != 0 &&
                    FindAssignedString(pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader(), metadata) is { } name)
                    return name;
            }
        }
        return null;
    }

    /// <summary>Finds <c>ldstr "x"</c> immediately followed by a call to the signing-name setter.</summary>
    private static string? FindAssignedString(BlobReader il, MetadataReader metadata)
    {
        var (oneByte, twoByte) = s_opCodes.Value;
        string? lastString = null;
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var opCode = first == 0xFE ? twoByte[il.ReadByte()] : oneByte[first];
            var pending = lastString;
            lastString = null;
            switch (opCode.OperandType)
            {
                case OperandType.InlineString:
                    lastString = metadata.GetUserString((UserStringHandle)MetadataTokens.Handle(il.ReadInt32()));
                    break;
                case OperandType.InlineMethod:
                    if (pending is not null && CalleeName(metadata, MetadataTokens.EntityHandle(il.ReadInt32())) == Setter)
                        return pending;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    il.Offset += 4 * il.ReadInt32();
                    break;
                default:
                    il.Offset += 4;
                    break;
            }
        }
        return null;
    }

    private static string? CalleeName(MetadataReader metadata, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.MemberReference => metadata.GetString(metadata.GetMemberReference((MemberReferenceHandle)handle).Name),
        HandleKind.MethodDefinition => metadata.GetString(metadata.GetMethodDefinition((MethodDefinitionHandle)handle).Name),
        _ => null,
    };

    private static (OpCode[], OpCode[]) LoadOpCodes()
    {
        var oneByte = new OpCode[256];
        var twoByte = new OpCode[256];
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var opCode = (OpCode)field.GetValue(null)!;
            if (opCode.Size == 1)
                oneByte[(ushort)opCode.Value] = opCode;
            else
                twoByte[(ushort)opCode.Value & 0xFF] = opCode;
        }
        return (oneByte, twoByte);
    }
}
