# dossier — build, demo, tests, benchmarks. See README.md.
GO      ?= go
BIN     ?= bin/dossier
DEMO_DB ?= bin/demo.db
LDFLAGS := -s -w

.PHONY: all build demo test test-go test-browser vet bench fuzz assets clean

all: build

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/dossier

# Ingest the bundled sample corpus into a fresh database and show what was found.
demo: build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN) --db $(DEMO_DB) ingest examples/corpus
	@echo; echo '== documents'; $(BIN) --db $(DEMO_DB) docs
	@echo; echo '== most mentioned entities'; $(BIN) --db $(DEMO_DB) entities --limit 15
	@echo; echo '== search: ammunition'; $(BIN) --db $(DEMO_DB) search ammunition
	@echo; echo '== timeline'; $(BIN) --db $(DEMO_DB) timeline --limit 12
	@echo; echo "Explore: $(BIN) --db $(DEMO_DB) serve   (then open http://127.0.0.1:8080)"

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'gofmt needed'; exit 1; }

# All tests: Go unit, conformance and golden tests, then the browser tests.
test: vet test-go test-browser

test-go:
	$(GO) test -count=1 -timeout 20m ./...

test-browser: build web/node_modules
	DOSSIER_BIN=$(CURDIR)/$(BIN) node --test --test-concurrency=1 web/tests/

web/node_modules: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch web/node_modules

# Rebuild the embedded front-end bundle from web/ sources.
assets: web/node_modules
	cd web && npm run build

# Benchmarks: extraction throughput against prose (same run), lexicon load, store queries, ingest.
bench:
	bash bench/run.sh
	$(GO) test -run '^$$' -bench 'BenchmarkLoad$$' -benchtime 5x ./internal/lexicon
	$(GO) test -run '^$$' -bench 'BenchmarkExtract(Entities|Full)$$|BenchmarkRelate1MB' -benchtime 20x -cpu 1 ./internal/extract
	$(GO) test -run '^$$' -bench 'BenchmarkIngest$$' -benchtime 40x ./internal/cli

# Long fuzzing: FUZZTIME per target (default 5m).
FUZZTIME ?= 5m
fuzz:
	bash .ci/fuzz.sh $(FUZZTIME)

clean:
	rm -rf bin
