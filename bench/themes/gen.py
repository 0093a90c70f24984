#!/usr/bin/env python3
"""Render a JSONL corpus as static documentation sites, one per theme, each page in its theme's chrome.

    gen.py CORPUS.jsonl OUT_DIR --site-name NAME [--theme THEME ...]

Each line of the corpus, {"id", "title", "body"}, becomes OUT_DIR/<theme>/<id>.html for every theme
(all of THEMES unless --theme names some). The body is the plain text of a page, cut into blocks at
blank lines, and every theme renders the blocks alike:

- a paragraph that is one of SECTION_NAMES (the PHP manual's "Parameters", "Return Values", ...)
  is an <h2> with an anchor, in the theme's own heading markup (permalink marks, <section>s);
- a line in backquotes (a tldr example) or PHP code (`<?php`, or four lines or more with `;` or
  `$`) is a <pre><code> block;
- lines quoted with "> " (tldr's description) are one <p>, its lines kept apart by <br>;
- any other paragraph is a <p> (without the "- " of a tldr list item).

Around that content each theme writes the chrome of its generator's real page template (Sphinx 7
with alabaster, Furo and sphinx_rtd_theme 2, MkDocs Material 9, pydata-sphinx-theme 0.15,
Docusaurus 3, a Bootstrap 3 Jekyll theme, a Hyde-like Jekyll theme, rustdoc 1.80, mdBook 0.4,
VitePress 1, Hugo with Docsy, Jekyll with Just the Docs, Astro Starlight, Javadoc 17, Doxygen 1.9,
legacy GitBook 3, pkgdown 2), written from those templates' markup with their classes, roles and landmarks: site name, search box,
breadcrumbs, edit links, version pickers, footers, cookie banners. The same on every page:

- the site-wide navigation lists the same NAV_SIZE pages, spread evenly through the corpus;
- "previous" and "next" link to the neighbouring pages in corpus order (wrapping around);
- the page's own table of contents lists its section headings, in the themes that have one.

The output depends only on the corpus and the arguments.
"""
import argparse
import json
import os
import re
from html import escape
from typing import NamedTuple

# Paragraphs rendered as section headings (the PHP manual's; tldr pages have none).
SECTION_NAMES = {
    "Description", "Parameters", "Return Values", "See Also", "Examples", "Changelog",
    "Errors/Exceptions", "Introduction", "Class synopsis", "Notes", "Methods", "Properties",
    "Inherited methods", "Inherited properties", "Constants", "Predefined Constants",
    "Runtime Configuration", "Installation", "Requirements", "Resource Types",
}
NAV_SIZE = 60


class Link(NamedTuple):
    id: str
    title: str

    @property
    def href(self):
        return self.id + ".html"


class Heading(NamedTuple):
    anchor: str
    text: str


class Block(NamedTuple):
    kind: str  # "heading", "code", "lines" or "paragraph"
    text: str


class Site(NamedTuple):
    name: str
    nav: list  # of Link


class Page(NamedTuple):
    id: str
    title: str
    blocks: list  # of Block
    prev: Link
    next: Link

    @property
    def anchor(self):
        return slug(self.title)

    @property
    def headings(self):
        return [Heading(slug(b.text), b.text) for b in self.blocks if b.kind == "heading"]


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def is_example(paragraph):
    """A tldr example: one line in backquotes."""
    return paragraph.startswith("`") and paragraph.endswith("`") and "\n" not in paragraph


def is_php_code(paragraph):
    return paragraph.startswith("<?php") or (
        paragraph.count("\n") >= 3 and (";" in paragraph or "$" in paragraph))


def parse_block(paragraph):
    if paragraph in SECTION_NAMES:
        return Block("heading", paragraph)
    if is_example(paragraph):
        return Block("code", paragraph.strip("`"))
    if is_php_code(paragraph):
        return Block("code", paragraph)
    if paragraph.startswith("> "):
        return Block("lines", "\n".join(line.removeprefix("> ") for line in paragraph.split("\n")))
    return Block("paragraph", paragraph.removeprefix("- "))


def parse_blocks(body):
    paragraphs = (p.strip() for p in re.split(r"\n\s*\n", body.strip()))
    return [parse_block(p) for p in paragraphs if p]


def render_block(block, heading):
    if block.kind == "heading":
        return heading(Heading(slug(block.text), block.text))
    if block.kind == "code":
        return f'<div class="highlight"><pre><code>{escape(block.text)}</code></pre></div>'
    if block.kind == "lines":
        return "<p>" + "<br>\n".join(escape(line) for line in block.text.split("\n")) + "</p>"
    return f"<p>{escape(block.text)}</p>"


def render_content(page, heading):
    """The page's blocks as HTML, its section headings written by `heading` (a Heading -> HTML)."""
    return "\n".join(render_block(block, heading) for block in page.blocks)


def join(items, render):
    return "\n".join(render(item) for item in items)


def alabaster(site, page):
    """Sphinx 7 with alabaster: a related-links bar, the global toctree, prev/next and a quick-search form in
    the sidebar after the body; the body is role="main"."""

    def heading(h):
        return f'<section id="{h.anchor}"><h2>{escape(h.text)}<a class="headerlink" href="#{h.anchor}" title="Link to this heading">¶</a></h2></section>'
    nav = join(site.nav, lambda link: f'<li class="toctree-l1"><a class="reference internal" href="{escape(link.href)}">{escape(link.title)}</a></li>')
    return f"""<!DOCTYPE html>
<html lang="en" data-content_root="./">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>{escape(page.title)} &#8212; {escape(site.name)} documentation</title>
<link rel="stylesheet" type="text/css" href="_static/alabaster.css?v=12dfc556" />
<script src="_static/documentation_options.js?v=5929fcd5"></script>
<link rel="index" title="Index" href="genindex.html" /><link rel="search" title="Search" href="search.html" />
</head><body>
<div class="related" role="navigation" aria-label="Related">
 <h3>Navigation</h3><ul><li class="right"><a href="genindex.html" title="General Index" accesskey="I">index</a></li>
 <li class="right"><a href="{escape(page.next.href)}" title="{escape(page.next.title)}" accesskey="N">next</a> |</li>
 <li class="right"><a href="{escape(page.prev.href)}" title="{escape(page.prev.title)}" accesskey="P">previous</a> |</li>
 <li class="nav-item nav-item-0"><a href="index.html">{escape(site.name)} documentation</a> &#187;</li>
 <li class="nav-item nav-item-this"><a href="">{escape(page.title)}</a></li></ul>
</div>
<div class="document"><div class="documentwrapper"><div class="bodywrapper">
<div class="body" role="main">
<section id="{page.anchor}">
<h1>{escape(page.title)}<a class="headerlink" href="#{page.anchor}" title="Link to this heading">¶</a></h1>
{render_content(page, heading)}
</section>
</div></div></div>
<div class="sphinxsidebar" role="navigation" aria-label="Main">
<div class="sphinxsidebarwrapper">
<h1 class="logo"><a href="index.html">{escape(site.name)}</a></h1>
<h3>Navigation</h3>
<ul class="current">{nav}</ul>
<div class="relations"><h3>Related Topics</h3><ul><li><a href="index.html">Documentation overview</a><ul>
<li>Previous: <a href="{escape(page.prev.href)}" title="previous chapter">{escape(page.prev.title)}</a></li>
<li>Next: <a href="{escape(page.next.href)}" title="next chapter">{escape(page.next.title)}</a></li></ul></li></ul></div>
<search id="searchbox" style="display: none" role="search">
  <h3 id="searchlabel">Quick search</h3>
  <div class="searchformwrapper"><form class="search" action="search.html" method="get">
  <input type="text" name="q" aria-labelledby="searchlabel" autocomplete="off" autocorrect="off" autocapitalize="off" spellcheck="false"/>
  <input type="submit" value="Go" /></form></div>
</search>
<script>document.getElementById('searchbox').style.display = "block"</script>
</div></div>
<div class="clearer"></div></div>
<div class="footer">
  &#169;2024, {escape(site.name)} Team.
  |
  Powered by <a href="https://www.sphinx-doc.org/">Sphinx 7.2.6</a>
  &amp; <a href="https://alabaster.readthedocs.io">Alabaster 0.7.16</a>
  |
  <a href="_sources/{escape(page.id)}.rst.txt" rel="nofollow">Page source</a>
</div>
</body></html>"""


def furo(site, page):
    """Sphinx with Furo: mobile header, sidebar (brand, search, toctree), view/edit/theme icons, an <article
    role="main">, prev/next and copyright in a <footer>, an "On this page" TOC drawer after it."""

    def heading(h):
        return f'<section id="{h.anchor}"><h2>{escape(h.text)}<a class="headerlink" href="#{h.anchor}" title="Link to this heading">¶</a></h2></section>'
    nav = join(site.nav, lambda link: f'<li class="toctree-l1"><a class="reference internal" href="{escape(link.href)}">{escape(link.title)}</a></li>')
    toc = join(page.headings, lambda h: f'<li><a class="reference internal" href="#{h.anchor}">{escape(h.text)}</a></li>')
    return f"""<!doctype html>
<html class="no-js" lang="en" data-content_root="./">
<head><meta charset="utf-8"/><meta name="viewport" content="width=device-width,initial-scale=1"/>
<meta name="color-scheme" content="light dark"><link rel="index" title="Index" href="genindex.html" />
<title>{escape(page.title)} - {escape(site.name)} documentation</title>
<link rel="stylesheet" type="text/css" href="_static/styles/furo.css?v=354aac6f" />
</head>
<body>
<script>document.body.dataset.theme = localStorage.getItem("theme") || "auto";</script>
<svg xmlns="http://www.w3.org/2000/svg" style="display: none;"><symbol id="svg-toc" viewBox="0 0 24 24"><title>Contents</title><svg><path d="M4 6h16"/></svg></symbol></svg>
<input type="checkbox" class="sidebar-toggle" name="__navigation" id="__navigation">
<input type="checkbox" class="sidebar-toggle" name="__toc" id="__toc">
<label class="overlay sidebar-overlay" for="__navigation"><div class="visually-hidden">Hide navigation sidebar</div></label>
<label class="overlay toc-overlay" for="__toc"><div class="visually-hidden">Hide table of contents sidebar</div></label>
<a class="skip-to-content muted-link" href="#furo-main-content">Skip to content</a>
<div class="page">
  <header class="mobile-header"><div class="header-left"><label class="nav-overlay-icon" for="__navigation"><div class="visually-hidden">Toggle site navigation sidebar</div><i class="icon"><svg><use href="#svg-menu"></use></svg></i></label></div>
  <div class="header-center"><a href="index.html"><div class="brand">{escape(site.name)} documentation</div></a></div></header>
  <aside class="sidebar-drawer">
    <div class="sidebar-container"><div class="sidebar-sticky">
      <a class="sidebar-brand" href="index.html"><span class="sidebar-brand-text">{escape(site.name)} documentation</span></a>
      <form class="sidebar-search-container" method="get" action="search.html" role="search">
        <input class="sidebar-search" placeholder="Search" name="q" aria-label="Search">
        <input type="hidden" name="check_keywords" value="yes"><input type="hidden" name="area" value="default">
      </form>
      <div id="searchbox"></div>
      <div class="sidebar-scroll"><div class="sidebar-tree">
        <p class="caption" role="heading"><span class="caption-text">Contents</span></p>
        <ul>{nav}</ul>
      </div></div>
    </div></div>
  </aside>
  <div class="main">
    <div class="content">
      <div class="article-container">
        <a href="#" class="back-to-top muted-link"><svg><path d="M13 20h-2V8l-5.5 5.5"></path></svg><span>Back to top</span></a>
        <div class="content-icon-container">
          <div class="view-this-page"><a class="muted-link" href="_sources/{escape(page.id)}.rst.txt" title="View this page"><svg><use href="#svg-eye"></use></svg><span class="visually-hidden">View this page</span></a></div>
          <div class="edit-this-page"><a class="muted-link" href="https://github.com/example/docs/edit/main/docs/{escape(page.id)}.rst" title="Edit this page"><svg><use href="#svg-pencil"></use></svg><span class="visually-hidden">Edit this page</span></a></div>
          <div class="theme-toggle-container theme-toggle-content"><button class="theme-toggle"><div class="visually-hidden">Toggle Light / Dark / Auto color theme</div><svg class="theme-icon-when-auto-light"><use href="#svg-sun-with-moon"></use></svg></button></div>
          <label class="toc-overlay-icon toc-content-icon" for="__toc"><div class="visually-hidden">Toggle table of contents sidebar</div><i class="icon"><svg><use href="#svg-toc"></use></svg></i></label>
        </div>
        <article role="main" id="furo-main-content">
          <section id="{page.anchor}">
          <h1>{escape(page.title)}<a class="headerlink" href="#{page.anchor}" title="Link to this heading">¶</a></h1>
          {render_content(page, heading)}
          </section>
        </article>
      </div>
      <footer>
        <div class="related-pages">
          <a class="next-page" href="{escape(page.next.href)}"><div class="page-info"><div class="context"><span>Next</span></div><div class="title">{escape(page.next.title)}</div></div></a>
          <a class="prev-page" href="{escape(page.prev.href)}"><div class="page-info"><div class="context"><span>Previous</span></div><div class="title">{escape(page.prev.title)}</div></div></a>
        </div>
        <div class="bottom-of-page"><div class="left-details"><div class="copyright">Copyright &#169; 2024, {escape(site.name)} Team</div>
        Made with <a href="https://www.sphinx-doc.org/">Sphinx</a> and <a class="muted-link" href="https://pradyunsg.me">@pradyunsg</a>'s <a href="https://github.com/pradyunsg/furo">Furo</a></div></div>
      </footer>
    </div>
    <aside class="toc-drawer">
      <div class="toc-sticky toc-scroll">
        <div class="toc-title-container"><span class="toc-title">On this page</span></div>
        <div class="toc-tree-container"><div class="toc-tree"><ul><li><a class="reference internal" href="#">{escape(page.title)}</a><ul>{toc}</ul></li></ul></div></div>
      </div>
    </aside>
  </div>
</div>
</body></html>"""


