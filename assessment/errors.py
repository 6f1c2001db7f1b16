"""Typed errors: an invalid answer never produces a score."""


class AnswerError(ValueError):
    """One or more answers are invalid. `problems` lists each, naming the field and what is allowed."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("; ".join(p.text("en") for p in self.problems))

    def to_json(self, lang="zh"):
        return [p.to_json(lang) for p in self.problems]


class Problem:
    """One invalid answer: `field` is the item id (or "periods[2].score" for history inputs)."""

    __slots__ = ("field", "code", "zh", "en", "allowed")

    def __init__(self, field, code, zh, en, allowed=None):
        self.field, self.code, self.zh, self.en, self.allowed = field, code, zh, en, allowed

    def text(self, lang="zh"):
        return f"{self.field}: {self.zh if lang == 'zh' else self.en}"

    def to_json(self, lang="zh"):
        return {
            "field": self.field,
            "code": self.code,
            "message": self.zh if lang == "zh" else self.en,
            "allowed": self.allowed,
        }

    def __repr__(self):
        return f"Problem({self.field!r}, {self.code!r})"


class ExprError(ValueError):
    """A formula that does not parse or names something unknown; `col` is 1-based within the formula."""

    def __init__(self, zh, en, col):
        self.zh, self.en, self.col = zh, en, col
        super().__init__(f"col {col}: {en}")
