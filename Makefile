# One entry point per job; README explains each. Every target works on a fresh clone.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIG ?= Release
BIN := $(CURDIR)/bin
PLUGIN := $(BIN)/pulumi-resource-confluentflink
EMULATOR := $(BIN)/emulator/ConfluentFlink.FlinkApiEmulator
PREFIX ?= $(HOME)/.local
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: build provider emulator-bin install version dist dist-test sdk test test-fresh-clone demo emulator bench bench-dist chaos storm mutation clean

build: provider emulator-bin
	$(DOTNET) build ConfluentFlink.Pulumi.sln -c $(CONFIG) -v quiet -nologo

provider:
	$(DOTNET) publish provider/Provider/ConfluentFlink.Provider.csproj -c $(CONFIG) -o $(BIN) -v quiet -nologo

# Quiet on stdout, so that `make emulator`'s first stdout line is the emulator's base URL.
emulator-bin:
	@echo "publishing the emulator to $(BIN)/emulator" >&2
	@$(DOTNET) publish tests/FlinkApiEmulator/ConfluentFlink.FlinkApiEmulator.csproj -c $(CONFIG) -o $(BIN)/emulator -v quiet -nologo >&2

# `make provider` writes the plugin to bin/ as one Native AOT executable that needs nothing beside it to run, next to its
# debug symbols (its .dbg, the libraries' .pdb); bin/emulator/ is the emulator, not part of the plugin. Install copies
# the executable and its symbols into one folder, where debuggers look for the symbols, and links the executable into
# $(PREFIX)/bin, on PATH, where the engine looks for ambient plugins.
install: provider
	rm -rf $(PREFIX)/lib/pulumi-resource-confluentflink
	mkdir -p $(PREFIX)/lib/pulumi-resource-confluentflink $(PREFIX)/bin
	cp -r $(BIN)/. $(PREFIX)/lib/pulumi-resource-confluentflink/
	rm -rf $(PREFIX)/lib/pulumi-resource-confluentflink/emulator
	ln -sf $(PREFIX)/lib/pulumi-resource-confluentflink/pulumi-resource-confluentflink $(PREFIX)/bin/pulumi-resource-confluentflink
	@echo "installed: $(PREFIX)/bin/pulumi-resource-confluentflink (make sure $(PREFIX)/bin is on PATH)"

# The release version lives in one place, schema.json's "version": this writes VERSION there and regenerates the SDKs,
# which copy it; the build reads it from there.
version:
	$(if $(filter command line,$(origin VERSION)),,$(error usage: make version VERSION=x.y.z))
	@[[ "$(VERSION)" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$$ ]] || \
	  { echo "VERSION=$(VERSION) is not a semantic version such as 1.2.3" >&2; exit 2; }
	sed -i '0,/"version": *"[^"]*"/s//"version": "$(VERSION)"/' schema.json
	$(MAKE) sdk

# The release files in dist/: an archive per platform, the symbols, their checksums (release/dist.sh).
# `make dist VERSION=x.y.z` first sets the version (make version).
dist: $(if $(filter command line,$(origin VERSION)),version)
	bash release/dist.sh

# Builds dist/, then tests it: names, layout, executable formats, checksums, the linux-amd64 plugin booting.
dist-test: dist
	bash tests/run-dist-tests.sh

sdk:
	$(DOTNET) run --project sdk/generator/ConfluentFlink.SdkGen.csproj -c $(CONFIG) -- --schema schema.json \
	  --catalog provider/Schema/connection-catalog.json --markdown README.md docs/*.md \
	  --dotnet sdk/dotnet --nodejs sdk/nodejs --python sdk/python

test: provider emulator-bin
	bash tests/run-all.sh

# A clone of HEAD in an empty folder (no ../shared beside it): make demo and make test must pass there.
test-fresh-clone:
	bash tests/fresh-clone.sh

demo: provider
	$(DOTNET) run --project demo/ConfluentFlink.Demo/ConfluentFlink.Demo.csproj -c $(CONFIG)

bench: provider
	$(DOTNET) run --project bench/ConfluentFlink.Bench/ConfluentFlink.Bench.csproj -c $(CONFIG) -v quiet -nologo

# Sizes of the archives in dist/ and the cold start of the extracted linux-amd64 plugin, into bench/results.md.
bench-dist: dist
	$(DOTNET) run --project bench/ConfluentFlink.Bench/ConfluentFlink.Bench.csproj -c $(CONFIG) -v quiet -- --sections release

# The robustness tests of the published plugin (category Chaos: cancel, dead backend, hostile input, fuzz, storms) at a
# larger scale; CHAOS_SEED repeats a run (a comma-separated list storms once per seed).
chaos: provider emulator-bin
	CHAOS_SCALE=$${CHAOS_SCALE:-10} $(DOTNET) test tests/Plugin.Tests/ConfluentFlink.Plugin.Tests.csproj -c $(CONFIG) -nologo \
	  --filter "TestCategory=Chaos" --logger "console;verbosity=normal"

# Only the fault storms (with the dead-backend twist) at CHAOS_SCALE 10, one seed: what CI runs after `make test`.
storm: provider emulator-bin
	bash tests/run-storm.sh

# Mutation testing of the plugin's own code (provider/Provider, protos excepted) by the in-process suite; not in CI: it
# takes about 20 minutes on 2 cores. The report is under tests/Provider.Tests/StrykerOutput.
mutation:
	$(DOTNET) tool restore
	cd tests/Provider.Tests && $(DOTNET) tool run dotnet-stryker

emulator: emulator-bin
	@$(EMULATOR)

clean:
	rm -rf $(BIN) TestResults dist obj/dist
	$(DOTNET) clean ConfluentFlink.Pulumi.sln -v quiet -nologo
