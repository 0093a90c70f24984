//! Ranking for names, as documentation is searched: a page about a name before the pages
//! about its members, and the parts of `camelCase` words found without outranking a title
//! that holds the word itself.

use scour_core::{Document, Index, IndexBuilder, SearchOptions, Weights};

/// A class reference: one page per class ("The X class") and one per method ("X::m"),
/// each body naming its class, as manuals are written, among pages on other subjects that
/// also say "class"; "class" and the methods every class has are then common words.
fn manual() -> Index {
    let mut builder = IndexBuilder::new();
    let classes = [
        ("ArrayIterator", "getFlags"),
        ("SplQueue", "enqueue"),
        ("DateInterval", "createFromDateString"),
        ("Directory", "read"),
    ];
    for (class, own) in classes {
        let methods = [own, "__construct", "key", "current", "rewind", "valid"];
        let synopsis: Vec<String> = methods.iter().map(|m| format!("{class}::{m}")).collect();
        builder.add(Document::new(
            format!("class.{class}"),
            format!("The {class} class"),
            format!(
                "{class}\nIntroduction\nThe {class} class. Synopsis: {}",
                synopsis.join(" ")
            ),
        ));
        for method in methods {
            builder.add(Document::new(
                format!("{class}.{method}"),
                format!("{class}::{method}"),
                format!("Description of {method} of the {class} class. public {class}::{method}"),
            ));
        }
    }
    for n in 0..150 {
        builder.add(Document::new(
            format!("function.f{n}"),
            format!("f{n}"),
            format!(
                "f{n} is a function of module m{}; no class needs it.",
                n % 7
            ),
        ));
    }
    builder.add(Document::new(
        "dom.element",
        "The Element class",
        "An element of a document tree.",
    ));
    builder.add(Document::new(
        "dom.getelementbyid",
        "Document::getElementById",
        "Searches for an element with a certain id.",
    ));
    builder.build()
}

/// An index of `(id, title, body)` pages.
fn pages_index(pages: &[(&str, &str, &str)]) -> Index {
    with_more_pages(pages, 0, |_| String::new())
}

/// An index of `(id, title, body)` pages and `more` others, the n-th titled `pn` with the
/// body `body(n)`.
fn with_more_pages(
    pages: &[(&str, &str, &str)],
    more: usize,
    body: impl Fn(usize) -> String,
) -> Index {
    let mut builder = IndexBuilder::new();
    for &(id, title, body) in pages {
        builder.add(Document::new(id, title, body));
    }
    for n in 0..more {
        builder.add(Document::new(format!("p{n}"), format!("p{n}"), body(n)));
    }
    builder.build()
}

fn first(index: &Index, query: &str) -> String {
    first_weighted(index, query, Weights::default())
}

/// Every hit's id, best first.
fn hit_ids(index: &Index, query: &str) -> Vec<String> {
    let hits = index.search(query, &SearchOptions::default()).hits;
    hits.into_iter().map(|h| h.id).collect()
}

/// The first hit's id, ranked with `weights`.
fn first_weighted(index: &Index, query: &str, weights: Weights) -> String {
    let options = SearchOptions {
        weights,
        ..SearchOptions::default()
    };
    let results = index.search(query, &options);
    results
        .hits
        .first()
        .map(|h| h.id.clone())
        .unwrap_or_default()
}

#[test]
fn the_page_about_a_name_comes_before_its_members_pages() {
    let index = manual();
    for class in ["ArrayIterator", "SplQueue", "DateInterval", "Directory"] {
        assert_eq!(first(&index, class), format!("class.{class}"), "{class}");
        assert_eq!(
            first(&index, &class.to_lowercase()),
            format!("class.{class}")
        );
    }
    assert_eq!(
        first(&index, "ArrayIterator::getFlags"),
        "ArrayIterator.getFlags"
    );
    assert_eq!(
        first(&index, "arrayiterator getflags"),
        "ArrayIterator.getFlags"
    );
}

