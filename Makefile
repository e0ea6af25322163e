# Livrables — build, test, benchmark and install.
#
#   make            install missing Debian packages, build build/livrables and the examples
#   make check      unit tests (cmocka) and end-to-end tests (poppler, qpdf)
#   make golden     golden layout tests only; make golden-update rewrites their .expected
#   make bench      render a large generated document with Livrables (and FOP if installed)
#   make sanitize   build and run the unit and end-to-end tests under ASan and UBSan
#   make fuzz       build the libFuzzer targets with clang and run each FUZZ_SECONDS
#   make install    PREFIX=/usr/local DESTDIR=
#   make po-update  merge new messages into po/fr.po;  make po-check  fail on a missing translation

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build

CC      ?= cc
PKGS     = libxml-2.0 libxslt libexslt pangocairo pangoft2 cairo cairo-pdf cairo-png librsvg-2.0 libjpeg libzip libqpdf zlib
# Recursively expanded on purpose: pkg-config runs only once the dependencies are installed.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lhyphen -lcsv -lm -lstdc++
OPTFLAGS ?= -O2 -g
CFLAGS  += -std=gnu11 $(OPTFLAGS) -Wall -Wextra -Werror -Wno-unused-parameter \
           -Igen -DLIVRABLES_VERSION='"$(VERSION)"' \
           -DLIVRABLES_DATADIR='"$(PREFIX)/share/livrables"' \
           -DLIVRABLES_LOCALEDIR='"$(PREFIX)/share/locale"'
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.1.0)
# C++ only where a library has no C face for what is needed (gen/paint/pdf_base.cc: qpdf).
CXXFLAGS += -std=c++17 $(OPTFLAGS) -Wall -Wextra -Werror -Wno-unused-parameter -Igen \
            -DPOINTERHOLDER_TRANSITION=4

# Quiet by default: "CC gen/fo/fo_props.c"; `make V=1` shows the whole commands.
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-6s %s\n'
endif

LIB_SRCS  := $(shell find gen -name '*.c' ! -name main.c | sort)
LIB_CXX_SRCS := $(shell find gen -name '*.cc' | sort)
LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o) $(LIB_CXX_SRCS:%.cc=$(BUILD)/obj/%.o)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
DEPS_STAMP := $(BUILD)/.deps-installed

.PHONY: all deps livrables examples check unit e2e bench sanitize fuzz fuzz-targets install clean schema po-check po-update
.DEFAULT_GOAL := all

all: livrables examples

deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/install-deps.sh
	@scripts/install-deps.sh
	@mkdir -p $(@D) && touch $@

livrables: $(BUILD)/livrables $(BUILD)/locale/fr/LC_MESSAGES/livrables.mo

