using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DynamoDbApp;

// No hand-written table knows DynamoDB: its prefix comes from the SDK assembly itself.
public sealed class Orders(IAmazonDynamoDB dynamo)
{
    private const string Table = "orders";

    public Task Save(Dictionary<string, AttributeValue> item) => dynamo.PutItemAsync(Table, item);

    public Task<GetItemResponse> Load(string id) =>
        dynamo.GetItemAsync(Table, new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = id } });

    public Task<QueryResponse> ByCustomer(string customer) => dynamo.QueryAsync(new QueryRequest
    {
        TableName = Table,
        IndexName = "by-customer",
        KeyConditionExpression = "customer = :c",
        ExpressionAttributeValues = new() { [":c"] = new AttributeValue { S = customer } },
    });

    // A transaction names its tables per item: not narrowed.
    public Task Transfer(List<TransactWriteItem> items) =>
        dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items });
}