#[test]
fn camel_case_parts_find_the_word_but_a_title_holding_the_word_ranks_first() {
    let index = manual();
    let ids = |query: &str| -> Vec<String> {
        let results = index.search(query, &SearchOptions::default());
        results.hits.into_iter().map(|h| h.id).collect()
    };
    assert_eq!(first(&index, "element"), "dom.element");
    assert!(ids("element").contains(&"dom.getelementbyid".to_string()));
    assert_eq!(first(&index, "get element by id"), "dom.getelementbyid");
    assert_eq!(first(&index, "getElementById"), "dom.getelementbyid");
    // A finished word (the word being typed looks up no camelCase parts).
    let results = index.search("flags ", &SearchOptions::default());
    let hit = &results.hits[0];
    let marked: Vec<&str> = hit
        .title_matches
        .iter()
        .map(|r| &hit.title[r.clone()])
        .collect();
    assert_eq!(
        marked,
        ["Flags"],
        "the part is highlighted in {}",
        hit.title
    );
}

#[test]
fn a_title_word_counts_more_than_the_same_word_as_part_of_a_compound() {
    let mut builder = IndexBuilder::new();
    for title in ["docker-compose", "docker images", "docker_volume"] {
        builder.add(Document::new(title, title, "Runs containers."));
    }
    let index = builder.build();
    assert_eq!(first(&index, "docker"), "docker images");
    assert_eq!(first(&index, "docker compose"), "docker-compose");
    assert_eq!(first(&index, "docker volume"), "docker_volume");
}

/// Words typed apart that a name writes as one: `set cookie` finds `setcookie` before a
/// longer name holding both words, `preg replace` finds `preg_replace`; `static methods`
/// keeps the page about static methods first beside a page named `staticmethod`.
#[test]
fn words_typed_apart_find_the_name_that_joins_them() {
    let pages = [
        ("setcookie", "setcookie", "Send a cookie with the response."),
        (
            "session_set_cookie_params",
            "session_set_cookie_params",
            "Set the session cookie parameters; set cookie options of the session.",
        ),
        (
            "preg_replace",
            "preg_replace",
            "Perform a regular expression search and replace.",
        ),
        (
            "preg_replace_callback",
            "preg_replace_callback",
            "Preg replace with a callback: replace each match.",
        ),
        (
            "static",
            "Static keyword",
            "Static methods and static properties.",
        ),
        (
            "staticmethod",
            "staticmethod",
            "Unrelated page about a decorator.",
        ),
    ];
    let index = pages_index(&pages);
    assert_eq!(first(&index, "set cookie"), "setcookie");
    assert_eq!(first(&index, "preg replace"), "preg_replace");
    assert_eq!(first(&index, "static methods"), "static");
}

/// A name cut short and submitted as it stands (not the word being typed: `typing` off) is
/// found by its completions, as a word or as the last part of an identifier, while a word the
/// index has keeps its own pages and a misspelled word still finds its near spelling.
#[test]
fn a_finished_name_cut_short_finds_the_name() {
    let pages = [
        (
            "file_put_contents",
            "file_put_contents",
            "Write data to a file.",
        ),
        ("file", "file", "Reads entire file into an array."),
        (
            "datetimeimmutable",
            "The DateTimeImmutable class",
            "An immutable date and time.",
        ),
        ("date", "date", "Format a date and time."),
        ("context", "Contexts", "Stream context options."),
    ];
    let index = pages_index(&pages);
    let finished = |query: &str| {
        let options = SearchOptions {
            typing: false,
            ..SearchOptions::default()
        };
        let hits = index.search(query, &options).hits;
        hits.first().map(|h| h.id.clone()).unwrap_or_default()
    };
    assert_eq!(finished("file_put_cont"), "file_put_contents");
    assert_eq!(finished("DateTimeImm"), "datetimeimmutable");
    assert_eq!(finished("file"), "file");
    assert_eq!(finished("contxt"), "context");
    assert_eq!(finished("im"), "", "two letters are not completed");
    assert_eq!(finished("\"DateTimeImm\""), "", "a quoted word is exact");
    assert_eq!(
        finished("-DateTimeImm date"),
        "date",
        "an excluded word is exact"
    );
}

