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
Docusaurus 3, a Bootstrap 3 Jekyll theme, a Hyde-like Jekyll theme, rustdoc 1.80), written from
those templates' markup with their classes, roles and landmarks: site name, search box,
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
