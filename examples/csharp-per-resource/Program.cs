// Per-resource settings: every connection carries its own Flink settings — organization, environment, compute
// pool, principal, REST endpoint and Flink API key — so one stack can manage connections of several environments,
// compute pools or regions side by side.
using Pulumi;
using Pulumi.ConfluentFlink;
using Pulumi.ConfluentFlink.Inputs;

return await Deployment.RunAsync(() =>
{
    // Pulumi.Config, not the provider's static Pulumi.ConfluentFlink.Config that shares its name.
    var config = new Pulumi.Config();

    // The settings the provider would otherwise take from its own config or env vars.
    FlinkConnectionArgs WithFlinkSettings(FlinkConnectionArgs args)
    {
        args.Organization = new FlinkConnectionOrganizationArgs { Id = config.Require("organizationId") };
        args.Environment = new FlinkConnectionEnvironmentArgs { Id = config.Require("environmentId") };
        args.ComputePool = new FlinkConnectionComputePoolArgs { Id = config.Require("computePoolId") };
        args.Principal = new FlinkConnectionPrincipalArgs { Id = config.Require("principalId") };
        args.RestEndpoint = config.Require("flinkRestEndpoint");
        args.Credentials = new FlinkConnectionCredentialsArgs
        {
            Key = config.Require("flinkApiKey"),
            Secret = config.RequireSecret("flinkApiSecret"),
        };
        return args;
    }

    var bedrockArgs = WithFlinkSettings(new FlinkConnectionArgs
    {
        DisplayName = "bedrock-titan-embed",
        Type = "BEDROCK",
        Endpoint = "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v1/invoke",
        AwsAccessKey = config.RequireSecret("awsAccessKey"),
        AwsSecretKey = config.RequireSecret("awsSecretKey"),
    });
    // Only temporary AWS credentials come with a session token. Without one the property stays unset:
    // a null Output cannot be assigned to an input.
    var awsSessionToken = config.GetSecret("awsSessionToken");
    if (awsSessionToken is not null)
    {
        bedrockArgs.AwsSessionToken = awsSessionToken;
    }
    // Protect is Pulumi's counterpart of Terraform's prevent_destroy: `pulumi destroy`, and any change
    // that would replace the connection, fail until `pulumi state unprotect` is run for it.
    var bedrock = new FlinkConnection("bedrock", bedrockArgs, new CustomResourceOptions { Protect = true });

    // An explicit provider instance gives the connections that use it their own provider settings;
    // here only more REST retries, since the Flink settings are already on each resource.
    var patientProvider = new Provider("patient", new ProviderArgs { MaxRetries = 8 });

    var mongodb = new FlinkConnection("mongodb", WithFlinkSettings(new FlinkConnectionArgs
    {
        DisplayName = "mongodb-vector-search",
        Type = "MONGODB",
        Endpoint = "mongodb+srv://cluster0.example.mongodb.net",
        Username = config.RequireSecret("mongodbUsername"),
        Password = config.RequireSecret("mongodbPassword"),
    }), new CustomResourceOptions { Protect = true, Provider = patientProvider });

    return new Dictionary<string, object?>
    {
        ["bedrockId"] = bedrock.Id,
        ["bedrockStatus"] = bedrock.Status,
        ["mongodbId"] = mongodb.Id,
        ["mongodbStatus"] = mongodb.Status,
    };
});
