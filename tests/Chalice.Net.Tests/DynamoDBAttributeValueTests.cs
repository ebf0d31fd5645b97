using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>
/// Attribute values in DynamoDB's JSON (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html)
/// read as .NET values, on the item of every type in AWS's sample (shared/fixtures/events/dynamodb-event.json, second record).
/// </summary>
public sealed class DynamoDBAttributeValueTests
{
    private static Dictionary<string, DynamoDBAttributeValue> SampleItem() =>
        LambdaEventJson.Parse<DynamoDBEvent>(SharedFixtures.ReadText("events/dynamodb-event.json")).Records[1].DynamoDB.NewImage!;

    [Fact]
    public void Every_type_reads_as_its_dot_net_value()
    {
        var item = SampleItem();

        Assert.Equal("Hello", item["String"].AsString());
        Assert.Equal(123.45m, item["FloatNumber"].AsNumber<decimal>());
        Assert.Equal(123.45, item["FloatNumber"].AsNumber<double>());
        Assert.Equal(123, item["IntegerNumber"].AsNumber<int>());
        Assert.Equal(123L, item["IntegerNumber"].AsNumber<long>());
        Assert.Equal(new byte[] { 0x00, 0x01, 0x2A, 0x41 }, item["Binary"].AsBytes()); // "AAEqQQ=="
        Assert.True(item["Boolean"].AsBoolean());
        Assert.True(item["Null"].IsNull);
        Assert.False(item["String"].IsNull);
        Assert.Equal(["Giraffe", "Zebra"], item["StringSet"].AsStringSet());
        Assert.Empty(item["EmptyStringSet"].AsStringSet());
        Assert.Equal([1234m, 567.8m], item["NumberSet"].AsNumberSet<decimal>());
        Assert.Equal(2, item["BinarySet"].AsBinarySet().Count);
        Assert.Equal(["Cookies", "Coffee"], item["List"].AsList().Take(2).Select(v => v.AsString()));
        Assert.Equal(3.14159m, item["List"].AsList()[2].AsNumber<decimal>());
        Assert.Equal("Joe", item["Map"].AsMap()["Name"].AsString());
        Assert.Equal(35, item["Map"].AsMap()["Age"].AsNumber<int>());
    }

    [Theory]
    [InlineData("String", DynamoDBAttributeType.String)]
    [InlineData("FloatNumber", DynamoDBAttributeType.Number)]
    [InlineData("Binary", DynamoDBAttributeType.Binary)]
    [InlineData("StringSet", DynamoDBAttributeType.StringSet)]
    [InlineData("EmptyStringSet", DynamoDBAttributeType.StringSet)]
    [InlineData("NumberSet", DynamoDBAttributeType.NumberSet)]
    [InlineData("BinarySet", DynamoDBAttributeType.BinarySet)]
    [InlineData("Map", DynamoDBAttributeType.Map)]
    [InlineData("List", DynamoDBAttributeType.List)]
    [InlineData("Null", DynamoDBAttributeType.Null)]
    [InlineData("Boolean", DynamoDBAttributeType.Boolean)]
    public void Type_names_the_member_that_is_set(string attribute, DynamoDBAttributeType type) =>
        Assert.Equal(type, SampleItem()[attribute].Type);

    [Fact]
    public void Reading_as_the_wrong_type_names_both()
    {
        var item = SampleItem();

        Assert.Equal("The attribute is a string (S), not a number (N).",
            Assert.Throws<InvalidOperationException>(() => item["String"].AsNumber<int>()).Message);
        Assert.Equal("The attribute is null (NULL), not a Boolean (BOOL).",
            Assert.Throws<InvalidOperationException>(() => item["Null"].AsBoolean()).Message);
        Assert.Equal("The attribute is a number set (NS), not a string set (SS).",
            Assert.Throws<InvalidOperationException>(() => item["NumberSet"].AsStringSet()).Message);
    }

    [Theory]
    [InlineData("4294967296", "The number 4294967296 does not fit Int32.")]
    [InlineData("123.45", "The number 123.45 does not fit Int32.")]
    public void A_number_that_does_not_fit_the_type_says_so(string number, string message) =>
        Assert.Equal(message, Assert.Throws<OverflowException>(() => new DynamoDBAttributeValue { N = number }.AsNumber<int>()).Message);

    [Fact]
    public void A_fraction_does_not_fit_a_big_integer() =>
        Assert.Equal("The number 3.5 does not fit BigInteger.",
            Assert.Throws<OverflowException>(() => new DynamoDBAttributeValue { N = "3.5" }.AsNumber<BigInteger>()).Message);

    [Fact]
    public void Thirty_eight_digit_numbers_keep_every_digit()
    {
        // DynamoDB numbers have up to 38 digits of precision: more than decimal (28) or double (17) hold.
        const string big = "12345678901234567890123456789012345678";
        var value = new DynamoDBAttributeValue { N = big };

        Assert.Equal(BigInteger.Parse(big), value.AsNumber<BigInteger>());
        Assert.Equal(big, value.ToJsonNode()!.ToJsonString());
    }

    [Fact]
    public void An_item_reads_as_plain_JSON()
    {
        var plain = SampleItem().ToJsonObject();

        var expected = JsonNode.Parse("""
            {
              "val": "data", "asdf1": "AAEqQQ==", "b2": "test", "asdf2": ["AAEqQQ==", "QSoBAA==", "AAEqQQ=="],
              "key": "binary", "Binary": "AAEqQQ==", "Boolean": true, "BinarySet": ["AAEqQQ==", "AAEqQQ=="],
              "List": ["Cookies", "Coffee", 3.14159], "Map": {"Name": "Joe", "Age": 35}, "FloatNumber": 123.45,
              "IntegerNumber": 123, "NumberSet": [1234, 567.8], "Null": null, "String": "Hello",
              "StringSet": ["Giraffe", "Zebra"], "EmptyStringSet": []
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, plain), plain.ToJsonString());
    }

    [Fact]
    public void An_item_reads_as_an_app_type_through_its_source_generated_metadata()
    {
        var item = SampleItem().Deserialize(DynamoDBTestJsonContext.Default.SampleItem)!;

        Assert.Equal("Hello", item.String);
        Assert.Equal(123.45m, item.FloatNumber);
        Assert.Equal(new byte[] { 0x00, 0x01, 0x2A, 0x41 }, item.Binary);
        Assert.Equal(["Giraffe", "Zebra"], item.StringSet);
        Assert.Equal(35, item.Map!.Age);
        Assert.Null(item.Null);
    }

    [Fact]
    public void An_unknown_type_is_kept_and_reported_when_converted()
    {
        var value = JsonSerializer.Deserialize("""{"VECTOR":[1,2]}""", DynamoDBTestJsonContext.Default.DynamoDBAttributeValue)!;

        Assert.Equal(DynamoDBAttributeType.Unknown, value.Type);
        Assert.Equal("The attribute has no type this version knows (members: VECTOR).",
            Assert.Throws<InvalidOperationException>(() => value.ToJsonNode()).Message);
    }
}

internal sealed record SampleItem(
    string? String, decimal FloatNumber, byte[]? Binary, List<string>? StringSet, SampleMap? Map, string? Null);

internal sealed record SampleMap(string Name, int Age);

[JsonSerializable(typeof(SampleItem))]
[JsonSerializable(typeof(DynamoDBAttributeValue))]
internal sealed partial class DynamoDBTestJsonContext : JsonSerializerContext;
