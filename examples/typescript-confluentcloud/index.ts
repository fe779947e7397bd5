// A whole Flink setup around one OpenAI connection. @pulumi/confluentcloud makes the compute pool, a service account
// with its roles and a Flink API key; this provider makes the connection with them; a Flink statement then creates a
// model that calls OpenAI through the connection.
import * as pulumi from "@pulumi/pulumi";
import * as confluentcloud from "@pulumi/confluentcloud";
import * as confluentflink from "@confluentflink/pulumi-confluentflink";

const config = new pulumi.Config();
const cloud = config.get("cloud") ?? "AWS";
const region = config.get("region") ?? "us-east-1";

const organization = confluentcloud.getOrganizationOutput();
const environment = confluentcloud.getEnvironmentOutput({ id: config.require("environmentId") });
// A model lives in a Flink database, which is a Kafka cluster of the environment (its catalog).
const kafkaCluster = confluentcloud.getKafkaClusterOutput({
    id: config.require("kafkaClusterId"),
    environment: { id: environment.id },
});
const flinkRegion = confluentcloud.getFlinkRegionOutput({ cloud, region });

const computePool = new confluentcloud.FlinkComputePool("models", {
    displayName: "models",
    cloud,
    region,
    maxCfu: 5,
    environment: { id: environment.id },
});

const flinkManager = new confluentcloud.ServiceAccount("flink-manager", {
    displayName: "flink-manager",
    description: "Manages the Flink connection and runs the statement that creates the model",
});
const flinkManagerPrincipal = pulumi.interpolate`User:${flinkManager.id}`;

// FlinkDeveloper, bound to the environment, lets the account manage Flink resources and run statements in every
// compute pool of it; Confluent's Flink RBAC page says a model also needs access to its Kafka cluster.
const flinkDeveloper = new confluentcloud.RoleBinding("flink-manager-flink-developer", {
    principal: flinkManagerPrincipal,
    roleName: "FlinkDeveloper",
    crnPattern: environment.resourceName,
});
const clusterAdmin = new confluentcloud.RoleBinding("flink-manager-cluster-admin", {
    principal: flinkManagerPrincipal,
    roleName: "CloudClusterAdmin",
    crnPattern: kafkaCluster.rbacCrn,
});

// A Flink API key is valid for one Flink region of one environment. Everything that uses it waits for the role
// bindings, since a call made before they exist is refused.
const flinkApiKey = new confluentcloud.ApiKey("flink-manager-flink-api-key", {
    displayName: "flink-manager-flink-api-key",
    owner: {
        id: flinkManager.id,
        apiVersion: flinkManager.apiVersion,
        kind: flinkManager.kind,
    },
    managedResource: {
        id: flinkRegion.id,
        apiVersion: flinkRegion.apiVersion,
        kind: flinkRegion.kind,
        environment: { id: environment.id },
    },
}, { dependsOn: [flinkDeveloper, clusterAdmin] });

// The connection and the statement take the same six Flink settings. `satisfies` keeps the type check of an object
// literal: a misspelt key here is an error, where a spread alone would silently drop it.
const flinkSettings = {
    organization: { id: organization.id },
    environment: { id: environment.id },
    computePool: { id: computePool.id },
    principal: { id: flinkManager.id },
    restEndpoint: flinkRegion.restEndpoint,
    credentials: { key: flinkApiKey.id, secret: flinkApiKey.secret },
} satisfies Partial<confluentflink.FlinkConnectionArgs>;

// No displayName: the provider names the connection "openai-<7 characters>" and keeps that name.
const openai = new confluentflink.FlinkConnection("openai", {
    ...flinkSettings,
    type: confluentflink.ConnectionType.OpenAI,
    endpoint: "https://api.openai.com/v1/chat/completions",
    apiKey: config.requireSecret("openaiApiKey"),
});

// The model names the connection, so it is created once the connection exists. Deleting the statement leaves the
// model in place (DROP MODEL removes it).
const model = new confluentcloud.FlinkStatement("chat-model", {
    ...flinkSettings,
    statement: pulumi.interpolate`CREATE MODEL \`chat_model\`
INPUT (prompt STRING)
OUTPUT (response STRING)
WITH (
  'provider' = 'openai',
  'task' = 'text_generation',
  'openai.connection' = '${openai.displayName}',
  'openai.model_version' = 'gpt-4o-mini'
);`,
    properties: {
        "sql.current-catalog": environment.displayName,
        "sql.current-database": kafkaCluster.displayName,
    },
}, { dependsOn: [openai] });

export const computePoolId = computePool.id;
export const serviceAccountId = flinkManager.id;
export const connectionName = openai.displayName;
export const connectionPhase = openai.status.phase;
export const modelStatementName = model.statementName;
