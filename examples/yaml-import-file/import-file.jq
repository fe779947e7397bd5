# The connections getFlinkConnections lists, as the file `pulumi import --file` takes:
#   {"resources": [{"type": "confluentflink:index:FlinkConnection", "name": <resource name>, "id": <id>}, ...]}
# Input: `pulumi stack output connections --json` (the list), or the function's whole result ({"connections": [...]}).
# Each resource is named after its connection. A connection name may hold dots, which a Pulumi YAML program would read
# as property access (${a.b}), so they become underscores; no connection name holds an underscore, so the resource
# names stay as distinct as the connection names.
(if type == "array" then . else .connections end)
| {resources: map({
    type: "confluentflink:index:FlinkConnection",
    name: (.displayName | gsub("\\."; "_")),
    id: .id
  })}
