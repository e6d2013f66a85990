# meting: the two commands a new user needs are `make run` and `make test`.
# Both install missing system libraries first (scripts/bootstrap).

SWIFT ?= swift
RELEASE = .build/release

.PHONY: run test bench bootstrap build release examples clean

## run: build (release) and start meting on the bundled example study (the
##      SPSS file: labels and missing codes included); without a terminal,
##      run the example session script instead.
run: release
	@if [ -t 0 ]; then \
	  $(RELEASE)/meting examples/mijn-bedrijf/firms_long.sav; \
	else \
	  $(RELEASE)/meting examples/mijn-bedrijf.met; \
	fi

## test: the whole test suite (Swift Testing); needs no R. The meting
##       executable is built first: tests of SPSS/Stata files run its
##       --read-helper child.
test: bootstrap
	$(SWIFT) build --product meting
	$(SWIFT) test

## bench: the benchmark (release build), against pandas when installed.
bench: bootstrap
	$(SWIFT) build -c release --product meting
	$(SWIFT) build -c release --product meting-bench
	$(RELEASE)/meting-bench

## examples: regenerate examples/mijn-bedrijf/*.csv from the seeded generator.
examples: build
	.build/debug/meting generate example --out examples/mijn-bedrijf --replace

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build -c release --product meting

clean:
	rm -rf .build
