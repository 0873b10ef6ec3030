//! The words of HTML class, id and role names that say what an element is:
//! main content, or page chrome with the reason logged when it is dropped.
//! Written down from the names common publishing platforms, themes and
//! widgets give their boxes; matched against the words of a name split at
//! every non-alphanumeric character.

/// Words whose presence marks main content.
pub const POSITIVE: &[&str] = &[
    "article",
    "main",
    "content",
    "post",
    "entry",
    "story",
    "body",
    "text",
    "blog",
    "prose",
    "articlebody",
    "postbody",
    "richtext",
    "storybody",
];

/// Word prefixes marking chrome, with the reason logged when dropped. A
/// prefix matches the start of a word (`comments`, `navbar`, `sharing`).
pub const NEGATIVE_PREFIX: &[(&str, &str)] = &[
    ("nav", "navigation"),
    ("menu", "navigation"),
    ("breadcrumb", "navigation"),
    ("pagination", "navigation"),
    ("pager", "navigation"),
    ("footer", "footer"),
    ("masthead", "header"),
    ("comment", "comments"),
    ("disqus", "comments"),
    ("share", "share bar"),
    ("sharing", "share bar"),
    ("social", "share bar"),
    ("related", "related links"),
    ("recommend", "related links"),
    ("newsletter", "newsletter"),
    ("subscri", "newsletter"),
    ("signup", "newsletter"),
    ("promo", "promotion"),
    ("advert", "advert"),
    ("sponsor", "advert"),
    ("byline", "byline"),
    ("sidebar", "sidebar"),
    ("widget", "widget"),
    ("popup", "popup"),
    ("modal", "popup"),
    ("cookie", "cookie notice"),
    ("consent", "cookie notice"),
    ("gdpr", "cookie notice"),
    ("toolbar", "toolbar"),
    ("skiplink", "navigation"),
    ("outbrain", "related links"),
    ("taboola", "related links"),
    ("signature", "signature"),
    // A forum post's author panel: name, avatar, post count, join date.
    ("postprofile", "author panel"),
    ("userinfo", "author panel"),
    ("userdetails", "author panel"),
    ("postauthor", "author panel"),
    ("avatar", "author panel"),
    // The same chrome named in other languages' class names.
    ("kommentar", "comments"),
    ("comentario", "comments"),
    ("werbung", "advert"),
    ("anzeige", "advert"),
    ("publicit", "advert"),
    ("teilen", "share bar"),
    ("partage", "share bar"),
];

/// Whole words marking chrome (too short or too common to match as prefixes).
pub const NEGATIVE_WORD: &[(&str, &str)] = &[
    ("ad", "advert"),
    ("ads", "advert"),
    ("adv", "advert"),
    ("dfp", "advert"),
    ("header", "header"),
    ("author", "byline"),
    ("bio", "byline"),
    ("tags", "tags"),
    ("tag", "tags"),
    ("topics", "tags"),
    ("keywords", "tags"),
    ("meta", "metadata"),
    ("banner", "banner"),
    ("print", "toolbar"),
    ("skip", "navigation"),
    ("aside", "sidebar"),
    ("follow", "share bar"),
    ("more", "related links"),
    ("trending", "related links"),
    ("popular", "related links"),
    ("footnotes", "footnotes"),
    // Boxes hidden on some screens (`hidden-xs`, `hide-mobile`) are mostly
    // galleries and teasers that a reader of the article never needed.
    ("hidden", "hidden"),
    ("hide", "hidden"),
    ("tools", "toolbar"),
    ("login", "login"),
    ("cta", "promotion"),
    ("date", "date line"),
    ("time", "date line"),
    ("timestamp", "date line"),
    ("published", "date line"),
    ("updated", "date line"),
    ("posted", "date line"),
    ("signin", "login"),
    ("caption", "caption"),
    ("credit", "caption"),
    ("credits", "caption"),
];

/// Camel-case class names read whole, the furniture of a forum post: the
/// author panel's rank and join date, post and reaction counts under the
/// name (`userTitle`, `userExtras`, `userStats`), and the note that the
/// post was edited (`lastEdit`). Lowercase prefixes and their reasons.
pub const CAMEL_JOINED: &[(&str, &str)] = &[
    ("usertitle", "author panel"),
    ("userextra", "author panel"),
    ("userstat", "author panel"),
    ("lastedit", "edit note"),
];

/// Whole class names of text meant for screen readers only ("Skip to
/// content", "Opens in a new window"), whatever other words they hold.
pub const SCREEN_READER_ONLY: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "element-invisible",
];

/// Words that mark embedded content (a quoted post, a video) inside the
/// article, which outweigh a chrome word beside them (`social-media-embed`).
pub const EMBED: &[&str] = &["embed", "embedded", "tweet", "instagram"];
