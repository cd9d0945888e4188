"""The article format (a contract: docs, schema and tests use these key names) and its reader."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.model import (
    Author,
    Callout,
    CallToAction,
    DeckHints,
    Image,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Text,
)
from docgen.source.assets import Asset
from docgen.source.images import probe_image
from docgen.source.lint import double_quoted, shorten
from docgen.source.spec import (
    INVALID,
    Bool,
    Context,
    Date,
    Field,
    Inline,
    ListOf,
    Record,
    Spec,
    Str,
    Url,
    _key_and_value,
    mapping_items,
    suggest,
)
from docgen.source.yamlsafe import MappingNode, Node, ScalarNode
from docgen.typography import unquote

if TYPE_CHECKING:
    from typing import Any

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg")
SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
#: PDF standards a handout can claim (PDF/UA-1 always; PDF/A-2b on request).
PDF_STANDARDS = "pdf/ua-1|pdf/a-2b"


class ImageSpec(Spec):
    """``{src, alt, caption}``: the file is probed now so a broken picture fails the check."""

    description = "A picture with alt text (read aloud by screen readers) and an optional caption."

    def __init__(self, what: str = "image") -> None:
        self.what = what
        self.record = Record(
            what,
            [
                Field("src", Asset("image", IMAGE_SUFFIXES, "Path of an SVG, PNG, JPEG or GIF, relative "
                                   "to the article."), required=True),
                Field("alt", Str(description="What the picture shows, for readers who cannot "
                                 "see it."), required=True,
                      hint="describe the picture in a sentence: screen readers read it aloud, "
                      "and the deck and PDF need it for accessibility"),
                Field("caption", Inline(description="Shown under the picture.")),
            ],
        )

    def read(self, node: Node, ctx: Context) -> Any:
        values = self.record.read(node, ctx)
        if values is INVALID:
            return INVALID
        probed = probe_image(values["src"])
        if isinstance(probed, str):
            return ctx.error(node, f"the picture '{values['src'].name}' {probed}")
        width, height, warnings, data = probed
        for warning in warnings:
            ctx.report.warn(f"the picture '{values['src'].name}' {warning}", ctx.loc(node))
        return Image(values["src"], values["alt"], values.get("caption"), width, height, ctx.loc(node),
                     data)

    def schema(self) -> dict[str, Any]:
        return self.record.schema() | {"description": self.description}


class PhotoSpec(ImageSpec):
    """The author's photo: a path alone, or the full image mapping."""

    def read(self, node: Node, ctx: Context) -> Any:
        if isinstance(node, ScalarNode):
            path = Asset("photo", IMAGE_SUFFIXES).read(node, ctx)
            if path is INVALID:
                return INVALID
            probed = probe_image(path)
            if isinstance(probed, str):
                return ctx.error(node, f"the photo '{path.name}' {probed}")
            width, height, _, data = probed
            return Image(path, "Photo of the author", None, width, height, ctx.loc(node), data)
        return super().read(node, ctx)

    def schema(self) -> dict[str, Any]:
        return {"oneOf": [{"type": "string"}, super().schema()], "description": "Author photo."}


class PointRef(Spec):
    """``point: 2``: the key point of the section a quote backs (counted from 1)."""

    description = ("The key point (1 for the first of the section's key_points) this quote "
                   "backs: its slide takes that point as its title.")

    def read(self, node: Node, ctx: Context) -> Any:
        value = node.value.strip() if isinstance(node, ScalarNode) else ""
        if not value.isdigit() or not 1 <= int(value) <= 99:
            return ctx.error(node, "expected the number of a key point (1 for the first)",
                             "e.g. point: 2 for the section's second key point")
        return int(value)

    def schema(self) -> dict[str, Any]:
        return self._described({"type": "integer", "minimum": 1, "maximum": 99})


