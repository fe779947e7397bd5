"""
A program using every part of the Python SDK, run under the mocks by test_sdk_on_pulumi_runtime.py: connections with
the type as an enum member and as a string, credentials given in plain and from secret config, OAuth as an args class
and as a dictionary, an omitted display_name, an explicit provider, both forms of both functions, a lookup by id, and
the package's config module. The values are placeholders, not credentials.
"""
import pulumi
import pulumi_confluentflink as confluentflink

config = pulumi.Config()

openai = confluentflink.FlinkConnection(
    "openai",
    type=confluentflink.ConnectionType.OPEN_AI,
    display_name="openai-chat",
    endpoint="https://api.openai.com/v1/chat/completions",
    # Given in plain: the SDK must send it as a secret all the same.
    api_key="placeholder.api-key")

rest = confluentflink.FlinkConnection(
    "rest",
    confluentflink.FlinkConnectionArgs(
        type="REST",
        display_name="rest-api",
        endpoint="https://rest.example.com/v1",
        oauth=confluentflink.FlinkConnectionOauthArgs(
            token_endpoint="https://auth.example.com/oauth2/token",
            client_id="flink-rest",
            # A nested credential given in plain.
            client_secret="placeholder.rest-client-secret",
            scope="rest:read")))

mcp = confluentflink.FlinkConnection(
    "mcp",
    type="MCP_SERVER",
    endpoint="https://mcp.example.com/mcp",
    transport_type=confluentflink.TransportType.STREAMABLE_HTTP,
    oauth={
        "token_endpoint": "https://auth.example.com/oauth2/token",
        "client_id": "flink-tools",
        "client_secret": config.require_secret("mcpClientSecret"),
        "scope": "mcp:tools",
    })

explicit = confluentflink.Provider(
    "explicit",
    organization_id="2222bbbb-22bb-22bb-22bb-222222bbbbbb",
    flink_api_key="explicit-key")

bedrock = confluentflink.FlinkConnection(
    "bedrock",
    type=confluentflink.ConnectionType.BEDROCK,
    display_name="bedrock-claude",
    endpoint="https://bedrock-runtime.us-east-1.amazonaws.com",
    aws_access_key=config.require_secret("awsAccessKey"),
    aws_secret_key=config.require_secret("awsSecretKey"),
    environment=confluentflink.FlinkConnectionEnvironmentArgs(id="env-per-resource"),
    opts=pulumi.ResourceOptions(provider=explicit))

looked_up = confluentflink.FlinkConnection.get(
    "looked-up", "1111aaaa-11aa-11aa-11aa-111111aaaaaa/env-abc123/chat",
    display_name="chat",
    rest_endpoint="https://flink.us-east-1.aws.confluent.cloud")

lookup = confluentflink.get_flink_connection(display_name="openai-chat", environment={"id": "env-lookup"})
lookup_output = confluentflink.get_flink_connection_output(display_name=openai.display_name)
mongodb = confluentflink.get_flink_connections(type=confluentflink.ConnectionType.MONGO_DB)
listed = confluentflink.get_flink_connections_output(
    environment=confluentflink.FlinkConnectionEnvironment(id="env-listed"),
    credentials=confluentflink.FlinkConnectionCredentials(key="listing-key", secret=config.require_secret("listingSecret")))

pulumi.export("openaiStatus", openai.status)
pulumi.export("openaiPhase", openai.status.phase)
pulumi.export("openaiType", openai.type)
pulumi.export("mcpDisplayName", mcp.display_name)
pulumi.export("lookup", {"id": lookup.id, "displayName": lookup.display_name, "type": lookup.type,
                         "status": lookup.status, "apiVersion": lookup.api_version})
pulumi.export("lookupOutputPhase", lookup_output.status.phase)
pulumi.export("mongodbConnections", mongodb.connections)
pulumi.export("listedConnections", listed.connections)
pulumi.export("listedFirstPhase", listed.connections[0].status.phase)
