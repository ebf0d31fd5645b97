using System.Text.Json.Nodes;
using Chalice.Deploy.Templates;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// <c>package --merge-template</c> and <c>--template-format yaml</c>: Chalice's deep merge (chalice/package.py,
/// TemplateDeepMerger), CloudFormation's YAML short forms read as their JSON forms
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html), and YAML
/// written so that it reads back as the same template.
/// </summary>
public sealed class TemplateMergeTests
{
    private static readonly JsonObject s_generated = JsonNode.Parse("""
        {
          "Resources": {
            "APIHandler": { "Type": "AWS::Serverless::Function", "Properties": { "MemorySize": 128, "Layers": ["a"], "Tags": { "x": "1" } } }
          },
          "Outputs": { "EndpointURL": { "Value": "u" } }
        }
        """)!.AsObject();

    [Fact]
    public void Objects_merge_key_by_key_and_anything_else_replaces_the_generated_value()
    {
        var user = JsonNode.Parse("""
            {
              "Resources": {
                "APIHandler": { "Properties": { "MemorySize": 512, "Layers": ["b"], "Tags": { "y": "2" } } },
                "Table": { "Type": "AWS::DynamoDB::Table" }
              },
              "Outputs": "replaced"
            }
            """)!.AsObject();

        var merged = TemplateMerge.Merge(user, s_generated);

        var properties = merged["Resources"]!["APIHandler"]!["Properties"]!;
        Assert.Equal("AWS::Serverless::Function", merged["Resources"]!["APIHandler"]!["Type"]!.GetValue<string>());
        Assert.Equal(512, properties["MemorySize"]!.GetValue<int>());
        Assert.Equal("""["b"]""", properties["Layers"]!.ToJsonString());
        Assert.Equal("""{"x":"1","y":"2"}""", properties["Tags"]!.ToJsonString());
        Assert.Equal("AWS::DynamoDB::Table", merged["Resources"]!["Table"]!["Type"]!.GetValue<string>());
        Assert.Equal("replaced", merged["Outputs"]!.GetValue<string>());
        Assert.Equal(128, s_generated["Resources"]!["APIHandler"]!["Properties"]!["MemorySize"]!.GetValue<int>());
    }

    [Fact]
    public void YAML_short_forms_read_as_CloudFormations_JSON_forms()
    {
        var template = CloudFormationYaml.Read("""
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "${AWS::StackName}-orders"
                  BillingMode: PAY_PER_REQUEST
              APIHandler:
                Properties:
                  Environment:
                    Variables:
                      TABLE: !Ref Table
                      STREAM: !GetAtt Table.StreamArn
                      JOINED: !Join [",", [a, !Ref Table]]
                      PORT: "8080"
                  Timeout: 30
                  Enabled: true
                  Ratio: 0.5
                  Nothing: null
              Guarded:
                Condition: !Condition IsProd
            """, "merge.yaml");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {
              "Resources": {
                "Table": { "Type": "AWS::DynamoDB::Table", "Properties": { "TableName": { "Fn::Sub": "${AWS::StackName}-orders" }, "BillingMode": "PAY_PER_REQUEST" } },
                "APIHandler": { "Properties": {
                  "Environment": { "Variables": {
                    "TABLE": { "Ref": "Table" }, "STREAM": { "Fn::GetAtt": ["Table", "StreamArn"] },
                    "JOINED": { "Fn::Join": [",", ["a", { "Ref": "Table" }]] }, "PORT": "8080" } },
                  "Timeout": 30, "Enabled": true, "Ratio": 0.5, "Nothing": null } },
                "Guarded": { "Condition": { "Condition": "IsProd" } }
              }
            }
            """), template), template.ToJsonString());
    }

    [Fact]
    public void Written_YAML_reads_back_as_the_same_template()
    {
        var template = JsonNode.Parse("""
            { "A": "true", "B": "123", "C": "", "D": "plain text", "E": "a: b", "F": { "Fn::Sub": "${X}/api/" }, "G": [1, 2.5, false, null],
              "H": "multi\nline", "I": " padded ", "J": "#not a comment", "K": "null" }
            """)!.AsObject();

        var yaml = CloudFormationYaml.Write(template);

        Assert.True(JsonNode.DeepEquals(template, CloudFormationYaml.Read(yaml, "written.yaml")), yaml);
    }

    [Theory]
    [InlineData("merge.yaml", "Resources: [unclosed", "merge.yaml is not a valid YAML template")]
    [InlineData("merge.json", "{ \"Resources\": ", "merge.json is not a valid JSON template")]
    [InlineData("merge.yml", "- a list", "merge.yml must hold one YAML mapping (a template).")]
    public void A_template_that_cannot_be_read_is_one_line_naming_it(string name, string text, string message)
    {
        var directory = Directory.CreateTempSubdirectory("chalice-merge-").FullName;
        try
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text);

            var error = Assert.Throws<InvalidDataException>(() => TemplateMerge.Load(path));

            Assert.StartsWith(Path.Combine(directory, message), error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
