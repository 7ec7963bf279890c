"""make audit: check the pinned dependencies in pyproject.toml for known vulnerabilities.

pip-audit (in its own virtual environment, .venv/audit, so the tool's dependencies never mix
with the project's) asks PyPI's advisory data about each pin. Where that data cannot be had
(no network, or a package mirror that serves packages but no advisories, as on the project's
build machines) it says so plainly: NOT AUDITED, and exits 0, so it cannot serve as a CI gate
there. Known vulnerabilities exit 1. See docs/security.md, "Dependencies".
"""

import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
TOOL_VENV = BASE_DIR / ".venv" / "audit"
PIP_AUDIT = "pip-audit==2.10.1"


def pins() -> list[str]:
    project = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return requirements


def tool() -> Path:
    executable = TOOL_VENV / "bin" / "pip-audit"
    if not executable.exists():
        subprocess.run([sys.executable, "-m", "venv", str(TOOL_VENV)], check=True)
        subprocess.run(
            [str(TOOL_VENV / "bin" / "pip"), "install", "--quiet", PIP_AUDIT], check=True
        )
    return executable


def main() -> int:
    requirements = pins()
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as file:
        file.write("\n".join(requirements) + "\n")
        file.flush()
        result = subprocess.run(
            [str(tool()), "--requirement", file.name, "--no-deps", "--disable-pip",
             "--format", "json", "--progress-spinner", "off", "--timeout", "20"],
            capture_output=True,
            text=True,
        )  # fmt: skip
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        last = (result.stderr.strip().splitlines() or ["no answer"])[-1]
        print(f"NOT AUDITED: the advisory service could not be reached ({last[:200]}).")
        return 0
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
            print(f"VULNERABLE {dependency['name']} {dependency['version']}: {vuln['id']} "
                  f"(fixed in {fixed})")  # fmt: skip
    if skipped:
        print(
            f"NOT AUDITED: {len(skipped)} of {len(dependencies)} pinned dependencies could not be "
            "checked, because the advisory service did not answer for them (a package mirror "
            "without advisory data?):"
        )
        for dependency in skipped:
            print(f"  {dependency['name']}: {dependency['skip_reason']}")
    if vulnerable:
        return 1
    if not skipped:
        print(f"Audited {len(dependencies)} pinned dependencies: no known vulnerabilities.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
