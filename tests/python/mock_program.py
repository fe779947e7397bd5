"""
Runs a Pulumi Python program on Pulumi's own runtime with its mocks, in a process of its own, and writes what the
runtime sent the engine as JSON: each RegisterResource, ReadResource and Invoke request as the mock monitor received
it (the serialized Struct with its secret signatures, the options: additionalSecretOutputs, replaceOnChanges, version,
pluginDownloadURL, provider), and the stack's exports, resolved, with their secretness.

    python3 mock_program.py SCENARIO.json RECORD.json

SCENARIO names the program, the project and stack, the stack configuration and which keys are secret. The canned
backend below stands in for the provider; the tests read it too, to know what the program should get back.
"""
import dataclasses
import json
import runpy
import sys
from pathlib import Path

# The programs the tests run, besides the examples.
PROGRAMS = Path(__file__).resolve().parent / "programs"

# What the mock "provider" holds: the connections getFlinkConnections lists.
CONNECTIONS = [
    {"id": "1111aaaa-11aa-11aa-11aa-111111aaaaaa/env-abc123/orders-db", "displayName": "orders-db", "type": "MONGODB",
     "endpoint": "mongodb+srv://orders.example.com", "status": {"phase": "READY"}},
    {"id": "1111aaaa-11aa-11aa-11aa-111111aaaaaa/env-abc123/chat", "displayName": "chat", "type": "OPENAI",
     "endpoint": "https://api.openai.com/v1/chat/completions", "status": {"phase": "READY"}},
    {"id": "1111aaaa-11aa-11aa-11aa-111111aaaaaa/env-abc123/vectors", "displayName": "vectors", "type": "MONGODB",
     "endpoint": "mongodb+srv://vectors.example.com", "status": {"phase": "UNREACHABLE", "detail": "no route"}},
]

# The outputs the provider computes for every connection.
COMPUTED = {"apiVersion": "sql/v1", "kind": "Connection", "status": {"phase": "READY"}}


@dataclasses.dataclass(frozen=True)
class Scenario:
    """A program to run under the mocks, with the stack configuration and environment it runs with."""
    program: Path
    project: str
    config: dict = dataclasses.field(default_factory=dict)
    secret_keys: tuple = ()
    environment: dict = dataclasses.field(default_factory=dict)
    stack: str = "test"

    def to_json(self) -> dict:
        """The SCENARIO file's content; the environment is the process's own."""
        return {"program": str(self.program), "project": self.project, "stack": self.stack,
                "config": self.config, "secretKeys": list(self.secret_keys)}


def generated_name(resource_name: str) -> str:
    """The name the mock provider gives a connection without displayName, shaped like the real provider's."""
    return f"{resource_name}-x7k2m9q"


def main(scenario_path: str, record_path: str) -> None:
    import pulumi
    from google.protobuf import json_format
    from pulumi.runtime.mocks import MockMonitor
    from pulumi.runtime.sync_await import _sync_await

    with open(scenario_path, encoding="utf-8") as f:
        scenario = json.load(f)

    record = {"registrations": [], "reads": [], "invokes": [], "exports": {}}

    def struct(message) -> dict:
        return json_format.MessageToDict(message, preserving_proto_field_name=True)

    def options(request) -> dict:
        """The resource options a request carries (a ReadResourceRequest has no replaceOnChanges)."""
        fields = request.DESCRIPTOR.fields_by_name
        lists = {name: list(getattr(request, name)) for name in ("additionalSecretOutputs", "replaceOnChanges") if name in fields}
        return {**lists, "version": request.version, "pluginDownloadURL": request.pluginDownloadURL, "provider": request.provider}

    class Backend(pulumi.runtime.Mocks):
        def new_resource(self, args: pulumi.runtime.MockResourceArgs):
            if args.typ.startswith("pulumi:providers:"):
                return f"{args.name}-id", dict(args.inputs)
            state = {**args.inputs, **COMPUTED}
            state.setdefault("displayName", generated_name(args.name))
            return args.resource_id or f"{args.name}-id", state

        def call(self, args: pulumi.runtime.MockCallArgs):
            if args.token.endswith(":getFlinkConnections"):
                wanted = args.args.get("type")
                return {"connections": [c for c in CONNECTIONS if wanted in (None, c["type"])]}
            name = args.args["displayName"]
            return {"id": f"1111aaaa-11aa-11aa-11aa-111111aaaaaa/env-abc123/{name}", "displayName": name, "type": "OPENAI",
                    "endpoint": "https://api.openai.com/v1/chat/completions", **COMPUTED}

    class RecordingMonitor(MockMonitor):
        """The mock monitor, keeping each request as it arrived: the mocks alone see only deserialized inputs."""

        def RegisterResource(self, request):
            if request.type != "pulumi:pulumi:Stack":
                record["registrations"].append({"type": request.type, "name": request.name, "custom": request.custom,
                                                "object": struct(request.object), **options(request)})
            return super().RegisterResource(request)

        def ReadResource(self, request):
            record["reads"].append({"type": request.type, "name": request.name, "id": request.id,
                                    "properties": struct(request.properties), **options(request)})
            return super().ReadResource(request)

        def Invoke(self, request):
            record["invokes"].append({"tok": request.tok, "args": struct(request.args), "version": request.version,
                                      "pluginDownloadURL": request.pluginDownloadURL, "provider": request.provider})
            return super().Invoke(request)

    mocks = Backend()
    pulumi.runtime.set_mocks(mocks, project=scenario["project"], stack=scenario["stack"], preview=False,
                             monitor=RecordingMonitor(mocks))
    pulumi.runtime.set_all_config(scenario["config"], scenario["secretKeys"])

    @pulumi.runtime.test
    def run():
        runpy.run_path(scenario["program"], run_name="__main__")
        # The test decorator waits for this, so every export is resolved when it returns.
        return pulumi.Output.all(*pulumi.runtime.get_root_resource().outputs.values())

    run()
    for name, value in pulumi.runtime.get_root_resource().outputs.items():
        # Plain values are recorded as they are: Output.from_input would turn SDK classes into plain dicts.
        if isinstance(value, pulumi.Output):
            record["exports"][name] = {"value": encode(_sync_await(value.future())), "secret": _sync_await(value.is_secret())}
        else:
            record["exports"][name] = {"value": encode(value), "secret": False}
    with open(record_path, "w", encoding="utf-8") as f:
        json.dump(record, f, indent=1, sort_keys=True)


def encode(value):
    """JSON for an exported value; an SDK class (output type or enum) is kept with its class and Python field names."""
    import enum
    import inspect

    from pulumi import _types

    if isinstance(value, enum.Enum):
        return {"class": f"{type(value).__module__}.{type(value).__qualname__}", "value": value.value}
    if _types.is_output_type(type(value)):
        fields = [name for name, member in inspect.getmembers(type(value)) if isinstance(member, property)]
        return {"class": f"{type(value).__module__}.{type(value).__qualname__}",
                "fields": {name: encode(getattr(value, name)) for name in fields}}
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    return value


if __name__ == "__main__":
    main(*sys.argv[1:])