/// A name cut short completes to the joined forms of its members' names too
/// (`datetimeimmutableadd` of `DateTimeImmutable::add`): those stand where the name does, so
/// a member's title holds the name only as a part, being typed or finished, and the page
/// about the name comes first.
#[test]
fn a_name_cut_short_ranks_its_page_before_its_members_pages() {
    let class = (
        "class",
        "The DateTimeImmutable class",
        "DateTimeImmutable\nIntroduction\nRepresentation of date and time.\nClass synopsis\n\
         class DateTimeImmutable implements DateTimeInterface\nMethods: add, modify, sub.",
    );
    let member = |method: &str| {
        format!("Returns a new object.\npublic DateTimeImmutable::{method}(): DateTimeImmutable")
    };
    let members: Vec<(String, String, String)> = ["add", "modify", "sub"]
        .iter()
        .map(|m| (m.to_string(), format!("DateTimeImmutable::{m}"), member(m)))
        .collect();
    let mut pages = vec![class];
    pages.extend(
        members
            .iter()
            .map(|(i, t, b)| (i.as_str(), t.as_str(), b.as_str())),
    );
    let index = with_more_pages(&pages, 100, |n| format!("Function {n} of date and time."));
    let finished = SearchOptions {
        typing: false,
        ..SearchOptions::default()
    };
    for query in ["DateTimeImm", "datetimeimmut", "DateTimeImmutable"] {
        assert_eq!(first(&index, query), "class", "{query} being typed");
        let hits = index.search(query, &finished).hits;
        assert_eq!(hits[0].id, "class", "{query} finished");
    }
    assert_eq!(first(&index, "DateTimeImmutable::sub"), "sub");
    assert_eq!(
        first(&index, "datetimeimmutablesu"),
        "sub",
        "the joined form typed"
    );
}

/// A completion longer than another (`address` of `addr`, itself a word of the index) is
/// a whole word of a title that holds no compound of the shorter one.
#[test]
fn a_completion_beginning_with_another_word_is_whole_in_a_title() {
    let pages = [
        (
            "ip-address",
            "ip address",
            "Show and change the addresses of interfaces.",
        ),
        (
            "ip",
            "ip",
            "Show the routes, devices and addresses: ip addr, ip link.",
        ),
        ("ifconfig", "ifconfig", "Configure interfaces; see ip addr."),
    ];
    let index = with_more_pages(&pages, 30, |n| format!("Command {n} of the network."));
    assert_eq!(first(&index, "ip addr"), "ip-address");
}

/// Near spellings of a mistyped word share no typed start: one that begins with another
/// (`systemctl`, `systemc`) is no compound of it, and the page named comes first.
#[test]
fn a_mistyped_name_being_typed_finds_its_page_first() {
    let pages = [
        (
            "systemctl",
            "systemctl",
            "Control the systemd system and service manager.",
        ),
        (
            "systemsettings",
            "systemsettings",
            "Open the system settings.",
        ),
        (
            "verilog",
            "verilog",
            "Simulate hardware described in Verilog or SystemC.",
        ),
    ];
    let index = with_more_pages(&pages, 30, |n| format!("Command {n} of the system."));
    assert_eq!(first(&index, "systemclt"), "systemctl");
    assert_eq!(first(&index, "systemclt "), "systemctl");
}

/// Of two pages that answer a query alike, the one the other pages mention comes first: a site
/// names its central pages (`tar`) far more often than the rest (`atool`).
#[test]
fn a_page_the_others_mention_comes_before_one_they_do_not() {
    let pages = [
        ("atool", "atool", "Extract an archive of any format."),
        ("tar", "tar", "Extract an archive of any format."),
    ];
    let index = with_more_pages(&pages, 20, |n| format!("Tool {n} writes what tar reads."));
    assert_eq!(first(&index, "extract archive"), "tar");
    let unweighted = Weights {
        mentions: 0.0,
        ..Weights::default()
    };
    assert_eq!(
        first_weighted(&index, "extract archive", unweighted),
        "atool",
        "without mentions, the tie goes by id"
    );
}

