"""The manifest (sha256 of every file) and the offline copy as a reproducible zip.

Entries are sorted, with the date of the version as timestamp and fixed permissions, so two
publications of the same sources give the same bytes.
"""
import hashlib
import zipfile
from pathlib import Path

MANIFEST = "MANIFEST.sha256"


def site_files(root, leave_out=()):
    """Relative paths (with /) of every file under `root`, sorted, without `leave_out`."""
    root = Path(root)
    paths = (p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return sorted(p for p in paths if p not in leave_out and p != MANIFEST)


def manifest(root, files):
    """`sha256  path` lines, as written by sha256sum (check with `sha256sum -c MANIFEST.sha256`)."""
    return "".join(f"{hashlib.sha256((Path(root) / f).read_bytes()).hexdigest()}  {f}\n" for f in files)


def write_manifest(root):
    (Path(root) / MANIFEST).write_text(manifest(root, site_files(root)), encoding="utf-8")


def write_zip(root, zip_path, folder, day, leave_out=()):
    """Pack `root` (without `leave_out`) into `zip_path` under `folder`/, with its own manifest."""
    files = site_files(root, leave_out)
    zip_path = Path(zip_path)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = (day.year, day.month, day.day, 0, 0, 0)

    def entry(name):
        info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
        info.external_attr, info.compress_type, info.create_system = 0o644 << 16, zipfile.ZIP_DEFLATED, 3
        return info

    with zipfile.ZipFile(zip_path, "w") as archive:
        for name in files:
            archive.writestr(entry(name), (Path(root) / name).read_bytes(), compresslevel=9)
        archive.writestr(entry(MANIFEST), manifest(root, files).encode("utf-8"), compresslevel=9)
    return zip_path
