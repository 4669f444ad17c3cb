"""English wordings for the places of the one-card and relationship spreads (see phrases_en)."""

# A place after a card's name, where "in the {label}" would read badly.
WHERE = {
    "card": "that you drew", "me": "in your own place", "other": "in the other person's place",
    "between": "in the place between you", "outlook": "in the Outlook",
}

SPREAD_PHRASES = {
    "open.card": (
        "The one card you drew today is {card}, {side}.",
        "The card that came to answer this question is {card}, {side}.",
    ),
    "kw.card": (
        "The words it hands you are {kws}.",
        "Put into a few words: {kws}, words to keep close for now.",
    ),
    "topic.card": (
        "Seen through {area}, {card} says this.",
        "In terms of {area}, {card} reads like this.",
    ),
    "open.me": (
        "First, the place that shows you holds {card}, {side}.",
        "How you stand in this relationship shows in {card}, {side}.",
    ),
    "kw.me": (
        "Your heart these days, in a few words: {kws}.",
        "{kws}: the words that hover around you in this relationship.",
    ),
    "topic.me": (
        "Seen through {area}, {card} shows you like this.",
        "In terms of {area}, {card} reads like this.",
    ),
    "open.other": (
        "In the other person's place lies {card}, {side}.",
        "What shows from the other person's side is {card}, {side}.",
    ),
    "kw.other": (
        "What they show on the outside, in a few words: {kws}.",
        "{kws}: the words that read in their place. Their inner feelings are theirs to know, but this is how things look.",
    ),
    "topic.other": (
        "Seen through {area}, {card} shows their situation like this.",
        "In terms of {area}, {card} in their place reads like this.",
    ),
    "open.between": (
        "What flows between the two of you is {card}, {side}.",
        "The place between you holds {card}, {side}.",
    ),
    "kw.between": (
        "What lies between you, in a few words: {kws}.",
        "{kws}: the words lying between the two of you right now.",
    ),
    "topic.between": (
        "Seen through {area}, {card} says this about the two of you.",
        "In terms of {area}, {card} reads like this.",
    ),
    "open.outlook": (
        "Looking ahead, {card} has come, {side}.",
        "What you may meet if things carry on is {card}, {side}.",
    ),
    "kw.outlook": (
        "From here, the energy of {kws} may grow stronger.",
        "The words for the time ahead are {kws}.",
    ),
    "topic.outlook": (
        "Seen through {area}, {card} says this about what lies ahead.",
        "In terms of {area}, {card} reads like this.",
    ),
    # From one place of a spread to the next, by how the mood moves.
    "link.next.up": (
        "Moving from {prev} to {card}, the mood grows lighter.",
        "Compared with the weight of {prev}, {card} points somewhere a little easier.",
    ),
    "link.next.down": (
        "Next to {prev}, {card} points somewhere more careful.",
        "From {prev} to {card} the flow grows a little heavier, so tend to that place gently.",
    ),
    "link.next.same": (
        "{prev} and {card} carry much the same warmth.",
        "The grain of {prev} runs on through {card}.",
    ),
    "reversed.all": (
        "Every card came up reversed, which is rare: for {topic}, a clear sign to pause and catch your breath rather than push outward.",
        "Only reversed cards means that in {topic}, looking after what is inside comes before what is outside.",
    ),
}
