#!/usr/bin/env bash
# The size of a scaffold-like app's Native AOT bootstrap: the two JsonObject routes `chalice-net new` writes, built
# against a checkout's src/ with the packager's settings (ChaliceNet.LambdaBuild.targets), as `chalice-net package`
# builds for provided.al2023. --repo measures another checkout, e.g. main exported with
# `git archive main | tar -x -C /tmp/main`, so two builds can be compared on the same machine. Arguments of the form
# -p:Name=Value go to dotnet publish, to weigh a feature switch (e.g. -p:OptimizationPreference=Size).
# Usage: tools/bench/bootstrap-size.sh [--repo DIR] [--rid linux-x64|linux-arm64] [--keep DIR] [-p:Name=Value ...]
set -euo pipefail
repo=$(realpath "$(dirname "$0")/../..")
rid=linux-x64
keep=
properties=()
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo=$(realpath "$2"); shift 2 ;;
    --rid) rid=$2; shift 2 ;;
    --keep) keep=$(realpath -m "$2"); shift 2 ;;
    -p:*=*) properties+=("$1"); shift ;;
    *) echo "usage: $0 [--repo DIR] [--rid linux-x64|linux-arm64] [--keep DIR] [-p:Name=Value ...]" >&2; exit 2 ;;
  esac
done

# Outside the repository, so no Directory.Build.* of ours shapes the app; it references the checkout's projects.
app=${keep:-$(mktemp -d /tmp/bootstrap-size-XXXXXX)}
mkdir -p "$app"
cat >"$app/SizeApp.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Chalice.Net/Chalice.Net.csproj" />
    <ProjectReference Include="$repo/src/Chalice.Net.Generators/Chalice.Net.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
EOF
# The app AppScaffold writes (tools/Chalice.Net.Cli/Scaffolding/AppScaffold.cs).
cat >"$app/App.cs" <<'EOF'
using System.Text.Json.Nodes;
using Chalice;

namespace SizeApp;

[ChaliceApp("sizeapp")]
public partial class App
{
    [Route("/")]
    public JsonObject Index() => new() { ["hello"] = "world" };

    [Route("/hello/{name}")]
    public JsonObject Hello(string name) => new() { ["hello"] = name };
}
EOF
dotnet publish "$app/SizeApp.csproj" -c Release -r "$rid" -nologo -v quiet -o "$app/publish" \
  -p:ChaliceLambda=true -p:ChaliceNativeAot=true \
  "-p:CustomBeforeMicrosoftCommonTargets=$repo/src/Chalice.Net.Deploy/Packaging/ChaliceNet.LambdaBuild.targets" \
  "${properties[@]}" >&2
size=$(stat -c %s "$app/publish/SizeApp")
echo "bootstrap ($rid, from $repo${properties[*]:+, ${properties[*]}}): $size bytes ($(awk "BEGIN { printf \"%.2f\", $size / 1048576 }") MiB)"
[ -n "$keep" ] || rm -rf "$app"
