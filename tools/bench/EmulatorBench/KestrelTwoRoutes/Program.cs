var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/hello", () => Results.Json(new { hello = "world" }));
app.MapGet("/users/{id:int}", (int id) => Results.Json(new { id, name = "user" + id }));
app.Run();
