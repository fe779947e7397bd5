"""Exports every setting of the SDK's config module under its Python name, with the type it was read as."""
import pulumi
import pulumi_confluentflink as confluentflink

config = confluentflink.config
# The package imports its config module when an attribute is first read (bar introspection ones such as __name__);
# from then on the module's class has the settings.
hasattr(config, "__all__")
settings = [name for name, member in vars(type(config)).items() if isinstance(member, property)]
for name in settings:
    value = getattr(config, name)
    pulumi.export(name, {"value": value, "type": type(value).__name__})
