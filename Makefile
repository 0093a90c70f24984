# Thin wrapper: the real steps live in scripts/.
.PHONY: serve test build package setup size bench fuzz clean-pkg

serve:   ## build the wasm and serve www/ on http://127.0.0.1:8080
	@bash scripts/serve.sh

test:    ## fmt, clippy, cargo test, fuzzing, wasm tests in Chromium and Firefox, page weight, e2e tests, the npm package and cargo install, recipes
	@bash scripts/test.sh

build:   ## release wasm builds into www/pkg and www/bundle, and the scripts a bundle ships, minified
	@bash scripts/setup.sh && bash scripts/build-wasm.sh

package: ## the npm package scour-site, packed into target/npm/ (after make build)
	@bash scripts/setup.sh && bash scripts/build-package.sh

setup:   ## install missing tools (rustfmt, clippy, wasm targets, the pinned nightly, wasm-bindgen-cli, wasm-pack, geckodriver, chromium, firefox-esr, binaryen, npm ci)
	@bash scripts/setup.sh

size:    ## byte sizes (raw/gzip/brotli) and the page-weight budget
	@bash scripts/size.sh

bench:   ## per-query latency in Chromium and native
	@bash scripts/bench.sh

fuzz:    ## the cargo-fuzz targets for FUZZ_SECONDS (120) in all (needs a nightly toolchain)
	@bash scripts/fuzz.sh

clean-pkg:
	rm -rf www/pkg target/screenshots
