using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Chalice.Benchmarks.DispatchBenchmarks).Assembly).Run(args);
