"""
A stand-in for parver, installed as parver.py by conftest.py only where no real parver is importable. It parses the
PEP 440 versions release/python-package.sh builds (N.N.N, then aN/bN/rcN, .devN, .postN, +local) into what the SDK's
_utilities.py reads: release, pre_tag, pre, dev, local.
"""
import re

_VERSION = re.compile(
    r"(?P<release>\d+(?:\.\d+)*)(?:(?P<pre_tag>a|b|rc)(?P<pre>\d+))?(?:\.post(?P<post>\d+))?"
    r"(?:\.dev(?P<dev>\d+))?(?:\+(?P<local>[a-z0-9.]+))?")


class Version:
    def __init__(self, release, pre_tag=None, pre=None, post=None, dev=None, local=None):
        self.release, self.pre_tag, self.pre, self.post, self.dev, self.local = release, pre_tag, pre, post, dev, local

    @classmethod
    def parse(cls, text: str) -> "Version":
        match = _VERSION.fullmatch(text)
        if match is None:
            raise ValueError(f"not a PEP 440 version this stand-in reads: {text!r}")

        def number(group):
            return None if match[group] is None else int(match[group])

        return cls(release=tuple(int(part) for part in match["release"].split(".")), pre_tag=match["pre_tag"],
                   pre=number("pre"), post=number("post"), dev=number("dev"), local=match["local"])