class QuoteSpec(Spec):
    description = ("A quotation: the words only (docgen adds the quote marks), or "
                   "{text, by, featured, point}.")

    record = Record(
        "quote",
        [
            Field("text", Inline(description="The quoted words, without quote marks."), required=True),
            Field("by", Str(description="Who said it."), required=False),
            Field("featured", Bool(description="The section's hero quote: a slide of its own in "
                                   "the deck, set large in the handout.")),
            Field("point", PointRef()),
        ],
    )

    def read(self, node: Node, ctx: Context) -> Any:
        """Return the quote holding only the words: marks typed around them are dropped, since
        the renderers set their own (else “ ““A price…”” ”)."""
        if isinstance(node, ScalarNode):
            text = Inline().read(node, ctx)
            return INVALID if text is INVALID else Quote(_words(text), None, ctx.loc(node))
        values = self.record.read(node, ctx)
        if values is INVALID:
            return INVALID
        return Quote(_words(values["text"]), values.get("by"), ctx.loc(node),
                     values.get("featured", False), values.get("point"))

    def schema(self) -> dict[str, Any]:
        return {"description": self.description, "oneOf": [Inline().schema(), self.record.schema()]}


def _words(text: Text) -> Text:
    words, before = unquote(text), text
    while words != before and words.plain.strip():  # “"typed twice"”
        words, before = unquote(words), words
    return words if words.plain.strip() else before  # nothing but marks: keep what was typed


class Kind:
    """A block kind: the spec of its value and how to make the block from it."""

    def __init__(self, spec: Spec, build: Any) -> None:
        self.spec, self.build = spec, build


BLOCK_KINDS: dict[str, Kind] = {
    "quote": Kind(QuoteSpec(), lambda v, loc: v),
    "list": Kind(ListOf(Inline(item=True), "Bullet points.", min_items=1),
                 lambda v, loc: ListBlock(v, loc)),
    "image": Kind(ImageSpec(), lambda v, loc: v),
    "callout": Kind(Inline(description="A highlighted key takeaway."),
                    lambda v, loc: Callout(v, loc)),
}


class BlockSpec(Spec):
    """A paragraph (plain text) or a one-key mapping naming the block's kind."""

    description = "A paragraph (plain text), or one of quote:, list:, image:, callout:."

    def read(self, node: Node, ctx: Context) -> Any:
        if isinstance(node, ScalarNode):
            text = Inline().read(node, ctx)
            return INVALID if text is INVALID else Paragraph(text, ctx.loc(node))
        if not isinstance(node, MappingNode):
            return ctx.error(
                node, "a block must be text or one of quote:, list:, image:, callout:",
                "a list inside a list is not a block; use 'list:' for bullet points",
            )
        items = mapping_items(node, ctx)
        if items is INVALID:
            return INVALID
        if len(items) != 1:
            stray = _under_indented(items, ctx)
            if stray:
                return INVALID
            keys = ", ".join(k for k, _, _ in items)
            hint = (
                "if this is a paragraph containing ': ', put the whole text in double quotes"
                if all(k not in BLOCK_KINDS for k, _, _ in items) else
                "start each block on its own line with '- '"
            )
            return ctx.error(node, f"a block has exactly one kind, found {keys}", hint)
        key, key_node, value = items[0]
        kind = BLOCK_KINDS.get(key)
        if kind is None and key[:1] in "“‘„«":
            typed = _key_and_value(node) or key
            return ctx.error(
                key_node, "the ': ' inside this text splits it: YAML reads only straight quotes "
                "(\" or ') as quote marks, not “ ”",
                f"type straight double quotes around it: - {double_quoted(typed.strip('“”‘’„«»'))}")
        if kind is None:
            hint = suggest(key, BLOCK_KINDS)
            if not hint.startswith("did you mean"):
                typed = _key_and_value(node)
                if typed is not None and " " in key:  # a sentence, not a mistyped kind
                    return ctx.error(
                        key_node, f"'{shorten(typed)}' was read as a block kind and its value "
                        "because of the ': '",
                        f"put the whole paragraph in double quotes: - {double_quoted(typed)}")
                hint = (
                    "a paragraph containing ': ' must be in double quotes; block kinds are "
                    + ", ".join(BLOCK_KINDS)
                )
            return ctx.error(key_node, f"unknown block kind '{key}'", hint)
        read = kind.spec.read(value, ctx)
        return INVALID if read is INVALID else kind.build(read, ctx.loc(node))

    def schema(self) -> dict[str, Any]:
        options: list[dict[str, Any]] = [{"type": "string", "minLength": 1,
                                           "description": "A paragraph."}]
        for name, kind in BLOCK_KINDS.items():
            options.append({
                "type": "object", "properties": {name: kind.spec.schema()},
                "required": [name], "additionalProperties": False,
            })
        return {"description": self.description, "anyOf": options}


