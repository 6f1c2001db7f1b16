"""Typed errors: an invalid answer never produces a score."""

from .messages import Term, say


class AnswerError(ValueError):
    """One or more answers are invalid. `problems` lists each, naming the field and what is allowed."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("; ".join(p.text("en") for p in self.problems))

    def to_json(self, lang="zh"):
        return [p.to_json(lang) for p in self.problems]


# Where an answer sits: the one grammar of answer paths, read by problems, reviews, the batch's cell notes and
# carry-over. The page gets PERIOD_PATH in its definition to name its table's fields (app.js, renumber); its
# fieldBox() reads these paths back.
PERIOD_PATH = "periods[{index}]"


def period_path(index, field=None):
    """A rule's period (0-based, oldest first), or one field of it: periods[2], periods[2].sales."""
    return PERIOD_PATH.format(index=index) + (f".{field}" if field else "")


def person_path(field):
    return f"person.{field}"


def entry_path(path, index):
    """One entry of a list answer (a rater's score): peer[1], periods[0].peer[1]."""
    return f"{path}[{index}]"


class Problem:
    """One invalid answer: `field` is its path (above); `message_id` names its message in messages.MESSAGES,
    whose first part is the problem's code; `params` fill the message; `allowed` says what the field accepts."""

    __slots__ = ("field", "message_id", "params", "allowed")

    def __init__(self, field, message_id, allowed=None, /, **params):
        self.field, self.message_id, self.allowed, self.params = field, message_id, allowed, params

    @property
    def code(self):
        return self.message_id.split(".")[0]

    def message(self, lang="zh"):
        return say(self.message_id, lang, **self.params)

    def text(self, lang="zh"):
        return f"{self.field}: {self.message(lang)}"

    def to_json(self, lang="zh"):
        return {
            "field": self.field,
            "code": self.code,
            "message": self.message(lang),
            "allowed": self.allowed,
        }

    def __repr__(self):
        return f"Problem({self.field!r}, {self.code!r})"


class ExprError(ValueError):
    """A formula that does not parse or names something unknown; `col` is 1-based within the formula."""

    def __init__(self, message_id, col, /, **params):
        self.message_id, self.col, self.params = message_id, col, params
        super().__init__(f"col {col}: {self.text('en')}")

    @property
    def words(self):
        """The message as a parameter of another (the definitions' `expr_error`), in that one's language."""
        return Term(self.message_id, **self.params)

    def text(self, lang="zh"):
        return say(self.message_id, lang, **self.params)
