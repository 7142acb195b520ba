# MetricLearn — build, test and run. `make demo` and `make test` are the quick start.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test test-internal-checks test-release-kernels demo docs docs-check docs-reference bench bench-quick bench-peers bench-accuracy bench-knn-peer bench-threads bench-ann bench-csv bench-scale clean fuzz fuzz-smoke fuzz-build sanitize

## deps: install LAPACKE + OpenBLAS with apt, only when pkg-config cannot find lapacke, and hnswlib (header-only C++)
##       only when its header is missing
HNSWLIB_HEADER ?= /usr/include/hnswlib/hnswlib.h
deps:
	@packages=; \
	if ! pkg-config --exists lapacke 2>/dev/null; then packages="liblapacke-dev libopenblas-dev pkg-config"; fi; \
	if [ ! -f $(HNSWLIB_HEADER) ]; then packages="$$packages libhnswlib-dev"; fi; \
	if [ -n "$$packages" ]; then \
		echo "Installing$$(printf ' %s' $$packages) (apt)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$packages >/dev/null; \
	fi

## Some tests compare results bit for bit with files recorded on an AMD EPYC, with OpenBLAS's Zen kernels (the same code
## as its Haswell ones). On a CPU with AVX-512 OpenBLAS picks other kernels, which add in another order, so the test
## targets pin the Haswell kernels on every x86-64 CPU with AVX2 and FMA (`make test BLAS_KERNELS=` lets OpenBLAS
## choose). render-docs pins them for the examples itself.
BLAS_KERNELS ?= $(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo && echo OPENBLAS_CORETYPE=Haswell)

## build: debug build of the library and the CLI
build: deps
	$(SWIFT) build

## test: the whole test suite
test: deps
	$(BLAS_KERNELS) $(SWIFT) test

## test-internal-checks: the library's tests (LinearAlgebra, Optimization, MetricLearn) with the invariant checks under
##        `#if METRICLEARN_INTERNAL_CHECKS` compiled in (every one is in L-BFGS: stored-pair curvature, monotone
##        objective, strong Wolfe step; these tests reach each of them hundreds of times). The CLI, example, docs and
##        benchmark tests run the same library code in processes and add nothing to the checks. CI runs it.
CHECKS_FLAGS := --scratch-path .build-checks -Xswiftc -DMETRICLEARN_INTERNAL_CHECKS
test-internal-checks: deps
	$(SWIFT) build --product MetricLearnPackageTests $(CHECKS_FLAGS)
	$(BLAS_KERNELS) $(SWIFT) test --skip-build $(CHECKS_FLAGS) --filter '^(LinearAlgebraTests|OptimizationTests|MetricLearnTests)\.'

## test-release-kernels: the kernels' tests in an optimised build (scratch path .build-release-tests), where the
##        vector loops are vectorised: `_CSoftmax`'s AVX-512/AVX2 loops against the scalar exponential bit for bit,
##        the tiled softmax engine, LMNN's single-precision impostor screen and the neighbour searches. CI runs it.
RELEASE_TEST_FLAGS := -c release --scratch-path .build-release-tests -Xswiftc -enable-testing
RELEASE_TEST_SUITES := SoftmaxExponentialTests|StochasticNeighborsTests|NCAObjectiveTests|MLKRObjective|LMNNTests|NeighborSearchTests
test-release-kernels: deps
	$(SWIFT) build --product MetricLearnPackageTests $(RELEASE_TEST_FLAGS)
	$(BLAS_KERNELS) $(SWIFT) test --skip-build $(RELEASE_TEST_FLAGS) --filter '$(RELEASE_TEST_SUITES)'

## demo: cross-validate every learner on the bundled wine data; writes ./nca-embedding.svg
demo: deps
	$(SWIFT) run metric-learn demo

## docs: render Examples/ into Docs/Notebooks (.ipynb + .md + figures) with their real output
docs: deps
	$(SWIFT) run render-docs

## docs-check: fail when the committed notebooks differ from a fresh render, or the reference has a warning (CI)
docs-check: deps docs-reference
	$(SWIFT) run render-docs --check

## docs-reference: the DocC reference (Sources/MetricLearn/MetricLearn.docc and every doc comment) of MetricLearn,
##                 and of the LinearAlgebra and Optimization modules it re-exports; any warning (an unresolved
##                 symbol link, say) fails. Archives: .build/plugins/Swift-DocC/outputs/*.doccarchive
docs-reference: deps
	$(SWIFT) package generate-documentation --target MetricLearn --target LinearAlgebra --target Optimization \
		--warnings-as-errors

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

## bench-accuracy: each learner family's default (and the candidates it was chosen from) against its peers, and
##        `auto` against the best peer of any family, on iris, wine, breast-cancer, digits and five generated tables
##        (noise features, scales, redundancy, 20 classes, few samples per class): 5-fold stratified, standardised
##        per fold, 3-NN (Docs/Accuracy.md). Peer results are cached in Benchmarks/peers/results-accuracy-peers.json;
##        options via ACCURACY_ARGS, e.g. ACCURACY_ARGS="--families whitening --tables iris wine"
bench-accuracy: deps
	Benchmarks/peers/setup.sh
	$(SWIFT) build -c release --product metric-learn
	python3 Benchmarks/peers/bench_accuracy.py --binary .build/release/metric-learn --auto $(ACCURACY_ARGS)