def read_the_docs(site, page):
    """sphinx_rtd_theme 2: side <nav> (search, toctree), breadcrumbs with "Edit on GitHub", the body in a
    role="main" div, footer buttons and copyright, then the floating version menu."""

    def heading(h):
        return f'<section id="{h.anchor}"><h2>{escape(h.text)}<a class="headerlink" href="#{h.anchor}" title="Link to this heading"></a></h2></section>'
    nav = join(site.nav, lambda link: f'<li class="toctree-l1"><a class="reference internal" href="{escape(link.href)}">{escape(link.title)}</a></li>')
    return f"""<!DOCTYPE html>
<html class="writer-html5" lang="en" data-content_root="./">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>{escape(page.title)} &mdash; {escape(site.name)} 2.1 documentation</title>
<link rel="stylesheet" href="_static/css/theme.css" type="text/css" />
</head>
<body class="wy-body-for-nav">
<div class="wy-grid-for-nav">
  <nav data-toggle="wy-nav-shift" class="wy-nav-side">
    <div class="wy-side-scroll">
      <div class="wy-side-nav-search">
        <a href="index.html" class="icon icon-home">{escape(site.name)}</a>
        <div class="version">2.1</div>
        <div role="search"><form id="rtd-search-form" class="wy-form" action="search.html" method="get">
          <input type="text" name="q" placeholder="Search docs" aria-label="Search docs" />
        </form></div>
      </div>
      <div class="wy-menu wy-menu-vertical" data-spy="affix" role="navigation" aria-label="Navigation menu">
        <p class="caption" role="heading"><span class="caption-text">Contents:</span></p>
        <ul class="current">{nav}</ul>
      </div>
    </div>
  </nav>
  <section data-toggle="wy-nav-shift" class="wy-nav-content-wrap">
    <nav class="wy-nav-top" aria-label="Mobile navigation menu"><i data-toggle="wy-nav-top" class="fa fa-bars"></i><a href="index.html">{escape(site.name)}</a></nav>
    <div class="wy-nav-content"><div class="rst-content">
      <div role="navigation" aria-label="Page navigation">
        <ul class="wy-breadcrumbs">
          <li><a href="index.html" class="icon icon-home" aria-label="Home"></a></li>
          <li class="breadcrumb-item active">{escape(page.title)}</li>
          <li class="wy-breadcrumbs-aside"><a href="https://github.com/example/docs/blob/main/docs/{escape(page.id)}.rst" class="fa fa-github"> Edit on GitHub</a></li>
        </ul><hr/>
      </div>
      <div role="main" class="document" itemscope="itemscope" itemtype="http://schema.org/Article">
        <div itemprop="articleBody">
          <section id="{page.anchor}">
          <h1>{escape(page.title)}<a class="headerlink" href="#{page.anchor}" title="Link to this heading"></a></h1>
          {render_content(page, heading)}
          </section>
        </div>
      </div>
      <footer><div class="rst-footer-buttons" role="navigation" aria-label="Footer">
          <a href="{escape(page.prev.href)}" class="btn btn-neutral float-left" title="{escape(page.prev.title)}" accesskey="p" rel="prev"><span class="fa fa-arrow-circle-left" aria-hidden="true"></span> Previous</a>
          <a href="{escape(page.next.href)}" class="btn btn-neutral float-right" title="{escape(page.next.title)}" accesskey="n" rel="next">Next <span class="fa fa-arrow-circle-right" aria-hidden="true"></span></a>
        </div><hr/>
        <div role="contentinfo"><p>&#169; Copyright 2024, {escape(site.name)} Team.</p></div>
        Built with <a href="https://www.sphinx-doc.org/">Sphinx</a> using a <a href="https://github.com/readthedocs/sphinx_rtd_theme">theme</a> provided by <a href="https://readthedocs.org">Read the Docs</a>.
      </footer>
    </div></div>
  </section>
</div>
<div class="rst-versions" data-toggle="rst-versions" role="note" aria-label="Versions">
  <span class="rst-current-version" data-toggle="rst-current-version"><span class="fa fa-book"> Read the Docs</span> v: latest <span class="fa fa-caret-down"></span></span>
  <div class="rst-other-versions"><dl><dt>Versions</dt><dd><a href="/en/latest/">latest</a></dd><dd><a href="/en/stable/">stable</a></dd></dl>
  <dl><dt>Downloads</dt><dd><a href="/pdf/">PDF</a></dd></dl></div>
</div>
</body></html>"""


def mkdocs_material(site, page):
    """MkDocs Material 9: header (logo, title, search dialog, repository), primary and secondary sidebars
    inside <main> before the <article>, an edit icon, last-update date, footer, cookie-consent form."""

    def heading(h):
        return f'<h2 id="{h.anchor}">{escape(h.text)}<a class="headerlink" href="#{h.anchor}" title="Permanent link">&para;</a></h2>'
    nav = join(site.nav, lambda link: f'<li class="md-nav__item"><a href="{escape(link.href)}" class="md-nav__link"><span class="md-ellipsis">{escape(link.title)}</span></a></li>')
    toc = join(page.headings, lambda h: f'<li class="md-nav__item"><a href="#{h.anchor}" class="md-nav__link"><span class="md-ellipsis">{escape(h.text)}</span></a></li>')
    return f"""<!doctype html>
<html lang="en" class="no-js">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="{escape(site.name)} documentation"><link rel="prev" href="{escape(page.prev.href)}"><link rel="next" href="{escape(page.next.href)}">
<meta name="generator" content="mkdocs-1.6.0, mkdocs-material-9.5.27">
<title>{escape(page.title)} - {escape(site.name)}</title>
<link rel="stylesheet" href="assets/stylesheets/main.6543a935.min.css">
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<label class="md-overlay" for="__drawer"></label>
<div data-md-component="skip"><a href="#{page.anchor}" class="md-skip">Skip to content</a></div>
<div data-md-component="announce"></div>
<div data-md-color-scheme="default" data-md-component="outdated" hidden></div>
<header class="md-header md-header--shadow" data-md-component="header">
  <nav class="md-header__inner md-grid" aria-label="Header">
    <a href="index.html" title="{escape(site.name)}" class="md-header__button md-logo" aria-label="{escape(site.name)}" data-md-component="logo"><svg><path d="M12 8a3"/></svg></a>
    <div class="md-header__title" data-md-component="header-title"><div class="md-header__ellipsis"><div class="md-header__topic"><span class="md-ellipsis">{escape(site.name)}</span></div><div class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis">{escape(page.title)}</span></div></div></div>
    <div class="md-search" data-md-component="search" role="dialog">
      <label class="md-search__overlay" for="__search"></label>
      <div class="md-search__inner" role="search"><form class="md-search__form" name="search">
        <input type="text" class="md-search__input" name="query" aria-label="Search" placeholder="Search" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" data-md-component="search-query" required>
        <nav class="md-search__options" aria-label="Search"><button type="reset" class="md-search__icon md-icon" title="Clear" aria-label="Clear" tabindex="-1"></button></nav>
      </form>
      <div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix><div class="md-search-result" data-md-component="search-result"><div class="md-search-result__meta">Initializing search</div><ol class="md-search-result__list" role="presentation"></ol></div></div></div></div>
    </div>
    <div class="md-header__source"><a href="https://github.com/example/docs" title="Go to repository" class="md-source" data-md-component="source"><div class="md-source__repository">example/docs</div></a></div>
  </nav>
</header>
<div class="md-container" data-md-component="container">
<main class="md-main" data-md-component="main">
<div class="md-main__inner md-grid">
  <div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation">
    <div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner">
      <nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0">
        <label class="md-nav__title" for="__drawer">{escape(site.name)}</label>
        <ul class="md-nav__list" data-md-scrollfix>{nav}</ul>
      </nav>
    </div></div>
  </div>
  <div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc">
    <div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner">
      <nav class="md-nav md-nav--secondary" aria-label="Table of contents">
        <label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>Table of contents</label>
        <ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>{toc}</ul>
      </nav>
    </div></div>
  </div>
  <div class="md-content" data-md-component="content">
    <article class="md-content__inner md-typeset">
      <a href="https://github.com/example/docs/edit/main/docs/{escape(page.id)}.md" title="Edit this page" class="md-content__button md-icon"><svg><path d="M10 20H6V4h7v5h5v3.1l2-2V8l-6-6H6"/></svg></a>
      <h1 id="{page.anchor}">{escape(page.title)}</h1>
      {render_content(page, heading)}
      <aside class="md-source-file">
        <span class="md-source-file__fact"><span class="md-icon" title="Last update"><svg><path d="M21 13.1"/></svg></span><span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date">June 3, 2024</span></span>
      </aside>
    </article>
  </div>
  <script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))</script>
</div>
<button type="button" class="md-top md-icon" data-md-component="top" hidden><svg><path d="M13 20h-2V8"/></svg>Back to top</button>
</main>
<footer class="md-footer">
  <nav class="md-footer__inner md-grid" aria-label="Footer">
    <a href="{escape(page.prev.href)}" class="md-footer__link md-footer__link--prev" aria-label="Previous: {escape(page.prev.title)}"><div class="md-footer__title"><span class="md-footer__direction">Previous</span><div class="md-ellipsis">{escape(page.prev.title)}</div></div></a>
    <a href="{escape(page.next.href)}" class="md-footer__link md-footer__link--next" aria-label="Next: {escape(page.next.title)}"><div class="md-footer__title"><span class="md-footer__direction">Next</span><div class="md-ellipsis">{escape(page.next.title)}</div></div></a>
  </nav>
  <div class="md-footer-meta md-typeset"><div class="md-footer-meta__inner md-grid"><div class="md-copyright">Made with <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">Material for MkDocs</a></div></div></div>
</footer>
</div>
<div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner md-typeset"></div></div>
<div class="md-consent" data-md-component="consent" id="__consent" hidden>
  <div class="md-consent__overlay"></div><aside class="md-consent__inner"><form class="md-consent__form md-grid md-typeset" name="consent">
  <h4>Cookie consent</h4><p>We use cookies to recognize your repeated visits and preferences, as well as to measure the effectiveness of our documentation and whether users find what they're searching for. With your consent, you're helping us to make our documentation better.</p>
  <input class="md-toggle" type="checkbox" id="__settings"><div class="md-consent__controls"><button class="md-button md-button--primary">Accept</button><label class="md-button" for="__settings">Manage settings</label></div>
  </form></aside>
</div>
</body></html>"""