$(BUILD)/obj/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(say) CC $<
	$(Q)$(CC) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/obj/%.o: %.cc | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(say) CXX $<
	$(Q)$(CXX) $(CXXFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/liblivrables.a: $(LIB_OBJS)
	@rm -f $@
	$(say) AR $@
	$(Q)ar rcs $@ $^

$(BUILD)/livrables: $(BUILD)/obj/gen/main.o $(BUILD)/liblivrables.a
	$(say) LD $@
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) $(LDFLAGS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/liblivrables.a | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(say) TEST $@
	$(Q)$(CC) $(CFLAGS) $(PKG_CFLAGS) -DTEST_DATA_DIR='"$(CURDIR)/tests"' -MMD -MP -o $@ $< \
	    $(BUILD)/liblivrables.a $(PKG_LIBS) -lcmocka $(LDFLAGS)

# Messages: English ids in the code (_() from gen/util/i18n.h), po/livrables.pot extracted
# from them by xgettext (without its creation date, so that it changes only with the
# messages), po/fr.po the French catalogue, compiled into the build tree where
# build/livrables finds it. po-check fails when a message has no French translation or a
# fuzzy one; `make po-update` merges new messages into po/fr.po.
MO_FR := $(BUILD)/locale/fr/LC_MESSAGES/livrables.mo
I18N_SRCS := $(shell find gen -name '*.[ch]' -o -name '*.cc' | sort)

po/livrables.pot: $(I18N_SRCS) | $(DEPS_STAMP)
	$(say) XGETTEXT $@
	$(Q)xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --keyword=fail:2 \
	    --add-comments=TRANSLATORS: --add-location=file --package-name=livrables --package-version=$(VERSION) \
	    --msgid-bugs-address='see README.md' --sort-by-file -o $@.tmp $(I18N_SRCS)
	$(Q)sed '/^"POT-Creation-Date:/d' $@.tmp > $@ && rm -f $@.tmp

$(MO_FR): po/fr.po po/livrables.pot | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(say) MSGFMT $@
	$(Q)msgfmt --check -o $@ po/fr.po
	$(Q)msgcmp po/fr.po po/livrables.pot || \
	    echo "make: warning: po/fr.po lacks the translations above (make po-update, then translate)" >&2

po-check: po/livrables.pot
	msgfmt --check --statistics -o /dev/null po/fr.po
	msgcmp po/fr.po po/livrables.pot
	@! msgattrib --only-fuzzy po/fr.po | grep -q . || { echo "po/fr.po has fuzzy entries" >&2; exit 1; }

po-update: po/livrables.pot
	msgmerge --quiet --update --backup=none --no-wrap po/fr.po po/livrables.pot

examples: $(BUILD)/livrables $(MO_FR)
	@if [ -f examples/Makefile.examples ]; then $(MAKE) --no-print-directory -f examples/Makefile.examples LIVRABLES=$(CURDIR)/$(BUILD)/livrables OUT=$(CURDIR)/$(BUILD)/examples; fi

# The compact-syntax schema for Emacs nXML, made from the XML syntax by trang; kept in the
# tree (a test checks it is up to date), so editors find it without a build.
schema: schema/atelier.rnc
schema/atelier.rnc: schema/atelier.rng | $(DEPS_STAMP)
	$(say) TRANG $@
	$(Q)trang $< $@

check: unit e2e

# Each unit test runs twice: as is, and under a French locale, where a decimal comma
# must never reach a PDF, an SVG or a dependency file.
unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; $$t; done
	@set -e; for t in $(UNIT_BINS); do echo "== LC_ALL=fr_FR.UTF-8 $$t"; LC_ALL=fr_FR.UTF-8 $$t; done

e2e: $(BUILD)/livrables $(MO_FR)
	@tests/e2e/run.sh $(BUILD)/livrables

# Golden layout tests (tests/layout/CASE.fo against CASE.expected; also run by e2e);
# golden-update rewrites the expected dumps after a deliberate layout change.
.PHONY: golden golden-update
golden: $(BUILD)/livrables
	@tests/layout/run.sh $(BUILD)/livrables
golden-update: $(BUILD)/livrables
	@GOLDEN_UPDATE=1 tests/layout/run.sh $(BUILD)/livrables

bench: $(BUILD)/livrables
	@scripts/install-deps.sh --with-fop
	@bench/run.sh $(BUILD)/livrables

# The whole suite under AddressSanitizer (which sees into arenas, see gen/util/arena.c) and
# UBSan; the first report stops the program that made it, with exit code 86 so that it is
# never taken for the exit code 1 of an input error. tests/lsan.supp lists the only leaks
# allowed: caches of third-party libraries.
SAN_ENV = ASAN_OPTIONS=detect_leaks=1:exitcode=86 \
          LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0:exitcode=86 \
          UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86
sanitize:
	$(SAN_ENV) $(MAKE) BUILD=build-san \
	    OPTFLAGS='-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer' \
	    LDFLAGS='-fsanitize=address,undefined' unit e2e

# libFuzzer targets (tests/fuzz/fuzz_*.c), built with clang into build-fuzz/ and run one
# after the other for FUZZ_SECONDS each. Seeds come from the test files
# (tests/fuzz/make-seeds.sh), the dictionaries from the FO engine's tables and the atelier
# schema (tests/fuzz/make-dict.sh). New inputs are kept in build-fuzz/fuzz/corpus-*; a
# crash is written to build-fuzz/fuzz/crash-*, to be added to tests/fuzz/regressions/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := fo source
FUZZ_DIR      = build-fuzz/fuzz
FUZZ_CFLAGS   = -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
                -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_RUN_ENV  = $(SAN_ENV) UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1

fuzz: $(BUILD)/livrables
	@scripts/install-deps.sh --with-fuzz
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang CXX=clang++ OPTFLAGS='$(FUZZ_CFLAGS)' fuzz-targets
	@tests/fuzz/make-seeds.sh $(FUZZ_DIR)/seeds $(BUILD)/livrables
	@set -e; for t in $(FUZZ_TARGETS); do \
	    tests/fuzz/make-dict.sh $$t > $(FUZZ_DIR)/$$t.dict; \
	    mkdir -p $(FUZZ_DIR)/corpus-$$t; \
	    echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	    $(FUZZ_RUN_ENV) $(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=60 \
	        -rss_limit_mb=3072 -max_len=65536 -print_final_stats=1 -dict=$(FUZZ_DIR)/$$t.dict \
	        -artifact_prefix=$(FUZZ_DIR)/crash-$$t- $(FUZZ_DIR)/corpus-$$t $(FUZZ_DIR)/seeds/$$t; \
	done

fuzz-targets: $(addprefix $(BUILD)/fuzz/fuzz_,$(FUZZ_TARGETS))

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_support.h $(BUILD)/liblivrables.a | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(say) FUZZ $@
	$(Q)$(CC) $(CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -DFUZZ_DATADIR='"$(CURDIR)"' -o $@ $< \
	    $(BUILD)/liblivrables.a $(PKG_LIBS) -fsanitize=fuzzer,address,undefined \
	    -fsanitize-link-c++-runtime

install: $(BUILD)/livrables $(MO_FR)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/livrables \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/livrables $(DESTDIR)$(PREFIX)/bin/livrables
	cp -R templates styles schema $(DESTDIR)$(PREFIX)/share/livrables/
	install -m 644 doc/livrables.1 $(DESTDIR)$(PREFIX)/share/man/man1/livrables.1
	install -D -m 644 $(MO_FR) $(DESTDIR)$(PREFIX)/share/locale/fr/LC_MESSAGES/livrables.mo

clean:
	rm -rf $(BUILD) build-san build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
