# MetricLearn — build, test and run. `make demo` and `make test` are the quick start.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test demo docs docs-check bench bench-quick bench-peers clean

## deps: install LAPACKE + OpenBLAS with apt, only when pkg-config cannot find lapacke
deps:
	@if ! pkg-config --exists lapacke 2>/dev/null; then \
		echo "Installing liblapacke-dev libopenblas-dev (apt)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq liblapacke-dev libopenblas-dev pkg-config >/dev/null; \
	fi

## build: debug build of the library and the CLI
build: deps
	$(SWIFT) build

## test: the whole test suite
test: deps
	$(SWIFT) test

## demo: cross-validate every learner on the bundled wine data; writes ./nca-embedding.svg
demo: deps
	$(SWIFT) run metric-learn demo

## docs: render Examples/ into Docs/Notebooks (.ipynb + .md + figures) with their real output
docs: deps
	$(SWIFT) run render-docs

## docs-check: fail when the committed notebooks differ from a fresh render (CI)
docs-check: deps
	$(SWIFT) run render-docs --check

## bench: release build of metric-learn-bench, then every case (about 5 minutes). Options via BENCH_ARGS,
##        e.g. make bench BENCH_ARGS="--filter nca --json bench.json"
bench: deps
	$(SWIFT) build -c release --product metric-learn-bench
	"$$($(SWIFT) build -c release --show-bin-path)/metric-learn-bench" $(BENCH_ARGS)

## bench-quick: the same at small sizes with few runs (under a minute)
bench-quick: deps
	$(SWIFT) build -c release --product metric-learn-bench
	"$$($(SWIFT) build -c release --show-bin-path)/metric-learn-bench" --quick $(BENCH_ARGS)

## bench-peers: scikit-learn, metric-learn, PyLMNN and skrebate against `metric-learn evaluate` on the same folds
bench-peers: deps
	Benchmarks/peers/setup.sh
	$(SWIFT) build -c release --product metric-learn
	python3 Benchmarks/peers/run_peers.py --binary .build/release/metric-learn $(PEERS_ARGS)

clean:
	rm -rf .build