def docusaurus(site, page):
    """Docusaurus 3: navbar with version dropdown and DocSearch button, docs sidebar <aside>, and inside
    <main>: breadcrumbs, version badge, "On this page", edit link and date, pagination and the TOC column."""

    def heading(h):
        return f'<h2 class="anchor anchorWithStickyNavbar_LWe7" id="{h.anchor}">{escape(h.text)}<a href="#{h.anchor}" class="hash-link" aria-label="Direct link to {escape(h.text)}" title="Direct link to {escape(h.text)}">&#8203;</a></h2>'
    nav = join(site.nav, lambda link: f'<li class="theme-doc-sidebar-item-link theme-doc-sidebar-item-link-level-1 menu__list-item"><a class="menu__link" href="/docs/{escape(link.id)}">{escape(link.title)}</a></li>')
    toc = join(page.headings, lambda h: f'<li><a href="#{h.anchor}" class="table-of-contents__link toc-highlight">{escape(h.text)}</a></li>')
    return f"""<!doctype html>
<html lang="en" dir="ltr" class="docs-wrapper plugin-docs plugin-id-default docs-version-current docs-doc-page docs-doc-id-{escape(page.id)}" data-has-hydrated="false">
<head><meta charset="UTF-8"><meta name="generator" content="Docusaurus v3.4.0">
<title data-rh="true">{escape(page.title)} | {escape(site.name)}</title>
<meta data-rh="true" property="og:title" content="{escape(page.title)} | {escape(site.name)}">
<link rel="stylesheet" href="/assets/css/styles.3c1d4f2a.css">
</head>
<body class="navigation-with-keyboard">
<script>!function(){{var t=localStorage.getItem("theme");document.documentElement.setAttribute("data-theme",t||"light")}}()</script>
<div id="__docusaurus"><div role="region" aria-label="Skip to main content"><a class="skipToContent_fXgn" href="#__docusaurus_skipToContent_fallback">Skip to main content</a></div>
<nav aria-label="Main" class="navbar navbar--fixed-top"><div class="navbar__inner"><div class="navbar__items"><a class="navbar__brand" href="/"><b class="navbar__title text--truncate">{escape(site.name)}</b></a><a aria-current="page" class="navbar__item navbar__link navbar__link--active" href="/docs/intro">Docs</a><a class="navbar__item navbar__link" href="/blog">Blog</a></div>
<div class="navbar__items navbar__items--right"><div class="navbar__item dropdown dropdown--hoverable dropdown--right"><a href="#" aria-haspopup="true" aria-expanded="false" role="button" class="navbar__link">Next</a><ul class="dropdown__menu"><li><a class="dropdown__link" href="/docs/next/intro">Next</a></li><li><a class="dropdown__link" href="/docs/intro">2.1</a></li></ul></div>
<div class="navbarSearchContainer_Bca1"><button type="button" class="DocSearch DocSearch-Button" aria-label="Search"><span class="DocSearch-Button-Container"><span class="DocSearch-Button-Placeholder">Search</span></span></button></div></div></div></nav>
<div id="__docusaurus_skipToContent_fallback" class="main-wrapper mainWrapper_z2l0">
<div class="docsWrapper_hBAB"><button aria-label="Scroll back to top" class="clean-btn theme-back-to-top-button backToTopButton_sjWU" type="button"></button>
<div class="docRoot_UBD9">
<aside class="theme-doc-sidebar-container docSidebarContainer_YfHR"><div class="sidebarViewport_aRkj"><div class="sidebar_njMd">
<nav aria-label="Docs sidebar" class="menu thin-scrollbar menu_SIkG"><ul class="theme-doc-sidebar-menu menu__list">{nav}</ul></nav>
<button type="button" title="Collapse sidebar" aria-label="Collapse sidebar" class="button button--secondary button--outline collapseSidebarButton_PEFL"></button>
</div></div></aside>
<main class="docMainContainer_TBSr"><div class="container padding-top--md padding-bottom--lg"><div class="row">
<div class="col docItemCol_VOVn"><div class="docItemContainer_Djhp"><article>
<nav class="theme-doc-breadcrumbs breadcrumbsContainer_Z_bl" aria-label="Breadcrumbs"><ul class="breadcrumbs" itemscope="" itemtype="https://schema.org/BreadcrumbList"><li class="breadcrumbs__item"><a aria-label="Home page" class="breadcrumbs__link" href="/"></a></li><li itemscope="" itemprop="itemListElement" itemtype="https://schema.org/ListItem" class="breadcrumbs__item breadcrumbs__item--active"><span class="breadcrumbs__link" itemprop="name">{escape(page.title)}</span><meta itemprop="position" content="1"></li></ul></nav>
<span class="theme-doc-version-badge badge badge--secondary">Version: 2.1</span>
<div class="tocCollapsible_ETCw theme-doc-toc-mobile tocMobile_ITEo"><button type="button" class="clean-btn tocCollapsibleButton_TO0P">On this page</button></div>
<div class="theme-doc-markdown markdown"><header><h1>{escape(page.title)}</h1></header>
{render_content(page, heading)}
</div>
<footer class="theme-doc-footer docusaurus-mt-lg"><div class="theme-doc-footer-edit-meta-row row"><div class="col"><a href="https://github.com/example/docs/tree/main/docs/{escape(page.id)}.md" target="_blank" rel="noopener noreferrer" class="theme-edit-this-page"><svg fill="currentColor" height="20" width="20" viewBox="0 0 40 40" class="iconEdit_Z9Sw" aria-hidden="true"><g><path d="m34.5 11.7l-3 3.1-6.3-6.3"></path></g></svg>Edit this page</a></div><div class="col lastUpdated_JAkA"><span class="theme-last-updated">Last updated on <b><time datetime="2024-06-03T00:00:00.000Z">Jun 3, 2024</time></b></span></div></div></footer>
</article>
<nav class="pagination-nav docusaurus-mt-lg" aria-label="Docs pages"><a class="pagination-nav__link pagination-nav__link--prev" href="/docs/{escape(page.prev.id)}"><div class="pagination-nav__sublabel">Previous</div><div class="pagination-nav__label">{escape(page.prev.title)}</div></a><a class="pagination-nav__link pagination-nav__link--next" href="/docs/{escape(page.next.id)}"><div class="pagination-nav__sublabel">Next</div><div class="pagination-nav__label">{escape(page.next.title)}</div></a></nav>
</div></div>
<div class="col col--3"><div class="tableOfContents_bqdL thin-scrollbar theme-doc-toc-desktop"><ul class="table-of-contents table-of-contents__left-border">{toc}</ul></div></div>
</div></div></main>
</div></div></div>
<footer class="footer footer--dark"><div class="container container-fluid"><div class="row footer__links"><div class="col footer__col"><div class="footer__title">Docs</div><ul class="footer__items clean-list"><li class="footer__item"><a class="footer__link-item" href="/docs/intro">Tutorial</a></li></ul></div><div class="col footer__col"><div class="footer__title">Community</div><ul class="footer__items clean-list"><li class="footer__item"><a href="https://stackoverflow.com/questions/tagged/docusaurus" target="_blank" rel="noopener noreferrer" class="footer__link-item">Stack Overflow</a></li></ul></div></div><div class="footer__bottom text--center"><div class="footer__copyright">Copyright © 2024 {escape(site.name)}. Built with Docusaurus.</div></div></div></footer>
</div>
</body></html>"""


def bootstrap_page(site, page, sidebar_intro=""):
    """A Bootstrap 3 Jekyll page: divs only, no semantic elements, no ARIA roles; the sidebar
    optionally opens with `sidebar_intro`."""

    def heading(h):
        return f'<h2 id="{h.anchor}">{escape(h.text)}</h2>'
    nav = join(site.nav, lambda link: f'<li><a href="/{escape(link.href)}">{escape(link.title)}</a></li>')
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta http-equiv="X-UA-Compatible" content="IE=edge"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(page.title)} | {escape(site.name)}</title>
<link rel="stylesheet" href="/css/bootstrap.min.css"><link rel="stylesheet" href="/css/main.css">
</head>
<body>
<div class="navbar navbar-default navbar-fixed-top">
  <div class="container">
    <div class="navbar-header">
      <button type="button" class="navbar-toggle" data-toggle="collapse" data-target=".navbar-collapse"><span class="sr-only">Toggle navigation</span><span class="icon-bar"></span></button>
      <a class="navbar-brand" href="/">{escape(site.name)} Docs</a>
    </div>
    <div class="navbar-collapse collapse">
      <ul class="nav navbar-nav"><li class="active"><a href="/docs/">Documentation</a></li><li><a href="/download/">Download</a></li><li><a href="/community/">Community</a></li><li><a href="/blog/">Blog</a></li></ul>
      <form class="navbar-form navbar-right" action="/search/"><div class="form-group"><input type="text" class="form-control" name="q" placeholder="Search the docs"></div><button type="submit" class="btn btn-default">Search</button></form>
    </div>
  </div>
</div>
<div class="container">
  <div class="row">
    <div class="col-md-3 sidebar">
      {sidebar_intro}<div class="sidebar-nav">
        <h4>Documentation</h4>
        <ul class="nav nav-list">{nav}</ul>
      </div>
    </div>
    <div class="col-md-9 content">
      <ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/docs/">Docs</a></li><li class="active">{escape(page.title)}</li></ol>
      <div class="page-header"><h1>{escape(page.title)} <small><a href="https://github.com/example/docs/edit/gh-pages/{escape(page.id)}.md" class="edit-link">Improve this page</a></small></h1></div>
      {render_content(page, heading)}
      <div class="pager-links"><ul class="pager"><li class="previous"><a href="/{escape(page.prev.href)}">&larr; {escape(page.prev.title)}</a></li><li class="next"><a href="/{escape(page.next.href)}">{escape(page.next.title)} &rarr;</a></li></ul></div>
    </div>
  </div>
</div>
<div class="footer">
  <div class="container"><p class="text-muted">&copy; 2024 {escape(site.name)} Project. Documentation licensed under CC BY 4.0. Hosted on GitHub Pages.</p></div>
</div>
<div id="cookie-notice" class="cookie-banner alert alert-info">This website uses cookies to ensure you get the best experience on our website. <a href="/privacy/">Learn more</a> <button class="btn btn-primary btn-sm" id="cookie-accept">Got it!</button></div>
<script src="/js/jquery.min.js"></script><script src="/js/bootstrap.min.js"></script>
</body></html>"""


def bootstrap(site, page):
    """A Bootstrap 3 Jekyll theme: navbar, sidebar nav, breadcrumb, an "Improve this page" link inside the
    <h1>, a pager, footer and cookie notice, all plain divs."""
    return bootstrap_page(site, page)


def hyde(site, page):
    """A Hyde-like Jekyll theme: the Bootstrap page whose sidebar opens with the site's name as an <h1> and
    a tagline, before the page's own <h1>."""
    intro = (f'<div class="sidebar-about"><h1><a href="/">{escape(site.name)}</a></h1>'
             '<p class="lead">Community-maintained documentation.</p></div>')
    return bootstrap_page(site, page, intro)


def rustdoc(site, page):
    """rustdoc 1.80, the page of a function: a <nav> sidebar (crate, sections, sibling items), in <main> the
    "Function crate::name" heading with its copy-path button, the declaration, the docs in a docblock."""

    def heading(h):
        return f'<h2 id="{h.anchor}" class="section-header">{escape(h.text)}<a href="#{h.anchor}" class="anchor">§</a></h2>'
    nav = join(site.nav, lambda link: f'<li><a href="{escape(link.href)}">{escape(link.title)}</a></li>')
    toc = join(page.headings, lambda h: f'<li><a href="#{h.anchor}">{escape(h.text)}</a></li>')
    crate = site.name.lower().replace(" ", "_")
    function_name = re.sub(r"\W+", "_", page.title)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0"><meta name="generator" content="rustdoc"><meta name="description" content="{escape(page.title)}">
