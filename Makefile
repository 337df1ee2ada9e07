# recap: summaries, key phrases and chapters for spoken-word transcripts.
#
#   make              the libraries (static and shared) and the CLI
#   make check        unit tests (cmocka), golden CLI tests, pathological inputs,
#                     the progress line on a terminal, the tools' tests
#   make sanitize     the same tests built with ASan + UBSan
#   make sanitize-clang  the same with clang (CI runs both)
#   make valgrind     the CLI on the examples under valgrind
#   make bench        the speed benchmark (results: README, "Speed")
#   make fuzz         libFuzzer harnesses (clang), FUZZ_SECONDS each
#   make test-browser the HTML pages in headless Chromium (tests/browser.py)
#   make static       build/recap-static: a recap that needs no shared library
#   make test-cluster JSON Lines through GNU parallel, Dask and the static build
#   make install      PREFIX=/usr/local DESTDIR= ; make uninstall
#   make tables       regenerate src/lang_tables.c from stopwords/ (only
#                     on request: a build never rewrites tracked files)
#   make format       clang-format the sources

# The version is written once, in include/recap.h (RECAP_VERSION_MAJOR,
# _MINOR and _PATCH); the shared library's name and recap.pc take it from
# there, and tests/api-doc.sh checks the man pages against it.  SOVERSION
# is the ABI's version, which changes on its own schedule.
VERSION    := $(shell awk 'NF == 3 && $$2 ~ /^RECAP_VERSION_(MAJOR|MINOR|PATCH)$$/ \
                { v[$$2] = $$3 } END { print v["RECAP_VERSION_MAJOR"] "." \
                v["RECAP_VERSION_MINOR"] "." v["RECAP_VERSION_PATCH"] }' include/recap.h)
ifeq ($(shell echo '$(VERSION)' | grep -Ex '[0-9]+\.[0-9]+\.[0-9]+'),)
$(error no RECAP_VERSION_MAJOR/MINOR/PATCH in include/recap.h (got '$(VERSION)'))
endif
SOVERSION  := 0
PREFIX     ?= /usr/local
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN     := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wvla -Werror
CPPFLAGS += -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L
DEPLIBS  := -lstemmer -lutf8proc -lm
B        ?= build
# Quiet by default; `make V=1` shows the commands.
Q        := $(if $(V),,@)

