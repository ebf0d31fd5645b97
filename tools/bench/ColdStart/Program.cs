// Cold start of one app as a Native AOT bootstrap (provided.al2023) and as a framework-dependent package (dotnet10):
// the time from starting the process to the first response posted to a local Lambda Runtime API.
using System.Diagnostics;
using System.IO.Compression;
using Chalice.Project;
using Chalice.Deploy.Packaging;
using Chalice.Events;
using Chalice.Local.Lambda;

var runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1]) : 10;
var app = args.Length > 3 && args[2] == "--app" ? args[3] : Path.Combine(AppContext.BaseDirectory, "../../../../../../tests/TestApps/TestApp");
var project = AppProject.Find(app);
var output = Directory.CreateTempSubdirectory("coldstart-").FullName;
Console.WriteLine($"Packaging {project.Name} (Native AOT and managed)...");
var packager = new LambdaPackager();
var aot = await packager.PackageAsync(new PackageRequest(project, LambdaRuntimeKind.NativeAot, OutputDirectory: output));
var jit = await packager.PackageAsync(new PackageRequest(project, LambdaRuntimeKind.Managed, OutputDirectory: output));

await using var runtime = await LocalRuntimeApi.StartAsync();
var invocation = ProxyEventJson.Serialize(new ApiGatewayProxyRequest
{
    Resource = "/users/{id}",
    Path = "/users/1",
    HttpMethod = "GET",
    PathParameters = new() { ["id"] = "1" },
});
var folders = new Dictionary<LambdaPackage, string> { [aot] = Extract(aot), [jit] = Extract(jit) };
var times = new Dictionary<LambdaPackage, List<double>> { [aot] = [], [jit] = [] };

// One untimed start each warms the OS file cache, as a Lambda environment's disk is warm when it starts.
foreach (var package in new[] { aot, jit })
    await ColdStartAsync(package);
for (var run = 0; run < runs; run++)
{
    foreach (var package in new[] { aot, jit })
        times[package].Add(await ColdStartAsync(package));
}

var aotMedian = Median(times[aot]);
var jitMedian = Median(times[jit]);
Console.WriteLine();
Console.WriteLine($"{"package",-22} {"median",10} {"min",10} {"max",10} {"zip size",12}");
foreach (var (name, package) in new[] { ("Native AOT bootstrap", aot), ("managed (JIT) dotnet10", jit) })
    Console.WriteLine($"{name,-22} {Median(times[package]),8:F1} ms {times[package].Min(),7:F1} ms {times[package].Max(),7:F1} ms {package.Size / 1024.0 / 1024.0,9:F2} MB");
Console.WriteLine($"ratio managed/AOT: {jitMedian / aotMedian:F1}x");

var failures = new List<string>();
if (aotMedian >= 30) failures.Add($"AOT median {aotMedian:F1} ms is not under 30 ms");
if (jitMedian / aotMedian < 5) failures.Add($"AOT is {jitMedian / aotMedian:F1}x faster, not 5x");
if (aot.Size >= 5 * 1024 * 1024) failures.Add($"AOT zip is {aot.Size} bytes, not under 5 MB");
Console.WriteLine(failures.Count == 0 ? "targets met: AOT median < 30 ms, >= 5x faster than JIT, AOT zip < 5 MB" : "targets missed: " + string.Join("; ", failures));
return failures.Count == 0 ? 0 : 1;

async Task<double> ColdStartAsync(LambdaPackage package)
{
    var folder = folders[package];
    var start = package.Handler == "bootstrap"
        ? new ProcessStartInfo(Path.Combine(folder, "bootstrap"))
        : new ProcessStartInfo("dotnet", Path.Combine(folder, package.Handler + ".dll"));
    start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtime.Address;
    start.RedirectStandardOutput = true;
    var result = runtime.InvokeAsync(invocation);
    var started = Stopwatch.GetTimestamp();
    using var process = Process.Start(start)!;
    var posted = await result.WaitAsync(TimeSpan.FromSeconds(30));
    process.Kill();
    await process.WaitForExitAsync();
    return Stopwatch.GetElapsedTime(started, posted.PostedAt).TotalMilliseconds;
}

static string Extract(LambdaPackage package)
{
    var folder = Directory.CreateTempSubdirectory("coldstart-task-").FullName;
    ZipFile.ExtractToDirectory(package.ZipPath, folder);
    return folder;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
