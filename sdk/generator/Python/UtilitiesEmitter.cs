using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// <c>_utilities.py</c>, with the members and behaviour of Pulumi's Python template (whether or not this SDK calls them,
/// since user code and other tooling may), written for this generator: environment readers; the package version, read
/// from the installed distribution's metadata and turned back from PEP 440 into the semver the engine expects; the
/// default resource and invoke options (version and plugin download URL); the resource constructors' argument
/// sorting; lazy module imports; the registration of the package's resource classes and provider; the helpers for
/// lifted output functions, plain method calls and deprecations.
/// </summary>
public sealed class UtilitiesEmitter(PyContext ctx)
{
    private const string Body = """"
        import asyncio
        import functools
        import importlib.metadata
        import importlib.util
        import inspect
        import json
        import os
        import sys
        import typing
        import warnings

        import pulumi
        import pulumi.runtime
        from pulumi.runtime.sync_await import _sync_await

        from semver import VersionInfo as SemverVersion
        from parver import Version as PEP440Version

        C = typing.TypeVar("C", bound=typing.Callable)


        def get_env(*args):
            """The value of the first of these environment variables that is set, else None."""
            return next((os.environ[name] for name in args if name in os.environ), None)


        # The spellings Go's strconv.ParseBool accepts, which Pulumi's SDKs in every language share.
        _TRUE_VALUES = ("1", "t", "T", "true", "TRUE", "True")
        _FALSE_VALUES = ("0", "f", "F", "false", "FALSE", "False")


        def get_env_bool(*args):
            value = get_env(*args)
            if value in _TRUE_VALUES:
                return True
            if value in _FALSE_VALUES:
                return False
            return None


        def _get_env_parsed(parse, *args):
            value = get_env(*args)
            if value is None:
                return None
            try:
                return parse(value)
            except ValueError:
                return None


        def get_env_int(*args):
            return _get_env_parsed(int, *args)


        def get_env_float(*args):
            return _get_env_parsed(float, *args)


        # PEP 440 has fewer pre-release kinds than semver; pyproject.toml's version was translated from the schema's
        # semver into PEP 440, and the engine expects semver back.
        _SEMVER_PRERELEASE_OF_PEP440_TAG = {"a": "alpha", "b": "beta", "rc": "rc"}


        def _get_semver_version():
            """This package's version, read from the installed distribution (the root package of this module's name)."""
            root_package = __name__.split(".")[0]
            pep440 = PEP440Version.parse(importlib.metadata.version(root_package))
            major, minor, patch = pep440.release
            if pep440.pre_tag in _SEMVER_PRERELEASE_OF_PEP440_TAG:
                prerelease = f"{_SEMVER_PRERELEASE_OF_PEP440_TAG[pep440.pre_tag]}.{pep440.pre}"
            elif pep440.dev is not None:
                prerelease = f"dev.{pep440.dev}"
            else:
                # Pre-release parts PEP 440 has no place for travel in the local version.
                prerelease = pep440.local
            return SemverVersion(major=major, minor=minor, patch=patch, prerelease=prerelease)


        # Read once: every resource and invoke asks for it.
        _version = _get_semver_version()
        _version_str = str(_version)


        def get_resource_opts_defaults() -> pulumi.ResourceOptions:
            return pulumi.ResourceOptions(
                version=get_version(),
                plugin_download_url=get_plugin_download_url(),
            )


        def get_invoke_opts_defaults() -> pulumi.InvokeOptions:
            return pulumi.InvokeOptions(
                version=get_version(),
                plugin_download_url=get_plugin_download_url(),
            )


        def get_resource_args_opts(resource_args_type, resource_options_type, *args, **kwargs):
            """
            The args object and the options a resource's __init__ was given, whichever overload was called: both
            positionally (args first), or as the keywords args= and opts=. Either may be None.
            """
            positional = list(args)
            resource_args = positional.pop(0) if positional and isinstance(positional[0], resource_args_type) else None
            opts = positional[0] if positional and isinstance(positional[0], resource_options_type) else None
            if resource_args is None and isinstance(kwargs.get("args"), resource_args_type):
                resource_args = kwargs["args"]
            if opts is None:
                opts = kwargs.get("opts")
            return resource_args, opts


        def lazy_import(fullname):
            """Imports a module when it is first used: Pulumi's own lazy_import where the installed SDK has one."""
            import pulumi._utils as pulumi_utils
            return getattr(pulumi_utils, "lazy_import", _lazy_import)(fullname)


        def _lazy_import(fullname):
            module = sys.modules.get(fullname)
            if module is not None:
                return module
            spec = importlib.util.find_spec(fullname)
            # Finding the module imports its parents, which may have imported it.
            module = sys.modules.get(fullname)
            if module is not None:
                return module
            loader = importlib.util.LazyLoader(spec.loader)
            spec.loader = loader
            module = importlib.util.module_from_spec(spec)
            sys.modules[fullname] = module
            loader.exec_module(module)
            return module


        class Package(pulumi.runtime.ResourcePackage):
            """Rebuilds this package's provider from a reference the engine hands back."""

            def __init__(self, pkg_info):
                super().__init__()
                self.pkg_info = pkg_info

            def version(self):
                return _version

            def construct_provider(self, name: str, typ: str, urn: str) -> pulumi.ProviderResource:
                if typ != self.pkg_info["token"]:
                    raise Exception(f"unknown provider type {typ}")
                provider_class = getattr(lazy_import(self.pkg_info["fqn"]), self.pkg_info["class"])
                return provider_class(name, pulumi.ResourceOptions(urn=urn))


        class Module(pulumi.runtime.ResourceModule):
            """Rebuilds a resource of one of this package's modules from a reference the engine hands back."""

            def __init__(self, mod_info):
                super().__init__()
                self.mod_info = mod_info

            def version(self):
                return _version

            def construct(self, name: str, typ: str, urn: str) -> pulumi.Resource:
                class_name = self.mod_info["classes"].get(typ)
                if class_name is None:
                    raise Exception(f"unknown resource type {typ}")
                resource_class = getattr(lazy_import(self.mod_info["fqn"]), class_name)
                return resource_class(name, pulumi.ResourceOptions(urn=urn))


        def register(resource_modules, resource_packages):
            """Registers the package's provider and resource modules, given as the JSON the package's __init__ holds."""
            for pkg_info in json.loads(resource_packages):
                pulumi.runtime.register_resource_package(pkg_info["pkg"], Package(pkg_info))
            for mod_info in json.loads(resource_modules):
                pulumi.runtime.register_resource_module(mod_info["pkg"], mod_info["mod"], Module(mod_info))


        _F = typing.TypeVar("_F", bound=typing.Callable[..., typing.Any])


        def lift_output_func(func: typing.Any) -> typing.Callable[[_F], _F]:
            """
            Decorator making a function's output form (fn_output) out of its plain form: the plain form applied to the
            arguments once they are all known.
            """
            signature = inspect.signature(func)

            def lifted_func(*args, opts=None, **kwargs):
                bound = signature.bind(*args, **kwargs)
                # A list, not the tuple bind gives: Output.from_input looks for outputs inside lists (pulumi/pulumi#8172).
                arguments = pulumi.Output.from_input({"args": list(bound.args), "kwargs": bound.kwargs})
                return arguments.apply(lambda resolved: func(*resolved["args"], opts=opts, **resolved["kwargs"]))

            return lambda _: lifted_func


        def call_plain(
            tok: str,
            props: pulumi.Inputs,
            res: typing.Optional[pulumi.Resource] = None,
            typ: typing.Optional[type] = None,
        ) -> typing.Any:
            """Calls a resource method whose result is plain, and returns the result itself."""
            output = pulumi.runtime.call(tok, props, res, typ)
            # The dependencies are dropped: calling r.f() depends on r, which the caller has.
            result, known, secret, _ = _sync_await(asyncio.create_task(_await_output(output)))
            problem = "an unknown value" if not known else "a secret value" if secret else None
            if problem:
                raise AssertionError(
                    f"Plain resource method '{tok}' incorrectly returned {problem}. "
                    + "This is an error in the provider, please report this to the provider developer."
                )
            return result


        async def _await_output(o: pulumi.Output[typing.Any]) -> typing.Tuple[object, bool, bool, set]:
            return (
                await o._future,
                await o._is_known,
                await o._is_secret,
                await o._resources,
            )


        def deprecated(message: str) -> typing.Callable[[C], C]:
            """
            Marks a function deprecated, for Pulumi SDKs older than 3.121.0 that have no such decorator: a call warns, as a
            Python warning and in Pulumi's log, and the function is kept as _pulumi_deprecated_callable for tooling.
            """

            def decorator(fn: C) -> C:
                if not callable(fn):
                    raise TypeError("Expected fn to be callable")

                @functools.wraps(fn)
                def deprecated_fn(*args, **kwargs):
                    warnings.warn(message)
                    pulumi.warn(f"{fn.__name__} is deprecated: {message}")
                    return fn(*args, **kwargs)

                deprecated_fn.__dict__["_pulumi_deprecated_callable"] = fn
                return typing.cast(C, deprecated_fn)

            return decorator

        """";

    public GeneratedFile Emit()
    {
        var w = new CodeWriter();
        w.Line("# coding=utf-8").Lines(CodeWriter.Header("#")).Line().Line();
        w.Lines(Body.Replace("\r\n", "\n").Split('\n').SkipLast(1));
        var url = ctx.Package.PluginDownloadUrl is { } server ? PyLiteral.Double(server) : "None";
        w.Lines(["", "", "def get_plugin_download_url():", $"    return {url}", "", "", "def get_version():", "    return _version_str"]);
        return new GeneratedFile($"{ctx.PackageName}/_utilities.py", w.ToString());
    }
}
