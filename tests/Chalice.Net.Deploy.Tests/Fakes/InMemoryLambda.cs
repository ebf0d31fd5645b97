using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Chalice.Deploy.Aws.Lambda;
using static Chalice.Deploy.Aws.Lambda.LambdaOperations;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// Lambda functions in memory, answering as Lambda does for the operations the deployer uses:
/// <list type="bullet">
/// <item>error codes and statuses of the Lambda model (shared/fixtures/aws-models/lambda/2015-03-31/service-2.json:
/// ResourceNotFoundException 404, ResourceConflictException 409, InvalidParameterValueException 400);</item>
/// <item>ARNs <c>arn:aws:lambda:REGION:ACCOUNT:function:NAME</c> and CodeSha256, the base64 SHA-256 of the zip
/// (https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html);</item>
/// <item>a created function is <c>Pending</c>, an updated one <c>InProgress</c>, in the answer and the next
/// <see cref="TransitionReads"/> reads of it, and an update meanwhile is a conflict
/// (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html);</item>
/// <item>the resource policy's statements as <c>GetPolicy</c> returns them, with <c>ArnLike</c> on
/// <c>AWS:SourceArn</c> and <c>StringEquals</c> on <c>AWS:SourceAccount</c>
/// (https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html), and
/// ResourceNotFoundException for a function without statements (https://github.com/getmoto/moto/issues/7475);</item>
/// <item>event source mappings that are <c>Creating</c>, <c>Updating</c> or <c>Deleting</c> in the answer and the
/// next <see cref="TransitionReads"/> reads, refuse updates and deletes meanwhile (ResourceInUseException, 400: "you
/// tried to update an event source mapping in the CREATING state, or you tried to delete an event source mapping
/// currently UPDATING", the model's), refuse a second mapping of the same source to the same function
/// (ResourceConflictException, 409: https://github.com/serverless/serverless/issues/8550), a queue that does not
/// exist (InvalidParameterValueException: https://github.com/hashicorp/terraform/issues/26654) and a starting position
/// for a queue (InvalidParameterValueException: https://github.com/motdotla/node-lambda/issues/466).</item>
/// </list>
/// </summary>
internal sealed class InMemoryLambda(InMemoryCalls calls, InMemoryIam iam, InMemorySqs sqs, string region, string account) : ILambdaApi
{
    private readonly Dictionary<string, Function> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Mapping> _mappings = new(StringComparer.Ordinal);
    private int _revisions;

    /// <summary>How many reads of a function still report it <c>Pending</c> or <c>InProgress</c> after the create or update answered so.</summary>
    public int TransitionReads { get; set; }

    /// <summary>The functions that exist, by name.</summary>
    public IReadOnlyCollection<string> FunctionNames => [.. _functions.Keys];

    /// <summary>A function's resource policy statements (JSON objects), for assertions.</summary>
    public IReadOnlyList<JsonObject> Statements(string functionName) => [.. Find(GetPolicy, functionName).Statements.Values];

    /// <summary>A function as <c>GetFunction</c> answers, without counting a call or advancing its state.</summary>
    public LambdaFunction Inspect(string functionName) => Find(GetFunction, functionName).ToModel();

    /// <summary>
    /// Whether the function's policy lets <paramref name="principal"/> invoke it from <paramref name="sourceArn"/>: what a
    /// service checks before it accepts the function as a destination (S3 does).
    /// </summary>
    public bool GrantsInvoke(string functionArn, string principal, string sourceArn) =>
        _functions.Values.FirstOrDefault(f => f.Arn == functionArn) is { } function &&
        LambdaPolicyStatement.ReadAll(new JsonObject { ["Statement"] = new JsonArray([.. function.Statements.Values.Select(s => s.DeepClone())]) }.ToJsonString())
            .Any(s => s.Effect == "Allow" && s.Principal == principal && s.Action is "lambda:InvokeFunction" or "lambda:*" &&
                      (s.SourceArn is null || s.SourceArn == sourceArn));