## bench-threads: every learner's fit on one core (taskset -c 0) and on two, scikit-learn's NCA and PyLMNN at 1 and 2
##        BLAS threads, on the peers' folds of real-shaped tables (THREADS_ARGS, e.g. --datasets digits --json t.json)
bench-threads: deps
	Benchmarks/peers/setup.sh
	$(SWIFT) build -c release --product metric-learn
	python3 Benchmarks/peers/run_threads.py --binary .build/release/metric-learn $(THREADS_ARGS)

## bench-knn-peer: k-NN predict, 20 000 × 5 000 × 50, against scikit-learn at 1 and 2 threads (KNN_PEER_ARGS,
##        e.g. --pin --json knn.json; Benchmarks/peers/README.md)
bench-knn-peer: deps
	Benchmarks/peers/setup.sh
	$(SWIFT) build -c release --product metric-learn-bench
	python3 Benchmarks/peers/knn_predict.py --binary "$$($(SWIFT) build -c release --show-bin-path)/metric-learn-bench" $(KNN_PEER_ARGS)

## bench-ann: HNSW against exact search, hnswlib's Python binding and faiss (IndexHNSWFlat, IndexFlatL2) on 10⁶ seeded
##            rows × 50, 10⁴ queries, k = 10, 2 threads (ANN_ARGS, e.g. --rows 200000 --data embedding --json ann.json;
##            Docs/Performance.md). About 15 minutes a data set at 10⁶ rows on a quiet machine.
bench-ann: deps
	Benchmarks/peers/setup.sh --ann
	$(SWIFT) build -c release --product metric-learn-ann-bench
	python3 Benchmarks/peers/ann_peers.py --binary "$$($(SWIFT) build -c release --show-bin-path)/metric-learn-ann-bench" $(ANN_ARGS)

## bench-csv: reading a seeded 10⁶ × 50 CSV with a label column (`%.17g`, about 1 GB, and `%.6f`) into a float64 matrix:
##            `metric-learn-bench --read-csv` against pandas' read_csv, side by side, seconds and peak RSS
##            (CSV_ARGS, e.g. --rows 200000 --repeats 1 --json csv.json; Docs/Performance.md). Data is generated into
##            a temporary directory and deleted.
bench-csv: deps
	Benchmarks/peers/setup.sh
	$(SWIFT) build -c release --product metric-learn-bench
	Benchmarks/peers/.venv-sklearn/bin/python Benchmarks/peers/csv_read.py --binary "$$($(SWIFT) build -c release --show-bin-path)/metric-learn-bench" $(CSV_ARGS)

## bench-scale: the stochastic solvers (issue 17) on seeded hard tables (10 classes, 10 informative and 40 larger noise
##              features): per learner and n, solver, fit seconds, peak RSS, 3-NN accuracy on 10⁴ held-out rows over all
##              training rows, and the exponent of fit time in n (SCALE_ARGS, e.g. --sizes 10000 100000 1000000
##              --learners nca --output scale.json; Docs/Performance.md)
bench-scale: deps
	$(SWIFT) build -c release --product metric-learn-bench
	"$$($(SWIFT) build -c release --show-bin-path)/metric-learn-bench" scale $(SCALE_ARGS)

## fuzz: run each libFuzzer harness for FUZZ_SECONDS (default 60) from its seed corpus (Docs/Robustness.md)
FUZZ_SECONDS ?= 60
FUZZERS := csv-reader model-file
FUZZ_SCRATCH := .build-fuzz
# lld with -z nostart-stop-gc keeps libFuzzer's coverage sections (and avoids gold's export warnings).
FUZZ_FLAGS := --scratch-path $(FUZZ_SCRATCH) --sanitize fuzzer --sanitize address \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING -Xswiftc -use-ld=lld -Xlinker -z -Xlinker nostart-stop-gc
fuzz: fuzz-build
	@set -e; for name in $(FUZZERS); do \
		mkdir -p $(FUZZ_SCRATCH)/corpus/$$name $(FUZZ_SCRATCH)/artifacts/$$name; \
		log=$(FUZZ_SCRATCH)/fuzz-$$name.log; \
		regressions=; if [ -d Fuzz/Regressions/$$name ]; then regressions=Fuzz/Regressions/$$name; fi; \
		echo "fuzz-$$name: $(FUZZ_SECONDS) s (log: $$log)"; \
		SWIFT_BACKTRACE=enable=no $(FUZZ_SCRATCH)/debug/fuzz-$$name \
			-max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_SCRATCH)/artifacts/$$name/ -dict=Fuzz/Dictionaries/$$name.dict \
			$(FUZZ_SCRATCH)/corpus/$$name Fuzz/Corpus/$$name $$regressions >$$log 2>&1 \
			|| { tail -n 40 $$log; echo "fuzz-$$name found a failing input: see $(FUZZ_SCRATCH)/artifacts/$$name/"; exit 1; }; \
		grep -q "INITED cov:" $$log || { tail -n 20 $$log; echo "fuzz-$$name is not instrumented for coverage"; exit 1; }; \
		grep -E "^Done|number_of_executed_units|new_units_added" $$log; \
	done

## fuzz-smoke: every harness for about 10 s (what CI runs)
fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=10

fuzz-build: deps
	@for name in $(FUZZERS); do $(SWIFT) build --product fuzz-$$name $(FUZZ_FLAGS) || exit 1; done

## sanitize: the test suite under AddressSanitizer, then under ThreadSanitizer (separate scratch paths)
sanitize: deps
	SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan
	SWIFT_BACKTRACE=enable=no TSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/tsan.supp \
		$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

clean:
	rm -rf .build .build-release-tests
