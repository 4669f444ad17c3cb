"""English wordings of the offline reader's conclusion (see phrases_en)."""

CONCLUSION = {
    # The answer to a yes/no question, by the spread's lean.
    "answer.yes_no.yes": (
        "You asked {q}. Taken together, the five cards lean towards yes.",
        "On {subject}, the cards answer on the bright side: more of them lend their strength than hold it back.",
        "In a word, it's close to a yes. As for {q}, the cards leave that road open.",
    ),
    "answer.yes_no.maybe": (
        "You asked {q}, and the cards sit between yes and no for now. The choices you make from here will set the direction.",
        "On {subject}, the answer is half and half. Which way it tips depends on how you move, {nick}.",
        "The cards are saying different things, too different for a clean yes or no. As for {q}, it's fine to watch a little longer before deciding.",
    ),
    "answer.yes_no.no": (
        "You asked {q}. As things stand, the answer is closer to “not yet”. The road isn't closed; it's a sign to change the timing or the way.",
        "On {subject}, the cards answer cautiously. Taking a beat before you act would serve you better than hurrying.",
        "In a word, it's close to “not for now”. As for {q}, doing the groundwork the advice cards describe could change the answer.",
    ),
    # Asked about another person's heart: the flow between them, never what they feel.
    "answer.their_mind.yes": (
        "I can't speak for how they feel, but the current between the two of you leans warm.",
        "What's in their heart is theirs. Still, the temperature of the connection the cards show is on the bright side.",
    ),
    "answer.their_mind.maybe": (
        "How they feel is not something the cards can settle. The current between you hasn't chosen a direction either.",
        "Only they know their heart. The flow between you that the cards show is still at a crossroads.",
    ),
    "answer.their_mind.no": (
        "I can't speak for how they feel, but the current between you is a little cool right now. Rather than pulling harder, look after your own heart first.",
        "What's in their heart is theirs. The temperature the cards show is low for now, so there's no need to hurry.",
    ),
    # "When": no date, but the pace the suits and majors suggest.
    "answer.when.soon": (
        "The cards don't give dates, but with quick Wands and Swords in the spread, the time for {subject} looks close, within weeks.",
        "No date can be fixed, but this spread moves fast: things around {subject} may shift sooner than you think.",
    ),
    "answer.when.gradual": (
        "The cards don't give dates, but with quick and slow cards mixed, the time for {subject} seems to come gradually, over a month or two.",
        "No date can be fixed. This spread walks at an ordinary pace, so {subject} will move step by step over a season.",
    ),
    "answer.when.slow": (
        "The cards don't give dates, but with slow Pentacles and Major Arcana in the spread, {subject} seems to need the long breath of several months.",
        "No date can be fixed. This spread takes its time, so {subject} will need a while to ripen.",
    ),
    "answer.how": (
        "How to go about it is in the two advice cards: {advice1_kw} from {a}, and {advice2_kw} from {b}.",
        "For a question of how, the advice cards answer: {a} suggests {advice1_kw}, and {b} suggests {advice2_kw}.",
        "The ways to work through {subject} come down to two: {advice1_kw}, and {advice2_kw}. Pick the one you can start today.",
    ),
    "answer.what": (
        "What the cards stress most is {present_kw} and {future_kw}.",
        "If you're asking where to put your heart, the five cards single out {present_kw} and {advice1_kw}.",
        "Among the many paths, the cards light up the way of {future_kw}. Take {advice2_kw} with you on it.",
    ),
    # The spread's lean, for questions that are not yes/no.
    "flow.yes": (
        "Taken together, the five cards show a current opening towards the light.",
        "As a whole, this is close to a tailwind.",
        "The larger current is on your side, {nick}.",
    ),
    "flow.maybe": (
        "Taken together, the five cards show a current still standing at a crossroads.",
        "As a whole, it's an open current that hasn't tipped either way.",
        "The larger current is calm. Its direction is set from here on.",
    ),
    "flow.no": (
        "Taken together, the five cards say this is a time to catch your breath rather than hurry.",
        "As a whole, there's a little headwind in this current.",
        "The larger current says: slowly.",
    ),
    # Why the spread leans as it does.
    "why.split": (
        "The bright side has {pro} behind it; the careful side has {con}.",
        "Weighing each card by its place, you'll find {pro} on the bright side and {con} on the careful one.",
        "Lending strength: {pro}. Asking for a pause: {con}.",
    ),
    "why.pro": (
        "The bright side has {pro} behind it, and none of the other cards holds you back.",
        "You'll find {pro} pulling you forward, while the other cards quietly look on.",
    ),
    "why.con": (
        "You'll find {con} asking you to slow down, and the other cards don't give a firm answer either.",
        "The careful side has {con} behind it; the others don't lean either way.",
    ),
    "why.open": (
        "All five are cards of “not yet known”, which makes your own choice matter all the more.",
        "No card pulls hard in either direction. What sets the current is less the cards than your next step, {nick}.",
    ),
    # The Future weighs most; what it says, by its answer.
    "why.future.yes": (
        "Most weight rests on the Future, and there {future} stands on the side of yes.",
        "Above all, {future} in the Future lights the road ahead.",
    ),
    "why.future.maybe": (
        "{future}, in the Future where the most weight rests, still says “perhaps”.",
        "{future} in the Future holds back its answer, so the other cards' voices carry further.",
    ),
    "why.future.no": (
        "{future}, in the Future where the most weight rests, stands on the side of “not yet”.",
        "{future} in the Future has a foot on the brake, which makes the answer careful.",
    ),
    # What clusters in the spread.
    "cluster.majors": (
        "As many as {count_word} Major Arcana appeared: the larger currents of your life are on the move.",
        "{count_word} of the five are major cards. This worry touches a real turning point in your life.",
    ),
    "cluster.element": (
        "{count_word} of the cards belong to {element}. {realm} sit at the centre of this question.",
        "{count_word} of the five carry the energy of {element}, a sign that the answers gather around {realm}.",
    ),
    "cluster.suit_pair": (
        "Two {suit} cards came up, {pair_a} and {pair_b}: the story gathers around {realm}.",
        "{pair_a} and {pair_b}, two {suit}, bring up {realm} again and again.",
    ),
    "cluster.all_minor": (
        "All five are Minor Arcana. The answer is shaped less by life-shaking events than by everyday choices.",
        "A spread of minor cards only, without a single major: the small things you can take in hand set the course.",
    ),
    "cluster.all_elements": (
        "Fire, Water, Air and Earth all appeared: an even current that doesn't tip to one side.",
        "All four elements are mixed in this spread, a reminder to tend heart, mind, action and daily life alike.",
    ),
    "cluster.balance": (
        "With {count_word} of the five from the Major Arcana, the big current and everyday choices move together.",
        "The major arcana here set the main stem; the minor cards show its branches.",
    ),
    # How many cards lie reversed: the grammar differs for none, one, several and all.
    "reversed.0": (
        "All five cards came up upright: the way ahead looks fairly open.",
        "Not a single card is reversed. Your energy can flow outward without getting stuck.",
    ),
    "reversed.1": (
        "Only one card, {rev_card}, is reversed. Look after that one spot and the rest flows easily.",
        "One of the five cards is reversed: {rev_card}. It points to a single small snag, no more.",
    ),
    "reversed.2": (
        "Two of the five cards are reversed. That's less a sign to stop than a nudge to slow down and look closer.",
        "Two reversed cards are mixed in: smooth stretches and snags travel together here.",
        "Two cards lie reversed. Mostly flowing, with a few places that need your care.",
    ),
    "reversed.3": (
        "Three of the five cards are reversed, more than half. This is a time to gather your strength inward rather than reach outward.",
        "Three cards came up reversed. Tidying and refining suits this moment better than starting something new.",
        "Three reversed cards: hurrying may tangle things, so undo them one knot at a time.",
    ),
    "reversed.4": (
        "Four of the five cards are reversed. Several things are stuck, and easing them one by one takes patience.",
        "Four cards came up reversed: for now, put your care into recovering rather than into results.",
    ),
    "reversed.5": (
        "All five cards are reversed. That's rare, and a clear sign to stop and catch your breath.",
        "Every card came up reversed, the cards saying with one voice: look after what's inside before what's outside.",
    ),
    "closing": (
        "Keep {qkw} in a corner of your heart, {nick}. Come back for another cup any time.",
        "The cards only light the way; the walking is always yours, {nick}. Remember what {card} said, and be gentle with yourself.",
        "I hope your worries have eased a little, like the warmth of a teacup in your hands, {nick}. Don't forget {card}'s {qkw}.",
        "When your heart feels tangled, drop by again. The {qkw} that {card} offered is enough to hold on to.",
        "Before you set down your cup, keep just one thing in mind: {qkw}. I'm cheering on your next step, {nick}.",
    ),
}
