"""docgen's own words on slides and in the handout ("Key Points", "About the Author", "Page 2 of
4"), in the article's language and in the case its headings use.

The audience reads these, so they follow ``language:`` (English, German, French, Spanish,
Italian, Portuguese, Dutch; English for any other). An English article whose headings are in
Title Case ("What I Learned") gets "About the Author" and "Key Points"; one in sentence case gets
"About the author" and "Key points". Other languages write their labels in sentence case.
"""

from __future__ import annotations

from docgen.model import Span, Text
from docgen.typography import title_case

#: key -> words, per language; ``{n}`` and ``{total}`` are numbers.
WORDS: dict[str, dict[str, str]] = {
    "en": {"side": "Side by Side", "question": "The Question", "and": "and",
           "agenda": "Agenda", "author": "About the Author", "thanks": "Thank You",
           "statement": "In a Nutshell", "quote": "In Their Words", "cards": "In Their Words",
           "bullets": "Key Points", "comparison": "Key Points", "list": "At a Glance",
           "picture": "In Pictures", "callout": "Takeaway", "continued": "Continued",
           "part": "Part {n} of {total}", "of": "{n} of {total}",
           "page": "Page {n} of {total}", "qr": "QR code linking to {link}"},
    "de": {"side": "im Vergleich", "question": "Die Frage", "and": "und",
           "agenda": "Agenda", "author": "Über den Autor", "thanks": "Vielen Dank",
           "statement": "Auf den Punkt", "quote": "In ihren Worten", "cards": "In ihren Worten",
           "bullets": "Kernpunkte", "comparison": "Kernpunkte", "list": "Auf einen Blick",
           "picture": "In Bildern", "callout": "Fazit", "continued": "Fortsetzung",
           "part": "Teil {n} von {total}", "of": "{n} von {total}",
           "page": "Seite {n} von {total}", "qr": "QR-Code mit Link zu {link}"},
    "fr": {"side": "face à face", "question": "La question", "and": "et",
           "agenda": "Programme", "author": "À propos de l’auteur", "thanks": "Merci",
           "statement": "En bref", "quote": "Dans leurs mots", "cards": "Dans leurs mots",
           "bullets": "Points clés", "comparison": "Points clés", "list": "En un coup d’œil",
           "picture": "En images", "callout": "À retenir", "continued": "suite",
           "part": "partie {n} sur {total}", "of": "{n} sur {total}",
           "page": "Page {n} sur {total}", "qr": "Code QR menant à {link}"},
    "es": {"side": "frente a frente", "question": "La pregunta", "and": "y",
           "agenda": "Agenda", "author": "Sobre el autor", "thanks": "Gracias",
           "statement": "En pocas palabras", "quote": "En sus palabras", "cards": "En sus palabras",
           "bullets": "Puntos clave", "comparison": "Puntos clave", "list": "De un vistazo",
           "picture": "En imágenes", "callout": "Para recordar", "continued": "continuación",
           "part": "parte {n} de {total}", "of": "{n} de {total}",
           "page": "Página {n} de {total}", "qr": "Código QR que enlaza a {link}"},
    "it": {"side": "a confronto", "question": "La domanda", "and": "e",
           "agenda": "Agenda", "author": "L’autore", "thanks": "Grazie",
           "statement": "In sintesi", "quote": "Con parole loro", "cards": "Con parole loro",
           "bullets": "Punti chiave", "comparison": "Punti chiave", "list": "In breve",
           "picture": "In immagini", "callout": "Da ricordare", "continued": "continua",
           "part": "parte {n} di {total}", "of": "{n} di {total}",
           "page": "Pagina {n} di {total}", "qr": "Codice QR che rimanda a {link}"},
    "pt": {"side": "lado a lado", "question": "A pergunta", "and": "e",
           "agenda": "Agenda", "author": "Sobre o autor", "thanks": "Obrigado",
           "statement": "Em poucas palavras", "quote": "Nas palavras deles",
           "cards": "Nas palavras deles", "bullets": "Pontos-chave", "comparison": "Pontos-chave",
           "list": "Num relance", "picture": "Em imagens", "callout": "Para lembrar",
           "continued": "continuação", "part": "parte {n} de {total}", "of": "{n} de {total}",
           "page": "Página {n} de {total}", "qr": "Código QR com link para {link}"},
    "nl": {"side": "naast elkaar", "question": "De vraag", "and": "en",
           "agenda": "Agenda", "author": "Over de auteur", "thanks": "Dank u wel",
           "statement": "In het kort", "quote": "In hun woorden", "cards": "In hun woorden",
           "bullets": "Kernpunten", "comparison": "Kernpunten", "list": "In één oogopslag",
           "picture": "In beeld", "callout": "Om te onthouden", "continued": "vervolg",
           "part": "deel {n} van {total}", "of": "{n} van {total}",
           "page": "Pagina {n} van {total}", "qr": "QR-code met link naar {link}"},
}


class Labels:
    """docgen's words for one deck: its language's, in its headings' case."""

    def __init__(self, headings: list[str], language: str = "en") -> None:
        self.words = WORDS.get(language.split("-")[0].lower(), WORDS["en"])
        english = self.words is WORDS["en"]
        titled = [h for h in headings if h.strip() and title_case(h) == h]
        self.title_case = english and (not headings or len(titled) * 2 >= len(headings))
        self.sentence_case = english and not self.title_case
        self._done: dict[tuple[str, int, int], str] = {}

    def join(self, words: list[str]) -> str:
        """``words`` as a list in the language: "Sports, Theatre and Seafood"."""
        if len(words) < 2:
            return "".join(words)
        return f"{', '.join(words[:-1])} {self.words['and']} {words[-1]}"

    def __call__(self, key: str, n: int = 0, total: int = 0) -> str:
        """The words for ``key`` ("bullets", "part" with ``n`` and ``total``...)."""
        found = self._done.get((key, n, total))
        if found is None:
            words = self.words[key].format(n=n, total=total)
            if key == "and":
                pass
            elif self.title_case:
                words = title_case(words)
            elif self.sentence_case:
                words = words[:1] + words[1:].lower()
            if len(self._done) < 4096:
                self._done[(key, n, total)] = words
            found = words
        return found

    def sentence(self, key: str, **values: str) -> str:
        """The words for ``key`` filled in with ``values``, as a sentence (alternate text)."""
        return self.words[key].format(**values)

    def heading(self, text: Text) -> Text:
        """``text`` set as a heading: in Title Case when the article's headings are (its runs'
        styles kept), else as typed."""
        if not self.title_case:
            return text
        cased = title_case(text.plain)
        if len(cased) != len(text.plain):
            return text
        spans, at = [], 0
        for s in text.spans:
            spans.append(Span(cased[at:at + len(s.text)], s.bold, s.italic, s.href))
            at += len(s.text)
        return Text(tuple(spans))