    public Task<LambdaFunction?> GetFunctionAsync(string functionName, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(GetFunction, () =>
        {
            var function = Find(GetFunction, functionName);
            function.Read();
            return function.ToModel();
        });

    public Task<LambdaFunctionConfiguration> GetFunctionConfigurationAsync(string functionName, CancellationToken cancellationToken = default) =>
        calls.Run(GetFunctionConfiguration, () =>
        {
            var function = Find(GetFunctionConfiguration, functionName);
            function.Read();
            return function.Configuration();
        });

    public Task<LambdaFunctionConfiguration> CreateFunctionAsync(CreateFunctionRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateFunction, () =>
        {
            if (_functions.ContainsKey(request.FunctionName))
                throw InMemoryCalls.Error(CreateFunction, HttpStatusCode.Conflict, "ResourceConflictException",
                    $"Function already exist: {request.FunctionName}");
            RequireRole(CreateFunction, request.Role);
            var zip = request.Code.ZipFile ?? throw InMemoryCalls.Error(CreateFunction, HttpStatusCode.BadRequest,
                "InvalidParameterValueException", "Please provide a source for function code.");
            var function = new Function(request.FunctionName, $"arn:aws:lambda:{region}:{account}:function:{request.FunctionName}")
            {
                Role = request.Role,
                Runtime = request.Runtime,
                Handler = request.Handler,
                MemorySize = request.MemorySize ?? 128,
                Timeout = request.Timeout ?? 3,
                Environment = request.Environment?.Variables is { } variables ? new Dictionary<string, string>(variables) : null,
                Architecture = request.Architectures is [var architecture] ? architecture : "x86_64",
                Revision = NextRevision(),
                VpcConfig = request.VpcConfig,
                Layers = request.Layers ?? [],
                TracingMode = request.TracingConfig?.Mode ?? "PassThrough",
                EphemeralStorage = request.EphemeralStorage?.Size ?? 512,
            };
            function.SetCode(zip);
            function.Begin("State", TransitionReads);
            foreach (var (key, value) in request.Tags ?? new Dictionary<string, string>())
                function.Tags[key] = value;
            _functions[function.Name] = function;
            return function.Configuration();
        });

    public Task<LambdaFunctionConfiguration> UpdateFunctionCodeAsync(UpdateFunctionCodeRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateFunctionCode, () =>
        {
            var function = Updatable(UpdateFunctionCode, request.FunctionName);
            function.SetCode(request.ZipFile ?? throw InMemoryCalls.Error(UpdateFunctionCode, HttpStatusCode.BadRequest,
                "InvalidParameterValueException", "Please provide a source for function code."));
            if (request.Architectures is [var architecture])
                function.Architecture = architecture;
            function.Revision = NextRevision();
            function.Begin("LastUpdateStatus", TransitionReads);
            return function.Configuration();
        });

    public Task<LambdaFunctionConfiguration> UpdateFunctionConfigurationAsync(
        UpdateFunctionConfigurationRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateFunctionConfiguration, () =>
        {
            var function = Updatable(UpdateFunctionConfiguration, request.FunctionName);
            if (request.Role is not null)
            {
                RequireRole(UpdateFunctionConfiguration, request.Role);
                function.Role = request.Role;
            }
            function.Runtime = request.Runtime ?? function.Runtime;
            function.Handler = request.Handler ?? function.Handler;
            function.MemorySize = request.MemorySize ?? function.MemorySize;
            function.Timeout = request.Timeout ?? function.Timeout;
            if (request.Environment is not null)
                function.Environment = request.Environment.Variables is { } variables ? new Dictionary<string, string>(variables) : null;
            // As Lambda, not moto 5.2.1 (whose UpdateFunctionConfiguration ignores TracingConfig and EphemeralStorage):
            // every member sent replaces the function's (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html).
            function.VpcConfig = request.VpcConfig ?? function.VpcConfig;
            function.Layers = request.Layers ?? function.Layers;
            function.TracingMode = request.TracingConfig?.Mode ?? function.TracingMode;
            function.EphemeralStorage = request.EphemeralStorage?.Size ?? function.EphemeralStorage;
            function.Revision = NextRevision();
            function.Begin("LastUpdateStatus", TransitionReads);
            return function.Configuration();
        });

    public Task<int> PutFunctionConcurrencyAsync(string functionName, int reservedConcurrentExecutions, CancellationToken cancellationToken = default) =>
        calls.Run(PutFunctionConcurrency, () => (Find(PutFunctionConcurrency, functionName).ReservedConcurrency = reservedConcurrentExecutions).Value);

    public Task DeleteFunctionConcurrencyAsync(string functionName, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteFunctionConcurrency, () => Find(DeleteFunctionConcurrency, functionName).ReservedConcurrency = null);

    public Task<string> AddPermissionAsync(AddPermissionRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(AddPermission, () =>
        {
            var function = Find(AddPermission, request.FunctionName);
            if (function.Statements.ContainsKey(request.StatementId))
                throw InMemoryCalls.Error(AddPermission, HttpStatusCode.Conflict, "ResourceConflictException",
                    $"The statement id ({request.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.");
            var statement = new JsonObject
            {
                ["Sid"] = request.StatementId,
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = request.Principal },
                ["Action"] = request.Action,
                ["Resource"] = function.Arn,
            };
            var condition = new JsonObject();
            if (request.SourceArn is { } sourceArn)
                condition["ArnLike"] = new JsonObject { ["AWS:SourceArn"] = sourceArn };
            if (request.SourceAccount is { } sourceAccount)
                condition["StringEquals"] = new JsonObject { ["AWS:SourceAccount"] = sourceAccount };
            if (condition.Count > 0)
                statement["Condition"] = condition;
            function.Statements[request.StatementId] = statement;
            return statement.ToJsonString();
        });

    public Task RemovePermissionAsync(string functionName, string statementId, CancellationToken cancellationToken = default) =>
        calls.Run(RemovePermission, () =>
        {
            if (!Find(RemovePermission, functionName).Statements.Remove(statementId))
                throw InMemoryCalls.Error(RemovePermission, HttpStatusCode.NotFound, "ResourceNotFoundException",
                    "No policy is associated with the given resource.");
        });

    public Task<LambdaPolicy?> GetPolicyAsync(string functionName, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(GetPolicy, () =>
        {
            var function = Find(GetPolicy, functionName);
            if (function.Statements.Count == 0)
                throw InMemoryCalls.Error(GetPolicy, HttpStatusCode.NotFound, "ResourceNotFoundException", "The resource you requested does not exist.");
            var policy = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Id"] = "default",
                ["Statement"] = new JsonArray([.. function.Statements.Values.Select(s => s.DeepClone())]),
            };
            return new LambdaPolicy(policy.ToJsonString(), function.Revision);
        });

    public Task DeleteFunctionAsync(string functionName, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteFunction, () => _functions.Remove(Find(DeleteFunction, functionName).Name));

    public Task TagResourceAsync(string functionArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        calls.Run(TagResource, () =>
        {
            var function = ByArn(TagResource, functionArn);
            foreach (var (key, value) in tags)
                function.Tags[key] = value;
        });

    public Task UntagResourceAsync(string functionArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken = default) =>
        calls.Run(UntagResource, () =>
        {
            var function = ByArn(UntagResource, functionArn);
            foreach (var key in tagKeys)
                function.Tags.Remove(key);
        });

    public Task<EventSourceMapping> CreateEventSourceMappingAsync(CreateEventSourceMappingRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateEventSourceMapping, () =>
        {
            var function = FindByNameOrArn(CreateEventSourceMapping, request.FunctionName);
            var isQueue = request.EventSourceArn.Split(':') is [_, _, "sqs", ..];
            if (isQueue && request.StartingPosition is not null)
                throw InMemoryCalls.Error(CreateEventSourceMapping, HttpStatusCode.BadRequest, "InvalidParameterValueException",
                    "StartingPosition is not valid for SQS event sources.");
            if (isQueue && !sqs.HasQueueArn(request.EventSourceArn))
                throw InMemoryCalls.Error(CreateEventSourceMapping, HttpStatusCode.BadRequest, "InvalidParameterValueException",
                    "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: " +
                    "The specified queue does not exist or you do not have access to it.");
            if (_mappings.Values.FirstOrDefault(m => !m.Deleted && m.FunctionArn == function.Arn && m.EventSourceArn == request.EventSourceArn) is { } existing)
                throw InMemoryCalls.Error(CreateEventSourceMapping, HttpStatusCode.Conflict, "ResourceConflictException",
                    $"The event source arn ({request.EventSourceArn}) and function ({function.Name}) provided mapping already exists. " +
                    $"Please update or delete the existing mapping with UUID {existing.Uuid}");
            var uuid = Guid.NewGuid().ToString();
            var mapping = new Mapping(uuid, $"arn:aws:lambda:{region}:{account}:event-source-mapping:{uuid}", request.EventSourceArn)
            {
                FunctionArn = function.Arn,
                Enabled = request.Enabled ?? true,
                BatchSize = request.BatchSize,
                MaximumBatchingWindowInSeconds = request.MaximumBatchingWindowInSeconds,
                MaximumConcurrency = request.ScalingConfig?.MaximumConcurrency,
                FunctionResponseTypes = request.FunctionResponseTypes,
                StartingPosition = request.StartingPosition,
            };
            mapping.Begin("Creating", TransitionReads);
            _mappings[uuid] = mapping;
            return mapping.ToModel();
        });

    public Task<EventSourceMapping?> GetEventSourceMappingAsync(string uuid, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(GetEventSourceMapping, () =>
        {
            var mapping = FindMapping(GetEventSourceMapping, uuid);
            mapping.Read();
            if (mapping.Deleted)
            {
                _mappings.Remove(uuid);
                throw MappingNotFound(GetEventSourceMapping);
            }
            return mapping.ToModel();
        });

    public Task<EventSourceMapping> UpdateEventSourceMappingAsync(UpdateEventSourceMappingRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateEventSourceMapping, () =>
        {
            var mapping = Settled(UpdateEventSourceMapping, request.Uuid);
            if (request.FunctionName is { } functionName)
                mapping.FunctionArn = FindByNameOrArn(UpdateEventSourceMapping, functionName).Arn;
            mapping.Enabled = request.Enabled ?? mapping.Enabled;
            mapping.BatchSize = request.BatchSize ?? mapping.BatchSize;
            mapping.MaximumBatchingWindowInSeconds = request.MaximumBatchingWindowInSeconds ?? mapping.MaximumBatchingWindowInSeconds;
            if (request.ScalingConfig is { } scaling)
                mapping.MaximumConcurrency = scaling.MaximumConcurrency;
            mapping.FunctionResponseTypes = request.FunctionResponseTypes ?? mapping.FunctionResponseTypes;
            mapping.Begin("Updating", TransitionReads);
            return mapping.ToModel();
        });

    public Task<EventSourceMapping> DeleteEventSourceMappingAsync(string uuid, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteEventSourceMapping, () =>
        {
            var mapping = Settled(DeleteEventSourceMapping, uuid);
            mapping.Begin("Deleting", TransitionReads);
            return mapping.ToModel();
        });

    public Task<IReadOnlyList<EventSourceMapping>> ListEventSourceMappingsAsync(
        string? functionName, string? eventSourceArn, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<EventSourceMapping>>(ListEventSourceMappings, () =>
        {
            var functionArn = functionName is null ? null : FindByNameOrArn(ListEventSourceMappings, functionName).Arn;
            return [.. _mappings.Values
                .Where(m => !m.Deleted)
                .Where(m => functionArn is null || m.FunctionArn == functionArn)
                .Where(m => eventSourceArn is null || m.EventSourceArn == eventSourceArn)
                .Select(m => m.ToModel())];
        });

    private string NextRevision() => $"rev-{++_revisions}";

    private Function FindByNameOrArn(Chalice.Deploy.Aws.AwsOperation operation, string nameOrArn) =>
        nameOrArn.StartsWith("arn:", StringComparison.Ordinal)
            ? _functions.Values.FirstOrDefault(f => f.Arn == nameOrArn)
              ?? throw InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "ResourceNotFoundException", $"Function not found: {nameOrArn}")
            : Find(operation, nameOrArn);

    private Mapping FindMapping(Chalice.Deploy.Aws.AwsOperation operation, string uuid) =>
        _mappings.TryGetValue(uuid, out var mapping) ? mapping : throw MappingNotFound(operation);

    private Mapping Settled(Chalice.Deploy.Aws.AwsOperation operation, string uuid)
    {
        var mapping = FindMapping(operation, uuid);
        if (mapping.Deleted)
            throw MappingNotFound(operation);
        if (mapping.Transition is { } state)
            throw InMemoryCalls.Error(operation, HttpStatusCode.BadRequest, "ResourceInUseException",
                $"Cannot {(operation == DeleteEventSourceMapping ? "delete" : "update")} the event source mapping because it is in use ({state}).");
        return mapping;
    }

    private static Chalice.Deploy.Aws.AwsServiceException MappingNotFound(Chalice.Deploy.Aws.AwsOperation operation) =>
        InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "ResourceNotFoundException", "The resource you requested does not exist.");

    private void RequireRole(Chalice.Deploy.Aws.AwsOperation operation, string role)
    {
        if (!iam.HasRoleArn(role))
            throw InMemoryCalls.Error(operation, HttpStatusCode.BadRequest, "InvalidParameterValueException",
                "The role defined for the function cannot be assumed by Lambda.");
    }

    private Function Find(Chalice.Deploy.Aws.AwsOperation operation, string functionName) =>
        _functions.TryGetValue(functionName, out var function)
            ? function
            : throw InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "ResourceNotFoundException",
                $"Function not found: arn:aws:lambda:{region}:{account}:function:{functionName}");

    private Function ByArn(Chalice.Deploy.Aws.AwsOperation operation, string arn) =>
        _functions.Values.FirstOrDefault(f => f.Arn == arn)
        ?? throw InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "ResourceNotFoundException", $"Function not found: {arn}");

