"""Problems found in the editors' files, reported as `file:line: message` and sorted by place."""
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: str = ERROR

    def __str__(self):
        prefix = "warning: " if self.severity == WARNING else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"


@dataclass
class Problems:
    """Collects every problem of a run, so that editors see them all at once."""

    items: list = field(default_factory=list)

    def error(self, source, message):
        self.items.append(Problem(source.path, source.line, message, ERROR))

    def warning(self, source, message):
        self.items.append(Problem(source.path, source.line, message, WARNING))

    @property
    def errors(self):
        return [p for p in self.items if p.severity == ERROR]

    def report(self):
        return "\n".join(str(p) for p in sorted(set(self.items)))


    @property
    def warnings(self):
        return [p for p in self.items if p.severity == WARNING]

    def summary(self):
        errors, warnings = len(self.errors), len(self.warnings)
        return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


class InvalidContent(Exception):
    """Raised when the content has errors (or warnings, in strict mode); carries them all."""

    def __init__(self, problems, strict=False):
        self.problems = problems
        mode = " (strict mode: warnings count as errors)" if strict else ""
        super().__init__(f"{problems.report()}\n{problems.summary()}{mode}")
