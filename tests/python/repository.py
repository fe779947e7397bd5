"""The repository the tests run in, and the facts of its schema.json the tests check the SDK against."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schema.json").read_text(encoding="utf-8"))

PACKAGE = SCHEMA["language"]["python"]["packageName"]
RESOURCE = f"{SCHEMA['name']}:index:FlinkConnection"
PROVIDER = f"pulumi:providers:{SCHEMA['name']}"
GET_CONNECTION = f"{SCHEMA['name']}:index:getFlinkConnection"
GET_CONNECTIONS = f"{SCHEMA['name']}:index:getFlinkConnections"

_connection = SCHEMA["resources"][RESOURCE]
SECRET_OUTPUTS = sorted(name for name, p in _connection["properties"].items() if p.get("secret"))
REPLACE_ON_CHANGES = sorted(name for name, p in _connection["properties"].items() if p.get("replaceOnChanges"))
CONNECTION_INPUTS = set(_connection["inputProperties"])
CONFIG_VARIABLES = SCHEMA["config"]["variables"]
