"""
Two Flink connections from Python: an OpenAI model whose API key comes from secret config, and an MCP server on
OAuth 2.0 whose client secret does too. The Flink settings (organization, environment, compute pool, principal,
REST endpoint, Flink API key) come from the provider configuration or its environment variables (see README.md).
"""
import pulumi
import pulumi_confluentflink as confluentflink

config = pulumi.Config()

openai = confluentflink.FlinkConnection(
    "openai",
    display_name="openai-chat",
    # A ConnectionType member; the plain string "OPENAI" is accepted too.
    type=confluentflink.ConnectionType.OPEN_AI,
    endpoint="https://api.openai.com/v1/chat/completions",
    # A secret config value stays encrypted in the stack's config and state.
    api_key=config.require_secret("openaiApiKey"))

# No display_name: the provider names the connection "tools-<7 characters>" and keeps that name on later updates.
tools = confluentflink.FlinkConnection(
    "tools",
    type="MCP_SERVER",
    endpoint="https://mcp.example.com/mcp",
    transport_type=confluentflink.TransportType.STREAMABLE_HTTP,
    oauth=confluentflink.FlinkConnectionOauthArgs(
        token_endpoint="https://auth.example.com/oauth2/token",
        client_id="flink-tools",
        client_secret=config.require_secret("mcpClientSecret"),
        scope="mcp:tools"))

pulumi.export("openaiPhase", openai.status.phase)
# The generated name, for Flink SQL statements that use the connection.
pulumi.export("connectionName", tools.display_name)
