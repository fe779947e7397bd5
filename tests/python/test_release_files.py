"""
The Python SDK's release files, as release/python-package.sh (run by `make dist`) builds them: an sdist and a wheel
named for the package and the version of pyproject.toml, holding every generated file of the package. The runtime
tests import the SDK from the wheel installed with pip into an empty folder (conftest.installed_sdk); these check
the files themselves.
"""
import re
import tarfile
import tomllib
import zipfile
from email.parser import Parser

import pytest

import repository

SDK = repository.ROOT / "sdk" / "python"
PYPROJECT = tomllib.loads((SDK / "pyproject.toml").read_text())
NAME, VERSION = PYPROJECT["project"]["name"], PYPROJECT["project"]["version"]


def package_files() -> list:
    """Every generated file of the package folder, relative to sdk/python (build output left out)."""
    ignored = [line for line in (SDK / ".gitignore").read_text().split() if line]

    def generated(path):
        return not any(path.match(pattern) or pattern in path.parts for pattern in ignored)

    return sorted(p.relative_to(SDK).as_posix() for p in (SDK / repository.PACKAGE).rglob("*") if p.is_file() and generated(p))


def canonical(name: str) -> str:
    """A distribution name as PEP 503 compares them: setuptools may write pulumi_x as pulumi-x."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement(text: str) -> tuple:
    """A requirement as metadata writers may reorder and space it: `pulumi (<4.0.0,>=3.0.0)` for `pulumi>=3.0.0,<4.0.0`."""
    body, _, marker = re.sub(r"[\s()]", "", text).partition(";")
    name, specifiers = re.fullmatch(r"([A-Za-z0-9_.-]+)(.*)", body).groups()
    return canonical(name), tuple(sorted(filter(None, specifiers.split(",")))), marker


def test_the_files_are_named_for_the_package_and_its_version(release_files):
    assert release_files.wheel.name == f"{NAME}-{VERSION}-py3-none-any.whl"
    assert release_files.sdist.name == f"{NAME}-{VERSION}.tar.gz"


def test_the_version_is_the_schema_version():
    schema_version = repository.SCHEMA["version"]
    if "-" in schema_version or "+" in schema_version:
        pytest.skip(f"{schema_version} has a pre-release or build part, which PEP 440 spells differently")
    assert VERSION == schema_version


def test_the_wheel_holds_every_file_of_the_package(release_files):
    with zipfile.ZipFile(release_files.wheel) as wheel:
        names = set(wheel.namelist())

    assert [f for f in package_files() if f not in names] == []
    assert {f"{repository.PACKAGE}/py.typed", f"{repository.PACKAGE}/pulumi-plugin.json",
            f"{repository.PACKAGE}/config/__init__.pyi"} <= names


def test_the_sdist_holds_the_project_and_every_file_of_the_package(release_files):
    with tarfile.open(release_files.sdist) as sdist:
        prefix = f"{NAME}-{VERSION}/"
        names = {n[len(prefix):] for n in sdist.getnames() if n.startswith(prefix)}

    assert [f for f in package_files() + ["pyproject.toml", "README.md"] if f not in names] == []


def test_the_wheel_metadata_requires_what_pyproject_names(release_files):
    with zipfile.ZipFile(release_files.wheel) as wheel:
        metadata = Parser().parsestr(wheel.read(f"{NAME}-{VERSION}.dist-info/METADATA").decode())

    assert (canonical(metadata["Name"]), metadata["Version"]) == (canonical(NAME), VERSION)
    assert sorted(requirement(r) for r in metadata.get_all("Requires-Dist")) == sorted(
        requirement(d) for d in PYPROJECT["project"]["dependencies"])


def test_the_installed_package_carries_its_metadata(installed_sdk):
    assert (installed_sdk / repository.PACKAGE / "__init__.py").is_file()
    assert (installed_sdk / f"{NAME}-{VERSION}.dist-info" / "METADATA").is_file()