<title>{escape(page.title)} in {escape(crate)} - Rust</title>
<link rel="stylesheet" href="../static.files/rustdoc-081576b923113409.css"><meta name="rustdoc-vars" data-root-path="../" data-static-root-path="../static.files/" data-current-crate="{escape(crate)}" data-themes="" data-resource-suffix="" data-rustdoc-version="1.80.0 (051478957 2024-07-21)" data-channel="1.80.0" data-search-js="search-d52510db62a78183.js" data-settings-js="settings-4313503d2e1961c2.js"><script src="../static.files/storage-118b08c4c78b968e.js"></script><script defer src="../crates.js"></script><script defer src="../static.files/main-20a3ad099b048cf2.js"></script><noscript><link rel="stylesheet" href="../static.files/noscript-df360f571f6edeae.css"></noscript></head>
<body class="rustdoc fn"><!--[if lte IE 11]><div class="warning">This old browser is unsupported and will most likely display funky things.</div><![endif]-->
<nav class="mobile-topbar"><button class="sidebar-menu-toggle" title="show sidebar"></button></nav>
<nav class="sidebar"><div class="sidebar-crate"><h2><a href="../{escape(crate)}/index.html">{escape(crate)}</a><span class="version">2.1.0</span></h2></div>
<div class="sidebar-elems"><section><ul class="block"><li><a id="all-types" href="all.html">All Items</a></li></ul><h3><a href="#sections">Sections</a></h3><ul class="block">{toc}</ul></section>
<h2><a href="index.html">In crate {escape(crate)}</a></h2><h3><a href="index.html#functions">Functions</a></h3><ul class="block fn">{nav}</ul></div></nav>
<div class="sidebar-resizer"></div>
<main><div class="width-limiter"><rustdoc-search></rustdoc-search>
<section id="main-content" class="content">
<div class="main-heading"><h1>Function <a href="index.html">{escape(crate)}</a>::<wbr><a class="fn" href="#">{escape(page.title)}</a><button id="copy-path" title="Copy item path to clipboard">Copy item path</button></h1><span class="out-of-band"><a class="src" href="../src/{escape(crate)}/lib.rs.html#10-42">source</a> · <button id="toggle-all-docs" title="collapse all docs">[<span>&#x2212;</span>]</button></span></div>
<pre class="rust item-decl"><code>pub fn {escape(function_name)}()</code></pre>
<details class="toggle top-doc" open><summary class="hideme"><span>Expand description</span></summary><div class="docblock">
{render_content(page, heading)}
</div></details>
</section></div></main>
</body></html>"""


def pydata(site, page):
    """pydata-sphinx-theme 0.15: header navbar with version switcher, section sidebar, and inside <main>:
    breadcrumbs, the article, prev/next, and the secondary sidebar (page TOC, Edit on GitHub, Show Source)."""

    def heading(h):
        return f'<section id="{h.anchor}"><h2>{escape(h.text)}<a class="headerlink" href="#{h.anchor}" title="Link to this heading">#</a></h2></section>'
    nav = join(site.nav, lambda link: f'<li class="toctree-l1"><a class="reference internal" href="{escape(link.href)}">{escape(link.title)}</a></li>')
    toc = join(page.headings, lambda h: f'<li class="toc-h2 nav-item toc-entry"><a class="reference internal nav-link" href="#{h.anchor}">{escape(h.text)}</a></li>')
    return f"""<!DOCTYPE html>
<html lang="en" data-content_root="./">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>{escape(page.title)} &#8212; {escape(site.name)} 2.1 documentation</title>
<link href="_static/styles/pydata-sphinx-theme.css?digest=dfe6caa3a7d634c4db9b" rel="stylesheet" />
</head>
<body data-bs-spy="scroll" data-bs-target=".bd-toc-nav" data-offset="180" data-bs-root-margin="0px 0px -60%" data-default-mode="">
<div id="pst-skip-link" class="skip-link d-print-none"><a href="#main-content">Skip to main content</a></div>
<div id="pst-scroll-pixel-helper"></div>
<button type="button" class="btn rounded-pill" id="pst-back-to-top"><i class="fa-solid fa-arrow-up"></i>Back to top</button>
<dialog id="pst-search-dialog"><form class="bd-search d-flex align-items-center" action="search.html" method="get"><i class="fa-solid fa-magnifying-glass"></i><input type="search" class="form-control" name="q" placeholder="Search the docs ..." aria-label="Search the docs ..." autocomplete="off"/><span class="search-button__kbd-shortcut"><kbd class="kbd-shortcut__modifier">Ctrl</kbd>+<kbd>K</kbd></span></form></dialog>
<div class="pst-async-banner-revealer d-none"><aside id="bd-header-version-warning" class="d-none d-print-none" aria-label="Version warning"></aside></div>
<header class="bd-header navbar navbar-expand-lg bd-navbar d-print-none"><div class="bd-header__inner bd-page-width"><div class="navbar-header-items__start"><div class="navbar-item"><a class="navbar-brand logo" href="index.html"><p class="title logo__title">{escape(site.name)}</p></a></div></div>
<div class="navbar-header-items"><div class="me-auto navbar-header-items__center"><div class="navbar-item"><nav><ul class="bd-navbar-elements navbar-nav"><li class="nav-item current active"><a class="nav-link nav-internal" href="user_guide.html">User Guide</a></li><li class="nav-item"><a class="nav-link nav-internal" href="reference.html">API reference</a></li></ul></nav></div></div>
<div class="navbar-header-items__end"><div class="navbar-item"><div class="version-switcher__container dropdown"><button id="pst-version-switcher-button-2" type="button" class="version-switcher__button btn btn-sm dropdown-toggle" data-bs-toggle="dropdown" aria-haspopup="listbox">2.1 (stable)</button></div></div></div></div></div></header>
<div class="bd-container"><div class="bd-container__inner bd-page-width">
<div class="bd-sidebar-primary bd-sidebar"><div class="sidebar-primary-items__start sidebar-primary__section"><div class="sidebar-primary-item"><nav class="bd-docs-nav bd-links" aria-label="Section Navigation"><p class="bd-links__title" role="heading" aria-level="1">Section Navigation</p><div class="bd-toc-item navbar-nav"><ul class="current nav bd-sidenav">{nav}</ul></div></nav></div></div></div>
<main id="main-content" class="bd-main" role="main">
<div class="bd-content">
<div class="bd-article-container">
<div class="bd-header-article d-print-none"><div class="header-article-items header-article__inner"><div class="header-article-items__start"><div class="header-article-item"><nav aria-label="Breadcrumb" class="d-print-none"><ul class="bd-breadcrumbs"><li class="breadcrumb-item breadcrumb-home"><a href="index.html" class="nav-link" aria-label="Home"><i class="fa-solid fa-home"></i></a></li><li class="breadcrumb-item active" aria-current="page">{escape(page.title)}</li></ul></nav></div></div></div></div>
<div id="searchbox"></div>
<article class="bd-article">
<section id="{page.anchor}">
<h1>{escape(page.title)}<a class="headerlink" href="#{page.anchor}" title="Link to this heading">#</a></h1>
{render_content(page, heading)}
</section>
</article>
<footer class="prev-next-footer d-print-none"><div class="prev-next-area"><a class="left-prev" href="{escape(page.prev.href)}" title="previous page"><i class="fa-solid fa-angle-left"></i><div class="prev-next-info"><p class="prev-next-subtitle">previous</p><p class="prev-next-title">{escape(page.prev.title)}</p></div></a><a class="right-next" href="{escape(page.next.href)}" title="next page"><div class="prev-next-info"><p class="prev-next-subtitle">next</p><p class="prev-next-title">{escape(page.next.title)}</p></div><i class="fa-solid fa-angle-right"></i></a></div></footer>
</div>
<div class="bd-sidebar-secondary bd-toc"><div class="sidebar-secondary-items sidebar-secondary__inner">
<div class="sidebar-secondary-item"><div id="pst-page-navigation-heading-2" class="page-toc tocsection onthispage"><i class="fa-solid fa-list"></i> On this page</div>
<nav class="bd-toc-nav page-toc" aria-labelledby="pst-page-navigation-heading-2"><ul class="visible nav section-nav flex-column">{toc}</ul></nav></div>
<div class="sidebar-secondary-item"><div class="tocsection editthispage"><a href="https://github.com/example/docs/edit/main/doc/source/{escape(page.id)}.rst"><i class="fa-solid fa-pencil"></i> Edit on GitHub</a></div></div>
<div class="sidebar-secondary-item"><div role="note" aria-label="source link"><h3>This Page</h3><ul class="this-page-menu"><li><a href="_sources/{escape(page.id)}.rst.txt" rel="nofollow">Show Source</a></li></ul></div></div>
</div></div>
</div>
<footer class="bd-footer-content"><div class="bd-footer-content__inner container"></div></footer>
</main>
</div></div>
<footer class="bd-footer"><div class="bd-footer__inner bd-page-width"><div class="footer-items__start"><div class="footer-item"><p class="copyright">&#169; Copyright 2024, {escape(site.name)} Developers.</p></div><div class="footer-item"><p class="sphinx-version">Created using <a href="https://www.sphinx-doc.org/">Sphinx</a> 7.3.7.</p></div></div></div></footer>
</body></html>"""


def mdbook(site, page):
    """mdBook 0.4: the chapter list in <nav id="sidebar" class="sidebar">, the #menu-bar (theme and search
    buttons, the book's title as <h1 class="menu-title">, print/git/edit icons), the hidden search bar, the
    chapter in <main> (each heading's text wrapped in <a class="header">), prev/next in <nav>s after it."""

    def heading(h):
        return f'<h2 id="{h.anchor}"><a class="header" href="#{h.anchor}">{escape(h.text)}</a></h2>'
    nav = join(enumerate(site.nav, 1), lambda il: f'<li class="chapter-item expanded "><a href="{escape(il[1].href)}"><strong aria-hidden="true">{il[0]}.</strong> {escape(il[1].title)}</a></li>')
    return f"""<!DOCTYPE HTML>
<html lang="en" class="light sidebar-visible" dir="ltr">
<head><meta charset="UTF-8">
<title>{escape(page.title)} - {escape(site.name)}</title>
<meta name="description" content=""><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="theme-color" content="#ffffff">
<link rel="icon" href="favicon.svg"><link rel="stylesheet" href="css/variables.css"><link rel="stylesheet" href="css/general.css"><link rel="stylesheet" href="css/chrome.css">
<script>var path_to_root = ""; var default_theme = window.matchMedia("(prefers-color-scheme: dark)").matches ? "navy" : "light";</script>
</head>
<body>
<div id="body-container">
<script>try {{ var theme = localStorage.getItem('mdbook-theme'); }} catch(e) {{ }}</script>
<input type="checkbox" id="sidebar-toggle-anchor" class="hidden">
<script>var sidebar = null; var sidebar_toggle = document.getElementById("sidebar-toggle-anchor");</script>
<nav id="sidebar" class="sidebar" aria-label="Table of contents">
  <div class="sidebar-scrollbox"><ol class="chapter">{nav}</ol></div>
  <div id="sidebar-resize-handle" class="sidebar-resize-handle"><div class="sidebar-resize-indicator"></div></div>
</nav>
<div id="page-wrapper" class="page-wrapper">
  <div class="page">
    <div id="menu-bar-hover-placeholder"></div>
    <div id="menu-bar" class="menu-bar sticky">
      <div class="left-buttons">
        <label id="sidebar-toggle" class="icon-button" for="sidebar-toggle-anchor" title="Toggle Table of Contents" aria-label="Toggle Table of Contents" aria-controls="sidebar"><i class="fa fa-bars"></i></label>
        <button id="theme-toggle" class="icon-button" type="button" title="Change theme" aria-label="Change theme" aria-haspopup="true" aria-expanded="false" aria-controls="theme-list"><i class="fa fa-paint-brush"></i></button>
        <ul id="theme-list" class="theme-popup" aria-label="Themes" role="menu">
          <li role="none"><button role="menuitem" class="theme" id="light">Light</button></li>
          <li role="none"><button role="menuitem" class="theme" id="rust">Rust</button></li>
          <li role="none"><button role="menuitem" class="theme" id="coal">Coal</button></li>
          <li role="none"><button role="menuitem" class="theme" id="navy">Navy</button></li>
          <li role="none"><button role="menuitem" class="theme" id="ayu">Ayu</button></li>
        </ul>
        <button id="search-toggle" class="icon-button" type="button" title="Search. (Shortkey: s)" aria-label="Toggle Searchbar" aria-expanded="false" aria-keyshortcuts="S" aria-controls="searchbar"><i class="fa fa-search"></i></button>
      </div>
      <h1 class="menu-title">{escape(site.name)}</h1>
      <div class="right-buttons">
        <a href="print.html" title="Print this book" aria-label="Print this book"><i id="print-button" class="fa fa-print"></i></a>
        <a href="https://github.com/example/docs" title="Git repository" aria-label="Git repository"><i id="git-repository-button" class="fa fa-github"></i></a>
        <a href="https://github.com/example/docs/edit/main/src/{escape(page.id)}.md" title="Suggest an edit" aria-label="Suggest an edit"><i id="git-edit-button" class="fa fa-edit"></i></a>
      </div>
    </div>
    <div id="search-wrapper" class="hidden">
      <form id="searchbar-outer" class="searchbar-outer">
        <input type="search" id="searchbar" name="searchbar" placeholder="Search this book ..." aria-controls="searchresults-outer" aria-describedby="searchresults-header">
      </form>
      <div id="searchresults-outer" class="searchresults-outer hidden">
        <div id="searchresults-header" class="searchresults-header"></div>
        <ul id="searchresults"></ul>
      </div>
    </div>
    <script>document.getElementById('sidebar-toggle').setAttribute('aria-expanded', sidebar === 'visible');</script>
    <div id="content" class="content">
      <main>
        <h1 id="{page.anchor}"><a class="header" href="#{page.anchor}">{escape(page.title)}</a></h1>
{render_content(page, heading)}
      </main>
      <nav class="nav-wrapper" aria-label="Page navigation">
        <a rel="prev" href="{escape(page.prev.href)}" class="mobile-nav-chapters previous" title="Previous chapter" aria-label="Previous chapter" aria-keyshortcuts="Left"><i class="fa fa-angle-left"></i></a>
        <a rel="next prefetch" href="{escape(page.next.href)}" class="mobile-nav-chapters next" title="Next chapter" aria-label="Next chapter" aria-keyshortcuts="Right"><i class="fa fa-angle-right"></i></a>
        <div style="clear: both"></div>
      </nav>
    </div>
  </div>
  <nav class="nav-wide-wrapper" aria-label="Page navigation">
    <a rel="prev" href="{escape(page.prev.href)}" class="nav-chapters previous" title="Previous chapter" aria-label="Previous chapter" aria-keyshortcuts="Left"><i class="fa fa-angle-left"></i></a>
    <a rel="next prefetch" href="{escape(page.next.href)}" class="nav-chapters next" title="Next chapter" aria-label="Next chapter" aria-keyshortcuts="Right"><i class="fa fa-angle-right"></i></a>
  </nav>
</div>
<script src="elasticlunr.min.js"></script><script src="mark.min.js"></script><script src="searcher.js"></script>
<script src="clipboard.min.js"></script><script src="highlight.js"></script><script src="book.js"></script>
</div>
</body>
</html>"""


def vitepress(site, page):
    """VitePress 1: the VPNav bar (title, DocSearch button, menu, appearance switch, social links), the
    VPLocalNav, the VPSidebar <aside>, and in .VPDoc the aside outline ("On this page"), <main class="main">
    with the .vp-doc text (headings with a zero-width header-anchor), then the VPDocFooter (edit link, last
    updated, prev/next) and the VPFooter."""

    def heading(h):
        return f'<h2 id="{h.anchor}" tabindex="-1">{escape(h.text)} <a class="header-anchor" href="#{h.anchor}" aria-label="Permalink to &quot;{escape(h.text)}&quot;">&#8203;</a></h2>'
    nav = join(site.nav, lambda link: f'<div class="VPSidebarItem level-1 is-link"><div class="item"><div class="indicator"></div><a class="VPLink link link" href="/{escape(link.id)}"><p class="text">{escape(link.title)}</p></a></div></div>')
    toc = join(page.headings, lambda h: f'<li><a class="outline-link" href="#{h.anchor}" title="{escape(h.text)}">{escape(h.text)}</a></li>')
    return f"""<!DOCTYPE html>
<html lang="en-US" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(page.title)} | {escape(site.name)}</title>
<meta name="description" content="{escape(site.name)} documentation"><meta name="generator" content="VitePress v1.3.1">
<link rel="preload stylesheet" href="/assets/style.BqBzJ1Zh.css" as="style">
<script type="module" src="/assets/app.DIlNkaLy.js"></script>
<script id="check-dark-mode">(()=>{{const e=localStorage.getItem("vitepress-theme-appearance")||"auto";}})();</script>
</head>
<body>
<div id="app"><div class="Layout" data-v-5d98c3a5><!--[--><!--]--><!--[--><span tabindex="-1" data-v-0f60ec36></span><a href="#VPContent" class="VPSkipLink visually-hidden" data-v-0f60ec36> Skip to content </a><!--]-->
<!---->
<header class="VPNav" data-v-5d98c3a5 data-v-ae24b3ad><div class="VPNavBar has-sidebar top" data-v-ae24b3ad><div class="wrapper"><div class="container"><div class="title"><div class="VPNavBarTitle has-sidebar"><a class="title" href="/"><span>{escape(site.name)}</span></a></div></div>
<div class="content"><div class="content-body"><div class="VPNavBarSearch search"><div id="docsearch"><button type="button" class="DocSearch DocSearch-Button" aria-label="Search"><span class="DocSearch-Button-Container"><span class="vp-icon DocSearch-Search-Icon"></span><span class="DocSearch-Button-Placeholder">Search</span></span><span class="DocSearch-Button-Keys"><kbd class="DocSearch-Button-Key"></kbd><kbd class="DocSearch-Button-Key">K</kbd></span></button></div></div>
<nav aria-labelledby="main-nav-aria-label" class="VPNavBarMenu menu"><span id="main-nav-aria-label" class="visually-hidden">Main Navigation</span><a class="VPLink link VPNavBarMenuLink active" href="/guide/"><span>Guide</span></a><a class="VPLink link VPNavBarMenuLink" href="/reference/"><span>Reference</span></a></nav>
<div class="VPFlyout VPNavBarTranslations translations"><button type="button" class="button" aria-haspopup="true" aria-expanded="false" aria-label="Change language"><span class="text"><span class="vpi-languages option-icon"></span><span class="vpi-chevron-down text-icon"></span></span></button><div class="menu"><div class="VPMenu"><div class="items"><p class="title">English</p></div></div></div></div>
<div class="VPNavBarAppearance appearance"><button class="VPSwitch VPSwitchAppearance" type="button" role="switch" title="Switch to dark theme" aria-checked="false"><span class="check"><span class="icon"><span class="vpi-sun sun"></span><span class="vpi-moon moon"></span></span></span></button></div>
<div class="VPSocialLinks VPNavBarSocialLinks social-links"><a class="VPSocialLink no-icon" href="https://github.com/example/docs" aria-label="github" target="_blank" rel="noopener"><span class="vpi-social-github"></span></a></div>
<div class="VPFlyout VPNavBarExtra extra"><button type="button" class="button" aria-haspopup="true" aria-expanded="false" aria-label="extra navigation"><span class="vpi-more-horizontal icon"></span></button></div>
<button type="button" class="VPNavBarHamburger hamburger" aria-label="mobile navigation" aria-expanded="false" aria-controls="VPNavScreen"><span class="container"><span class="top"></span><span class="middle"></span><span class="bottom"></span></span></button></div></div></div></div><div class="divider"><div class="divider-line"></div></div></div><!----></header>
<div class="VPLocalNav has-sidebar empty" data-v-5d98c3a5><div class="container"><button class="menu" aria-expanded="false" aria-controls="VPSidebarNav"><span class="vpi-align-left menu-icon"></span><span class="menu-text">Menu</span></button><div class="VPLocalNavOutlineDropdown" style="--vp-vh:0px;"><button>Return to top</button></div></div></div>
<aside class="VPSidebar" data-v-5d98c3a5><div class="curtain"></div><nav class="nav" id="VPSidebarNav" aria-labelledby="sidebar-aria-label" tabindex="-1"><span class="visually-hidden" id="sidebar-aria-label">Sidebar Navigation</span><!--[--><!--]--><!--[--><div class="no-transition group"><section class="VPSidebarItem level-0 has-active"><div class="item" role="button" tabindex="0"><div class="indicator"></div><h2 class="text">Documentation</h2></div><div class="items">{nav}</div></section></div><!--]--><!--[--><!--]--></nav></aside>
<div class="VPContent has-sidebar" id="VPContent" data-v-5d98c3a5><div class="VPDoc has-sidebar has-aside" data-v-1e38a1da><!--[--><!--]--><div class="container"><div class="aside"><div class="aside-curtain"></div><div class="aside-container"><div class="aside-content"><div class="VPDocAside"><!--[--><!--]--><!--[--><!--]--><nav aria-labelledby="doc-outline-aria-label" class="VPDocAsideOutline has-outline"><div class="content"><div class="outline-marker"></div><div class="outline-title" role="heading" aria-level="2" id="doc-outline-aria-label">On this page</div><ul class="VPDocOutlineItem root">{toc}</ul></div></nav><!--[--><!--]--><div class="spacer"></div><!--[--><!--]--><!----><!--[--><!--]--><!--[--><!--]--></div></div></div></div>
<div class="content"><div class="content-container"><!--[--><!--]--><main class="main"><div style="position:relative;" class="vp-doc _{escape(page.id.replace('/', '_'))}"><div>
<h1 id="{page.anchor}" tabindex="-1">{escape(page.title)} <a class="header-anchor" href="#{page.anchor}" aria-label="Permalink to &quot;{escape(page.title)}&quot;">&#8203;</a></h1>
{render_content(page, heading)}
</div></div></main>
<footer class="VPDocFooter"><!--[--><!--]--><div class="edit-info"><div class="edit-link"><a class="VPLink link vp-external-link-icon no-icon edit-link-button" href="https://github.com/example/docs/edit/main/docs/{escape(page.id)}.md" target="_blank" rel="noreferrer"><span class="vpi-square-pen edit-link-icon"></span> Edit this page on GitHub</a></div><div class="last-updated"><p class="VPLastUpdated">Last updated: <time datetime="2024-06-03T10:00:00.000Z">6/3/24, 10:00 AM</time></p></div></div>
<nav class="prev-next" aria-labelledby="doc-footer-aria-label"><span class="visually-hidden" id="doc-footer-aria-label">Pager</span><div class="pager"><a class="VPLink link pager-link prev" href="/{escape(page.prev.id)}"><span class="desc">Previous page</span><span class="title">{escape(page.prev.title)}</span></a></div><div class="pager"><a class="VPLink link pager-link next" href="/{escape(page.next.id)}"><span class="desc">Next page</span><span class="title">{escape(page.next.title)}</span></a></div></nav></footer>
<!--[--><!--]--></div></div></div><!--[--><!--]--><!--[--><!--]--></div></div>
<footer class="VPFooter has-sidebar"><div class="container"><p class="message">Released under the MIT License.</p><p class="copyright">Copyright © 2024 {escape(site.name)} contributors</p></div></footer>
<!--[--><!--]--></div></div>
<script>window.__VP_HASH_MAP__=JSON.parse("{{}}");</script>
</body>
</html>"""


def docsy(site, page):
    """Hugo with Docsy 0.10: the <header> navbar (brand, menu, version and language dropdowns, search), the
    td-sidebar <aside> (search form, section nav), the td-sidebar-toc <aside> (page-meta links: view source,
    edit, create issue, print; the page TOC), and <main role="main" class="col-..."> holding the breadcrumb
    <nav>, the td-content with the page, the feedback widget and the last-modified line; the footer."""

    def heading(h):
        return f'<h2 id="{h.anchor}">{escape(h.text)}</h2>'
    nav = join(site.nav, lambda link: f'<li class="td-sidebar-nav__section-title td-sidebar-nav__section without-child"><a href="/docs/{escape(link.id)}/" class="align-left ps-0 td-sidebar-link td-sidebar-link__page" id="m-docs{escape(link.id.replace("/", "-"))}"><span>{escape(link.title)}</span></a></li>')
    toc = join(page.headings, lambda h: f'<li><a href="#{h.anchor}">{escape(h.text)}</a></li>')
    return f"""<!doctype html>
<html itemscope itemtype="http://schema.org/WebPage" lang="en" class="no-js">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no"><meta name="generator" content="Hugo 0.125.4">
<meta name="robots" content="index, follow">
<title>{escape(page.title)} | {escape(site.name)}</title>
<meta name="description" content=""><meta property="og:title" content="{escape(page.title)}">
<link rel="preload" href="/scss/main.min.css" as="style"><link href="/scss/main.min.css" rel="stylesheet">
<script src="https://code.jquery.com/jquery-3.7.1.min.js" crossorigin="anonymous"></script>
</head>
<body class="td-page">
<header>
<nav class="td-navbar js-navbar-scroll" data-bs-theme="dark">
<div class="container-fluid flex-column flex-md-row">
<a class="navbar-brand" href="/"><span class="navbar-brand__logo navbar-logo"></span><span class="navbar-brand__name">{escape(site.name)}</span></a>
<div class="td-navbar-nav-scroll ms-md-auto" id="main_navbar">
<ul class="navbar-nav">
<li class="nav-item"><a class="nav-link" href="/about/"><span>About</span></a></li>
<li class="nav-item"><a class="nav-link active" href="/docs/"><span>Documentation</span></a></li>
<li class="nav-item"><a class="nav-link" href="/blog/"><span>Blog</span></a></li>
<li class="nav-item"><a class="nav-link" href="/community/"><span>Community</span></a></li>
<li class="nav-item dropdown d-none d-lg-block"><div class="dropdown"><a class="nav-link dropdown-toggle" href="#" role="button" data-bs-toggle="dropdown" aria-haspopup="true" aria-expanded="false">Releases</a><ul class="dropdown-menu"><li><a class="dropdown-item" href="/docs/">v2.1</a></li><li><a class="dropdown-item" href="/v2.0/docs/">v2.0</a></li></ul></div></li>
<li class="nav-item dropdown d-none d-lg-block"><div class="dropdown"><a class="nav-link dropdown-toggle" href="#" role="button" data-bs-toggle="dropdown" aria-haspopup="true" aria-expanded="false">English</a><ul class="dropdown-menu"><li><a class="dropdown-item" href="/fr/">Français</a></li></ul></div></li>
</ul>
</div>
<div class="d-none d-lg-block"><div class="td-search td-search--offline"><div class="td-search__icon"></div><input type="search" class="td-search__input form-control" placeholder="Search this site…" aria-label="Search this site…" autocomplete="off" data-offline-search-index-json-src="/offline-search-index.json" data-offline-search-base-href="/" data-offline-search-max-results="10"></div></div>
</div>
</nav>
</header>
<div class="container-fluid td-outer">
<div class="td-main">
<div class="row flex-xl-nowrap">
<aside class="col-12 col-md-3 col-xl-2 td-sidebar d-print-none">
<div id="td-sidebar-menu" class="td-sidebar__inner">
  <form class="td-sidebar__search d-flex align-items-center">
    <div class="td-search td-search--offline"><div class="td-search__icon"></div><input type="search" class="td-search__input form-control" placeholder="Search this site…" aria-label="Search this site…" autocomplete="off"></div>
    <button class="btn btn-link td-sidebar__toggle d-md-none p-0 ms-3 fas fa-bars" type="button" data-bs-toggle="collapse" data-bs-target="#td-section-nav" aria-controls="td-section-nav" aria-expanded="false" aria-label="Toggle section navigation"></button>
  </form>
  <nav class="td-sidebar-nav collapse foldable-nav" id="td-section-nav">
    <ul class="td-sidebar-nav__section pe-md-3 ul-0"><li class="td-sidebar-nav__section-title td-sidebar-nav__section with-child active-path" id="m-docs-li"><a href="/docs/" class="align-left ps-0 td-sidebar-link td-sidebar-link__section tree-root" id="m-docs"><span>Documentation</span></a>
    <ul class="ul-1">{nav}</ul></li></ul>
  </nav>
</div>
</aside>
<aside class="d-none d-xl-block col-xl-2 td-sidebar-toc d-print-none">
<div class="td-page-meta ms-2 pb-1 pt-2 mb-0">
<a href="https://github.com/example/docs/tree/main/content/en/docs/{escape(page.id)}.md" class="td-page-meta--view" target="_blank" rel="noopener"><i class="fa-solid fa-file-lines fa-fw"></i> View page source</a>
<a href="https://github.com/example/docs/edit/main/content/en/docs/{escape(page.id)}.md" class="td-page-meta--edit" target="_blank" rel="noopener"><i class="fa-solid fa-pen-to-square fa-fw"></i> Edit this page</a>
<a href="https://github.com/example/docs/new/main/content/en/docs/{escape(page.id)}.md?filename=change-me.md" class="td-page-meta--child" target="_blank" rel="noopener"><i class="fa-solid fa-pen-to-square fa-fw"></i> Create child page</a>
<a href="https://github.com/example/docs/issues/new?title={escape(page.title)}" class="td-page-meta--issue" target="_blank" rel="noopener"><i class="fa-solid fa-list-check fa-fw"></i> Create documentation issue</a>
<a id="print" href="/docs/_print/"><i class="fa-solid fa-print fa-fw"></i> Print entire section</a>
</div>
<div class="td-toc"><nav id="TableOfContents"><ul>{toc}</ul></nav></div>
</aside>
<main class="col-12 col-md-9 col-xl-8 ps-md-5" role="main">
<nav aria-label="breadcrumb" class="td-breadcrumbs"><ol class="breadcrumb"><li class="breadcrumb-item"><a href="/docs/">Documentation</a></li><li class="breadcrumb-item active"><a href="/docs/{escape(page.id)}/" aria-label="breadcrumb-item active" aria-current="page">{escape(page.title)}</a></li></ol></nav>
<div class="td-content">
<h1>{escape(page.title)}</h1>
<header class="article-meta"></header>
{render_content(page, heading)}
<div class="d-print-none">
<h2 class="feedback--title">Feedback</h2>
<p class="feedback--question">Was this page helpful?</p>
<button class="btn btn-primary mb-4 feedback--answer feedback--answer-yes">Yes</button>
<button class="btn btn-primary mb-4 feedback--answer feedback--answer-no">No</button>
<p class="feedback--response feedback--response-yes">Glad to hear it! Please <a href="https://github.com/example/docs/issues/new">tell us how we can improve</a>.</p>
<p class="feedback--response feedback--response-no">Sorry to hear that. Please <a href="https://github.com/example/docs/issues/new">tell us how we can improve</a>.</p>
</div>
<script>const yesButton = document.querySelector('.feedback--answer-yes');</script>
<br>
<div class="td-page-meta__lastmod">Last modified June 3, 2024: <a href="https://github.com/example/docs/commit/3f2a1c9">Update docs (3f2a1c9)</a></div>
</div>
</main>
</div>
</div>
<footer class="td-footer row d-print-none">
<div class="container-fluid">
<div class="row mx-md-2">
<div class="td-footer__left col-6 col-sm-4 order-sm-1"><ul class="td-footer__links-list"><li class="td-footer__links-item" data-bs-toggle="tooltip" title="Mailing list" aria-label="Mailing list"><a target="_blank" rel="noopener" href="https://example.org/mail" aria-label="Mailing list"><i class="fa fa-envelope"></i></a></li></ul></div>
<div class="td-footer__center col-12 col-sm-4 py-2 order-sm-2"><span class="td-footer__copyright">&copy; 2024 <span class="td-footer__authors">The {escape(site.name)} Authors</span> All Rights Reserved</span><span class="td-footer__all_rights_reserved">All Rights Reserved</span><span class="ms-2"><a href="https://policies.google.com/privacy" target="_blank" rel="noopener">Privacy Policy</a></span></div>
</div>
</div>
</footer>
</div>
<script src="/js/main.min.js" crossorigin="anonymous"></script>
</body>
</html>"""


def just_the_docs(site, page):
    """Jekyll with Just the Docs 0.8: the .side-bar div (site header role="banner", site nav, footer), the
    .main div with its header (search input, aux nav), the breadcrumb <nav>, #main-content with <main>
    (headings with an SVG anchor before their text), the page's footer (back to top, edit link), the search
    overlay."""

    def heading(h):
        return f'<h2 id="{h.anchor}"><a href="#{h.anchor}" class="anchor-heading" aria-labelledby="{h.anchor}"><svg viewBox="0 0 16 16" aria-hidden="true"><use xlink:href="#svg-link"></use></svg></a> {escape(h.text)}</h2>'
    nav = join(site.nav, lambda link: f'<li class="nav-list-item"><a href="/{escape(link.id)}/" class="nav-list-link">{escape(link.title)}</a></li>')
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head><meta charset="UTF-8"><meta http-equiv="X-UA-Compatible" content="IE=Edge">
<link rel="stylesheet" href="/assets/css/just-the-docs-default.css">
<script src="/assets/js/vendor/lunr.min.js"></script><script src="/assets/js/just-the-docs.js"></script>
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(page.title)} | {escape(site.name)}</title>
<meta name="generator" content="Jekyll v4.3.3"><meta property="og:title" content="{escape(page.title)}">
</head>
<body>
<a class="skip-to-main" href="#main-content">Skip to main content</a>
<svg xmlns="http://www.w3.org/2000/svg" class="d-none"><symbol id="svg-link" viewBox="0 0 24 24"><title>Link</title><g><path d="M10 13a5"></path></g></symbol><symbol id="svg-menu" viewBox="0 0 24 24"><title>Menu</title><path d="M3 12h18"></path></symbol></svg>
<div class="side-bar">
  <div class="site-header" role="banner">
    <a href="/" class="site-title lh-tight">{escape(site.name)}</a>
    <button id="menu-button" class="site-button btn-reset" aria-label="Toggle menu" aria-pressed="false"><svg viewBox="0 0 24 24" class="icon" aria-hidden="true"><use xlink:href="#svg-menu"></use></svg></button>
  </div>
  <nav aria-label="Main" id="site-nav" class="site-nav">
    <ul class="nav-list">{nav}</ul>
  </nav>
  <footer class="site-footer">This site uses <a href="https://github.com/just-the-docs/just-the-docs">Just the Docs</a>, a documentation theme for Jekyll.</footer>
</div>
<div class="main" id="top">
  <div id="main-header" class="main-header">
    <div class="search" role="search">
      <div class="search-input-wrap">
        <input type="text" id="search-input" class="search-input" tabindex="0" placeholder="Search {escape(site.name)}" aria-label="Search {escape(site.name)}" autocomplete="off">
        <label for="search-input" class="search-label"><svg viewBox="0 0 24 24" class="search-icon"><use xlink:href="#svg-search"></use></svg></label>
      </div>
      <div id="search-results" class="search-results"></div>
    </div>
    <nav aria-label="Auxiliary" class="aux-nav">
      <ul class="aux-nav-list"><li class="aux-nav-list-item"><a href="https://github.com/example/docs" class="site-button">{escape(site.name)} on GitHub</a></li></ul>
    </nav>
  </div>
  <div class="main-content-wrap">
    <nav aria-label="Breadcrumb" class="breadcrumb-nav">
      <ol class="breadcrumb-nav-list"><li class="breadcrumb-nav-list-item"><a href="/docs/">Documentation</a></li><li class="breadcrumb-nav-list-item"><span>{escape(page.title)}</span></li></ol>
    </nav>
    <div id="main-content" class="main-content">
      <main>
        <h1 id="{page.anchor}"><a href="#{page.anchor}" class="anchor-heading" aria-labelledby="{page.anchor}"><svg viewBox="0 0 16 16" aria-hidden="true"><use xlink:href="#svg-link"></use></svg></a> {escape(page.title)}</h1>
{render_content(page, heading)}
      </main>
      <hr>
      <footer>
        <p><a href="#top" id="back-to-top">Back to top</a></p>
        <p class="text-small text-grey-dk-100 mb-0">Copyright &copy; 2024 {escape(site.name)} contributors. Distributed under an MIT license.</p>
        <div class="d-flex mt-2"><p class="text-small text-grey-dk-000 mb-0"><a href="https://github.com/example/docs/tree/main/docs/{escape(page.id)}.md" id="edit-this-page">Edit this page on GitHub</a></p></div>
      </footer>
    </div>
  </div>
  <div class="search-overlay"></div>
</div>
</body>
</html>"""


def starlight(site, page):
    """Astro Starlight 0.34: the <header> (site title, search button and dialog, social icons, theme and
    language selects), the sidebar <nav aria-label="Main">, the right sidebar <aside> ("On this page", mobile
    and desktop), <main> with the <h1 id="_top"> in its own panel, the markdown (each heading wrapped with an
    anchor link after it, "Section titled ..."), and a <footer> inside <main>: "Edit page", last updated,
    pagination links."""

    def heading(h):
        return (f'<div class="sl-heading-wrapper level-h2"><h2 id="{h.anchor}">{escape(h.text)}</h2>'
                f'<a class="sl-anchor-link" href="#{h.anchor}"><span aria-hidden="true" class="sl-anchor-icon"><svg width="16" height="16" viewBox="0 0 24 24"><path fill="currentcolor" d="m12.11 15.39-3.88 3.88"></path></svg></span>'
                f'<span class="sr-only">Section titled “{escape(h.text)}”</span></a></div>')
    nav = join(site.nav, lambda link: f'<li><a href="/{escape(link.id)}/" class="large"><span>{escape(link.title)}</span></a></li>')
    toc = join(page.headings, lambda h: f'<li><a href="#{h.anchor}"><span>{escape(h.text)}</span></a></li>')
    toc = f'<li><a href="#_top"><span>Overview</span></a></li>{toc}'
    return f"""<!DOCTYPE html><html lang="en" dir="ltr" data-has-toc data-has-sidebar data-theme="dark"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(page.title)} | {escape(site.name)}</title><link rel="canonical" href="https://docs.example.org/{escape(page.id)}/"><meta name="generator" content="Astro v4.15.4"><meta name="generator" content="Starlight v0.34.1"><meta property="og:title" content="{escape(page.title)}"><script>window.StarlightThemeProvider = (() => {{ const storedTheme = localStorage.getItem('starlight-theme'); }})();</script><link rel="stylesheet" href="/_astro/print.BJhlPkP5.css"></head>
