"""The handbook's words: one catalog per language, assessment/catalogs/LANG.json, every message keyed by id.

A language is its catalog file: adding one is a new file with the same ids (tests/test_catalogs.py checks the
ids, and that a wording uses only the parameters the code gives); the guides' translations sit in
translations/LANG/ (a language without them shows the Chinese guides). Where each kind of words sits:
- the engine: its messages about answers keyed by their problem code, or `code.variant` where one code has
  several wordings (the code is what the page and the batch act on, the wording is what a person reads); its
  result texts under `item.`, `standard.`, `outcome.`, `review.`, `carry.`, a formula in words under `formula.`;
- the definitions: `definitions.` (a problem, and its `.hint`), names used inside messages under `kind.` and
  `type.`, the format's field docs under `field.` and `object.` (Chinese: the model's own, "{doc}");
- the pages: the page scripts' under `page.` (the build writes them into words.js), the generated pages' under
  `doc.`, `form.`, `assess.`, `recent.`, `nav.`, `site.`, `period.`, the changelog's under `changes.`, the format
  reference's under `reference.`;
- the commands: `cli.`, `build.`, `report.`, `template.`, and HR's tools under `batch.`, `calibration.`,
  `cohort.` and `import.`;
- how the language writes lists, units and sums: `list_separator`, `enumeration`, `unit_separator`,
  `thousands_separator`.
Parameters fill {placeholders}; a parameter that is itself words (a kind's name, a "did you mean" hint) is a
`Term`, rendered in the message's language.
"""

import contextlib
import contextvars
import difflib
import json
from importlib import resources

DEFAULT = "zh"
# read as the engine is imported: a browser that starts the engine from its memory snapshot has the modules, and
# what they read, but not the package's files
_CATALOGS = {entry.name.removesuffix(".json"): json.loads(entry.read_text(encoding="utf-8"))
             for entry in (resources.files(__package__) / "catalogs").iterdir() if entry.name.endswith(".json")}
LANGUAGES = tuple(sorted(_CATALOGS))


def catalog(lang: str) -> dict[str, str]:
    if lang not in _CATALOGS:
        raise ValueError(f"no catalog for language {lang!r}; there are: {', '.join(LANGUAGES)}")
    return _CATALOGS[lang]


class Term:
    """Words as a message parameter: the catalog entry `key` (filled from its own params), rendered in the
    language of the message it is part of."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params):
        self.key, self.params = key, params

    def text(self, lang: str | None = None) -> str:
        return say(self.key, lang, **self.params) if self.key else ""

    def __eq__(self, other):
        return isinstance(other, Term) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self):
        return hash(self.key)

    def __repr__(self):
        return f"Term({self.key!r}, **{self.params!r})"


class Listed:
    """Several texts as one parameter (each with text(lang), or plain), joined by the language's separator."""

    __slots__ = ("parts",)

    def __init__(self, parts):
        self.parts = tuple(parts)

    def text(self, lang: str | None = None) -> str:
        return listed((p if isinstance(p, str) else p.text(lang) for p in self.parts), lang)


NOTHING = Term("")


class _InLanguage(dict):
    """Message parameters as one language reads them; an absent one is empty."""

    def __init__(self, params, lang):
        super().__init__({k: v.text(lang) if isinstance(v, (Term, Listed)) else v for k, v in params.items()})

    def __missing__(self, key):
        return ""


def language_of(rulebook) -> str:
    """The language a rulebook (or a page's excerpt of one) is written in: organisation.yaml's `language`."""
    organisation = rulebook.get("organisation") if isinstance(rulebook, dict) else None
    lang = organisation.get("language") if isinstance(organisation, dict) else None
    return lang if lang in _CATALOGS else DEFAULT


# The language words are produced in when a caller names none: the engine's entry points and the page build set
# it from the rulebook (`speaking`), so the sentences deep in the scoring need not be handed a language each.
_SPEAKING: contextvars.ContextVar[str] = contextvars.ContextVar("speaking", default=DEFAULT)


@contextlib.contextmanager
def speaking(lang: str):
    """Words said inside this block, with no language named, are in `lang`."""
    token = _SPEAKING.set(lang if lang in _CATALOGS else DEFAULT)
    try:
        yield
    finally:
        _SPEAKING.reset(token)


def spoken() -> str:
    """The language being spoken (see `speaking`)."""
    return _SPEAKING.get()


def say(message_id: str, lang: str | None = None, /, **params) -> str:
    """The message `message_id` in `lang` (the language being spoken when None), its {placeholders} filled."""
    lang = lang or _SPEAKING.get()
    return catalog(lang)[message_id].format_map(_InLanguage(params, lang))


def listed(parts, lang: str | None = None) -> str:
    """Phrases one after another as the language lists them (；in Chinese, "; " in English)."""
    return say("list_separator", lang).join(parts)


def enumerated(parts, lang: str | None = None) -> str:
    """Short names in a row (、 in Chinese, ", " in English)."""
    return say("enumeration", lang).join(parts)


def amount(value, lang: str | None = None) -> str:
    """A sum of money as the language writes it: its thousands grouped by the catalog's separator (60,000 in
    English; none in Chinese, which writes 60000). `value` is a number's canonical text or a number."""
    text = str(value)
    separator = say("thousands_separator", lang)
    whole, dot, rest = text.partition(".")
    sign = whole[:1] if whole[:1] in "+-" else ""
    digits = whole[len(sign):]
    if not separator or not digits.isdigit() or len(digits) <= 4:  # 6500 stays whole in every language
        return text
    groups: list[str] = []
    while digits:
        digits, groups = digits[:-3], [digits[-3:], *groups]
    return sign + separator.join(groups) + dot + rest


def did_you_mean(word, choices, cutoff=0.6, quoted=True):
    """The "did you mean" hint after an unknown name: the closest of `choices`, or NOTHING. Names in a
    formula are code and go unquoted; ids and keys are quoted."""
    near = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    if not near:
        return NOTHING
    return Term("did_you_mean" if quoted else "did_you_mean.code", near=near[0])
