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
from typing import Any, cast

from reportlab.pdfgen.canvas import Canvas

from docgen._compat import reportlab_tags as rl

#: An element's content on a page: page index << PAGE_SHIFT | marked-content id (an int, so that
#: thousands of them cost the garbage collector nothing) ...
Content = int
PAGE_SHIFT = 20
#: ... or an annotation: (page index, the annotation's internal name).
Annotation = tuple[int, str]


class Node(rl.PDFObject):
    """A structure element: a standard role, its children in reading order, alternate text.

    It is its own PDF object (``format`` writes the dictionary): a long handout has thousands of
    elements, and every extra object per element made the garbage collector run more often.
    """

    __slots__ = ("__InternalName__", "alt", "attrs", "kids", "lang", "links", "name", "parent",
                 "role", "top")

    def __init__(self, role: str, parent: Node | None = None, alt: str | None = None,
                 links: dict[str, str] | None = None) -> None:
        self.role = role
        self.kids: list[Node | Content | Annotation] = []
        self.alt = alt
        self.parent = parent
        self.links = links  # href -> the link's text, for annotations made while drawing this
        self.name = ""  # the registered object's name, set when the file is written
        self.top = ""  # the root element's parent: the structure tree root's name
        self.lang = ""  # the root element's language
        self.attrs = b""  # an attribute dictionary (/A), e.g. a list's numbering
        if parent is not None:
            parent.kids.append(self)

    def add(self, role: str, alt: str | None = None,
            links: dict[str, str] | None = None) -> Node:
        """Return a new child element (appended: children are made in reading order)."""
        return Node(role, self, alt, links)

    def __repr__(self) -> str:
        return f"Node({self.role!r}, {len(self.kids)} kids)"

    def format(self, document: Any) -> bytes:
        """Write the structure element dictionary (reportlab calls this when saving)."""
        numbers = rl.object_numbers(document)

        def num(name: str) -> int:
            return numbers[name][0]

        parent = self.parent.name if self.parent is not None else self.top
        mask = (1 << PAGE_SHIFT) - 1
        page = next((k >> PAGE_SHIFT for k in self.kids if k.__class__ is int), None)
        kids: list[bytes] = []
        for kid in self.kids:
            if kid.__class__ is int:
                at, mcid = kid >> PAGE_SHIFT, kid & mask
                if at == page:
                    kids.append(b"%d" % mcid)
                else:
                    kids.append(b"<< /Type /MCR /Pg %d 0 R /MCID %d >>"
                                % (num(rl.page_name(at)), mcid))
            elif kid.__class__ is Node:
                if kid.name:
                    kids.append(b"%d 0 R" % num(kid.name))
            else:  # an annotation: (page, its object's name)
                on_page, name = cast("tuple[int, str]", kid)
                kids.append(b"<< /Type /OBJR /Obj %d 0 R /Pg %d 0 R >>"
                            % (num(name), num(rl.page_name(on_page))))
        parts = [b"<< /Type /StructElem /S /%s /P %d 0 R" % (self.role.encode("ascii"),
                                                              num(parent))]
        if page is not None:
            parts.append(b"/Pg %d 0 R" % num(rl.page_name(page)))
        if self.alt is not None:
            parts.append(b"/Alt " + pdf_text(self.alt))
        if self.lang:
            parts.append(b"/Lang " + pdf_text(self.lang))
        if self.attrs:
            parts.append(b"/A " + self.attrs)
        # One kid is written alone: the usual form, and the one every reader walks.
        parts.append(b"/K " + (kids[0] if len(kids) == 1 else b"[" + b" ".join(kids) + b"]")
                     + b" >>")
        return b" ".join(parts)


def _with_content(root: Node) -> list[Node]:
    """Return the elements that have content (their own or a descendant's), in tree order."""
    out: list[Node] = []

    def visit(node: Node) -> bool:
        at = len(out)
        out.append(node)
        found = False
        for kid in node.kids:
            found = (visit(kid) if kid.__class__ is Node else True) or found
        if not found:
            del out[at:]
        return found

    visit(root)
    return out


#: A bulleted list's attributes (PDF/UA asks lists with labels to say how they are numbered).
BULLETS = b"<< /O /List /ListNumbering /Disc >>"
#: ... and a list whose markers are decoration (artifacts).
NO_LABELS = b"<< /O /List /ListNumbering /None >>"


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
        # No context manager here: this runs for every paragraph drawn.
        tags = canv.__dict__.get("hooks")
        if tags is None or self.struct is None or not tags.begin(canv, self.struct):
            super().drawOn(canv, x, y, _sW)  # type: ignore[misc]
            return
        try:
            super().drawOn(canv, x, y, _sW)  # type: ignore[misc]
        finally:
            tags.end(canv)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)  # type: ignore[misc]
        for part in parts:
            if part is not self:
                part.struct = self.struct
        return parts


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
        node.kids.append(rl.page_index(canv) << PAGE_SHIFT | mcid)
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
        self.root.top, self.root.lang = self._tree_root, self.language
        for node in _with_content(self.root):
            node.name = rl.register(canv, node)
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
