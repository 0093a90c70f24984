#!/usr/bin/env bash
# The README's integration recipes, each tried on a generated example site: the site is written in
# its generator's own format with the widget's two tags in its layout, built by the generator,
# indexed by the npm package after the build (`npx scour-site index … --bundle`, the tarball of
# `make package` installed beside it), then searched with `npx scour-site search` for a word of
# one page, which must come first with its URL, and for a word of the layout's navigation, which
# must find nothing. Work folders: target/recipes/<name>/.
#
#   scripts/recipes.sh [plain] [eleventy] [hugo] [vitepress] [docusaurus] [mdbook]
#   (default: plain eleventy, what CI runs)
#
# eleventy, vitepress and docusaurus install their generator from the npm registry, hugo from
# Debian's (root);
# mdbook needs `cargo install mdbook`.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

TARBALL=$(ls target/npm/scour-site-*.tgz 2>/dev/null | head -n1)
[ -n "$TARBALL" ] || die "no package: run make package first"
[ $# -gt 0 ] || set -- plain eleventy

# The example site's pages, in Markdown: a home page and two guides, each with one word of its own.
write_pages() { # folder, front matter lines
  local dir=$1 front=${2:-}
  mkdir -p "$dir/guide"
  printf -- '---\n%btitle: Lighthouse notes\n---\n\n# Lighthouse notes\n\nNotes on keeping a light.\n' "$front" >"$dir/index.md"
  printf -- '---\n%btitle: Tides\n---\n\n# Tides\n\nThe keeper logs the spring tides and the neap tides in the almanac.\n' "$front" >"$dir/guide/tides.md"
  printf -- '---\n%btitle: Lamps\n---\n\n# Lamps\n\nTrim the wick before dusk so the paraffin burns clean.\n' "$front" >"$dir/guide/lamps.md"
}

# The layout's navigation, on every page: its words must not be indexed.
NAV='<nav><a href="/">Home</a> <a href="/guide/tides/">Seafarers portal</a></nav>'
WIDGET='<script type="module" src="/search/scour.js"></script><scour-search index="/search/scour-index.bin"></scour-search>'

# index_and_check NAME SITE_FOLDER EXPECTED_URL [index flags...]: index the built site, then search
# it. NAV_WORD (a word only the layout holds), WIDGET_MARK (what the built pages hold of the
# widget) and PAGES (the documents the site should give) change for a generator that differs.
index_and_check() {
  local nav_word=${NAV_WORD:-seafarers} widget_mark=${WIDGET_MARK:-<scour-search} pages=${PAGES:-3}
  local name=$1 site=$2 expected=$3; shift 3
  local dir="target/recipes/$name"
  (cd "$dir" && npx --offline scour-site index "$site" --out "$site/search" --bundle "$@") >"$dir/index.log" 2>&1 \
    || die "$name: npx scour-site index failed (target/recipes/$name/index.log)"
  grep -q "^indexed $pages documents" "$dir/index.log" \
    || die "$name: expected $pages documents: $(grep '^indexed' "$dir/index.log") (target/recipes/$name/index.log)"
  local hits first
  hits=$(cd "$dir" && npx --offline scour-site search --index "$site/search/scour-index.bin" --json almanac)
  first=$(node -e 'const h = JSON.parse(process.argv[1]); console.log(h[0] ? h[0].url : "none")' "$hits")
  [ "$first" = "$expected" ] || die "$name: 'almanac' found $first first, expected $expected: $hits"
  hits=$(cd "$dir" && npx --offline scour-site search --index "$site/search/scour-index.bin" --json "$nav_word")
  [ "$hits" = "[]" ] || die "$name: the layout was indexed ('$nav_word' found $hits)"
  grep -rqs "$widget_mark" "$dir/$site" --include=*.html || die "$name: no page of $site holds the widget"
  [ -s "$dir/$site/search/scour.js" ] || die "$name: --bundle wrote no widget"
  printf '    %s: %s\n' "$name" "$(grep '^indexed' "$dir/index.log")" >&2
}

# A fresh work folder for NAME with the package installed (and PACKAGES from the registry).
workspace() { # name packages...
  local dir="target/recipes/$1"; shift
  rm -rf "$dir" && mkdir -p "$dir"
  printf '{ "private": true }\n' >"$dir/package.json"
  (cd "$dir" && npm install --silent --no-audit --no-fund "$ROOT/$TARBALL" "$@") || die "npm install in $dir"
}

recipe_plain() { # hand-written HTML, no generator
  workspace plain
  local site=target/recipes/plain/public
  mkdir -p "$site/guide"
  page() { printf '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s - Lighthouse</title></head><body><header>%s%s</header><main><h1>%s</h1><p>%s</p></main></body></html>\n' "$1" "$NAV" "$WIDGET" "$1" "$2"; }
  page "Lighthouse notes" "Notes on keeping a light." >"$site/index.html"
  page "Tides" "The keeper logs the spring tides and the neap tides in the almanac." >"$site/guide/tides.html"
  page "Lamps" "Trim the wick before dusk so the paraffin burns clean." >"$site/guide/lamps.html"
  index_and_check plain public /guide/tides.html
}

recipe_eleventy() { # Eleventy 3: Markdown pages, a Nunjucks layout
  workspace eleventy @11ty/eleventy@3.1.8
  local dir=target/recipes/eleventy
  write_pages "$dir/src" 'layout: base.njk\n'
  mkdir -p "$dir/src/_includes"
  printf '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><header>%s%s</header><main>{{ content | safe }}</main></body></html>\n' "$NAV" "$WIDGET" >"$dir/src/_includes/base.njk"
  (cd "$dir" && npx --offline @11ty/eleventy --input=src --output=_site --quiet) >"$dir/build.log" 2>&1 || die "eleventy build ($dir/build.log)"
  index_and_check eleventy _site /guide/tides/
}

recipe_hugo() { # Hugo: Markdown content, a minimal layout of its own (no theme)
  command -v hugo >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq hugo >/dev/null; } || die "hugo is not installed"
  workspace hugo
  local dir=target/recipes/hugo
  mkdir -p "$dir/site/layouts/_default"
  printf 'baseURL = "/"\ntitle = "Lighthouse"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n' >"$dir/site/hugo.toml"
  write_pages "$dir/site/content"
  mv "$dir/site/content/index.md" "$dir/site/content/_index.md"
  local layout='<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><header>%s%s</header><main>{{ .Content }}</main></body></html>\n'
  printf "$layout" "$NAV" "$WIDGET" >"$dir/site/layouts/_default/single.html"
  printf "$layout" "$NAV" "$WIDGET" >"$dir/site/layouts/_default/list.html"
  (cd "$dir" && hugo --quiet -s site -d ../public) >"$dir/build.log" 2>&1 || die "hugo build ($dir/build.log)"
  PAGES=4 index_and_check hugo public /guide/tides/ # the guide section's list page too
}