    private Function Updatable(Chalice.Deploy.Aws.AwsOperation operation, string functionName)
    {
        var function = Find(operation, functionName);
        if (function.InTransition)
            throw InMemoryCalls.Error(operation, HttpStatusCode.Conflict, "ResourceConflictException",
                $"The operation cannot be performed at this time. An update is in progress for resource: {function.Arn}");
        return function;
    }

    private sealed class Function(string name, string arn)
    {
        private string? _transitionField;
        private int _transitionReads;

        public string Name { get; } = name;

        public string Arn { get; } = arn;

        public string? Role { get; set; }

        public string? Runtime { get; set; }

        public string? Handler { get; set; }

        public int MemorySize { get; set; }

        public int Timeout { get; set; }

        public Dictionary<string, string>? Environment { get; set; }

        public string Architecture { get; set; } = "x86_64";

        public string CodeSha256 { get; private set; } = "";

        public long CodeSize { get; private set; }

        public string Revision { get; set; } = "";

        public int? ReservedConcurrency { get; set; }

        public LambdaVpcConfig? VpcConfig { get; set; }

        public IReadOnlyList<string> Layers { get; set; } = [];

        public string TracingMode { get; set; } = "PassThrough";

        public int EphemeralStorage { get; set; } = 512;

        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, JsonObject> Statements { get; } = new(StringComparer.Ordinal);

