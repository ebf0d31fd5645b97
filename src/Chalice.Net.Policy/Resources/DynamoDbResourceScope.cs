using Chalice.Policy.Actions;
using Chalice.Policy.Values;

namespace Chalice.Policy.Resources;

/// <summary>
/// DynamoDB actions on one table are allowed on <c>arn:aws:dynamodb:*:*:table/NAME</c> (region and account are not in
/// the code), plus <c>table/NAME/index/INDEX</c> when the call names an index (<c>index/*</c> when the index is not
/// provable). Calls without a provable table (batches, transactions, ListTables) get <c>"*"</c>.
/// </summary>
internal sealed class DynamoDbResourceScope : IResourceScope
{
    public ResourceGrant Resolve(ActionRequirement action, CallInputs inputs)
    {
        if (ArnText.Known(inputs.Get("TableName")) is not { } tables)
            return ResourceGrant.Any;
        var tableArns = tables.Select(t => "arn:aws:dynamodb:*:*:table/" + ArnText.Of(t)).ToArray();
        var indexes = inputs.Get("IndexName") switch
        {
            null => [],
            var index => ArnText.Known(index)?.Select(ArnText.Of).ToArray() ?? ["*"],
        };
        return new ResourceGrant("Tables", tableArns.Concat(tableArns.SelectMany(t => indexes.Select(i => $"{t}/index/{i}"))).ToArray());
    }
}