<body><a href="#_top" class="sl-skip-link">Skip to content</a>
<div class="page sl-flex"><header class="header"><div class="header sl-flex"><div class="title-wrapper sl-flex"><a href="/" class="site-title sl-flex"><span class="">{escape(site.name)}</span></a></div>
<div class="sl-flex print:hidden"><site-search class="" data-translations="{{}}"><button data-open-modal disabled aria-label="Search" aria-keyshortcuts="Control+K" class="sl-flex"><svg aria-hidden="true" class="astro-c6vsoqas" width="16" height="16" viewBox="0 0 24 24"><path d="M21.71 20.29 18 16.61"></path></svg><span class="sl-hidden md:sl-block" aria-hidden="true">Search</span><kbd class="sl-hidden md:sl-flex" style="display: none;"><kbd>Ctrl</kbd><kbd>K</kbd></kbd></button><dialog style="padding:0" aria-label="Search"><div class="dialog-frame sl-flex"><button data-close-modal class="sl-flex md:sl-hidden">Cancel</button><div class="search-container"><div id="starlight__search"></div></div></div></dialog></site-search></div>
<div class="sl-hidden md:sl-flex print:hidden right-group"><div class="sl-flex social-icons"><a href="https://github.com/example/docs" rel="me" class="sl-flex"><span class="sr-only">GitHub</span><svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24"><path d="M12 .3a12"></path></svg></a></div>
<starlight-theme-select><label style="--sl-select-width: 6.25em"><span class="sr-only">Select theme</span><svg aria-hidden="true" class="icon label-icon" width="16" height="16" viewBox="0 0 24 24"><path d="M21 14h-1V7"></path></svg><select autocomplete="off"><option value="dark">Dark</option><option value="light">Light</option><option value="auto" selected>Auto</option></select><svg aria-hidden="true" class="icon caret" width="16" height="16" viewBox="0 0 24 24"><path d="M17 9.17a1"></path></svg></label></starlight-theme-select>
<starlight-lang-select><label style="--sl-select-width: 7.5em"><span class="sr-only">Select language</span><select autocomplete="off"><option value="/{escape(page.id)}/" selected>English</option><option value="/fr/{escape(page.id)}/">Français</option></select></label></starlight-lang-select></div></div></header>
<nav class="sidebar print:hidden" aria-label="Main"><starlight-menu-button class="print:hidden"><button aria-expanded="false" aria-label="Menu" aria-controls="starlight__sidebar" class="sl-flex md:sl-hidden"><svg aria-hidden="true" class="open-menu" width="16" height="16" viewBox="0 0 24 24"><path d="M3 8h18"></path></svg></button></starlight-menu-button>
<div id="starlight__sidebar" class="sidebar-pane"><div class="sidebar-content sl-flex"><sl-sidebar-state-persist data-hash="1rxk8mo"><ul class="top-level"><li><details open><summary><div class="group-label"><span class="large">Documentation</span></div></summary><ul>{nav}</ul></details></li></ul></sl-sidebar-state-persist>
<div class="md:sl-hidden"><div class="mobile-preferences sl-flex"><div class="sl-flex social-icons"><a href="https://github.com/example/docs" rel="me" class="sl-flex"><span class="sr-only">GitHub</span></a></div><starlight-theme-select><label><span class="sr-only">Select theme</span><select autocomplete="off"><option value="dark">Dark</option><option value="light">Light</option><option value="auto" selected>Auto</option></select></label></starlight-theme-select></div></div></div></div></nav>
<div class="main-frame"><div class="lg:sl-flex"><aside class="right-sidebar-container print:hidden"><div class="right-sidebar"><div class="lg:sl-hidden"><mobile-starlight-toc data-min-h="2" data-max-h="3"><nav aria-labelledby="starlight__on-this-page"><details id="starlight__mobile-toc"><summary id="starlight__on-this-page" class="sl-flex"><div class="toggle sl-flex">On this page<svg aria-hidden="true" class="caret" width="16" height="16" viewBox="0 0 24 24"><path d="m14.83 11.29-4.24"></path></svg></div><span class="display-current"></span></summary><div class="dropdown"><ul class="isMobile">{toc}</ul></div></details></nav></mobile-starlight-toc></div>
<div class="right-sidebar-panel sl-hidden lg:sl-block"><div class="sl-container"><starlight-toc data-min-h="2" data-max-h="3"><nav aria-labelledby="starlight__on-this-page"><h2 id="starlight__on-this-page">On this page</h2><ul>{toc}</ul></nav></starlight-toc></div></div></div></aside>
<div class="main-pane"><main data-pagefind-body lang="en" dir="ltr"><div class="content-panel"><div class="sl-container"><h1 id="_top">{escape(page.title)}</h1></div></div>
<div class="content-panel"><div class="sl-container"><div class="sl-markdown-content">{render_content(page, heading)}</div>
<footer class="sl-flex"><div class="meta sl-flex"><a href="https://github.com/example/docs/edit/main/docs/src/content/docs/{escape(page.id)}.mdx" class="sl-flex print:hidden"><svg aria-hidden="true" class="icon" width="16" height="16" viewBox="0 0 24 24"><path d="M22 7.24a1"></path></svg>Edit page</a><p>Last updated: <time datetime="2024-06-03T10:00:00.000Z">Jun 3, 2024</time></p></div>
<div class="pagination-links print:hidden" dir="ltr"><a href="/{escape(page.prev.id)}/" rel="prev"><svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24"><path d="M17 11H9.41"></path></svg><span>Previous<br><span class="link-title">{escape(page.prev.title)}</span></span></a><a href="/{escape(page.next.id)}/" rel="next"><svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24"><path d="M17.92 11.62"></path></svg><span>Next<br><span class="link-title">{escape(page.next.title)}</span></span></a></div></footer></div></div></main></div></div></div></div>
<script type="module" src="/_astro/page.7qqag-5g.js"></script></body></html>"""


def javadoc(site, page):
    """Javadoc 17, the page of a class: the <header role="banner"> with the navigation bar (Package, Class,
    Use, Tree, Deprecated, Index, Help; the summary and detail links, the search input), <main role="main">
    with the package line before <h1 title="Class X" class="title">Class X</h1>, the inheritance tree, the
    class signature, the description in a div.block, the footer's legal line."""

    def heading(h):
        return f'<section class="detail" id="{h.anchor}"><h2>{escape(h.text)}</h2></section>'
    package = site.name.lower().replace(" ", ".")
    name = escape(page.title)
    return f"""<!DOCTYPE HTML>
<html lang="en">
<head>
<!-- Generated by javadoc (17) on Mon Jun 03 10:00:00 UTC 2024 -->
<title>{name} ({escape(site.name)} 2.1 API)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="dc.created" content="2024-06-03">
<meta name="description" content="declaration: package: {escape(package)}, class: {name}">
<meta name="generator" content="javadoc/ClassWriterImpl">
<link rel="stylesheet" type="text/css" href="../../stylesheet.css" title="Style">
<link rel="stylesheet" type="text/css" href="../../script-dir/jquery-ui.min.css" title="Style">
<script type="text/javascript" src="../../script.js"></script>
<script type="text/javascript" src="../../script-dir/jquery-3.6.0.min.js"></script>
</head>
<body class="class-declaration-page">
<script type="text/javascript">var evenRowColor = "even-row-color"; loadScripts(document, 'script');</script>
<noscript>
<div>JavaScript is disabled on your browser.</div>
</noscript>
<div class="flex-box">
<header role="banner" class="flex-header">
<nav role="navigation">
<!-- ========= START OF TOP NAVBAR ======= -->
<div class="top-nav" id="navbar-top">
<div class="skip-nav"><a href="#skip-navbar-top" title="Skip navigation links">Skip navigation links</a></div>
<ul id="navbar-top-firstrow" class="nav-list" title="Navigation">
<li><a href="package-summary.html">Package</a></li>
<li class="nav-bar-cell1-rev">Class</li>
<li><a href="class-use/{name}.html">Use</a></li>
<li><a href="package-tree.html">Tree</a></li>
<li><a href="../../deprecated-list.html">Deprecated</a></li>
<li><a href="../../index-all.html">Index</a></li>
<li><a href="../../help-doc.html#class">Help</a></li>
</ul>
</div>
<div class="sub-nav">
<div>
<ul class="sub-nav-list">
<li>Summary:&nbsp;</li>
<li>Nested&nbsp;|&nbsp;</li>
<li>Field&nbsp;|&nbsp;</li>
<li><a href="#constructor-summary">Constr</a>&nbsp;|&nbsp;</li>
<li><a href="#method-summary">Method</a></li>
</ul>
<ul class="sub-nav-list">
<li>Detail:&nbsp;</li>
<li>Field&nbsp;|&nbsp;</li>
<li><a href="#constructor-detail">Constr</a>&nbsp;|&nbsp;</li>
<li><a href="#method-detail">Method</a></li>
</ul>
</div>
<div class="nav-list-search"><label for="search-input">SEARCH:</label>
<input type="text" id="search-input" value="search" disabled="disabled">
<input type="reset" id="reset-button" value="reset" disabled="disabled">
</div>
</div>
<!-- ========= END OF TOP NAVBAR ========= -->
<span class="skip-nav" id="skip-navbar-top"></span></nav>
</header>
<div class="flex-content">
<main role="main">
<!-- ======== START OF CLASS DATA ======== -->
<div class="header">
<div class="sub-title"><span class="package-label-in-type">Package</span>&nbsp;<a href="package-summary.html">{escape(package)}</a></div>
<h1 title="Class {name}" class="title">Class {name}</h1>
</div>
<div class="inheritance" title="Inheritance Tree"><a href="https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Object.html" title="class or interface in java.lang" class="external-link">java.lang.Object</a>
<div class="inheritance">{escape(package)}.{name}</div>
</div>
<section class="class-description" id="class-description">
<hr>
<div class="type-signature"><span class="modifiers">public class </span><span class="element-name type-name-label">{name}</span>
<span class="extends-implements">extends <a href="https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Object.html" title="class or interface in java.lang" class="external-link">Object</a></span></div>
<div class="block">{render_content(page, heading)}</div>
</section>
</main>
<footer role="contentinfo">
<hr>
<p class="legal-copy"><small>Copyright &#169; 2024 {escape(site.name)} Project. All rights reserved.</small></p>
</footer>
</div>
</div>
</body>
</html>"""


