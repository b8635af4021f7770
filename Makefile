# ecs-tutor — GNU make. Every target installs what it needs (libedit-dev, pkg-config, tmux) first.
#   make run      build (release) and start the tutor
#   make build    release build
#   make test     swift test, lessons verify, tmux end-to-end tests
#   make e2e      only the tmux end-to-end test
#   make bench    the benchmark (release)
#   make format   swift format Sources and Tests in place
#   make install PREFIX=/usr/local
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

PREFIX ?= /usr/local
SWIFT ?= swift
RELEASE_BIN := .build/release/ecs-tutor
DEBUG_BIN := .build/debug/ecs-tutor
APT_PACKAGES := libedit-dev pkg-config tmux
# Release builds link Swift's runtime and Foundation statically: start-up drops by about a third
# (no dynamic loading and relocation of a dozen Swift libraries), at the price of a larger binary.
RELEASE_FLAGS := -c release --static-swift-stdlib

.PHONY: run build test e2e bench format install deps debug-build

# Quick when everything is present (pkg-config and tmux answer); apt-get only for what is missing.
deps:
	@if pkg-config --exists libedit 2>/dev/null && command -v tmux >/dev/null; then exit 0; fi; \
	missing=(); \
	for p in $(APT_PACKAGES); do \
	  dpkg -s "$$p" >/dev/null 2>&1 || missing+=("$$p"); \
	done; \
	if [[ $${#missing[@]} -eq 0 ]]; then missing=(libedit-dev pkg-config); fi; \
	if [[ $$(id -u) -eq 0 ]]; then sudo=(); \
	elif command -v sudo >/dev/null; then sudo=(sudo); \
	else echo "make: need root or sudo to install: $${missing[*]}" >&2; exit 1; fi; \
	echo "make: installing $${missing[*]}"; \
	"$${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq; \
	"$${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$${missing[@]}" >/dev/null

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product ecs-tutor

debug-build: deps
	$(SWIFT) build --product ecs-tutor

run: build
	$(RELEASE_BIN)

test: deps
	$(SWIFT) test
	$(SWIFT) build --product ecs-tutor
	@if [[ -f lessons/index.yaml ]]; then \
	  echo "$(DEBUG_BIN) lessons verify lessons"; $(DEBUG_BIN) lessons verify lessons; \
	else \
	  echo "lessons verify: skipped (no lessons/index.yaml yet)"; \
	fi
	tests/scripts/run.sh $(DEBUG_BIN)
	tests/verify-broken.sh $(DEBUG_BIN)
	tests/e2e/repl.sh $(DEBUG_BIN)
	tests/e2e/lesson-loop.sh $(DEBUG_BIN)
	tests/e2e/walkthrough.sh $(DEBUG_BIN)
	tests/e2e/quiz.sh $(DEBUG_BIN)

e2e: debug-build
	tests/e2e/repl.sh $(DEBUG_BIN)
	tests/e2e/lesson-loop.sh $(DEBUG_BIN)
	tests/e2e/walkthrough.sh $(DEBUG_BIN)
	tests/e2e/quiz.sh $(DEBUG_BIN)

bench: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product ecs-tutor
	$(SWIFT) build $(RELEASE_FLAGS) --product ecs-tutor-bench
	.build/release/ecs-tutor-bench

format:
	$(SWIFT) format -i -r --configuration .swift-format Sources Tests

install: build
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/ecs-tutor/lessons"
	install -m 755 $(RELEASE_BIN) "$(DESTDIR)$(PREFIX)/bin/ecs-tutor"
	@if [[ -d lessons ]]; then \
	  cp -R lessons/. "$(DESTDIR)$(PREFIX)/share/ecs-tutor/lessons/"; \
	  echo "installed lessons to $(DESTDIR)$(PREFIX)/share/ecs-tutor/lessons"; \
	fi
