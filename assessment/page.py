"""What the page asks the engine, JSON in and JSON out: the worker's only Python is a call to `answer`.

Requests (one key besides `id` and `seq`, which are the page's own):
  {"answers": …}                       score a standard or evaluate a rule
  {"migrate": {answers, basis, names}}  carry saved answers over to this rulebook (carry.py)
  {"review": {self, reviewer}}          both scored and compared field by field (review.py)
  {"seal": record}                      the review file's integrity entry: {algorithm, digest, note}
  {"verify": record}                    {"state": "intact" | "edited" | "unsealed"} for a review file read back
Every answer is a JSON object; an engine failure is {"failure": text}, invalid answers {"errors": […]}.
"""

import json

from . import carry_over, run
from .contract import Rulebook
from .errors import AnswerError
from .messages import language_of, speaking
from .review import ALGORITHM, compare, seal, seal_note, verify


def _record(value):
    return value if isinstance(value, dict) else {}


def _dispatch(rulebook, ident, request):
    if "answers" in request:
        return run(rulebook, ident, request["answers"])
    if "migrate" in request:
        return carry_over(rulebook, ident, request["migrate"])
    if "review" in request:
        pair = request["review"] if isinstance(request["review"], dict) else {}
        return compare(rulebook, ident, pair.get("self"), pair.get("reviewer"))
    if "seal" in request:
        return {"algorithm": ALGORITHM, "digest": seal(_record(request["seal"])), "note": seal_note()}
    if "verify" in request:
        return {"state": verify(_record(request["verify"]))}
    raise ValueError("unknown request")


def answer(rulebook: Rulebook, ident: str, request_json: str) -> str:
    try:
        with speaking(language_of(rulebook)):
            out = _dispatch(rulebook, ident, json.loads(request_json))
    except AnswerError as exc:
        out = {"errors": exc.to_json(language_of(rulebook))}
    except Exception as exc:  # any other engine failure is shown on the page, which stays usable
        out = {"failure": f"{type(exc).__name__}: {exc}"}
    return json.dumps(out, ensure_ascii=False)