LIB_SRC := $(filter-out src/main.c src/cli_%.c,$(wildcard src/*.c))
# Generated at build time, not committed (see tools/gen_lexicon.c and
# tools/gen_wordclass.c).  Without WordNet in $(WORDNET) the lexicon is
# empty and recap works without it (`recap --version` tells); so without
# the Hunspell dictionaries are the word classes of other languages.
GEN_SRC := $(B)/gen/lexicon.c $(B)/gen/wordclass.c
WORDNET ?= /usr/share/wordnet
HUNSPELL ?= /usr/share/hunspell
CLI_SRC := src/main.c $(wildcard src/cli_*.c)
LIB_OBJ := $(LIB_SRC:src/%.c=$(B)/lib/%.o) $(B)/lib/lexicon.o $(B)/lib/wordclass.o
CLI_OBJ := $(CLI_SRC:src/%.c=$(B)/cli/%.o)

STATIC  := $(B)/librecap.a
SHARED  := $(B)/librecap.so.$(VERSION)
SONAME  := librecap.so.$(SOVERSION)
RECAP   := $(B)/recap

.PHONY: all check unit golden golden-update pathological tty api-doc tables-check tools-test \
        sanitize sanitize-clang tsan valgrind bench fuzz fuzz-build test-browser static test-cluster install \
        uninstall tables format clean

all: $(STATIC) $(SHARED) $(RECAP)

$(B)/lib/%.o: src/%.c | $(B)/lib
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -fPIC -fvisibility=hidden -MMD -MP -c $< -o $@

$(B)/cli/%.o: src/%.c | $(B)/cli
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/lib $(B)/cli $(B)/tests $(B)/gen:
	mkdir -p $@

$(B)/gen/gen_lexicon: tools/gen_lexicon.c tools/wordlist_out.h | $(B)/gen
	$(Q)$(CC) $(WARN) $(CPPFLAGS) -O2 -o $@ $< -lstemmer

# What the lexicon is made from, WORDNET and whether it holds WordNet, is
# in the name of a stamp file: when that changes (another WORDNET=, or
# wordnet-base installed after a first build) the stamp is new, the old
# one goes, and the lexicon is made again.
WORDNET_STATE := $(WORDNET) $(if $(wildcard $(WORDNET)/index.noun),found,absent)
WORDNET_STAMP := $(B)/gen/wordnet-$(word 1,$(shell echo '$(WORDNET_STATE)' | cksum))
$(WORDNET_STAMP): | $(B)/gen
	$(Q)rm -f $(B)/gen/wordnet-*
	$(Q)echo '$(WORDNET_STATE)' > $@

$(B)/gen/lexicon.c: $(B)/gen/gen_lexicon $(WORDNET_STAMP)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)$(B)/gen/gen_lexicon $(WORDNET) > $@.tmp && mv $@.tmp $@

$(B)/lib/lexicon.o: $(B)/gen/lexicon.c | $(B)/lib
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

$(B)/gen/gen_wordclass: tools/gen_wordclass.c tools/wordlist_out.h | $(B)/gen
	$(Q)$(CC) $(WARN) $(CPPFLAGS) -O2 -o $@ $<

$(B)/gen/wordclass.c: $(B)/gen/gen_wordclass
	@$(if $(Q),echo "  GEN     $@")
	$(Q)$(B)/gen/gen_wordclass $(HUNSPELL) > $@.tmp && mv $@.tmp $@

$(B)/lib/wordclass.o: $(B)/gen/wordclass.c | $(B)/lib
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

$(STATIC): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(SHARED): $(LIB_OBJ)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -o $@ $^ $(DEPLIBS)
	$(Q)ln -sf librecap.so.$(VERSION) $(B)/$(SONAME)
	$(Q)ln -sf librecap.so.$(VERSION) $(B)/librecap.so

# The CLI links the static library: one self-contained binary.
$(RECAP): $(CLI_OBJ) $(STATIC)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC) $(DEPLIBS) -lpthread

# ---- generated tables -------------------------------------------------------
# src/lang_tables.c is committed and made from stopwords/ only on request,
# by `make tables`: never by a build, which must not rewrite tracked files
# (in a fresh clone git may well write stopwords/ after it, and a checkout
# may be read-only).  `make check` (tables-check) fails when the lists and
# the committed tables disagree.  The generator is a build tool, like
# gen_lexicon: built without the build's CFLAGS (under `make sanitize` it
# would report what it leaves unfreed at exit).
$(B)/gen_tables: tools/gen_tables.c tools/wordlist_out.h src/normalize.c src/utf8.c src/mem.c src/lang.h | $(B)/lib
	$(Q)$(CC) $(WARN) $(CPPFLAGS) -O2 -o $@ tools/gen_tables.c src/normalize.c src/utf8.c src/mem.c -lutf8proc

tables: $(B)/gen_tables
	$(B)/gen_tables stopwords > src/lang_tables.c.tmp
	mv src/lang_tables.c.tmp src/lang_tables.c

tables-check: $(B)/gen_tables
	$(Q)$(B)/gen_tables stopwords > $(B)/lang_tables.c
	$(Q)if cmp -s $(B)/lang_tables.c src/lang_tables.c; then \
	  echo "tables-check: src/lang_tables.c is up to date with stopwords/"; \
	else \
	  diff -u src/lang_tables.c $(B)/lang_tables.c | head -n 20; \
	  echo "tables-check: src/lang_tables.c is not made from stopwords/ as they are: run make tables"; \
	  exit 1; \
	fi

# ---- tests ------------------------------------------------------------------
TEST_SRC := $(wildcard tests/test_*.c)
TESTS    := $(TEST_SRC:tests/%.c=$(B)/tests/%)
# The helpers every unit test includes (all static inline).
TEST_HDR := tests/test_util.h tests/counting.h

# Unit tests see the library's internals: they link its objects directly.
$(B)/tests/%: tests/%.c $(TEST_HDR) $(LIB_OBJ) | $(B)/tests
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(DEPLIBS) -lcmocka -lpthread

$(B)/tests/jsoncheck: tests/jsoncheck.c $(LIB_OBJ) | $(B)/tests
	$(Q)$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(DEPLIBS)

$(B)/tests/summarize: examples/summarize.c $(STATIC) | $(B)/tests
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(STATIC) $(DEPLIBS)

check: unit golden pathological tty api-doc tables-check tools-test

# The tools' own tests (Python 3; skipped without it).
tools-test:
	@if command -v python3 > /dev/null 2>&1; then python3 tests/test_kp_check.py; \
	else echo "tools-test: no python3, skipped"; fi

unit: $(TESTS) $(B)/tests/summarize
	@set -e; for t in $(TESTS); do echo "== $$t"; $$t; done
	$(B)/tests/summarize examples/webinar.txt > /dev/null

golden: $(RECAP) $(B)/tests/jsoncheck
	RECAP=$(RECAP) JSONCHECK=$(B)/tests/jsoncheck sh tests/golden.sh

# Rewrites the expected outputs from the current build, and the .nolex.out
# ones from a build without WordNet (build-nolex/): review the diff.
golden-update: $(RECAP)
	RECAP=$(RECAP) UPDATE=1 sh tests/golden.sh
	$(MAKE) B=build-nolex WORDNET=/nonexistent build-nolex/recap
	RECAP=build-nolex/recap UPDATE=1 sh tests/golden.sh

# Header and recap(3) agree: prototypes, constants, versions.
api-doc:
	sh tests/api-doc.sh

# SLOW multiplies the time limits (the sanitizer build is several times
# slower).
SLOW ?= 1
# The progress line on a terminal (script(1) makes one) and off it.
tty: $(RECAP)
	RECAP=$(RECAP) sh tests/tty.sh

pathological: $(RECAP) $(B)/tests/jsoncheck
	RECAP=$(RECAP) JSONCHECK=$(B)/tests/jsoncheck SLOW=$(SLOW) sh tests/pathological.sh

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_B ?= build-san
sanitize:
	$(MAKE) B=$(SAN_B) CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" SLOW=5 check

# The same with clang, whose UBSan checks more than gcc's (a zero offset to
# a null pointer, for one), in a build directory of its own.
sanitize-clang:
	$(MAKE) sanitize CC=clang SAN_B=build-san-clang

# The thread test, and the command's threads (files, --jsonl with a reorder
# window smaller than the input), under ThreadSanitizer (clang).
TSAN_RECORDS := build-tsan/records.jsonl
tsan:
	$(MAKE) B=build-tsan CC=clang CFLAGS="-O1 -g -fsanitize=thread" \
	  build-tsan/tests/test_threads build-tsan/recap
	build-tsan/tests/test_threads
	build-tsan/recap -j 3 examples/webinar.txt examples/webinar.vtt > /dev/null
	for i in $$(seq 20); do cat tests/golden/records.jsonl; done > $(TSAN_RECORDS)
	build-tsan/recap --jsonl -n 1 -k 1 < $(TSAN_RECORDS) > build-tsan/j1.out; test $$? -eq 1
	build-tsan/recap --jsonl -n 1 -k 1 -j 3 < $(TSAN_RECORDS) > build-tsan/j3.out; test $$? -eq 1
	cmp build-tsan/j1.out build-tsan/j3.out

VALGRIND := valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all -q

valgrind: $(RECAP) $(B)/tests/summarize
	$(VALGRIND) $(RECAP) --chapters --speakers --decisions examples/webinar.txt > /dev/null
	$(VALGRIND) $(RECAP) -f json --decisions tests/fixtures/decisions/garden.txt > /dev/null
	$(VALGRIND) $(RECAP) -f json examples/webinar.vtt > /dev/null
	$(VALGRIND) $(RECAP) -f html --media talk.mp3 examples/webinar.vtt > /dev/null
	$(VALGRIND) $(RECAP) -j 2 --query "charging depot" examples/webinar.txt \
	  examples/webinar.vtt > /dev/null
	head -n 3 tests/golden/records.jsonl | $(VALGRIND) $(RECAP) --jsonl > /dev/null
	for i in $$(seq 40); do head -n 2 tests/golden/records.jsonl; done | $(VALGRIND) $(RECAP) --jsonl -j 2 > /dev/null
	$(VALGRIND) $(B)/tests/summarize examples/webinar.txt > /dev/null

# ---- browser, static build, cluster --------------------------------------------
# The pages of -f html in headless Chromium: the DOM after their script ran,
# screenshots, a probe of layout and links, tidy, printing.  Skips with a
# message when Chromium is not installed; BROWSER_REQUIRED=1 fails instead.
test-browser: $(RECAP)
	python3 tests/browser.py $(RECAP)

# A fully static recap, for cluster workers without the libraries: glibc,
# libstemmer and utf8proc from their .a files (Debian's -dev packages ship
# them), stripped.
STATIC_RECAP := $(B)/recap-static
static: $(STATIC_RECAP)

$(STATIC_RECAP): $(CLI_OBJ) $(STATIC)
	@$(if $(Q),echo "  LD      $@ (static)")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -static -s -o $@ $(CLI_OBJ) $(STATIC) \
	  $(DEPLIBS) -lpthread

# The same records through one recap, GNU parallel, Dask (a LocalCluster)
# and the static build in an empty root: the same bytes, every id once and
# in order.  Skips what is not installed, unless CLUSTER_REQUIRED=1.
test-cluster: $(RECAP) $(STATIC_RECAP)
	RECAP=$(RECAP) STATIC=$(STATIC_RECAP) sh tests/cluster.sh

# ---- benchmark and fuzzing ----------------------------------------------------
# The benchmark sees the library's internals (per-stage timing), like the
# unit tests.
$(B)/bench: tools/bench.c $(LIB_OBJ)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(DEPLIBS)

bench: $(B)/bench $(RECAP)
	$(B)/bench

# One binary per harness in tests/fuzz/, each run for FUZZ_SECONDS on its
# corpus (build-fuzz/corpus/NAME, not committed) and its seeds
# (tests/fuzz/seeds/NAME), with tests/fuzz/NAME.dict if there is one.  A
# crash, leak or failed invariant stops no other harness but makes
# `make fuzz` fail, with the input saved as build-fuzz/NAME-crash-* (or
# leak-*, timeout-*) and the log in build-fuzz/NAME.log.  FUZZ_TIMEOUT is
# libFuzzer's limit per input: 1 s for long runs (issue 22 asked that no
# input take longer), 10 s by default so that a loaded CI machine running
# the sanitized harnesses does not report load as a hang.
FUZZ_SECONDS ?= 10
FUZZ_TIMEOUT ?= 10
FUZZ_MAX_LEN ?= 65536
FUZZERS := $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CFLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
               -fno-sanitize-recover=all
# The library is compiled once, with coverage instrumentation, including
# the generated lexicon.
FUZZ_OBJ := $(LIB_SRC:src/%.c=build-fuzz/lib/%.o) build-fuzz/lib/lexicon.o \
            build-fuzz/lib/wordclass.o
.SECONDARY: $(FUZZ_OBJ)

build-fuzz/lib:
	mkdir -p $@

build-fuzz/lib/%.o: src/%.c | build-fuzz/lib
	@$(if $(Q),echo "  CC      $@")
	$(Q)clang -std=c11 $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
	  -MMD -MP -c $< -o $@

build-fuzz/lib/lexicon.o build-fuzz/lib/wordclass.o: build-fuzz/lib/%.o: $(B)/gen/%.c | build-fuzz/lib
	@$(if $(Q),echo "  CC      $@")
	$(Q)clang -std=c11 $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
	  -c $< -o $@

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h tests/counting.h \
                   $(FUZZ_OBJ)
	@$(if $(Q),echo "  LD      $@")
	$(Q)clang -std=c11 $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< \
	  $(FUZZ_OBJ) $(DEPLIBS)

fuzz-build: $(FUZZERS)

fuzz: $(FUZZERS)
	@failed=; for f in $(FUZZERS); do n=$${f#build-fuzz/}; \
	  mkdir -p build-fuzz/corpus/$$n; \
	  seeds=tests/fuzz/seeds/$$n; [ -d $$seeds ] || seeds=; \
	  dict=; [ -f tests/fuzz/$$n.dict ] && dict=-dict=tests/fuzz/$$n.dict; \
	  echo "== $$n ($(FUZZ_SECONDS) s)"; \
	  if $$f -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) \
	      -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=2048 -print_final_stats=1 $$dict \
	      -artifact_prefix=build-fuzz/$$n- build-fuzz/corpus/$$n $$seeds \
	      > build-fuzz/$$n.log 2>&1; then \
	    grep -E '^#[0-9]+' build-fuzz/$$n.log | tail -n 1; \
	  else \
	    tail -n 40 build-fuzz/$$n.log; failed="$$failed $$n"; \
	    echo "fuzz: $$n FAILED (log: build-fuzz/$$n.log)"; \
	  fi; done; \
	if [ -n "$$failed" ]; then echo "fuzz: failures:$$failed"; exit 1; fi

# ---- install --------------------------------------------------------------------
# Installed as root without DESTDIR (into the running system), the dynamic
# linker's cache is refreshed so that programs find librecap.so.0 at once
# (LDCONFIG= skips that).  Other prefixes need LD_LIBRARY_PATH or an rpath.
LDCONFIG ?= ldconfig
run_ldconfig = if [ -z "$(DESTDIR)" ] && [ -n "$(LDCONFIG)" ] && [ "$$(id -u)" -eq 0 ]; then \
	  echo "$(LDCONFIG)"; PATH="$$PATH:/sbin:/usr/sbin" $(LDCONFIG); fi

install: all
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(BINDIR) \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 $(DESTDIR)$(PKGCONFIGDIR)
	install -m 644 include/recap.h $(DESTDIR)$(INCLUDEDIR)/recap.h
	install -m 644 $(STATIC) $(DESTDIR)$(LIBDIR)/librecap.a
	install -m 755 $(SHARED) $(DESTDIR)$(LIBDIR)/librecap.so.$(VERSION)
	ln -sf librecap.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/librecap.so
	install -m 755 $(RECAP) $(DESTDIR)$(BINDIR)/recap
	install -m 644 man/recap.1 $(DESTDIR)$(MANDIR)/man1/recap.1
	install -m 644 man/recap.3 $(DESTDIR)$(MANDIR)/man3/recap.3
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    recap.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/recap.pc
	$(Q)$(run_ldconfig)

uninstall:
	rm -f $(DESTDIR)$(INCLUDEDIR)/recap.h $(DESTDIR)$(LIBDIR)/librecap.a \
	  $(DESTDIR)$(LIBDIR)/librecap.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	  $(DESTDIR)$(LIBDIR)/librecap.so $(DESTDIR)$(BINDIR)/recap \
	  $(DESTDIR)$(MANDIR)/man1/recap.1 $(DESTDIR)$(MANDIR)/man3/recap.3 \
	  $(DESTDIR)$(PKGCONFIGDIR)/recap.pc
	$(Q)$(run_ldconfig)

# clang-format 14 (Debian bookworm's), as .clang-format says; not the
# generated tables.
FORMAT_SRC := $(filter-out src/lang_tables.c,$(wildcard include/*.h src/*.c \
  src/*.h tests/*.c tests/*.h tools/*.c examples/*.c))
format:
	clang-format -i $(FORMAT_SRC)

clean:
	rm -rf build build-san build-fuzz build-tsan build-nolex

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d)
