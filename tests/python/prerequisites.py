"""
What an interpreter needs to run this suite: pytest, the modules Pulumi's Python runtime imports (a `pip install pulumi`
brings them; Debian packages them as python3-grpcio, python3-protobuf, python3-dill, python3-semver), and what builds
and installs the SDK's wheel offline (python3-build, python3-setuptools, python3-wheel, python3-pip).

`python3 tests/python/prerequisites.py` exits 0 when the running interpreter has them all, else names the missing
ones and exits 1: tests/run-all.sh picks its interpreter with it.
"""
import importlib.util
import sys

MODULES = ("pytest", "grpc", "google.protobuf", "dill", "semver", "build", "setuptools", "wheel", "pip")


def missing() -> list:
    def importable(name: str) -> bool:
        try:
            return importlib.util.find_spec(name) is not None
        except ModuleNotFoundError:  # a dotted name whose parent is missing
            return False

    return [name for name in MODULES if not importable(name)]


if __name__ == "__main__":
    absent = missing()
    if absent:
        print(f"{sys.executable} lacks {', '.join(absent)}")
    sys.exit(1 if absent else 0)
