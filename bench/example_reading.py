"""Print one offline reading in full, for reading it as a person would (bench/README.md).

    python bench/example_reading.py ko      # the Korean example
    python bench/example_reading.py en      # the English example

The cards, topic, concern, nickname and seed are fixed, so the same code prints the same
reading: run it before and after a change to the offline reader and compare.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tarot import create_app  # noqa: E402
from tarot.oracle import ReadingRequest, SpreadCard  # noqa: E402
from tarot.oracle.offline import OfflineInterpreter  # noqa: E402
from tarot.oracle.sections import SECTIONS  # noqa: E402
from tarot.spreads import POSITIONS  # noqa: E402

# (topic, concern, nickname, [(card number, reversed)] in POSITIONS order)
EXAMPLES = {
    "ko": ("love", "헤어진 그 사람에게 다시 연락해도 될까요?", "밀크티",
           [(52, False), (9, False), (37, True), (46, False), (14, True)]),
    "en": ("work", "Should I quit my job and start my own business?", "Milk",
           [(71, False), (26, True), (7, False), (61, True), (76, False)]),
}
SEED = 17


def example_reading(app, lang):
    """The example reading in ``lang`` as {section: text}."""
    topic, concern, nickname, drawn = EXAMPLES[lang]
    deck = app.extensions["deck"]
    cards = tuple(SpreadCard(p, deck[n], r) for p, (n, r) in zip(POSITIONS, drawn, strict=True))
    request = ReadingRequest(topic=topic, concern=concern, nickname=nickname, lang=lang, cards=cards, seed=SEED)
    with app.test_request_context(headers={"Accept-Language": lang}):
        return OfflineInterpreter().compose(request)


def main():
    lang = sys.argv[1] if len(sys.argv) > 1 else "ko"
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "example", "AUTO_MIGRATE": False})
    sections = example_reading(app, lang)
    print("\n\n".join(sections[key] for key in SECTIONS))


if __name__ == "__main__":
    main()
