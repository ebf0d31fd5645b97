// Cold start of one app as a Native AOT bootstrap (provided.al2023) and as a framework-dependent package (dotnet10):
// the time from starting the process to the first response posted to a local Lambda Runtime API. With --baseline, a
// Native AOT package built elsewhere (e.g. the same app on main) is measured in the same rounds, for a fair comparison.
using System.Diagnostics;
using System.IO.Compression;
using Chalice.Project;
using Chalice.Deploy.Packaging;
using Chalice.Events;
using Chalice.Local.Lambda;

var runs = 10;
var app = Path.Combine(AppContext.BaseDirectory, "../../../../../../tests/TestApps/TestApp");
string? baselineZip = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--runs": runs = int.Parse(args[i + 1]); break;
        case "--app": app = args[i + 1]; break;
        case "--baseline": baselineZip = args[i + 1]; break;
        default: throw new ArgumentException($"Unknown option '{args[i]}'.");
    }
}
var project = AppProject.Find(app);
var output = Directory.CreateTempSubdirectory("coldstart-").FullName;
Console.WriteLine($"Packaging {project.Name} (Native AOT and managed)...");
var packager = new LambdaPackager();
var aot = await packager.PackageAsync(new PackageRequest(project, LambdaRuntimeKind.NativeAot, OutputDirectory: output));
var jit = await packager.PackageAsync(new PackageRequest(project, LambdaRuntimeKind.Managed, OutputDirectory: output));
Console.WriteLine($"Packages in {output}");

var measured = new List<Measured>
{
    new("Native AOT bootstrap", Extract(aot.ZipPath), aot.Handler, aot.Size),
    new("managed (JIT) dotnet10", Extract(jit.ZipPath), jit.Handler, jit.Size),
};
if (baselineZip is not null)
    measured.Add(new("baseline Native AOT", Extract(baselineZip), "bootstrap", new FileInfo(baselineZip).Length));

await using var runtime = await LocalRuntimeApi.StartAsync();
var invocation = ProxyEventJson.Serialize(new ApiGatewayProxyRequest
{
    Resource = "/users/{id}",
    Path = "/users/1",
    HttpMethod = "GET",
    PathParameters = new() { ["id"] = "1" },
});

// One untimed start each warms the OS file cache, as a Lambda environment's disk is warm when it starts.
foreach (var package in measured)
    await ColdStartAsync(package);
for (var run = 0; run < runs; run++)
{
    foreach (var package in measured)
        package.Times.Add(await ColdStartAsync(package));
}

Console.WriteLine();
Console.WriteLine($"{"package",-22} {"median",10} {"min",10} {"max",10} {"CPU median",12} {"zip size",12}");
foreach (var package in measured)
{
    Console.WriteLine($"{package.Name,-22} {Median(package.Times),8:F1} ms {package.Times.Min(),7:F1} ms {package.Times.Max(),7:F1} ms " +
                      $"{Median(package.CpuTimes),9:F1} ms {package.Size / 1024.0 / 1024.0,9:F2} MB");
}
var aotMedian = Median(measured[0].Times);
var jitMedian = Median(measured[1].Times);
Console.WriteLine($"ratio managed/AOT: {jitMedian / aotMedian:F1}x");

var failures = new List<string>();
if (aotMedian >= 30) failures.Add($"AOT median {aotMedian:F1} ms is not under 30 ms");
if (jitMedian / aotMedian < 5) failures.Add($"AOT is {jitMedian / aotMedian:F1}x faster, not 5x");
if (aot.Size >= 5 * 1024 * 1024) failures.Add($"AOT zip is {aot.Size} bytes, not under 5 MB");
if (baselineZip is not null)
{
    var ratio = aotMedian / Median(measured[2].Times);
    Console.WriteLine($"ratio AOT/baseline AOT: {ratio:F2}x (CPU time {Median(measured[0].CpuTimes) / Median(measured[2].CpuTimes):F2}x)");
    if (ratio > 1.5) failures.Add($"AOT is {ratio:F2}x the baseline's cold start, over 1.5x");
}
Console.WriteLine(failures.Count == 0
    ? "targets met: AOT median < 30 ms, >= 5x faster than JIT, AOT zip < 5 MB" + (baselineZip is null ? "" : ", <= 1.5x the baseline")
    : "targets missed: " + string.Join("; ", failures));
return failures.Count == 0 ? 0 : 1;

async Task<double> ColdStartAsync(Measured package)
{
    var start = package.Handler == "bootstrap"
        ? new ProcessStartInfo(Path.Combine(package.Folder, "bootstrap"))
        : new ProcessStartInfo("dotnet", Path.Combine(package.Folder, package.Handler + ".dll"));
    start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtime.Address;
    start.RedirectStandardOutput = true;
    var result = runtime.InvokeAsync(invocation);
    var started = Stopwatch.GetTimestamp();
    using var process = Process.Start(start)!;
    var posted = await result.WaitAsync(TimeSpan.FromSeconds(30));
    // By now the function waits for its next invocation: the CPU time it has used is its start-up and first response.
    // Unlike the elapsed time, it hardly moves when other processes compete for the cores.
    package.CpuTimes.Add(CpuMilliseconds(process.Id));
    process.Kill();
    await process.WaitForExitAsync();
    // The killed function was already long-polling for its next invocation. Give the Runtime API a moment to see that
    // connection close, or it may hand the next start's invocation to the dead process (the run then times out).
    await Task.Delay(50);
    return Stopwatch.GetElapsedTime(started, posted.PostedAt).TotalMilliseconds;
}

// The CPU time of each of the process's threads, in nanoseconds, is the first field of its schedstat (Linux); the
// process's own TotalProcessorTime counts in 10 ms clock ticks, as coarse as the whole start-up.
static double CpuMilliseconds(int pid) =>
    Directory.EnumerateDirectories($"/proc/{pid}/task")
        .Sum(task => long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0])) / 1e6;

static string Extract(string zipPath)
{
    var folder = Directory.CreateTempSubdirectory("coldstart-task-").FullName;
    ZipFile.ExtractToDirectory(zipPath, folder);
    return folder;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

/// <summary>A package being measured: where it is unpacked, how Lambda starts it, and its start-up times.</summary>
internal sealed record Measured(string Name, string Folder, string Handler, long Size)
{
    public List<double> Times { get; } = [];

    public List<double> CpuTimes { get; } = [];
}