def doxygen(site, page):
    """Doxygen 1.9.8, a related page (\\page): div#top with the title area (#projectname, #projectnumber,
    #projectbrief), the search box's script and result windows, the menu's empty #main-nav (menudata.js
    fills it), then div.header > div.headertitle > div.title (no <h1>), div.contents with the text, and the
    footer <address>. No landmark, no role, no <h1>: the page's name is in <title> after the project's."""

    def heading(h):
        return f'<h2><a class="anchor" id="{h.anchor}"></a>\n{escape(h.text)}</h2>'
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "https://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en-US">
<head>
<meta http-equiv="Content-Type" content="text/xhtml;charset=UTF-8"/>
<meta http-equiv="X-UA-Compatible" content="IE=11"/>
<meta name="generator" content="Doxygen 1.9.8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{escape(site.name)}: {escape(page.title)}</title>
<link href="tabs.css" rel="stylesheet" type="text/css"/>
<script type="text/javascript" src="jquery.js"></script>
<script type="text/javascript" src="dynsections.js"></script>
<link href="search/search.css" rel="stylesheet" type="text/css"/>
<script type="text/javascript" src="search/searchdata.js"></script>
<script type="text/javascript" src="search/search.js"></script>
<link href="doxygen.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div id="top"><!-- do not remove this div, it is closed by doxygen! -->
<div id="titlearea">
<table cellspacing="0" cellpadding="0">
 <tbody>
 <tr id="projectrow">
  <td id="projectalign">
   <div id="projectname">{escape(site.name)}<span id="projectnumber">&#160;2.1</span>
   </div>
   <div id="projectbrief">The reference documentation</div>
  </td>
 </tr>
 </tbody>
