//! `scour search` and `scour stats`.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use scour_core::language::Language;
use scour_core::{codec, FormatError, Index, SearchOptions};

#[derive(Args)]
pub struct SearchArgs {
    /// The query, in the same language as the search box.
    query: String,
    /// Print one JSON array of {id, title, date, url, score, excerpt, sections}.
    #[arg(long)]
    json: bool,
    /// Most hits to print.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// An index file written by `scour index`, or the folder it wrote it in (default: the
    /// index built into this scour, when it has one).
    #[arg(long)]
    index: Option<PathBuf>,
    /// Search only the pages in this language (a tag: fr, de-CH; `*` for all), when the index
    /// has several: a chunked index then reads that language's own index only.
    #[arg(long, value_name = "TAG", value_parser = search_language)]
    lang: Option<String>,
}

/// A `--lang` value: `*`, or a language tag, refused when it names no language (`french`) rather
/// than searching every language unasked.
fn search_language(tag: &str) -> Result<String, String> {
    if tag.trim() != "*" {
        super::index::language_tag(tag)?;
    }
    Ok(tag.to_string())
}

#[derive(Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    url: Option<&'a str>,
    score: f32,
    excerpt: &'a str,
    sections: Vec<JsonSection<'a>>,
}

#[derive(Serialize)]
struct JsonSection<'a> {
    title: &'a str,
    anchor: &'a str,
    url: Option<&'a str>,
    excerpt: &'a str,
}

