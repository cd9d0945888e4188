"""Tagged PDF: the structure tree, and marked content around everything drawn.

The story builder makes a :class:`Node` for every structure element, in reading order, and hands
each leaf to the flowable that draws it (:class:`Tagged` flowables keep their node when they
split, so a paragraph across two pages stays one element). While the final pass draws, a
:class:`Tagger` on the canvas wraps each leaf's operators in ``/P <</MCID n>> BDC … EMC`` and
everything decorative (bands, rules, running header and footer) in ``/Artifact … BDC … EMC``,
ties link annotations to ``Link`` elements, and at the end writes the tree, the parent tree and
the catalog entries. Nothing here runs in the counting pass, which draws nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from docgen._compat import reportlab_tags as rl

#: An element's content on a page: (page index, marked-content id) ...
Content = tuple[int, int]
#: ... or an annotation: (page index, the annotation's internal name).
Annotation = tuple[int, str]


class Node:
    """A structure element: a standard role, its children in reading order, alternate text."""

    __slots__ = ("alt", "kids", "links", "name", "parent", "role")

    def __init__(self, role: str, parent: Node | None = None, alt: str | None = None,
                 links: dict[str, str] | None = None) -> None:
        self.role = role
        self.kids: list[Node | Content | Annotation] = []
        self.alt = alt
        self.parent = parent
        self.links = links  # href -> the link's text, for annotations made while drawing this
        self.name = ""  # the registered object's name, set when the file is written
        if parent is not None:
            parent.kids.append(self)

    def add(self, role: str, alt: str | None = None,
            links: dict[str, str] | None = None) -> Node:
        """Return a new child element (appended: children are made in reading order)."""
        return Node(role, self, alt, links)

    def walk(self) -> Iterator[Node]:
        yield self
        for kid in self.kids:
            if isinstance(kid, Node):
                yield from kid.walk()

    def has_content(self) -> bool:
        return any(not isinstance(k, Node) or k.has_content() for k in self.kids)

    def __repr__(self) -> str:
        return f"Node({self.role!r}, {len(self.kids)} kids)"


def tagger(canv: Canvas) -> Tagger | None:
    """Return the canvas's tagger (None in the counting pass and for untagged canvases)."""
    hooks = getattr(canv, "hooks", None)
    return hooks if isinstance(hooks, Tagger) else None


@contextmanager
def content(canv: Canvas, node: Node | None) -> Iterator[None]:
    """Mark what is drawn inside as content of ``node`` (nothing happens without a tagger)."""
    tags = tagger(canv)
    if tags is None or node is None or not tags.begin(canv, node):
        yield
        return
    try:
        yield
    finally:
        tags.end(canv)


@contextmanager
def artifact(canv: Canvas, kind: str = "Layout", subtype: str | None = None) -> Iterator[None]:
    """Mark what is drawn inside as an artifact: decoration or page furniture, not content."""
    tags = tagger(canv)
    if tags is None or tags.depth:  # inside content or another artifact already
        yield
        return
    attrs = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "")
    ops = rl.code(canv)
    ops.append(f"/Artifact <<{attrs}>> BDC")
    tags.depth += 1
    try:
        yield
    finally:
        tags.depth -= 1
        ops.append("EMC")


class Tagged:
    """Mixin for a flowable that draws one leaf element: marks its drawing, keeps its node on
    split. Put it first among the bases; set ``struct`` on the instance."""

    struct: Node | None = None

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        with content(canv, self.struct):
            super().drawOn(canv, x, y, _sW)  # type: ignore[misc]

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)  # type: ignore[misc]
        for part in parts:
            if part is not self:
                part.struct = self.struct
        return parts  # type: ignore[no-any-return]


def tag(flowable: Any, node: Node | None) -> Any:
    """Give a :class:`Tagged` flowable its element; return the flowable."""
    flowable.struct = node
    return flowable


