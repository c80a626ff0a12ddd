# msr — build, test and demo. `make demo` and `make test` install what they need first.

SWIFT ?= swift
PREFIX ?= /usr/local
DEMO_EVENTS ?= 1000000

# Debian packages that building and testing need.
DEB_PACKAGES := libncursesw5-dev libpq-dev libsqlite3-dev zlib1g-dev pkg-config postgresql postgresql-contrib tmux libnats-dev nats-server
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test bench demo install clean

## deps: install the missing Debian packages (through sudo when not root)
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

## build: release build of the msr binary (.build/release/msr)
build: deps
	$(SWIFT) build -c release --product msr

## test: every test suite
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

## bench: release build, then msr against PostgreSQL and SQLite as-of queries (BENCHMARKS.md);
## 100k and 1M events, plus 10M and a 1M-row table with BENCH_10M=1. Writes bench/results/.
ifdef BENCH_10M
BENCH_SIZES ?= 100k,1M,10M
BENCH_TABLE_ROWS ?= 10k,100k,1M
else
BENCH_SIZES ?= 100k,1M
BENCH_TABLE_ROWS ?= 10k,100k
endif
bench: deps
	$(SWIFT) build -c release --product msr
	$(SWIFT) build -c release --product msr-bench
	./.build/release/msr-bench --sizes $(BENCH_SIZES) --table-rows $(BENCH_TABLE_ROWS) $(BENCH_FLAGS)

## demo: build, generate the demo exercise once (into ~/.cache/msr) and open it
demo: build
	./.build/release/msr demo --events $(DEMO_EVENTS)

## install: copy the release binary to $(PREFIX)/bin and the themes to $(PREFIX)/share/msr/themes
install: build
	install -m 0755 .build/release/msr $(PREFIX)/bin/msr
	install -d $(PREFIX)/share/msr/themes
	install -m 0644 themes/*.toml $(PREFIX)/share/msr/themes/

clean:
	rm -rf .build