#[test]
fn a_title_listing_names_is_whole_for_each_of_them() {
    // The main page is long, as a reference page is; its alias's is one line.
    let reference = "Returns date formatted according to given format. public string \
        DateTime::format. "
        .to_string()
        + &"The characters of the format string are listed below with examples. ".repeat(40);
    let index = pages_index(&[
        (
            "datetime.format",
            "DateTimeInterface::format, DateTimeImmutable::format, DateTime::format, date_format",
            &reference,
        ),
        (
            "function.date-format",
            "date_format",
            "Alias of DateTime::format. This function is an alias of: DateTime::format",
        ),
        (
            "seaslog.getdatetimeformat",
            "SeasLog::getDatetimeFormat",
            "Get SeasLog datetime format style",
        ),
    ]);
    assert_eq!(first(&index, "DateTime::format"), "datetime.format");
    assert_eq!(first(&index, "DateTime format"), "datetime.format");
}

#[test]
fn a_title_with_the_word_as_typed_comes_before_one_with_another_form_of_it() {
    // Close by construction: `compose` (another form of `composer`) makes all of a short
    // title, `Composer` a third of a longer one; the form typed tips it.
    let pages = [
        ("uopz-compose", "uopz_compose", "Compose a class."),
        (
            "install-composer",
            "Installing Composer and packages",
            "Composer manages packages. Packages are listed in a file. They are installed.",
        ),
    ];
    let index = with_more_pages(&pages, 30, |n| format!("Page {n} about something else."));
    assert_eq!(first(&index, "composer"), "install-composer");
}

/// A page whose first line says what it does comes before one that says the same further
/// down; a first line too long to be a summary is no lead.
#[test]
fn the_page_whose_first_line_names_the_task_comes_first() {
    let pages = [
        (
            "a",
            "strpad",
            "Pads a string with spaces.\nMakes its first letter uppercase.",
        ),
        (
            "b",
            "capfirst",
            "Makes its first letter uppercase.\nPads a string with spaces.",
        ),
    ];
    let index = pages_index(&pages);
    assert_eq!(first(&index, "first letter uppercase"), "b");
    assert_eq!(first(&index, "pads string"), "a");
    let no_lead = Weights {
        lead: 0.0,
        ..Weights::default()
    };
    assert_eq!(
        first_weighted(&index, "first letter uppercase", no_lead),
        "a",
        "without the lead, the tie goes by id"
    );

    // An HTML page's body starts with its `<h1>`, the title, or another heading: the lead
    // is the line after.
    for (first_line, heading) in [("Strpad", None), ("Overview", Some("overview"))] {
        let mut builder = IndexBuilder::new();
        builder.add(Document::new(
            "a",
            "ucfirst",
            "Makes its first letter uppercase.\nPads a string with spaces.",
        ));
        let mut headed = Document::new(
            "b",
            "strpad",
            format!("{first_line}\nPads a string with spaces.\nMakes its first letter uppercase."),
        );
        headed.sections = heading
            .map(|anchor| scour_core::Section {
                anchor: anchor.into(),
                title: first_line.into(),
                start: 0,
            })
            .into_iter()
            .collect();
        builder.add(headed);
        let index = builder.build();
        assert_eq!(first(&index, "pads string"), "b", "after {first_line:?}");
    }

    let prose = " and so on".repeat(8);
    let long = [
        (
            "a",
            "x",
            format!("Pads a string{prose}.\nMakes its first letter uppercase."),
        ),
        (
            "b",
            "y",
            format!("Makes its first letter uppercase{prose}.\nPads a string."),
        ),
    ];
    let long: Vec<(&str, &str, &str)> = long.iter().map(|(i, t, b)| (*i, *t, b.as_str())).collect();
    let index = pages_index(&long);
    let hits = index
        .search("first letter uppercase", &SearchOptions::default())
        .hits;
    assert_eq!(
        hits[0].score, hits[1].score,
        "a first line of prose is no lead"
    );
}