pub fn run(args: &SearchArgs) -> Result<(), String> {
    let index = open(args.index.as_deref(), args.lang.as_deref())?;
    if let Some(note) = args
        .lang
        .as_deref()
        .and_then(|lang| absent_language(&index, lang))
    {
        eprintln!("{note}");
    }
    let options = SearchOptions {
        limit: args.limit,
        lang: args.lang.clone(),
        ..SearchOptions::default()
    };
    let results = index.search(&args.query, &options);
    if args.json {
        let hits: Vec<JsonHit> = results
            .hits
            .iter()
            .map(|h| JsonHit {
                id: &h.id,
                title: &h.title,
                date: h.date.as_deref(),
                url: h.url.as_deref(),
                score: h.score,
                excerpt: &h.excerpt,
                sections: h
                    .sections
                    .iter()
                    .map(|s| JsonSection {
                        title: &s.title,
                        anchor: &s.anchor,
                        url: s.url.as_deref(),
                        excerpt: &s.excerpt,
                    })
                    .collect(),
            })
            .collect();
        outln!(
            "{}",
            serde_json::to_string(&hits).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    if results.total == 0 {
        outln!("No results for {}.", quoted(&args.query));
        if args.index.is_none() {
            outln!(
                "(This searched the demo's index built into scour: name your own with --index.)"
            );
        }
        if let Some(suggestion) = &results.suggestion {
            outln!("Did you mean {}?", quoted(suggestion));
        }
        return Ok(());
    }
    outln!(
        "{} of {} results for {}\n",
        results.hits.len(),
        results.total,
        quoted(&args.query)
    );
    for (rank, hit) in results.hits.iter().enumerate() {
        let date = hit
            .date
            .as_deref()
            .map(|d| format!("  {d}"))
            .unwrap_or_default();
        outln!(
            "{:>2}. {}{}  [{}]  score {:.3}",
            rank + 1,
            printable(&hit.title),
            printable(&date),
            printable(&hit.id),
            hit.score
        );
        let excerpt = marked(&hit.excerpt, &hit.excerpt_matches);
        outln!("    {}", printable(&excerpt));
        for section in &hit.sections {
            outln!(
                "      § {}  [#{}]",
                printable(&section.title),
                printable(&section.anchor)
            );
            let excerpt = marked(&section.excerpt, &section.excerpt_matches);
            outln!("        {}", printable(&excerpt));
        }
        outln!("");
    }
    Ok(())
}

pub fn stats(index: Option<&Path>) -> Result<(), String> {
    let stats = open(index, None)?.stats();
    outln!(
        "{} documents, {} terms, {} index bytes",
        stats.documents,
        stats.terms,
        stats.index_bytes
    );
    Ok(())
}

/// Opens an index file (a single file, or a chunked index's entry with every piece read
/// from beside it; for a language table, the entry of the index that searches `lang`), or
/// the embedded index.
pub fn open(path: Option<&Path>, lang: Option<&str>) -> Result<Index, String> {
    let Some(path) = path else {
        if scour::EMBEDDED_INDEX.is_empty() {
            return Err("this scour has no embedded index: name an index file with --index".into());
        }
        return scour::embedded_index().map_err(|e| format!("embedded index: {e}"));
    };
    // The folder `scour index --out` wrote: its entry file.
    let in_folder;
    let path = if path.is_dir() {
        in_folder = path.join(super::index::INDEX_FILE);
        in_folder.as_path()
    } else {
        path
    };
    let read = |path: &Path| std::fs::read(path).map_err(super::cannot("read", path));
    let located = |e: FormatError| format!("{}: {e}", path.display());
    let bytes = read(path)?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let entry = if codec::is_language_table(&bytes) {
        let table = codec::decode_language_table(&bytes).map_err(located)?;
        let chosen = table.select(lang);
        let file = folder.join(codec::entry_file(chosen.entry));
        let name = file.display().to_string();
        codec::decode_language_entry(&read(&file)?, chosen, &name)
            .map_err(|e| format!("{name}: {e}"))?
    } else if codec::is_entry(&bytes) {
        codec::decode_entry(&bytes).map_err(located)?
    } else {
        return codec::decode(bytes).map_err(located);
    };
    let mut index = Index::from_entry(entry, bytes.len());
    loop {
        let missing = index.missing();
        if missing.is_empty() {
            return Ok(index);
        }
        for piece in missing {
            let named = index.piece_file(piece);
            let file = folder.join(&named);
            let bytes = read(&file)?;
            index
                .insert(piece, bytes)
                .map_err(|e| piece_error(&file, &named, &e))?;
        }
    }
}

/// A piece's error, naming it by its path `file` once: a message that starts with the piece's
/// name in the index's folder, `named`, starts with the path instead.
fn piece_error(file: &Path, named: &str, error: &FormatError) -> String {
    let message = error.message();
    match message.strip_prefix(named) {
        Some(rest) => format!("{}{rest}", file.display()),
        None => format!("{}: {message}", file.display()),
    }
}

/// The note that the index has no pages in the language `lang` names, so that every language
/// is searched; none for `*` or a language it has.
fn absent_language(index: &Index, lang: &str) -> Option<String> {
    let language = Language::searched(Some(lang))?;
    if index.languages().iter().any(|found| *found == language) {
        return None;
    }
    let codes: Vec<&str> = index.languages().iter().map(Language::code).collect();
    Some(format!(
        "note: the index has no pages in {lang:?} (it has {}); searching every language",
        codes.join(", ")
    ))
}

/// `text` with the control characters that could drive a terminal (recolour it, set its title)
/// shown as symbols instead: C0 ones as their Control Pictures (ESC as `␛`), DEL as `␡`, C1
/// ones as `�`. Tabs and line breaks are kept.
fn printable(text: &str) -> Cow<'_, str> {
    let harmless = |c: char| !c.is_control() || c == '\t' || c == '\n';
    if text.chars().all(harmless) {
        return Cow::Borrowed(text);
    }
    let shown = text.chars().map(|c| match c {
        _ if harmless(c) => c,
        '\0'..='\x1f' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'),
        '\x7f' => '\u{2421}',
        _ => '\u{FFFD}',
    });
    Cow::Owned(shown.collect())
}

/// The excerpt with matches wrapped in [brackets], for a terminal.
fn marked(text: &str, matches: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + matches.len() * 2);
    let mut at = 0;
    for range in matches {
        out.push_str(&text[at..range.start]);
        out.push('[');
        out.push_str(&text[range.clone()]);
        out.push(']');
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// `text` in double quotes as it reads (`"ｶﾞｲﾄﾞ"`, `"بِسْمِ"`): only control characters, which a
/// terminal would act on, and the quote itself are escaped.
fn quoted(text: &str) -> String {
    let mut quoted = String::from('"');
    for c in text.chars() {
        if c.is_control() || c == '"' || c == '\\' {
            quoted.extend(c.escape_default());
        } else {
            quoted.push(c);
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn a_query_is_quoted_as_it_reads() {
        assert_eq!(quoted("ｶﾞｲﾄﾞ بِسْمِ"), "\"ｶﾞｲﾄﾞ بِسْمِ\"");
        assert_eq!(quoted("a\"b\n\u{1b}[31m"), "\"a\\\"b\\n\\u{1b}[31m\"");
    }
}