def _under_indented(items: list[tuple[str, ScalarNode, Node]], ctx: Context) -> bool:
    """Report keys such as ``by:`` that belong to the block above but are not indented under it."""
    kind, _, value = items[0]
    fields = _BLOCK_FIELDS.get(kind)
    stray = [(k, n) for k, n, _ in items[1:] if fields and k in fields]
    if not fields or not stray or len(stray) != len(items) - 1:
        return False
    for key, key_node in stray:
        if isinstance(value, MappingNode) and value.value:
            first = value.value[0][0]
            more = first.start_mark.column - key_node.start_mark.column
            hint = (f"indent '{key}:' by {more} more spaces, to line up with "
                    f"'{first.value}:' on line {first.start_mark.line + 1}")
        else:
            hint = (f"put the words on a line '{fields[0]}: ...' under '{kind}:', and indent "
                    f"'{key}:' to line up with it")
        ctx.error(key_node, f"'{key}:' belongs to the {kind} above but is not indented under "
                  f"'{kind}:'", hint)
    return True


_BLOCK_FIELDS = {"quote": ("text", "by"), "image": ("src", "alt", "caption")}


class LinksSpec(Spec):
    description = "Label -> URL (http, https or mailto), e.g. Website: https://example.com"

    def read(self, node: Node, ctx: Context) -> Any:
        if not isinstance(node, MappingNode):
            return ctx.error(node, "links must be 'label: URL' lines", "e.g. Website: https://example.com")
        items = mapping_items(node, ctx)
        if items is INVALID:
            return INVALID
        links = []
        for label, _, value in items:
            url = Url().read(value, ctx)
            if url is not INVALID:
                links.append(Link(label, url))
        return tuple(links) if len(links) == len(items) else INVALID

    def schema(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": Url().schema(),
                "description": self.description}


def _author(v: dict[str, Any], node: Node, ctx: Context) -> Author:
    return Author(v["name"], v["bio"], v.get("role"), v.get("photo"), v.get("links", ()),
                  ctx.loc(node))


def _section(v: dict[str, Any], node: Node, ctx: Context) -> Section:
    featured = [b for b in v["blocks"] if isinstance(b, Quote) and b.featured]
    for extra in featured[1:]:
        ctx.report.warn("more than one featured quote in this section: the deck shows the first "
                        "as the section's hero", extra.location)
    points = len(v.get("key_points", ()))
    for q in (b for b in v["blocks"] if isinstance(b, Quote) and b.point is not None):
        if q.point > points:  # type: ignore[operator]
            ctx.report.error(f"this quote backs key point {q.point}, but the section has "
                             f"{points} key point{'s' if points != 1 else ''}", q.location,
                             "give the number of one of the section's key_points (1 for the "
                             "first), or remove 'point:'")
    return Section(v["heading"], v["blocks"], v.get("key_points", ()), v.get("deck", DeckHints()),
                   ctx.loc(node))


