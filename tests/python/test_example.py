"""
examples/python run on Pulumi's Python runtime with its mocks, with exactly the config keys its README sets (those
set with --secret as secrets, placeholder values for all), as a user's `pulumi up` would run it.
"""
import re

import pytest

import mock_program
import repository
from mock_program import Scenario
from wire import at, is_secret, plain, registration

EXAMPLE = repository.ROOT / "examples" / "python"
CONFIG_SET = re.compile(r"^pulumi config set (?P<secret>--secret )?(?P<key>\S+)", re.MULTILINE)


def project_name() -> str:
    return re.search(r"^name:\s*(\S+)", (EXAMPLE / "Pulumi.yaml").read_text(), re.MULTILINE)[1]


def readme_config() -> tuple:
    """The README's `pulumi config set` keys, each with a placeholder value, project keys qualified; and the secret ones."""
    config, secrets = {}, []
    for match in CONFIG_SET.finditer((EXAMPLE / "README.md").read_text()):
        key = match["key"] if ":" in match["key"] else f"{project_name()}:{match['key']}"
        config[key] = f"placeholder.{key.split(':')[1]}"
        if match["secret"]:
            secrets.append(key)
    return config, tuple(secrets)


@pytest.fixture(scope="module")
def run(run_program) -> dict:
    config, secrets = readme_config()
    return run_program(Scenario(program=EXAMPLE / "__main__.py", project=project_name(), config=config, secret_keys=secrets))


def test_the_readme_sets_the_provider_settings_and_the_program_secrets():
    config, secrets = readme_config()

    assert f"{project_name()}:openaiApiKey" in secrets and f"{project_name()}:mcpClientSecret" in secrets
    assert "confluentflink:flinkApiSecret" in secrets
    assert {k.split(":")[1] for k in config if k.startswith("confluentflink:")} <= set(repository.CONFIG_VARIABLES)


def test_the_program_registers_an_openai_and_an_mcp_connection(run):
    assert sorted((r["type"], r["name"], r["object"]["type"]) for r in run["registrations"]) == [
        (repository.RESOURCE, "openai", "OPENAI"), (repository.RESOURCE, "tools", "MCP_SERVER")]


@pytest.mark.parametrize("name, path, config_key", [
    ("openai", "apiKey", "openaiApiKey"),
    ("tools", "oauth.clientSecret", "mcpClientSecret"),
])
def test_each_credential_is_sent_as_a_secret_with_its_config_value(run, name, path, config_key):
    sent = at(registration(run, name)["object"], path)

    assert is_secret(sent)
    assert plain(sent) == readme_config()[0][f"{project_name()}:{config_key}"]


def test_the_mcp_connection_gets_a_generated_name_which_the_stack_exports(run):
    assert "displayName" not in registration(run, "tools")["object"]
    assert run["exports"]["connectionName"] == {"value": mock_program.generated_name("tools"), "secret": False}


def test_the_openai_connection_exports_its_status_phase(run):
    assert run["exports"]["openaiPhase"]["value"] == mock_program.COMPUTED["status"]["phase"]
