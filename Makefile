# concur -- build with GNU make. See docs/building.md for why make.
#
#   make            build/concur, build/libconcur.a, build/libconcur.so, build/concur.pc
#   make test       unit, golden, spec and pathological tests (tests/run.sh)
#   make asan ubsan sanitizer builds under build-asan/ and build-ubsan/
#   make fuzz       libFuzzer targets under build-fuzz/ (clang); make fuzz-run runs them
#   make leakcheck  the command and the unit tests under valgrind
#   make bench      throughput benchmark (bench/run.sh; not part of make test)
#   make lint       cppcheck over src/
#   make install    honours PREFIX and DESTDIR

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CC      ?= cc
WERROR  ?= -Werror
OPT     ?= -O2 -g
SAN     ?=

PKGS     := libxml-2.0 libutf8proc zlib
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lxml2 -lutf8proc -lz)

CFLAGS_ALL = -std=c11 $(OPT) -Wall -Wextra -Wpedantic $(WERROR) -fPIC -D_DEFAULT_SOURCE \
             -Iinclude -Isrc $(PKG_CFLAGS) $(SAN) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm $(SAN) $(LDFLAGS)

LIB_SRC := $(wildcard src/core/*.c src/text/*.c src/ingest/*.c src/recognize/*.c \
                      src/claims/*.c src/compare/*.c src/output/*.c src/store/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
LEXICON := $(sort $(wildcard data/lexicon/en/*.tsv))
GEN     := $(BUILD)/gen/lexicon.c

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/lexicon.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
HDRS    := include/concur.h $(wildcard src/*.h src/*/*.h)

.PHONY: all test check asan ubsan fuzz fuzz-run leakcheck lint install uninstall clean bench bench-peers

all: $(BUILD)/concur $(BUILD)/libconcur.a $(BUILD)/libconcur.so $(BUILD)/concur.pc

$(BUILD)/gen_lexicon: tools/gen_lexicon.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O1 -Wall -Wextra $(WERROR) -o $@ $<

$(GEN): $(BUILD)/gen_lexicon $(LEXICON)
	@mkdir -p $(@D)
	$(BUILD)/gen_lexicon $@ $(LEXICON)

$(BUILD)/obj/gen/lexicon.o: $(GEN) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/obj/%.o: %.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/libconcur.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libconcur.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libconcur.so.0 -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/concur: $(CLI_OBJ) $(BUILD)/libconcur.a
	$(CC) -o $@ $(CLI_OBJ) $(BUILD)/libconcur.a $(LDLIBS_ALL)

$(BUILD)/concur.pc: Makefile
	@mkdir -p $(@D)
	@printf 'prefix=%s\nlibdir=$${prefix}/lib\nincludedir=$${prefix}/include\n\nName: concur\nDescription: facts, figures and dates from documents\nVersion: %s\nRequires.private: %s\nLibs: -L$${libdir} -lconcur\nLibs.private: -lm\nCflags: -I$${includedir}\n' \
	  '$(PREFIX)' "$$(sed -n 's/^#define CONCUR_VERSION "\(.*\)"/\1/p' include/concur.h)" '$(PKGS)' > $@

# ---- tests ---------------------------------------------------------------
TEST_SRC := $(wildcard tests/unit/*.c)
$(BUILD)/unit_tests: $(TEST_SRC) $(BUILD)/libconcur.a
	$(CC) $(CFLAGS_ALL) -o $@ $(TEST_SRC) $(BUILD)/libconcur.a $(LDLIBS_ALL) -lcmocka

test check: all $(BUILD)/unit_tests
	@bash tests/run.sh

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" all build-asan/unit_tests
ubsan:
	$(MAKE) BUILD=build-ubsan OPT="-O1 -g" SAN="-fsanitize=undefined -fno-sanitize-recover=all" all build-ubsan/unit_tests

# libFuzzer targets: every fuzz/*.c is one, linked against a library built
# with clang under build-fuzz/. `make fuzz-run FUZZ_TIME=25` runs each for
# FUZZ_TIME seconds from fuzz/corpus with fuzz/concur.dict (CI does).
# The library is built here without -Werror: a clang-only warning must not
# stop the fuzzing (gcc -Werror in `make` is the gate).
FUZZ_SRC  := $(wildcard fuzz/*.c)
FUZZ_SAN  := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_TIME ?= 25
fuzz:
	@mkdir -p build-fuzz
	$(MAKE) CC=clang BUILD=build-fuzz WERROR= OPT="-O1 -g -fno-omit-frame-pointer" SAN="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" build-fuzz/libconcur.a
	for f in $(FUZZ_SRC); do \
	  clang -std=c11 -O1 -g -Wall -Wextra $(WERROR) -D_DEFAULT_SOURCE -Iinclude -Isrc $(PKG_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) \
	    -o build-fuzz/$$(basename $$f .c) $$f build-fuzz/libconcur.a $(PKG_LIBS) -lm || exit 1; done

fuzz-run: fuzz
	@bash fuzz/run.sh $(FUZZ_TIME)

leakcheck: all $(BUILD)/unit_tests
	@bash tests/leakcheck.sh

lint:
	cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 \
	  --suppress=missingIncludeSystem -Iinclude -Isrc src tools

bench: all
	@bash bench/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/concur $(DESTDIR)$(PREFIX)/bin/concur
	install -m 644 $(BUILD)/libconcur.a $(DESTDIR)$(PREFIX)/lib/libconcur.a
	install -m 755 $(BUILD)/libconcur.so $(DESTDIR)$(PREFIX)/lib/libconcur.so.0
	ln -sf libconcur.so.0 $(DESTDIR)$(PREFIX)/lib/libconcur.so
	install -m 644 include/concur.h $(DESTDIR)$(PREFIX)/include/concur.h
	sed 's|^prefix=.*|prefix=$(PREFIX)|' $(BUILD)/concur.pc > $(DESTDIR)$(PREFIX)/lib/pkgconfig/concur.pc
	chmod 644 $(DESTDIR)$(PREFIX)/lib/pkgconfig/concur.pc
	install -m 644 man/concur.1 $(DESTDIR)$(PREFIX)/share/man/man1/concur.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/concur $(DESTDIR)$(PREFIX)/lib/libconcur.* \
	  $(DESTDIR)$(PREFIX)/include/concur.h $(DESTDIR)$(PREFIX)/lib/pkgconfig/concur.pc \
	  $(DESTDIR)$(PREFIX)/share/man/man1/concur.1

clean:
	rm -rf build build-asan build-ubsan build-fuzz

# concur against chrono-node, Recognizers-Text, compromise, dateparser (needs npm, apt; minutes)
bench-peers: all
	bash bench/peers/run.sh