recipe_vitepress() { # VitePress: Markdown pages, the widget in the default theme's nav bar
  workspace vitepress vitepress@1.6.4
  local dir=target/recipes/vitepress
  write_pages "$dir/docs"
  mkdir -p "$dir/docs/.vitepress/theme"
  cat >"$dir/docs/.vitepress/config.mjs" <<'EOF'
export default {
  title: 'Lighthouse',
  themeConfig: { nav: [{ text: 'Seafarers portal', link: '/guide/tides' }] },
  head: [['script', { type: 'module', src: '/search/scour.js' }]],
  vue: { template: { compilerOptions: { isCustomElement: (tag) => tag == 'scour-search' } } },
};
EOF
  cat >"$dir/docs/.vitepress/theme/index.mjs" <<'EOF'
import { h } from 'vue';
import DefaultTheme from 'vitepress/theme';
export default {
  extends: DefaultTheme,
  Layout: () => h(DefaultTheme.Layout, null, { 'nav-bar-content-before': () => h('scour-search', { index: '/search/scour-index.bin', layout: 'dropdown' }) }),
};
EOF
  (cd "$dir" && npx --offline vitepress build docs) >"$dir/build.log" 2>&1 || die "vitepress build ($dir/build.log)"
  index_and_check vitepress docs/.vitepress/dist /guide/tides.html --content-selector .vp-doc
}

recipe_docusaurus() { # Docusaurus 3: docs at the root, the box as a navbar HTML item
  workspace docusaurus @docusaurus/core@3.10.2 @docusaurus/preset-classic@3.10.2 @mdx-js/react@3 react@19 react-dom@19
  local dir=target/recipes/docusaurus
  write_pages "$dir/docs"
  sed -i '2i slug: /' "$dir/docs/index.md"
  cat >"$dir/docusaurus.config.js" <<'EOF'
export default {
  title: 'Lighthouse',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['classic', { docs: { routeBasePath: '/' }, blog: false }]],
  scripts: [{ src: '/search/scour.js', type: 'module' }],
  themeConfig: {
    navbar: {
      items: [
        { to: '/guide/tides', label: 'Seafarers portal' },
        { type: 'html', position: 'right', value: '<scour-search index="/search/scour-index.bin" layout="dropdown"></scour-search>' },
      ],
    },
  },
};
EOF
  (cd "$dir" && npx --offline docusaurus build) >"$dir/build.log" 2>&1 || die "docusaurus build ($dir/build.log)"
  index_and_check docusaurus build /guide/tides/ --content-selector article --exclude 'assets/**'
}

recipe_mdbook() { # mdBook: a book's chapters, the box put in its menu bar by additional-js
  command -v mdbook >/dev/null || die "mdbook is not installed: cargo install mdbook"
  workspace mdbook
  local dir=target/recipes/mdbook
  mkdir -p "$dir/book/src/guide"
  printf '[book]\ntitle = "Harbourmaster Handbook"\n\n[output.html]\nadditional-js = ["scour-box.js"]\n' >"$dir/book/book.toml"
  printf '# Summary\n\n[Lighthouse notes](index.md)\n- [Tides](guide/tides.md)\n- [Lamps](guide/lamps.md)\n' >"$dir/book/src/SUMMARY.md"
  printf '# Lighthouse notes\n\nNotes on keeping a light.\n' >"$dir/book/src/index.md"
  printf '# Tides\n\nThe keeper logs the spring tides and the neap tides in the almanac.\n' >"$dir/book/src/guide/tides.md"
  printf '# Lamps\n\nTrim the wick before dusk so the paraffin burns clean.\n' >"$dir/book/src/guide/lamps.md"
  # path_to_root: mdBook's own global, the way from a chapter back to the book's root.
  cat >"$dir/book/scour-box.js" <<'EOF'
const box = document.createElement('scour-search');
box.setAttribute('index', path_to_root + 'search/scour-index.bin');
box.setAttribute('layout', 'dropdown');
document.querySelector('.right-buttons')?.prepend(box);
import(path_to_root + 'search/scour.js');
EOF
  (cd "$dir/book" && mdbook build) >"$dir/build.log" 2>&1 || die "mdbook build ($dir/build.log)"
  NAV_WORD=harbourmaster WIDGET_MARK=scour-box \
    index_and_check mdbook book/book /guide/tides.html --content-selector main --exclude print.html --exclude 'fonts/**'
}

for name in "$@"; do
  declare -F "recipe_$name" >/dev/null || die "no recipe $name (plain, eleventy, hugo, vitepress, docusaurus, mdbook)"
  step "recipe: $name" "recipe_$name"
done
