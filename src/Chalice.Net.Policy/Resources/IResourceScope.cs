using Chalice.Policy.Actions;
using Chalice.Policy.Values;

namespace Chalice.Policy.Resources;

/// <summary>Narrows the resources of one service's actions from the inputs of a call.</summary>
internal interface IResourceScope
{
    ResourceGrant Resolve(ActionRequirement action, CallInputs inputs);
}
