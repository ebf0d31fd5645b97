#!/usr/bin/env python3
"""Records the public API of the shipped packages in their PublicAPI.Unshipped.txt.

The build checks every public symbol of Chalice.Net, Chalice.Net.Local and Chalice.Net.Project against
PublicAPI.Shipped.txt + PublicAPI.Unshipped.txt (Microsoft.CodeAnalysis.PublicApiAnalyzers): an undeclared symbol is
RS0016, a declared one that no longer exists RS0017, and the build fails. After an intended change, run this script:
it builds each project, adds the RS0016 symbols to its Unshipped file and removes the RS0017 ones, so the change shows
as a diff of those files for review. (IDEs offer the same as a code fix; this is the command-line equivalent.)

Usage: tools/update-public-api.py [project-dir ...]   (default: the shipped packages)
"""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ["src/Chalice.Net", "src/Chalice.Net.Local", "src/Chalice.Net.Project"]
DIAGNOSTIC = re.compile(
    r"(?:warning|error) (RS0016|RS0017): Symbol '(.+?)' "
    r"(?:is not part of the declared public API|is part of the declared API, but is either not public or could not be found)"
    r".*\[(.+?\.csproj)\]$")


def update(project: Path) -> None:
    unshipped = project / "PublicAPI.Unshipped.txt"
    if not unshipped.exists():
        unshipped.write_text("#nullable enable\n")
    build = subprocess.run(
        ["dotnet", "build", str(project), "--no-incremental", "-p:TreatWarningsAsErrors=false", "-nologo", "-v:q"],
        capture_output=True, text=True, cwd=ROOT)
    added, removed = set(), set()
    project_file = next(project.glob("*.csproj")).resolve()
    for line in build.stdout.splitlines():
        match = DIAGNOSTIC.search(line)
        # A build also reports the diagnostics of the projects it references: keep this project's own.
        if match and Path(match.group(3)).resolve() == project_file:
            (added if match.group(1) == "RS0016" else removed).add(match.group(2))
    lines = [line for line in unshipped.read_text().splitlines() if line and line != "#nullable enable"]
    kept = [line for line in lines if line not in removed]
    result = sorted(set(kept) | added, key=lambda s: (s.lower(), s))
    unshipped.write_text("#nullable enable\n" + "".join(line + "\n" for line in result))
    print(f"{project.relative_to(ROOT)}: {len(added)} added, {len(lines) - len(kept)} removed")


def main() -> int:
    projects = [ROOT / p for p in (sys.argv[1:] or SHIPPED)]
    for project in projects:
        update(project)
    return 0


if __name__ == "__main__":
    sys.exit(main())
