"""Each template is compiled once per process: the Jinja environments of all generators, in this build
and in the preview's next ones, share one in-memory bytecode cache per JINJA_ENVIRONMENT (the options
code is compiled with). Jinja checks each template's file and source, so an edited one is compiled again."""
from jinja2 import BytecodeCache
from pelican import signals

__all__ = ["register"]


class SharedBytecode(BytecodeCache):
    """Compiled templates kept in memory, by Jinja's key (name and checksum of the source)."""

    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_shared = {}  # repr of JINJA_ENVIRONMENT -> SharedBytecode


def share_compiled_templates(generator):
    options = repr(sorted(generator.settings["JINJA_ENVIRONMENT"].items()))
    generator.env.bytecode_cache = _shared.setdefault(options, SharedBytecode())


def register():
    signals.generator_init.connect(share_compiled_templates)
