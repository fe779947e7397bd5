# One entry point per job; README explains each. Every target works on a fresh clone.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIG ?= Release
BIN := $(CURDIR)/bin
PLUGIN := $(BIN)/pulumi-resource-confluentflink
EMULATOR := $(BIN)/emulator/ConfluentFlink.FlinkApiEmulator
INSTALL_DIR ?= $(HOME)/.local/bin
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: build provider emulator-bin install sdk test demo emulator bench chaos clean

build: provider emulator-bin
	$(DOTNET) build ConfluentFlink.Pulumi.sln -c $(CONFIG) -v quiet -nologo

provider:
	$(DOTNET) publish provider/Provider/ConfluentFlink.Provider.csproj -c $(CONFIG) -o $(BIN) -v quiet -nologo

emulator-bin:
	$(DOTNET) publish tests/FlinkApiEmulator/ConfluentFlink.FlinkApiEmulator.csproj -c $(CONFIG) -o $(BIN)/emulator -v quiet -nologo

install: provider
	mkdir -p $(INSTALL_DIR)
	cp $(PLUGIN) $(INSTALL_DIR)/

sdk:
	$(DOTNET) run --project sdk/generator/ConfluentFlink.SdkGen.csproj -c $(CONFIG) -- --schema schema.json --out sdk/dotnet

test: provider emulator-bin
	bash tests/run-all.sh

demo: provider
	$(DOTNET) run --project demo/ConfluentFlink.Demo/ConfluentFlink.Demo.csproj -c $(CONFIG)

emulator: emulator-bin
	$(EMULATOR)

clean:
	rm -rf $(BIN) TestResults
	$(DOTNET) clean ConfluentFlink.Pulumi.sln -v quiet -nologo
