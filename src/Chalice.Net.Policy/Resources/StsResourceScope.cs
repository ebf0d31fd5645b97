using Chalice.Policy.Actions;
using Chalice.Policy.Values;

namespace Chalice.Policy.Resources;

/// <summary><c>sts:AssumeRole</c> is allowed on the role ARN the call names, when that is provable.</summary>
internal sealed class StsResourceScope : IResourceScope
{
    public ResourceGrant Resolve(ActionRequirement action, CallInputs inputs)
    {
        if (action.Name != "AssumeRole" || ArnText.Known(inputs.Get("RoleArn")) is not { } roles)
            return ResourceGrant.Any;
        return new ResourceGrant("Roles", roles.Select(ArnText.Of).ToArray());
    }
}
