# Livrables — build, test, benchmark and install.
#
#   make            install missing Debian packages, build build/livrables and the examples
#   make check      unit tests (cmocka) and end-to-end tests (poppler, qpdf)
#   make bench      render a large generated document with Livrables (and FOP if installed)
#   make sanitize   build and run the unit tests with AddressSanitizer and UBSan
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build

CC      ?= cc
PKGS     = libxml-2.0 libxslt libexslt pangocairo pangoft2 cairo cairo-pdf cairo-png librsvg-2.0 libjpeg libqpdf
# Recursively expanded on purpose: pkg-config runs only once the dependencies are installed.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lhyphen -lm
OPTFLAGS ?= -O2 -g
CFLAGS  += -std=gnu11 $(OPTFLAGS) -Wall -Wextra -Werror -Wno-unused-parameter \
           -Igen -DLIVRABLES_VERSION='"$(VERSION)"' \
           -DLIVRABLES_DATADIR='"$(PREFIX)/share/livrables"'
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.1.0)

# Quiet by default: "CC gen/fo/fo_props.c"; `make V=1` shows the whole commands.
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-6s %s\n'
endif

LIB_SRCS  := $(shell find gen -name '*.c' ! -name main.c | sort)
LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
DEPS_STAMP := $(BUILD)/.deps-installed

.PHONY: all deps livrables examples check unit e2e bench sanitize install clean
.DEFAULT_GOAL := all

all: livrables examples

deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/install-deps.sh
	@scripts/install-deps.sh
	@mkdir -p $(@D) && touch $@

livrables: $(BUILD)/livrables

$(BUILD)/obj/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(say) CC $<
	$(Q)$(CC) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

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

examples: $(BUILD)/livrables
	@if [ -f examples/Makefile.examples ]; then $(MAKE) --no-print-directory -f examples/Makefile.examples LIVRABLES=$(CURDIR)/$(BUILD)/livrables OUT=$(CURDIR)/$(BUILD)/examples; fi

check: unit e2e

# Each unit test runs twice: as is, and under a French locale, where a decimal comma
# must never reach a PDF, an SVG or a dependency file.
unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; $$t; done
	@set -e; for t in $(UNIT_BINS); do echo "== LC_ALL=fr_FR.UTF-8 $$t"; LC_ALL=fr_FR.UTF-8 $$t; done

e2e: $(BUILD)/livrables
	@tests/e2e/run.sh $(BUILD)/livrables

bench: $(BUILD)/livrables
	@scripts/install-deps.sh --with-fop
	@bench/run.sh $(BUILD)/livrables

sanitize:
	ASAN_OPTIONS=fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(MAKE) BUILD=build-san OPTFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer' \
	    LDFLAGS='-fsanitize=address,undefined' unit e2e

install: $(BUILD)/livrables
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/livrables \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/livrables $(DESTDIR)$(PREFIX)/bin/livrables
	cp -R templates styles schema $(DESTDIR)$(PREFIX)/share/livrables/
	install -m 644 doc/livrables.1 $(DESTDIR)$(PREFIX)/share/man/man1/livrables.1

clean:
	rm -rf $(BUILD) build-san

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