        public bool InTransition => _transitionField is not null;

        public void SetCode(byte[] zip)
        {
            CodeSha256 = Convert.ToBase64String(SHA256.HashData(zip));
            CodeSize = zip.Length;
        }

        /// <summary>Starts a transition (<c>State</c> Pending or <c>LastUpdateStatus</c> InProgress) that <paramref name="reads"/> more reads see.</summary>
        public void Begin(string field, int reads)
        {
            _transitionField = field;
            _transitionReads = reads;
        }

        /// <summary>A read: it sees the transition while reads of it remain, and after the last one the transition is over.</summary>
        public void Read()
        {
            if (_transitionField is null)
                return;
            if (_transitionReads == 0)
                _transitionField = null;
            else
                _transitionReads--;
        }

        public LambdaFunctionConfiguration Configuration() => new()
        {
            FunctionName = Name,
            FunctionArn = Arn,
            Role = Role,
            Runtime = Runtime,
            Handler = Handler,
            MemorySize = MemorySize,
            Timeout = Timeout,
            CodeSha256 = CodeSha256,
            CodeSize = CodeSize,
            Version = "$LATEST",
            RevisionId = Revision,
            PackageType = "Zip",
            Environment = Environment is null ? null : new LambdaEnvironment { Variables = new Dictionary<string, string>(Environment) },
            Architectures = [Architecture],
            VpcConfig = VpcConfig is { SubnetIds.Count: > 0 } vpc ? vpc with { VpcId = "vpc-0in0memory" } : null,
            Layers = Layers.Count == 0 ? null : [.. Layers.Select(arn => new LambdaLayer { Arn = arn, CodeSize = 0 })],
            TracingConfig = new LambdaTracingConfig { Mode = TracingMode },
            EphemeralStorage = new LambdaEphemeralStorage { Size = EphemeralStorage },
            State = _transitionField == "State" ? "Pending" : "Active",
            // "first set to Successful after function creation completes" (the model's LastUpdateStatus).
            LastUpdateStatus = _transitionField switch { "State" => null, "LastUpdateStatus" => "InProgress", _ => "Successful" },
        };

