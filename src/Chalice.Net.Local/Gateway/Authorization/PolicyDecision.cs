namespace Chalice.Gateway.Authorization;

/// <summary>What API Gateway concludes from a Lambda authorizer's policy for one method ARN.</summary>
internal enum PolicyDecision
{
    /// <summary>A statement allows the call and none denies it.</summary>
    Allow,

    /// <summary>No statement allows the call: 403 "User is not authorized to access this resource".</summary>
    ImplicitDeny,

    /// <summary>A statement denies the call, whatever others allow: 403 "... with an explicit deny".</summary>
    ExplicitDeny,
}
