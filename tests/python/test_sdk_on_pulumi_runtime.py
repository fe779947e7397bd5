"""
programs/sdk_program.py on Pulumi's Python runtime with its mocks: what the SDK makes the runtime send the engine (as
the mock monitor received it) and what the program gets back. Expectations come from schema.json and from the mock
backend of mock_program.py, not from the SDK.
"""
import pytest

import mock_program
import repository
from mock_program import PROGRAMS, Scenario
from wire import at, is_secret, plain, registration

PROJECT = "sdk-python"
SECRET_CONFIG = {
    f"{PROJECT}:mcpClientSecret": "placeholder.mcp-client-secret",
    f"{PROJECT}:awsAccessKey": "placeholder.aws-access-key",
    f"{PROJECT}:awsSecretKey": "placeholder.aws-secret-key",
    f"{PROJECT}:listingSecret": "placeholder.listing-secret",
}
ENVIRONMENT = {"CONFLUENT_ENVIRONMENT_ID": "env-from-environment", "FLINK_API_SECRET": "placeholder.flink-api-secret"}
CONNECTIONS = ["openai", "rest", "mcp", "bedrock"]


@pytest.fixture(scope="module")
def run(run_program) -> dict:
    return run_program(Scenario(program=PROGRAMS / "sdk_program.py", project=PROJECT,
                                config=SECRET_CONFIG, secret_keys=tuple(SECRET_CONFIG), environment=ENVIRONMENT))


def sdk_class(name: str) -> str:
    return f"{repository.PACKAGE}.outputs.{name}"


@pytest.mark.parametrize("name", CONNECTIONS)
def test_a_connection_registers_with_the_resource_token_and_schema_input_names(run, name):
    request = registration(run, name)

    assert request["type"] == repository.RESOURCE
    assert request["custom"]
    assert set(request["object"]) <= repository.CONNECTION_INPUTS, "keys that are not the schema's camelCase inputs"


@pytest.mark.parametrize("name, given_as, wire_value", [
    ("openai", "ConnectionType.OPEN_AI", "OPENAI"),
    ("rest", "the string 'REST'", "REST"),
    ("mcp", "the string 'MCP_SERVER'", "MCP_SERVER"),
    ("bedrock", "ConnectionType.BEDROCK", "BEDROCK"),
])
def test_type_is_sent_as_its_value_whether_given_as_an_enum_member_or_a_string(run, name, given_as, wire_value):
    assert registration(run, name)["object"]["type"] == wire_value, given_as


def test_transport_type_given_as_an_enum_member_is_sent_as_its_value(run):
    assert registration(run, "mcp")["object"]["transportType"] == "STREAMABLE_HTTP"


@pytest.mark.parametrize("name, path, value, secret", [
    ("openai", "apiKey", "placeholder.api-key", True),                      # given in plain
    ("rest", "oauth.clientSecret", "placeholder.rest-client-secret", True),  # nested, given in plain
    ("mcp", "oauth.clientSecret", SECRET_CONFIG[f"{PROJECT}:mcpClientSecret"], True),  # nested, from secret config
    ("bedrock", "awsAccessKey", SECRET_CONFIG[f"{PROJECT}:awsAccessKey"], True),
    ("bedrock", "awsSecretKey", SECRET_CONFIG[f"{PROJECT}:awsSecretKey"], True),
    ("rest", "oauth.clientId", "flink-rest", False),
    ("mcp", "oauth.tokenEndpoint", "https://auth.example.com/oauth2/token", False),
    ("openai", "endpoint", "https://api.openai.com/v1/chat/completions", False),
])
def test_credentials_are_secret_on_the_wire_and_other_inputs_are_not(run, name, path, value, secret):
    sent = at(registration(run, name)["object"], path)

    assert is_secret(sent) == secret, sent
    assert plain(sent) == value


def test_a_dictionary_given_for_oauth_is_sent_under_the_schema_names(run):
    assert sorted(registration(run, "mcp")["object"]["oauth"]) == ["clientId", "clientSecret", "scope", "tokenEndpoint"]


@pytest.mark.parametrize("name", CONNECTIONS)
def test_every_connection_asks_for_its_secret_outputs_and_replace_on_changes(run, name):
    request = registration(run, name)

    assert sorted(request["additionalSecretOutputs"]) == repository.SECRET_OUTPUTS
    assert sorted(request["replaceOnChanges"]) == repository.REPLACE_ON_CHANGES


@pytest.mark.parametrize("kind", ["registrations", "reads", "invokes"])
def test_every_request_names_the_plugin_version_and_download_url_of_the_schema(run, kind):
    requests = run[kind]

    assert requests, f"no {kind} recorded"
    assert {(r["version"], r["pluginDownloadURL"]) for r in requests} == {
        (repository.SCHEMA["version"], repository.SCHEMA["pluginDownloadURL"])}


def test_status_comes_back_as_its_output_class(run):
    status = run["exports"]["openaiStatus"]["value"]

    assert status["class"] == sdk_class("FlinkConnectionStatus")
    assert status["fields"]["phase"] == mock_program.COMPUTED["status"]["phase"]
    assert run["exports"]["openaiPhase"]["value"] == mock_program.COMPUTED["status"]["phase"]


