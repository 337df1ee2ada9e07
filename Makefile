# recap: summaries, key phrases and chapters for spoken-word transcripts.
#
#   make              the libraries (static and shared) and the CLI
#   make check        unit tests (cmocka), golden CLI tests, pathological inputs
#   make sanitize     the same tests built with ASan + UBSan
#   make valgrind     the CLI on the examples under valgrind
#   make bench        the speed benchmark (results: README, "Speed")
#   make fuzz         libFuzzer harnesses (clang), FUZZ_SECONDS each
#   make install      PREFIX=/usr/local DESTDIR= ; make uninstall
#   make tables       regenerate src/lang_tables.c from stopwords/
#   make format       clang-format the sources

VERSION    := 0.1.0
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
# Generated at build time, not committed (see tools/gen_lexicon.c).
GEN_SRC := $(B)/gen/lexicon.c
WORDNET ?= /usr/share/wordnet
CLI_SRC := src/main.c $(wildcard src/cli_*.c)
LIB_OBJ := $(LIB_SRC:src/%.c=$(B)/lib/%.o) $(B)/lib/lexicon.o
CLI_OBJ := $(CLI_SRC:src/%.c=$(B)/cli/%.o)

STATIC  := $(B)/librecap.a
SHARED  := $(B)/librecap.so.$(VERSION)
SONAME  := librecap.so.$(SOVERSION)
RECAP   := $(B)/recap

.PHONY: all check unit golden golden-update pathological sanitize tsan valgrind bench fuzz \
        fuzz-build \
        install uninstall tables format clean

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

$(B)/gen/lexicon.c: $(B)/gen/gen_lexicon
	@$(if $(Q),echo "  GEN     $@")
	$(Q)$(B)/gen/gen_lexicon $(WORDNET) > $@.tmp && mv $@.tmp $@

$(B)/lib/lexicon.o: $(B)/gen/lexicon.c | $(B)/lib
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
# src/lang_tables.c is committed; this rule rebuilds it when the lists change.
$(B)/gen_tables: tools/gen_tables.c tools/wordlist_out.h src/normalize.c src/mem.c src/lang.h | $(B)/lib
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -o $@ tools/gen_tables.c src/normalize.c src/mem.c -lutf8proc