</table>
</div>
<!-- end header part -->
<!-- Generated by Doxygen 1.9.8 -->
<script type="text/javascript">
/* @license magnet:?xt=urn:btih:d3d9a9a6595521f9666a5e94cc830dab83b65699&amp;dn=expat.txt MIT */
var searchBox = new SearchBox("searchBox", "search/",'.html');
/* @license-end */
</script>
<script type="text/javascript" src="menudata.js"></script>
<script type="text/javascript" src="menu.js"></script>
<script type="text/javascript">
/* @license magnet:?xt=urn:btih:d3d9a9a6595521f9666a5e94cc830dab83b65699&amp;dn=expat.txt MIT */
$(function() {{
  initMenu('',true,false,'search.php','Search');
  $(document).ready(function() {{ init_search(); }});
}});
/* @license-end */
</script>
<div id="main-nav"></div>
<!-- window showing the filter options -->
<div id="MSearchSelectWindow"
     onmouseover="return searchBox.OnSearchSelectShow()"
     onmouseout="return searchBox.OnSearchSelectHide()"
     onkeydown="return searchBox.OnSearchSelectKey(event)">
</div>

<!-- iframe showing the search results (closed by default) -->
<div id="MSearchResultsWindow">
<div id="MSearchResults">
<div class="SRPage">
<div id="SRIndex">
<div id="SRResults"></div>
<div class="SRStatus" id="Loading">Loading...</div>
<div class="SRStatus" id="Searching">Searching...</div>
<div class="SRStatus" id="NoMatches">No Matches</div>
</div>
</div>
</div>
</div>