class Tagger:
    """Marks content while the final pass draws, and writes the structure tree at the end."""

    def __init__(self, root: Node, language: str) -> None:
        self.root = root
        self.language = language
        self.depth = 0  # > 0 inside marked content or an artifact
        self._open: list[Node] = []
        self._page: list[Node] = []  # the current page's elements, by MCID
        self._parents: list[tuple[int, list[Node] | Node]] = []  # parent tree: (key, value)
        self._next_key = 0
        self._links: dict[tuple[int, str], Node] = {}
        self.catalog_entries: dict[str, Any] = {}  # more catalog entries (PDF/A's OutputIntents)
        self.metadata: bytes | None = None
        self._tree_root = ""

    # -- while drawing --------------------------------------------------------------------------

    def begin(self, canv: Canvas, node: Node) -> bool:
        """Open marked content for ``node``; False (nothing opened) inside other marked content."""
        if self.depth:
            return False
        mcid = len(self._page)
        self._page.append(node)
        node.kids.append((rl.page_index(canv), mcid))
        rl.code(canv).append(f"/{node.role} <</MCID {mcid}>> BDC")
        self.depth += 1
        self._open.append(node)
        return True

    def end(self, canv: Canvas) -> None:
        rl.code(canv).append("EMC")
        self.depth -= 1
        self._open.pop()

    def annotation(self, canv: Canvas, name: str, annotation: Any) -> None:
        """Tie a link annotation to a ``Link`` element and describe it (``/Contents``)."""
        uri = _uri(annotation)
        leaf = self._open[-1] if self._open else self.root
        link = self._link_for(leaf, uri)
        link.kids.append((rl.page_index(canv), name))
        key = self._key()
        self._parents.append((key, link))
        text = (leaf.links or {}).get(uri) or _link_ancestor_text(leaf, uri) or uri
        described = text if text == uri or not uri else f"{text} ({_shown(uri)})"
        rl.annotation_entries(annotation, StructParent=key, Contents=pdf_text(described),
                              F=4)  # F 4: printable (PDF/A asks for it on every annotation)

    def _link_for(self, leaf: Node, uri: str) -> Node:
        node: Node | None = leaf
        while node is not None:  # a figure inside a Link element (the QR code) uses that one
            if node.role == "Link":
                return node
            node = node.parent
        key = (id(leaf), uri)
        link = self._links.get(key)
        if link is None:
            link = self._links[key] = leaf.add("Link")
        return link

    def page_done(self, canv: Canvas, page: Any) -> None:
        """Give the finished page its parent-tree key and tab order (structure order)."""
        entries: dict[str, Any] = {"Tabs": rl.name("S"), "Trans": None}  # no empty /Trans
        if self._page:
            key = self._key()
            self._parents.append((key, self._page))
            entries["StructParents"] = key
        rl.set_entries(page, **entries)
        self._page = []

    def _key(self) -> int:
        key = self._next_key
        self._next_key += 1
        return key

    # -- writing the tree -----------------------------------------------------------------------

    def finish(self, canv: Canvas) -> None:
        """Register the structure tree and set the catalog entries of a tagged PDF."""
        self._tree_root = rl.register(canv, rl.Raw(lambda num: (
            b"<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d >>"
            % (num(self.root.name), num(parent_tree), self._next_key))))
        for node in self.root.walk():
            if node.has_content():
                node.name = rl.register(canv, rl.Raw(self._element(node)))
        parent_tree = rl.register(canv, rl.Raw(self._parent_tree))
        entries: dict[str, Any] = {
            "StructTreeRoot": rl.reference(self._tree_root),
            "MarkInfo": rl.dictionary(Marked=rl.PDF_TRUE),
            **self.catalog_entries,
        }
        if self.metadata is not None:
            entries["Metadata"] = rl.stream(self.metadata, Type=rl.name("Metadata"),
                                            Subtype=rl.name("XML"))
        rl.set_entries(rl.catalog(canv), **entries)

    def _parent_tree(self, num: Any) -> bytes:
        out = [b"<< /Nums ["]
        for key, value in self._parents:
            if isinstance(value, Node):
                out.append(b"%d %d 0 R" % (key, num(value.name)))
            else:
                refs = b" ".join(b"%d 0 R" % num(n.name) for n in value)
                out.append(b"%d [%s]" % (key, refs))
        out.append(b"] >>")
        return b"\n".join(out)

    def _element(self, node: Node) -> Any:
        """Return the function that writes ``node`` as a structure element dictionary."""

        def make(num: Any) -> bytes:
            parent = node.parent.name if node.parent is not None else self._tree_root
            pages = [k[0] for k in node.kids if isinstance(k, tuple)]
            page = pages[0] if pages else None
            kids: list[bytes] = []
            for kid in node.kids:
                if isinstance(kid, Node):
                    if kid.name:
                        kids.append(b"%d 0 R" % num(kid.name))
                elif isinstance(kid[1], int):
                    if kid[0] == page:
                        kids.append(b"%d" % kid[1])
                    else:
                        kids.append(b"<< /Type /MCR /Pg %d 0 R /MCID %d >>"
                                    % (num(rl.page_name(kid[0])), kid[1]))
                else:
                    kids.append(b"<< /Type /OBJR /Obj %d 0 R /Pg %d 0 R >>"
                                % (num(kid[1]), num(rl.page_name(kid[0]))))
            parts = [b"<< /Type /StructElem /S /%s /P %d 0 R" % (node.role.encode("ascii"),
                                                                  num(parent))]
            if page is not None:
                parts.append(b"/Pg %d 0 R" % num(rl.page_name(page)))
            if node.alt is not None:
                parts.append(b"/Alt " + pdf_text(node.alt))
            if node is self.root:
                parts.append(b"/Lang " + pdf_text(self.language))
            # One kid is written alone: the usual form, and the one every reader walks.
            parts.append(b"/K " + (kids[0] if len(kids) == 1 else b"[" + b" ".join(kids) + b"]")
                         + b" >>")
            return b" ".join(parts)

        return make


def _uri(annotation: Any) -> str:
    try:
        action = annotation["A"]
        uri = action["URI"]
        return str(uri.s if hasattr(uri, "s") else uri)
    except (KeyError, TypeError):
        return ""


def _link_ancestor_text(node: Node, uri: str) -> str | None:
    while node.parent is not None:
        node = node.parent
        if node.links and uri in node.links:
            return node.links[uri]
    return None


def _shown(uri: str) -> str:
    return uri.removeprefix("mailto:")


def pdf_text(text: str) -> bytes:
    """Return ``text`` as a PDF text string: literal if plain ASCII, else UTF-16BE with a BOM."""
    if text.isascii() and text.isprintable():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"
