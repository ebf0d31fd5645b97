using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chalice.Deploy.Aws.EventBridge;
using static Chalice.Deploy.Aws.EventBridge.EventBridgeOperations;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// EventBridge rules of the default event bus in memory, answering as EventBridge does for the operations the deployer
/// uses (the EventBridge model, shared/fixtures/aws-models/events/2015-10-07/service-2.json):
/// <list type="bullet">
/// <item>ARNs <c>arn:aws:events:REGION:ACCOUNT:rule/NAME</c>; ResourceNotFoundException (400) for an unknown rule;</item>
/// <item>PutRule replaces the whole rule ("If you omit arguments in PutRule, the old values for those arguments are
/// not kept") and ignores the tags of an existing rule ("any tags you specify in the PutRule operation are ignored"),
/// needs a schedule or a pattern (ValidationException), checks the pattern's JSON (InvalidEventPatternException) and
/// the schedule's form (ValidationException);</item>
/// <item>DeleteRule of a rule with targets is a ValidationException, of a missing rule a success ("all calls will
/// succeed").</item>
/// </list>
/// </summary>
internal sealed partial class InMemoryEventBridge(InMemoryCalls calls, string region, string account) : IEventBridgeApi
{
    private readonly Dictionary<string, Rule> _rules = new(StringComparer.Ordinal);

    public Task<string> PutRuleAsync(PutRuleRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(PutRule, () =>
        {
            if (request.ScheduleExpression is null && request.EventPattern is null)
                throw InMemoryCalls.Error(PutRule, HttpStatusCode.BadRequest, "ValidationException",
                    "Parameter(s) EventPattern or ScheduleExpression must be specified.");
            if (request.ScheduleExpression is { } schedule && !ScheduleExpression().IsMatch(schedule))
                throw InMemoryCalls.Error(PutRule, HttpStatusCode.BadRequest, "ValidationException", "Parameter ScheduleExpression is not valid.");
            if (request.EventPattern is { } pattern && !IsJsonObject(pattern))
                throw InMemoryCalls.Error(PutRule, HttpStatusCode.BadRequest, "InvalidEventPatternException",
                    "Event pattern is not valid. Reason: Invalid JSON");
            var exists = _rules.TryGetValue(request.Name, out var existing);
            var rule = new Rule($"arn:aws:events:{region}:{account}:rule/{request.Name}")
            {
                Name = request.Name,
                ScheduleExpression = request.ScheduleExpression,
                EventPattern = request.EventPattern,
                State = request.State ?? "ENABLED",
                Description = request.Description,
            };
            foreach (var (key, value) in exists ? existing!.Tags : request.Tags ?? new Dictionary<string, string>())
                rule.Tags[key] = value;
            foreach (var target in existing?.Targets.Values.ToList() ?? [])
                rule.Targets[target.Id] = target;
            _rules[request.Name] = rule;
            return rule.Arn;
        });

    public Task<EventBridgeRule?> DescribeRuleAsync(string name, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(DescribeRule, () => Find(DescribeRule, name).ToModel());

    public Task DeleteRuleAsync(string name, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteRule, () =>
        {
            if (!_rules.TryGetValue(name, out var rule))
                return;
            if (rule.Targets.Count > 0)
                throw InMemoryCalls.Error(DeleteRule, HttpStatusCode.BadRequest, "ValidationException", "Rule can't be deleted since it has targets.");
            _rules.Remove(name);
        });

    public Task PutTargetsAsync(string rule, IReadOnlyList<EventBridgeTarget> targets, CancellationToken cancellationToken = default) =>
        calls.Run(PutTargets, () =>
        {
            var found = FindOnBus(PutTargets, rule);
            foreach (var target in targets)
                found.Targets[target.Id] = target;
        });

    public Task RemoveTargetsAsync(string rule, IReadOnlyList<string> targetIds, CancellationToken cancellationToken = default) =>
        calls.Run(RemoveTargets, () =>
        {
            var found = FindOnBus(RemoveTargets, rule);
            foreach (var id in targetIds)
                found.Targets.Remove(id);
        });

    public Task<IReadOnlyList<EventBridgeTarget>> ListTargetsByRuleAsync(string rule, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<EventBridgeTarget>>(ListTargetsByRule, () => [.. Find(ListTargetsByRule, rule).Targets.Values]);

    public Task<IReadOnlyList<EventBridgeRule>> ListRulesAsync(string namePrefix, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<EventBridgeRule>>(ListRules, () =>
            [.. _rules.Values.Where(r => r.Name.StartsWith(namePrefix, StringComparison.Ordinal)).OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => r.ToModel())]);

    public Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        calls.Run(TagResource, () =>
        {
            var rule = ByArn(TagResource, resourceArn);
            foreach (var (key, value) in tags)
                rule.Tags[key] = value;
        });

    public Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyDictionary<string, string>>(ListTagsForResource,
            () => new Dictionary<string, string>(ByArn(ListTagsForResource, resourceArn).Tags, StringComparer.Ordinal));

    private Rule Find(Chalice.Deploy.Aws.AwsOperation operation, string name) =>
        _rules.TryGetValue(name, out var rule)
            ? rule
            : throw InMemoryCalls.Error(operation, HttpStatusCode.BadRequest, "ResourceNotFoundException", $"Rule {name} does not exist.");

    private Rule FindOnBus(Chalice.Deploy.Aws.AwsOperation operation, string name) =>
        _rules.TryGetValue(name, out var rule)
            ? rule
            : throw InMemoryCalls.Error(operation, HttpStatusCode.BadRequest, "ResourceNotFoundException",
                $"Rule {name} does not exist on EventBus default.");

    private Rule ByArn(Chalice.Deploy.Aws.AwsOperation operation, string arn) =>
        FindOnBus(operation, arn[(arn.LastIndexOf('/') + 1)..]) is { } rule && rule.Arn == arn
            ? rule
            : throw InMemoryCalls.Error(operation, HttpStatusCode.BadRequest, "ResourceNotFoundException", $"Rule {arn} does not exist.");

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // rate(value unit) and cron(six fields) (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
    [GeneratedRegex(@"^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\(\S+( \S+){5}\))$")]
    private static partial Regex ScheduleExpression();

    private sealed class Rule(string arn)
    {
        public string Arn { get; } = arn;

        public required string Name { get; init; }

        public string? ScheduleExpression { get; init; }

        public string? EventPattern { get; init; }

        public required string State { get; init; }

        public string? Description { get; init; }

        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, EventBridgeTarget> Targets { get; } = new(StringComparer.Ordinal);

        public EventBridgeRule ToModel() => new()
        {
            Name = Name,
            Arn = Arn,
            ScheduleExpression = ScheduleExpression,
            EventPattern = EventPattern,
            State = State,
            Description = Description,
            EventBusName = "default",
        };
    }
}