        public LambdaFunction ToModel() => new()
        {
            Configuration = Configuration(),
            Tags = Tags.Count == 0 ? null : new Dictionary<string, string>(Tags),
            Concurrency = ReservedConcurrency is { } reserved ? new LambdaConcurrency { ReservedConcurrentExecutions = reserved } : null,
        };
    }

    private sealed class Mapping(string uuid, string arn, string eventSourceArn)
    {
        private int _transitionReads;

        public string Uuid { get; } = uuid;

        public string Arn { get; } = arn;

        public string EventSourceArn { get; } = eventSourceArn;

        public required string FunctionArn { get; set; }

        public bool Enabled { get; set; }

        public int? BatchSize { get; set; }

        public int? MaximumBatchingWindowInSeconds { get; set; }

        public int? MaximumConcurrency { get; set; }

        public IReadOnlyList<string>? FunctionResponseTypes { get; set; }

        public string? StartingPosition { get; init; }

        /// <summary><c>Creating</c>, <c>Updating</c> or <c>Deleting</c> while in transition, else null.</summary>
        public string? Transition { get; private set; }

        /// <summary>Deleted: reads no longer see it once its <c>Deleting</c> reads are over.</summary>
        public bool Deleted { get; private set; }

        public void Begin(string transition, int reads)
        {
            Transition = transition;
            _transitionReads = reads;
        }

        /// <summary>A read: it sees the transition while reads of it remain, and after the last one the transition is over.</summary>
        public void Read()
        {
            if (Transition is null)
                return;
            if (_transitionReads > 0)
            {
                _transitionReads--;
                return;
            }
            Deleted = Transition == "Deleting";
            Transition = null;
        }

        public EventSourceMapping ToModel() => new()
        {
            Uuid = Uuid,
            EventSourceArn = EventSourceArn,
            FunctionArn = FunctionArn,
            State = Transition ?? (Enabled ? "Enabled" : "Disabled"),
            StateTransitionReason = "USER_INITIATED",
            BatchSize = BatchSize,
            MaximumBatchingWindowInSeconds = MaximumBatchingWindowInSeconds,
            ScalingConfig = MaximumConcurrency is { } concurrency ? new EventSourceScalingConfig { MaximumConcurrency = concurrency } : null,
            FunctionResponseTypes = FunctionResponseTypes,
            StartingPosition = StartingPosition,
            EventSourceMappingArn = Arn,
        };
    }
}