class CtaSpec(Spec):
    """``cta:``: a line alone (it links to the brand's link), or ``{text, link}``."""

    description = ("The call to action on the deck's closing slide and the handout's closing "
                   "band: a short line, or {text, link} (default link: the brand's).")

    def __init__(self) -> None:
        self.text = Inline(description="What the audience should do next, in a few words.",
                           max_len=200, too_long="a call to action must fit the closing slide")
        self.record = Record("cta", [
            Field("text", self.text, required=True,
                  hint="add 'text:' with a short line, e.g. 'Book a strategy call'"),
            Field("link", Url()),
        ])

    def read(self, node: Node, ctx: Context) -> Any:
        if isinstance(node, ScalarNode):
            text = self.text.read(node, ctx)
            return INVALID if text is INVALID else CallToAction(text, None, ctx.loc(node))
        values = self.record.read(node, ctx)
        if values is INVALID:
            return INVALID
        return CallToAction(values["text"], values.get("link"), ctx.loc(node))

    def schema(self) -> dict[str, Any]:
        return {"description": self.description,
                "oneOf": [self.text.schema(), self.record.schema()]}


def author_spec(ctx: Context) -> Record:
    return Record("author", [
        Field("name", Str(description="The author's name.", max_len=200), required=True),
        Field("role", Str(description="Job title and organisation.", max_len=300)),
        Field("bio", Inline(description="A short biography, shown in 'About the Author'."),
              required=True, hint="add 'bio:' with a few sentences about the author"),
        Field("photo", PhotoSpec("photo")),
        Field("links", LinksSpec()),
    ], build=lambda v, n: _author(v, n, ctx), description="Who wrote the article.")


def section_spec(ctx: Context) -> Record:
    deck = Record("deck", [Field("skip", Bool(description="Leave this section out of the deck."))],
                  build=lambda v, n: DeckHints(**v), description="Hints for the deck.")
    return Record("section", [
        Field("heading", Inline(description="The section's heading."), required=True),
        Field("blocks", ListOf(BlockSpec(), "The section's content, in order.", min_items=1),
              required=True, hint="add 'blocks:' with at least one paragraph"),
        Field("key_points", ListOf(Inline(item=True), "Short points for the deck's bullet slide.")),
        Field("deck", deck),
    ], build=lambda v, n: _section(v, n, ctx), description="A section with a heading.")


def article_fields(ctx: Context, brand: Spec) -> list[Field]:
    """Return the top-level fields; ``brand`` reads the brand path (and the brand file)."""
    return [
        Field("title", Inline(description="The article's title.", max_len=200,
                              too_long="a title must fit the cover; put the rest in 'subtitle'"),
              required=True,
              hint="add a line 'title: ...' at the top"),
        Field("subtitle", Inline(description="A line under the title.", max_len=300,
                                 too_long="a subtitle must fit the cover; put the rest in 'intro'")),
        Field("slug", Str(description="File name of the outputs (default: made from the title).",
                          pattern=SLUG_PATTERN, max_len=80,
                          pattern_hint="use lowercase letters, digits and single hyphens")),
        Field("date", Date(description="Publication date, YYYY-MM-DD.")),
        Field("language", Str(description="Language tag, e.g. en or en-US.",
                              pattern=r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*",
                              pattern_hint="use a language tag such as en, en-US or de")),
        Field("summary", Str(description="One or two sentences: the PDF's subject.")),
        Field("keywords", ListOf(Str(max_len=100), "Keywords for the PDF and deck properties.")),
        Field("brand", brand),
        Field("pdf", Record("pdf", [
            Field("standard", Str(description="pdf/a-2b: an archival PDF (PDF/A-2b) besides the "
                                  "accessible one (PDF/UA-1, always).",
                                  pattern=PDF_STANDARDS, pattern_hint="use pdf/a-2b or pdf/ua-1")),
        ], description="Options of the PDF handout.")),
        Field("author", author_spec(ctx), required=True,
              hint="add 'author:' with 'name:' and 'bio:' below it"),
        Field("intro", ListOf(BlockSpec(), "Blocks before the first section.")),
        Field("cta", CtaSpec()),
        Field("sections", ListOf(section_spec(ctx), "The article's sections.", min_items=1),
              required=True, hint="add 'sections:' with at least one '- heading: ...'"),
    ]
