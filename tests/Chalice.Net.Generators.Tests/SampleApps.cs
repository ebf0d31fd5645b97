namespace Chalice.Generators.Tests;

internal static class SampleApps
{
    /// <summary>A valid app touching every kind of binding and return the generator emits, with an SQS handler and a pure function.</summary>
    public const string Valid = """
        namespace Shop;

        public sealed record Item(int Id, string Name);

        [System.Text.Json.Serialization.JsonSerializable(typeof(Item))]
        internal sealed partial class ShopJson : System.Text.Json.Serialization.JsonSerializerContext;

        public interface IClock { string Now(); }
        public sealed class FixedClock : IClock { public string Now() => "noon"; }

        [ChaliceApp("shop")]
        public partial class App(IClock clock)
        {
            public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<IClock, FixedClock>();

            [Route("/items/{id}")]
            public Item Get(int id, [FromQuery] string? name = "none") => new(id, name!);

            [Route("/items", "POST", Name = "create", Cors = true)]
            public async Task<Response> Create([FromBody] Item item)
            {
                await Task.Yield();
                return new Response(item, 201);
            }

            [Route("/time")]
            public string Time([FromHeader(Name = "X-Zone")] string zone = "utc") => $"{clock.Now()} {zone} {CurrentRequest.Method}";

            [Route("/files/{path+}", "GET", "DELETE")]
            public static ValueTask<string> File(string path) => ValueTask.FromResult(path);

            [OnSqsMessage("orders", Name = "orders")]
            public Chalice.Events.BatchResponse Orders(Chalice.Events.SqsEvent batch)
            {
                var response = new Chalice.Events.BatchResponse();
                foreach (var message in batch.Records)
                {
                    if (message.Body == "bad")
                        response.AddFailure(message);
                }
                return response;
            }

            [LambdaFunction]
            public static Item Rename(Item item) => item with { Name = item.Name.ToUpperInvariant() + " at " + new FixedClock().Now() };
        }
        """;
}