def test_a_connection_without_display_name_sends_none_and_gets_the_generated_name(run):
    assert "displayName" not in registration(run, "mcp")["object"]
    assert run["exports"]["mcpDisplayName"] == {"value": mock_program.generated_name("mcp"), "secret": False}


def test_the_explicit_provider_is_the_one_the_connection_is_registered_with(run):
    assert registration(run, "bedrock")["provider"].endswith(f"{repository.PROVIDER}::explicit::explicit-id")
    assert registration(run, "openai")["provider"] == ""


@pytest.mark.parametrize("key, value, secret", [
    ("organizationId", "2222bbbb-22bb-22bb-22bb-222222bbbbbb", False),                         # an argument
    ("flinkApiKey", "explicit-key", False),                            # an argument
    ("environmentId", ENVIRONMENT["CONFLUENT_ENVIRONMENT_ID"], False),  # from the environment
    ("flinkApiSecret", ENVIRONMENT["FLINK_API_SECRET"], True),         # from the environment, secret
    ("maxRetries", str(repository.CONFIG_VARIABLES["maxRetries"]["default"]), False),  # the schema default, JSON
])
def test_the_provider_sends_its_settings_with_the_secret_one_secret(run, key, value, secret):
    sent = registration(run, "explicit")["object"]

    assert registration(run, "explicit")["type"] == repository.PROVIDER
    assert is_secret(sent[key]) == secret
    assert plain(sent[key]) == value


@pytest.mark.parametrize("key", ["flinkComputePoolId", "flinkPrincipalId", "flinkRestEndpoint"])
def test_a_provider_setting_whose_variable_is_unset_is_not_sent(run, key):
    assert key not in registration(run, "explicit")["object"]


def test_get_reads_the_connection_by_id_with_the_state_given(run):
    (read,) = run["reads"]

    assert (read["type"], read["name"], read["id"]) == (repository.RESOURCE, "looked-up", "1111aaaa-11aa-11aa-11aa-111111aaaaaa/env-abc123/chat")
    assert read["properties"] == {"displayName": "chat", "restEndpoint": "https://flink.us-east-1.aws.confluent.cloud"}
    assert sorted(read["additionalSecretOutputs"]) == repository.SECRET_OUTPUTS


@pytest.mark.parametrize("token, args", [
    (repository.GET_CONNECTION, {"displayName": "openai-chat", "environment": {"id": "env-lookup"}}),  # plain form
    (repository.GET_CONNECTION, {"displayName": "openai-chat"}),  # output form, from the resource's output
    (repository.GET_CONNECTIONS, {"type": "MONGODB"}),  # plain form, the type as an enum member
    (repository.GET_CONNECTIONS, {"environment": {"id": "env-listed"},
                                  "credentials": {"key": "listing-key", "secret": SECRET_CONFIG[f"{PROJECT}:listingSecret"]}}),
])
def test_both_forms_of_both_functions_invoke_the_token_with_the_schema_argument_names(run, token, args):
    assert {"tok": token, "args": args} in [{"tok": i["tok"], "args": i["args"]} for i in run["invokes"]]


def test_get_flink_connection_returns_the_result_with_typed_status(run):
    lookup = run["exports"]["lookup"]["value"]

    assert (lookup["displayName"], lookup["id"], lookup["apiVersion"]) == ("openai-chat", "1111aaaa-11aa-11aa-11aa-111111aaaaaa/env-abc123/openai-chat", "sql/v1")
    assert lookup["status"]["class"] == sdk_class("FlinkConnectionStatus")
    assert run["exports"]["lookupOutputPhase"]["value"] == mock_program.COMPUTED["status"]["phase"]


def summaries(connections: list) -> list:
    """The backend's connections as the SDK should hand them over: typed, with Python field names."""
    return [{
        "class": sdk_class("FlinkConnectionSummary"),
        "fields": {"display_name": c["displayName"], "endpoint": c["endpoint"], "id": c["id"], "type": c["type"],
                   "status": {"class": sdk_class("FlinkConnectionStatus"),
                              "fields": {"phase": c["status"]["phase"], "detail": c["status"].get("detail")}}},
    } for c in connections]


@pytest.mark.parametrize("export, wanted_type, secret", [
    ("mongodbConnections", "MONGODB", False),  # get_flink_connections(type=...)
    ("listedConnections", None, True),         # get_flink_connections_output(credentials=... secret ...)
])
def test_get_flink_connections_returns_typed_connections(run, export, wanted_type, secret):
    expected = [c for c in mock_program.CONNECTIONS if wanted_type in (None, c["type"])]

    assert run["exports"][export] == {"value": summaries(expected), "secret": secret}


def test_an_item_of_the_output_form_reads_like_a_typed_object(run):
    assert run["exports"]["listedFirstPhase"]["value"] == mock_program.CONNECTIONS[0]["status"]["phase"]
