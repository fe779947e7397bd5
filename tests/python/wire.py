"""Reading what mock_program.py recorded: requests by resource name, values by dotted path, Pulumi's secret marks."""

# How Pulumi's wire format marks a secret: {SIG_KEY: SECRET_SIG, "value": ...}.
SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"


def registration(run: dict, name: str) -> dict:
    found = [r for r in run["registrations"] if r["name"] == name]
    assert len(found) == 1, f"{name} registered {len(found)} times"
    return found[0]


def at(value: dict, path: str):
    for key in path.split("."):
        value = value[key]
    return value


def is_secret(value) -> bool:
    return isinstance(value, dict) and value.get(SIG_KEY) == SECRET_SIG


def plain(value):
    return value["value"] if is_secret(value) else value
