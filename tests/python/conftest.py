"""
The Python SDK tested as users get it: sdk/python built into its release files by release/python-package.sh (the
script `make dist` runs), the wheel installed with pip into an empty folder, and programs importing it from there run
on Pulumi's real Python runtime with its mocks, each in a process of its own (mock_program.py).

Pulumi's runtime is, in this order: a `pulumi` package the interpreter running the tests can import (`pip install
pulumi`); the tarball named by PULUMI_PYTHON_SDK; ../shared/third-party/pulumi-python-*.tgz beside the repository.
Without one, every test that needs it is skipped, and says why.
"""
import dataclasses
import importlib.util
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Optional

import pytest

import prerequisites
import repository
from mock_program import Scenario

HERE = Path(__file__).resolve().parent
SDK_VARIABLE = "PULUMI_PYTHON_SDK"
SHARED_TARBALLS = repository.ROOT.parent / "shared" / "third-party"
TARBALL_PATTERN = "pulumi-python-*.tgz"

# The variables provider settings fall back to: a scenario sets those it wants, and the tests' own are not passed on.
PROVIDER_VARIABLES = {v for p in repository.CONFIG_VARIABLES.values() for v in p.get("defaultInfo", {}).get("environment", [])}


@dataclasses.dataclass(frozen=True)
class Runtime:
    """Where `import pulumi` comes from: the interpreter itself (no path to add), or an unpacked tarball."""
    description: str
    path: Optional[Path]


@dataclasses.dataclass(frozen=True)
class ReleaseFiles:
    wheel: Path
    sdist: Path


@pytest.fixture(scope="session")
def python_tools():
    """The interpreter running the tests builds, installs and runs the SDK, so it needs the modules for that."""
    absent = prerequisites.missing()
    if absent:
        pytest.skip(f"{sys.executable} lacks {', '.join(absent)} (see tests/python/prerequisites.py)")


def runtime_tarball() -> Optional[Path]:
    named = os.environ.get(SDK_VARIABLE)
    if named and Path(named).is_file():
        return Path(named)
    shared = sorted(SHARED_TARBALLS.glob(TARBALL_PATTERN))
    return shared[-1] if shared else None


@pytest.fixture(scope="session")
def runtime(tmp_path_factory, python_tools) -> Runtime:
    if importlib.util.find_spec("pulumi") is not None:
        return Runtime(f"the pulumi package of {sys.executable}", None)
    tarball = runtime_tarball()
    if tarball is None:
        named = os.environ.get(SDK_VARIABLE)
        variable = f"{SDK_VARIABLE}={named} names no file" if named else f"{SDK_VARIABLE} is not set"
        pytest.skip(f"no Pulumi Python SDK: {sys.executable} cannot import pulumi, {variable}, "
                    f"and there is no {SHARED_TARBALLS / TARBALL_PATTERN}")
    unpacked = tmp_path_factory.mktemp("pulumi-runtime")
    with tarfile.open(tarball) as archive:
        # The data filter (Python 3.11.4 and later) refuses links and paths that leave the folder.
        archive.extractall(unpacked, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    roots = [p.parent.parent for p in unpacked.glob("**/pulumi/__init__.py")]
    if not roots:
        pytest.fail(f"{tarball} holds no pulumi package")
    return Runtime(str(tarball), min(roots, key=lambda p: len(p.parts)))


@pytest.fixture(scope="session")
def fallbacks(tmp_path_factory, python_tools) -> Path:
    """
    Stand-ins for what Debian's packages lack, put on PYTHONPATH only when missing: Debian's semver 2.10 names its
    version class VersionInfo, which Pulumi's runtime imports by semver 3's name, Version; and the SDK's
    _utilities.py imports parver, which pip installs with the SDK (a dependency in its pyproject.toml) but Debian
    does not package.
    """
    folder = tmp_path_factory.mktemp("fallbacks")
    probe = "import semver, sys; sys.exit(0 if hasattr(semver, 'Version') else 1)"
    if subprocess.run([sys.executable, "-c", probe]).returncode != 0:
        (folder / "sitecustomize.py").write_text(
            "import semver\n"
            "if not hasattr(semver, 'Version'):\n"
            "    semver.Version = semver.VersionInfo\n")
    if importlib.util.find_spec("parver") is None:
        (folder / "parver.py").write_text((HERE / "parver_standin.py").read_text())
    return folder


@pytest.fixture(scope="session")
def release_files(tmp_path_factory, python_tools) -> ReleaseFiles:
    """The sdist and the wheel, built by the script `make dist` runs, with this interpreter."""
    out = tmp_path_factory.mktemp("python-dist")
    built = subprocess.run(["bash", str(repository.ROOT / "release" / "python-package.sh"), str(out)],
                           env={**os.environ, "PYTHON": sys.executable}, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    names = built.stdout.split()
    wheels = [out / n for n in names if n.endswith(".whl")]
    sdists = [out / n for n in names if n.endswith(".tar.gz")]
    assert len(wheels) == 1 and len(sdists) == 1, f"the script wrote {names}"
    return ReleaseFiles(wheel=wheels[0], sdist=sdists[0])


@pytest.fixture(scope="session")
def installed_sdk(tmp_path_factory, release_files) -> Path:
    """
    The wheel installed with pip into an empty folder, as a user gets it, installed metadata included: the only
    place the tests import the SDK from.
    """
    target = tmp_path_factory.mktemp("site")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "--target", str(target), str(release_files.wheel)],
        capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return target


@pytest.fixture(scope="session")
def run_program(tmp_path_factory, runtime, fallbacks, installed_sdk):
    """Runs a Scenario under the mocks; returns what mock_program.py recorded."""

    def run(scenario: Scenario) -> dict:
        work = tmp_path_factory.mktemp("run")
        scenario_file, record_file = work / "scenario.json", work / "record.json"
        scenario_file.write_text(json.dumps(scenario.to_json()))
        path = [str(installed_sdk), str(fallbacks)] + ([str(runtime.path)] if runtime.path else [])
        # Where the interpreter's own pulumi may come from.
        path += [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
        env = {k: v for k, v in os.environ.items() if k not in PROVIDER_VARIABLES and not k.startswith("PULUMI_")}
        env.update(scenario.environment, PYTHONPATH=os.pathsep.join(path), PYTHONDONTWRITEBYTECODE="1")
        ran = subprocess.run([sys.executable, str(HERE / "mock_program.py"), str(scenario_file), str(record_file)],
                             cwd=work, env=env, capture_output=True, text=True, timeout=300)
        assert ran.returncode == 0, f"{scenario.program.name} failed under the mocks ({runtime.description}):\n{ran.stderr}"
        return json.loads(record_file.read_text())

    return run
