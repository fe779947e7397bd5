# One entry point per job; README explains each. Every target works on a fresh clone.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIG ?= Release
BIN := $(CURDIR)/bin
PLUGIN := $(BIN)/pulumi-resource-confluentflink
EMULATOR := $(BIN)/emulator/ConfluentFlink.FlinkApiEmulator
PREFIX ?= $(HOME)/.local
VERSION := $(shell sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
DIST := $(CURDIR)/dist/pulumi-resource-confluentflink-v$(VERSION)-linux-amd64.tar.gz
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: build provider emulator-bin install dist sdk test demo emulator bench chaos storm clean

build: provider emulator-bin
	$(DOTNET) build ConfluentFlink.Pulumi.sln -c $(CONFIG) -v quiet -nologo

provider:
	$(DOTNET) publish provider/Provider/ConfluentFlink.Provider.csproj -c $(CONFIG) -o $(BIN) -v quiet -nologo

# Quiet on stdout, so that `make emulator`'s first stdout line is the emulator's base URL.
emulator-bin:
	@echo "publishing the emulator to $(BIN)/emulator" >&2
	@$(DOTNET) publish tests/FlinkApiEmulator/ConfluentFlink.FlinkApiEmulator.csproj -c $(CONFIG) -o $(BIN)/emulator -v quiet -nologo >&2

# The published plugin is an executable plus its assemblies: install the folder, link the executable onto PATH
# (the .NET host follows the link to find its assemblies), where the engine looks for ambient plugins.
install: provider
	rm -rf $(PREFIX)/lib/pulumi-resource-confluentflink
	mkdir -p $(PREFIX)/lib/pulumi-resource-confluentflink $(PREFIX)/bin
	cp -r $(BIN)/. $(PREFIX)/lib/pulumi-resource-confluentflink/
	rm -rf $(PREFIX)/lib/pulumi-resource-confluentflink/emulator
	ln -sf $(PREFIX)/lib/pulumi-resource-confluentflink/pulumi-resource-confluentflink $(PREFIX)/bin/pulumi-resource-confluentflink
	@echo "installed: $(PREFIX)/bin/pulumi-resource-confluentflink (make sure $(PREFIX)/bin is on PATH)"

# A tarball for `pulumi plugin install resource confluentflink $(VERSION) --file <tarball>`.
dist: provider
	mkdir -p dist
	tar -czf $(DIST) -C $(BIN) --exclude=./emulator .
	@echo $(DIST)

sdk:
	$(DOTNET) run --project sdk/generator/ConfluentFlink.SdkGen.csproj -c $(CONFIG) -- --schema schema.json --out sdk/dotnet

test: provider emulator-bin
	bash tests/run-all.sh

demo: provider
	$(DOTNET) run --project demo/ConfluentFlink.Demo/ConfluentFlink.Demo.csproj -c $(CONFIG)

bench: provider
	$(DOTNET) run --project bench/ConfluentFlink.Bench/ConfluentFlink.Bench.csproj -c $(CONFIG) -v quiet -nologo

# The fault/fuzz suite at a larger scale; CHAOS_SEED repeats a run (a comma-separated list storms once per seed).
chaos: provider emulator-bin
	CHAOS_SCALE=$${CHAOS_SCALE:-10} $(DOTNET) test tests/Robustness.Tests/ConfluentFlink.Robustness.Tests.csproj -c $(CONFIG) -nologo --logger "console;verbosity=normal"

# Only the fault storms (with the dead-backend twist) at CHAOS_SCALE 10, one seed: what CI runs after `make test`.
storm: provider emulator-bin
	bash tests/run-storm.sh

emulator: emulator-bin
	@$(EMULATOR)

clean:
	rm -rf $(BIN) TestResults dist
	$(DOTNET) clean ConfluentFlink.Pulumi.sln -v quiet -nologo
