//! Element names the extractor cares about, as one byte each.

/// Declares the `Tag` enum and its name lookup from one list, so the two cannot drift.
macro_rules! tags {
    ($($variant:ident = $name:literal),* $(,)?) => {
        /// An element name; every name not listed is [`Tag::Other`], and text nodes are
        /// [`Tag::Text`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Tag {
            $($variant,)*
            Other,
            Text,
        }

        impl Tag {
            /// The tag for a name already in lower case.
            pub(crate) fn from_lower(name: &[u8]) -> Tag {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }
        }
    };
}

tags! {
    A = b"a", Abbr = b"abbr", Address = b"address", Applet = b"applet", Area = b"area",
    Article = b"article", Aside = b"aside", Audio = b"audio", B = b"b", Base = b"base",
    Blockquote = b"blockquote", Body = b"body", Br = b"br", Button = b"button",
    Canvas = b"canvas", Caption = b"caption", Center = b"center", Code = b"code", Col = b"col",
    Colgroup = b"colgroup", Dd = b"dd", Details = b"details", Dialog = b"dialog", Dir = b"dir",
    Div = b"div", Dl = b"dl", Dt = b"dt", Em = b"em", Embed = b"embed", Fieldset = b"fieldset",
    Figcaption = b"figcaption", Figure = b"figure", Font = b"font", Footer = b"footer",
    Form = b"form", Frame = b"frame", H1 = b"h1", H2 = b"h2", H3 = b"h3", H4 = b"h4", H5 = b"h5",
    H6 = b"h6", Head = b"head", Header = b"header", Hgroup = b"hgroup", Hr = b"hr",
    Html = b"html", I = b"i", Iframe = b"iframe", Img = b"img", Input = b"input",
    Keygen = b"keygen", Label = b"label", Legend = b"legend", Li = b"li", Link = b"link",
    Main = b"main", Marquee = b"marquee", Math = b"math", Menu = b"menu", Meta = b"meta",
    Nav = b"nav", Noembed = b"noembed", Noframes = b"noframes", Noscript = b"noscript",
    Object = b"object", Ol = b"ol", Optgroup = b"optgroup", Option = b"option", P = b"p",
    Param = b"param", Picture = b"picture", Plaintext = b"plaintext", Pre = b"pre",
    Script = b"script", Section = b"section", Select = b"select", Small = b"small",
    Source = b"source", Span = b"span", Strong = b"strong", Style = b"style",
    Summary = b"summary", Svg = b"svg", Table = b"table", Tbody = b"tbody", Td = b"td",
    Template = b"template", Textarea = b"textarea", Tfoot = b"tfoot", Th = b"th",
    Thead = b"thead", Time = b"time", Title = b"title", Tr = b"tr", Track = b"track",
    U = b"u", Ul = b"ul", Video = b"video", Wbr = b"wbr", Xmp = b"xmp",
}

impl Tag {
    /// Elements that never have content or an end tag.
    pub(crate) fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base
                | Br
                | Col
                | Embed
                | Hr
                | Img
                | Input
                | Keygen
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
                | Frame
        )
    }

    /// Elements whose content is not markup, read up to their end tag.
    pub(crate) fn is_raw_text(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script
                | Style
                | Textarea
                | Title
                | Xmp
                | Iframe
                | Noembed
                | Noframes
                | Noscript
                | Plaintext
        )
    }

    /// Start tags that close an open `<p>`.
    pub(crate) fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hgroup
                | Hr
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Summary
                | Table
                | Ul
                | Li
                | Dd
                | Dt
        )
    }

    /// Elements that bound the search for an open element to close implicitly.
    pub(crate) fn is_scope_boundary(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Html | Table
                | Td
                | Th
                | Caption
                | Marquee
                | Object
                | Applet
                | Template
                | Button
                | Svg
                | Math
        )
    }

    /// Elements that end a line of rendered text.
    pub(crate) fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            P | Div
                | Section
                | Article
                | Main
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Li
                | Ul
                | Ol
                | Dl
                | Dt
                | Dd
                | Blockquote
                | Pre
                | Table
                | Tr
                | Td
                | Th
                | Caption
                | Figure
                | Figcaption
                | Address
                | Hr
                | Br
                | Center
                | Details
                | Summary
                | Body
                | Form
                | Fieldset
                | Legend
                | Header
                | Footer
                | Aside
                | Nav
                | Hgroup
                | Menu
                | Dir
                | Dialog
        )
    }

    /// `h1` to `h6`.
    pub(crate) fn is_heading(self) -> bool {
        use Tag::*;
        matches!(self, H1 | H2 | H3 | H4 | H5 | H6)
    }
}
