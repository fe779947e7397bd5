"""
pulumi_confluentflink.config on Pulumi's Python runtime: each package setting read from the stack configuration,
else its environment variable, else its schema default.
"""
import re

import pytest

import repository
from mock_program import PROGRAMS, Scenario

PROGRAM = PROGRAMS / "config_program.py"


def python_name(key: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()


def test_every_setting_of_the_schema_has_its_property(run_program):
    exports = run_program(Scenario(program=PROGRAM, project="config-python"))["exports"]

    assert sorted(exports) == sorted(python_name(k) for k in repository.CONFIG_VARIABLES)


@pytest.mark.parametrize("setting, config, environment, value", [
    ("organization_id", {}, {}, None),
    ("organization_id", {"confluentflink:organizationId": "3333cccc-33cc-33cc-33cc-333333cccccc"}, {}, "3333cccc-33cc-33cc-33cc-333333cccccc"),
    ("environment_id", {}, {"CONFLUENT_ENVIRONMENT_ID": "env-from-environment"}, "env-from-environment"),
    ("environment_id", {"confluentflink:environmentId": "env-from-config"},
     {"CONFLUENT_ENVIRONMENT_ID": "env-from-environment"}, "env-from-config"),
    ("flink_api_secret", {}, {"FLINK_API_SECRET": "placeholder.flink-api-secret"}, "placeholder.flink-api-secret"),
    ("max_retries", {}, {}, repository.CONFIG_VARIABLES["maxRetries"]["default"]),
    ("max_retries", {"confluentflink:maxRetries": "7"}, {}, 7),
    # A configured 0 is kept, not replaced by the default.
    ("max_retries", {"confluentflink:maxRetries": "0"}, {}, 0),
])
def test_a_setting_comes_from_config_then_the_environment_then_the_default(run_program, setting, config, environment, value):
    exports = run_program(Scenario(program=PROGRAM, project="config-python", config=config, environment=environment))["exports"]

    assert exports[setting]["value"]["value"] == value
    if value is not None:
        assert exports[setting]["value"]["type"] == type(value).__name__