</div><!-- top -->
<div><div class="header">
  <div class="headertitle"><div class="title">{escape(page.title)}</div></div>
</div><!--header-->
<div class="contents">
<div class="textblock">{render_content(page, heading)}
</div></div><!-- contents -->
</div><!-- PageDoc -->
<!-- start footer part -->
<hr class="footer"/><address class="footer"><small>
Generated by&#160;<a href="https://www.doxygen.org/index.html"><img class="footer" src="doxygen.svg" width="104" height="31" alt="doxygen"/></a> 1.9.8
</small></address>
</body>
</html>"""


def gitbook(site, page):
    """Legacy GitBook (gitbook-cli 3.2, theme-default): div.book-summary (search input, the summary <nav>
    with "Published with GitBook"), div.book-body with the book-header (role="navigation", the page's name
    in an <h1>), the page in a role="main" wrapper: section.markdown-section, then the search results'
    divs with their own <h1>s ("No results matching"), then the prev/next arrows."""

    def heading(h):
        return f'<h2 id="{h.anchor}">{escape(h.text)}</h2>'
    nav = join(enumerate(site.nav, 1), lambda il: f'<li class="chapter " data-level="1.{il[0]}" data-path="{escape(il[1].href)}"><a href="{escape(il[1].href)}"><b>1.{il[0]}.</b> {escape(il[1].title)}</a></li>')
    return f"""<!DOCTYPE HTML>
<html lang="" >
<head>
<meta charset="UTF-8">
<meta content="text/html; charset=utf-8" http-equiv="Content-Type">
<title>{escape(page.title)} · {escape(site.name)}</title>
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<meta name="description" content="">
<meta name="generator" content="GitBook 3.2.3">
<link rel="stylesheet" href="gitbook/style.css">
<link rel="stylesheet" href="gitbook/gitbook-plugin-search/search.css">
<meta name="HandheldFriendly" content="true"/>
<link rel="next" href="{escape(page.next.href)}" /><link rel="prev" href="{escape(page.prev.href)}" />
</head>
<body>
<div class="book">
<div class="book-summary">
<div id="book-search-input" role="search">
<input type="text" placeholder="Type to search" />
</div>
<nav role="navigation">
<ul class="summary">
<li class="chapter " data-level="1.1" data-path="./"><a href="./">Introduction</a></li>
{nav}
<li class="divider"></li>
<li><a href="https://www.gitbook.com" target="blank" class="gitbook-link">Published with GitBook</a></li>
</ul>
</nav>
</div>
<div class="book-body">
<div class="body-inner">
<div class="book-header" role="navigation">
<!-- Title -->
<h1>
<i class="fa fa-circle-o-notch fa-spin"></i>
<a href="." >{escape(page.title)}</a>
</h1>
</div>
<div class="page-wrapper" tabindex="-1" role="main">
<div class="page-inner">
<div id="book-search-results">
<div class="search-noresults">
<section class="normal markdown-section">
<h1 id="{page.anchor}">{escape(page.title)}</h1>
{render_content(page, heading)}
</section>
</div>
<div class="search-results">
<div class="has-results">
<h1 class="search-results-title"><span class='search-results-count'></span> results matching "<span class='search-query'></span>"</h1>
<ul class="search-results-list"></ul>
</div>
<div class="no-results">
<h1 class="search-results-title">No results matching "<span class='search-query'></span>"</h1>
</div>
</div>
</div>
</div>
</div>
</div>
<a href="{escape(page.prev.href)}" class="navigation navigation-prev " aria-label="Previous page: {escape(page.prev.title)}"><i class="fa fa-angle-left"></i></a>
<a href="{escape(page.next.href)}" class="navigation navigation-next " aria-label="Next page: {escape(page.next.title)}"><i class="fa fa-angle-right"></i></a>
</div>
<script>
var gitbook = gitbook || [];
gitbook.push(function() {{
gitbook.page.hasChanged({{"page":{{"title":{json.dumps(page.title)},"level":"1.1","depth":1}},"config":{{"gitbook":"*","theme":"default"}},"file":{{"path":"{escape(page.id)}.md"}},"gitbook":{{"version":"3.2.3"}},"basePath":".","book":{{"language":""}}}});
}});
</script>
</div>
<script src="gitbook/gitbook.js"></script>
<script src="gitbook/theme.js"></script>
<script src="gitbook/gitbook-plugin-search/search-engine.js"></script>
</body>
</html>"""


def pkgdown(site, page):
    """pkgdown 2.0 (Bootstrap 5), a reference topic: the navbar <nav> (package name, version, menus, search
    form), <main id="main" class="col-md-9"> with div.page-header (logo, <h1>, "Source:" line and the
    hidden Rd name), the sections as div.section with anchored <h2>s, then the <aside> page TOC and the
    <footer>."""

    def heading(h):
        return f'<h2 id="{h.anchor}">{escape(h.text)}<a class="anchor" aria-label="anchor" href="#{h.anchor}"></a></h2>'
    pkg = site.name.split()[0].lower()
    rd = re.sub(r"\W+", "_", page.id)
    body = render_content(page, heading)
    return f"""<!DOCTYPE html>
<!-- Generated by pkgdown: do not edit by hand --><html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta charset="utf-8"><meta http-equiv="X-UA-Compatible" content="IE=edge"><meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no"><title>{escape(page.title)} — {escape(rd)} • {escape(pkg)}</title><script src="../deps/jquery-3.6.0/jquery-3.6.0.min.js"></script><link href="../deps/bootstrap-5.3.1/bootstrap.min.css" rel="stylesheet"><script src="../pkgdown.js"></script><meta property="og:title" content="{escape(page.title)} — {escape(rd)}"></head><body>
    <a href="#main" class="visually-hidden-focusable">Skip to contents</a>


    <nav class="navbar navbar-expand-lg fixed-top bg-light" data-bs-theme="light" aria-label="Site navigation"><div class="container">

    <a class="navbar-brand me-2" href="../index.html">{escape(pkg)}</a>

    <small class="nav-text text-muted me-auto" data-bs-toggle="tooltip" data-bs-placement="bottom" title="Released version">2.1.0</small>


    <button class="navbar-toggler" type="button" data-bs-toggle="collapse" data-bs-target="#navbar" aria-controls="navbar" aria-expanded="false" aria-label="Toggle navigation">
      <span class="navbar-toggler-icon"></span>
    </button>

    <div id="navbar" class="collapse navbar-collapse ms-3">
      <ul class="navbar-nav me-auto"><li class="nav-item"><a class="nav-link" href="../articles/{escape(pkg)}.html">Get started</a></li>
<li class="active nav-item"><a class="nav-link" href="../reference/index.html">Reference</a></li>
<li class="nav-item dropdown">
  <button class="nav-link dropdown-toggle" type="button" id="dropdown-articles" data-bs-toggle="dropdown" aria-expanded="false" aria-haspopup="true">Articles</button>
  <ul class="dropdown-menu" aria-labelledby="dropdown-articles"><li><a class="dropdown-item" href="../articles/basics.html">Basics</a></li><li><a class="dropdown-item" href="../articles/advanced.html">Advanced use</a></li></ul>
</li>
<li class="nav-item"><a class="nav-link" href="../news/index.html">Changelog</a></li>
      </ul><ul class="navbar-nav"><li class="nav-item"><form class="form-inline" role="search">
<input class="form-control" type="search" name="search-input" id="search-input" autocomplete="off" aria-label="Search site" placeholder="Search for" data-search-index="../search.json"></form></li>
<li class="nav-item"><a class="external-link nav-link" href="https://github.com/example/{escape(pkg)}/" aria-label="GitHub"><span class="fa fab fa-github fa-lg"></span></a></li>
      </ul></div>


  </div>
</nav><div class="container template-reference-topic">
<div class="row">
  <main id="main" class="col-md-9"><div class="page-header">
      <img src="../logo.png" class="logo" alt=""><h1>{escape(page.title)}</h1>
      <small class="dont-index">Source: <a href="https://github.com/example/{escape(pkg)}/blob/HEAD/R/{escape(rd)}.R" class="external-link"><code>R/{escape(rd)}.R</code></a></small>
      <div class="d-none name"><code>{escape(rd)}.Rd</code></div>
    </div>

    <div class="ref-description section level2">
    {body}
    </div>

  </main><aside class="col-md-3"><nav id="toc" aria-label="Table of contents"><h2>On this page</h2>
    </nav></aside></div>


    <footer><div class="pkgdown-footer-left">
  <p>Developed by The {escape(site.name)} Team.</p>
</div>

<div class="pkgdown-footer-right">
  <p>Site built with <a href="https://pkgdown.r-lib.org/" class="external-link">pkgdown</a> 2.0.7.</p>
</div>

    </footer></div>

  


  

  </body></html>"""


THEMES = {
    "alabaster": alabaster,
    "furo": furo,
    "rtd": read_the_docs,
    "material": mkdocs_material,
    "pydata": pydata,
    "docusaurus": docusaurus,
    "bootstrap": bootstrap,
    "hyde": hyde,
    "rustdoc": rustdoc,
    "mdbook": mdbook,
    "vitepress": vitepress,
    "docsy": docsy,
    "just-the-docs": just_the_docs,
    "starlight": starlight,
    "javadoc": javadoc,
    "doxygen": doxygen,
    "gitbook": gitbook,
    "pkgdown": pkgdown,
}


def read_corpus(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def site_nav(docs):
    step = len(docs) / NAV_SIZE
    return [Link(d["id"], d["title"]) for d in (docs[int(i * step)] for i in range(NAV_SIZE))]


def pages(docs):
    for i, doc in enumerate(docs):
        prev, nxt = docs[i - 1], docs[(i + 1) % len(docs)]
        yield Page(doc["id"], doc["title"], parse_blocks(doc["body"]),
                   Link(prev["id"], prev["title"]), Link(nxt["id"], nxt["title"]))


def write_page(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", help="a JSONL file of {id, title, body}")
    parser.add_argument("out_dir")
    parser.add_argument("--site-name", required=True, help="the site's name, shown in its chrome")
    parser.add_argument("--theme", action="append", choices=THEMES,
                        help="a theme to render (repeatable; default: all)")
    args = parser.parse_args()
    docs = read_corpus(args.corpus)
    site = Site(args.site_name, site_nav(docs))
    themes = args.theme or list(THEMES)
    for page in pages(docs):
        for theme in themes:
            write_page(os.path.join(args.out_dir, theme, page.id + ".html"), THEMES[theme](site, page))


if __name__ == "__main__":
    main()