src/lang_tables.c: $(wildcard stopwords/*.txt stopwords/*.abbrev stopwords/*.fillers stopwords/*.cues) stopwords/languages.tsv
	$(MAKE) $(B)/gen_tables
	$(B)/gen_tables stopwords > $@.tmp && mv $@.tmp $@

tables:
	rm -f src/lang_tables.c
	$(MAKE) src/lang_tables.c

# ---- tests ------------------------------------------------------------------
TEST_SRC := $(wildcard tests/test_*.c)
TESTS    := $(TEST_SRC:tests/%.c=$(B)/tests/%)

# Unit tests see the library's internals: they link its objects directly.
$(B)/tests/%: tests/%.c $(LIB_OBJ) | $(B)/tests
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(DEPLIBS) -lcmocka -lpthread

$(B)/tests/jsoncheck: tests/jsoncheck.c $(LIB_OBJ) | $(B)/tests
	$(Q)$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(DEPLIBS)

$(B)/tests/summarize: examples/summarize.c $(STATIC) | $(B)/tests
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(STATIC) $(DEPLIBS)

check: unit golden pathological

unit: $(TESTS) $(B)/tests/summarize
	@set -e; for t in $(TESTS); do echo "== $$t"; $$t; done
	$(B)/tests/summarize examples/webinar.txt > /dev/null

golden: $(RECAP) $(B)/tests/jsoncheck
	RECAP=$(RECAP) JSONCHECK=$(B)/tests/jsoncheck sh tests/golden.sh

# Rewrites the expected outputs from the current build: review the diff.
golden-update: $(RECAP)
	RECAP=$(RECAP) UPDATE=1 sh tests/golden.sh

# SLOW multiplies the time limits (the sanitizer build is several times
# slower).
SLOW ?= 1
pathological: $(RECAP) $(B)/tests/jsoncheck
	RECAP=$(RECAP) JSONCHECK=$(B)/tests/jsoncheck SLOW=$(SLOW) sh tests/pathological.sh

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
sanitize:
	$(MAKE) B=build-san CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" SLOW=5 check

# The thread test under ThreadSanitizer (clang).
tsan:
	$(MAKE) B=build-tsan CC=clang CFLAGS="-O1 -g -fsanitize=thread" build-tsan/tests/test_threads
	build-tsan/tests/test_threads

VALGRIND := valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all -q

valgrind: $(RECAP) $(B)/tests/summarize
	$(VALGRIND) $(RECAP) --chapters --speakers --decisions examples/webinar.txt > /dev/null
	$(VALGRIND) $(RECAP) -f json --decisions tests/fixtures/decisions/garden.txt > /dev/null
	$(VALGRIND) $(RECAP) -f json examples/webinar.vtt > /dev/null
	$(VALGRIND) $(RECAP) -j 2 --query "charging depot" examples/webinar.txt \
	  examples/webinar.vtt > /dev/null
	head -n 3 tests/golden/records.jsonl | $(VALGRIND) $(RECAP) --jsonl > /dev/null
	$(VALGRIND) $(B)/tests/summarize examples/webinar.txt > /dev/null

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
# leak-*, timeout-*) and the log in build-fuzz/NAME.log.
FUZZ_SECONDS ?= 10
FUZZ_MAX_LEN ?= 65536
FUZZERS := $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CFLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
               -fno-sanitize-recover=all
# The library is compiled once, with coverage instrumentation, including
# the generated lexicon.
FUZZ_OBJ := $(LIB_SRC:src/%.c=build-fuzz/lib/%.o) build-fuzz/lib/lexicon.o
.SECONDARY: $(FUZZ_OBJ)

build-fuzz/lib:
	mkdir -p $@

build-fuzz/lib/%.o: src/%.c | build-fuzz/lib
	@$(if $(Q),echo "  CC      $@")
	$(Q)clang -std=c11 $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
	  -MMD -MP -c $< -o $@

build-fuzz/lib/lexicon.o: $(GEN_SRC) | build-fuzz/lib
	@$(if $(Q),echo "  CC      $@")
	$(Q)clang -std=c11 $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
	  -c $< -o $@

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_OBJ)
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
	      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 $$dict \
	      -artifact_prefix=build-fuzz/$$n- build-fuzz/corpus/$$n $$seeds \
	      > build-fuzz/$$n.log 2>&1; then \
	    grep -E '^#[0-9]+' build-fuzz/$$n.log | tail -n 1; \
	  else \
	    tail -n 40 build-fuzz/$$n.log; failed="$$failed $$n"; \
	    echo "fuzz: $$n FAILED (log: build-fuzz/$$n.log)"; \
	  fi; done; \
	if [ -n "$$failed" ]; then echo "fuzz: failures:$$failed"; exit 1; fi

# ---- install --------------------------------------------------------------------
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

uninstall:
	rm -f $(DESTDIR)$(INCLUDEDIR)/recap.h $(DESTDIR)$(LIBDIR)/librecap.a \
	  $(DESTDIR)$(LIBDIR)/librecap.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	  $(DESTDIR)$(LIBDIR)/librecap.so $(DESTDIR)$(BINDIR)/recap \
	  $(DESTDIR)$(MANDIR)/man1/recap.1 $(DESTDIR)$(MANDIR)/man3/recap.3 \
	  $(DESTDIR)$(PKGCONFIGDIR)/recap.pc

format:
	clang-format -i include/*.h src/*.c src/*.h tests/*.c tools/*.c examples/*.c

clean:
	rm -rf build build-san build-fuzz build-tsan

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d)