/// A title many pages share ("Examples") names a kind of page, not its subject: of two pages
/// that answer alike (past their leads), the one with a title of its own comes first, once ten
/// pages share it.
#[test]
fn a_page_titled_like_many_others_comes_after_one_with_its_own_title() {
    let index = |sharing: usize| {
        let mut builder = IndexBuilder::new();
        builder.add(Document::new(
            "a",
            "Examples",
            "How it is done.\n\nRead a whole file into a string.",
        ));
        builder.add(Document::new(
            "b",
            "loader",
            "How it is done.\n\nRead a whole file into a string.",
        ));
        for n in 1..sharing {
            builder.add(Document::new(
                format!("e{n}"),
                "examples",
                format!("Example {n}."),
            ));
        }
        builder.build()
    };
    assert_eq!(first(&index(10), "whole file string"), "b");
    assert_eq!(
        first(&index(9), "whole file string"),
        "a",
        "nine pages are no kind"
    );
    let unweighted = Weights {
        shared_title: 1.0,
        ..Weights::default()
    };
    assert_eq!(
        first_weighted(&index(10), "whole file string", unweighted),
        "a",
        "without the shared title's weight, the tie goes by id"
    );
}

/// A name glued from words (`useradd`, `pbcopy`) is found by those words typed apart, its
/// title counting them as parts of its word; a name that is one word (`userdel` is not
/// `user` and a word) is not split.
#[test]
fn a_name_glued_from_words_is_found_by_them() {
    let pages = [
        ("a", "useradd", "Create an account."),
        ("b", "groupadd", "Create a group: add it to the system."),
        ("c", "userdel", "Remove a user."),
        ("d", "passwd", "Set a password.\nA user may add a copy."),
        ("e", "pbcopy", "Place text on the pasteboard."),
        ("f", "xclip", "Put text where a copy is pasted from."),
    ];
    let index = pages_index(&pages);
    assert_eq!(hit_ids(&index, "add user "), ["a", "d"]);
    let mut copy = hit_ids(&index, "copy ");
    copy.sort();
    assert_eq!(copy, ["d", "e", "f"], "after one or two letters of no word");
    assert!(hit_ids(&index, "del ").is_empty(), "`del` is no word here");
}

/// A name typed with its underscores (`__get`, a magic method) is another name than the word
/// without them: the pages holding it as typed come first, the others after.
#[test]
fn a_name_typed_with_its_underscores_finds_it_first() {
    let index = with_more_pages(
        &[
            (
                "overloading",
                "Overloading",
                "Magic methods: __get() is run when reading a property; __set() when writing.",
            ),
            ("get", "$_GET", "HTTP GET variables: the $_GET array."),
            ("gettype", "gettype", "Get the type of a variable."),
            ("dir", "dir", "Return an instance of the Directory class."),
            (
                "constants",
                "Constants",
                "__DIR__ is the directory of the file.",
            ),
            (
                "hash_file",
                "hash_file",
                "Generate a hash value using the contents of a file.",
            ),
            (
                "mhash",
                "mhash",
                "Use the hash_* functions instead of mhash_*.",
            ),
        ],
        40,
        |n| format!("page {n} uses get and dir"),
    );
    assert_eq!(hit_ids(&index, "__get")[0], "overloading");
    assert_eq!(hit_ids(&index, "__DIR__")[0], "constants");
    assert_eq!(hit_ids(&index, "$_GET")[0], "get");
    // Without underscores, the word is the word.
    assert_eq!(hit_ids(&index, "get")[0], "get");
    assert_eq!(hit_ids(&index, "dir")[0], "dir");
    // Underscores closing no name they open are the way to a longer name, typed on.
    assert_eq!(hit_ids(&index, "hash_")[0], "hash_file");
    // A page without the name as typed is still found.
    assert!(hit_ids(&index, "__get").contains(&"gettype".to_string()));
}
