"""Korean wordings of the offline reader: for each slot, several to choose from.

Fields in braces are filled by the writer (tarot/oracle/offline/writer.py). A Hangul spec
after a colon picks the particle that fits the word before it: "{card:이/가}" (tarot.korean).
"""

from .phrases_ko_conclusion import CONCLUSION
from .phrases_ko_spreads import SPREAD_PHRASES, WHERE

LANG = "ko"
SIDE = {False: "정방향", True: "역방향"}
REF = {False: "{where} {name}", True: "{where} 역방향 {name}"}
NAMED = {False: "{name}", True: "역방향 {name}"}
AND = "{a:과/와} {b}"
QUOTE = "‘{}’"
COUNT = {1: "한", 2: "두", 3: "세", 4: "네", 5: "다섯"}

# A concern's subject: (the noun, the yes/no question about it as a clause).
SUBJECTS = {
    "contact": ("연락", "지금 연락해도 괜찮을지"),
    "confession": ("고백", "마음을 전해도 될지"),
    "reunion": ("재회", "다시 이어질 수 있을지"),
    "feelings": ("그 사람의 마음", "그 사람과 가까워질 수 있을지"),
    "job_change": ("이직", "이직해도 괜찮을지"),
    "job_search": ("취업", "원하는 자리에 닿을 수 있을지"),
    "exam": ("시험", "시험에서 바라는 결과를 얻을 수 있을지"),
    "money": ("돈 문제", "그 선택이 돈 문제에서 괜찮을지"),
    "health": ("건강", "몸이 다시 편안해질 수 있을지"),
    "career": ("회사 일", "회사 일이 잘 풀릴지"),
    "move": ("이사", "옮겨 가도 괜찮을지"),
    "relationship": ("관계", "이 관계가 잘 이어질지"),
    "friendship": ("친구 관계", "친구와의 사이가 괜찮아질지"),
    "family": ("가족 관계", "가족과의 사이가 편안해질지"),
    None: ("이 고민", "바라는 쪽으로 흘러갈지"),
}


def in_sentence(name):
    """A card's name inside a sentence: Korean names need no change."""
    return name


def keyword_list(words):
    """Keywords inside a sentence: "상심, 이별의 아픔"."""
    return ", ".join(words)


def where(position, label):
    """A card's place as it stands before its name: "과거의", "조언 1의", "뽑은"."""
    return WHERE.get(position, f"{label}의")


def article(name):
    return ""


def bare(name):
    return name


PHRASES = {
    # ---- greeting ---------------------------------------------------------------------------
    "hello": (
        "{topic:이/가} 궁금해서 들르셨군요, {nick}님.",
        "{nick}님, 따뜻한 밀크티 한 잔 곁에 두고 {topic:을/를} 함께 읽어 볼게요.",
        "{nick}님, 찻잔이 식기 전에 {topic:을/를} 천천히 펼쳐 볼게요.",
        "{nick}님, 김이 오르는 찻잔 앞에서 {topic:을/를} 함께 들여다볼게요.",
        "차를 우리는 동안 {topic}에 관한 카드를 골라 두셨네요, {nick}님.",
        "이번 찻자리에서 {nick}님과 나눌 이야기는 {topic:이에요/예요}.",
    ),
    "ask.yes_no": (
        "“{concern}” 하고 물어 주셨죠. 마음 한가운데에는 {q}, 그 한 가지가 놓여 있네요.",
        "“{concern}”라는 질문을 적어 주셨죠. 결국 {q:이/가} 가장 궁금하신 거죠.",
        "“{concern}” 그 물음을 품고 카드를 고르셨어요. {q:을/를} 다섯 장에게 차근차근 물어볼게요.",
    ),
    "ask.when": (
        "“{concern}” 하고 적어 주셨죠. {subject}의 때가 언제쯤일지, 카드가 움직이는 속도로 짐작해 볼게요.",
        "“{concern}” {subject:을/를} 기다리는 마음이 느껴져요. 날짜를 못 박을 수는 없지만 {subject}의 흐름이 얼마나 빠른지는 읽어 드릴 수 있어요.",
        "“{concern}” 기다림이 길게 느껴질 때 나오는 물음이죠. {subject}의 시계가 어디쯤 와 있는지 함께 볼게요.",
    ),
    "ask.how": (
        "“{concern}”라고 물어 주셨어요. {subject}의 방법을 찾는 질문이라 조언 카드가 특히 중요해요.",
        "“{concern}”라는 고민을 적어 주셨죠. {subject}에서 무엇을 하면 좋을지 찾는 마음이니, 손에 잡히는 방법을 골라 볼게요.",
        "“{concern}” {subject}의 실마리를 찾고 계시니, 카드가 가리키는 방법을 하나씩 짚어 볼게요.",
    ),
    "ask.what": (
        "“{concern}” 하고 물어 주셨죠. {subject}에서 무엇에 마음을 두면 좋을지, 카드가 힘주어 말하는 것을 찾아볼게요.",
        "“{concern}”라고 물어 주셨어요. {subject}의 여러 갈래 가운데 카드가 비추는 쪽이 어디인지 살펴볼게요.",
        "“{concern}” 고르기 어려운 물음이네요. {subject}에 대해 다섯 장이 한목소리로 가리키는 것을 찾아볼게요.",
    ),
    "ask.open": (
        "“{concern}” 하고 적어 주셨죠. {subject}에 관한 이야기라 쉽게 꺼내기 어려웠을 텐데, 들려줘서 고마워요.",
        "“{concern}”라는 마음을 적어 주셨네요. {subject}에 관한 그 이야기를 곁에 두고 카드를 한 장씩 읽어 볼게요.",
        "“{concern}” 그 마음을 안고 다섯 장을 고르셨으니, {subject:을/를} 천천히 풀어 볼게요.",
    ),
    "ask.none": (
        "따로 적은 고민은 없으니, {topic} 전체를 넓게 둘러볼게요.",
        "적어 둔 질문이 없어도 괜찮으니, {topic}에 대해 카드가 먼저 꺼내는 이야기에 귀를 기울여 봐요.",
        "고민 칸이 비어 있을 땐 {topic}에 대해 카드가 가장 하고 싶은 말부터 들어 보면 돼요.",
    ),
    "their_mind": (
        "다만 그 사람의 속마음은 카드로도 대신 들여다볼 수 없으니, {nick}님 쪽에서 보이는 흐름과 할 수 있는 일을 읽어 드릴게요.",
        "미리 말씀드리면, 다른 사람의 마음은 그 사람만 알 수 있어서 카드는 두 사람 사이의 흐름과 {nick}님의 자리를 비춰 줄 뿐이에요.",
        "누군가의 마음을 단정해 드릴 수는 없고, 카드가 보여 주는 건 관계의 흐름과 {nick}님이 내디딜 수 있는 걸음이에요.",
        "그 사람이 무엇을 느끼는지는 카드도 장담할 수 없어서, {nick}님 쪽에서 보이는 풍경을 중심으로 읽어 볼게요.",
    ),
    "roadmap": (
        "{past}에서 시작해 {present:을/를} 지나 {future}까지, 그리고 두 장의 조언까지 차례로 이어 볼게요.",
        "{past}에서 출발한 이야기가 {present:과/와} {future:을/를} 거쳐 두 장의 조언에서 매듭지어질 거예요.",
        "과거의 {past}, 현재의 {present}, 미래의 {future}, 세 장을 하나의 이야기로 이어 읽고 조언 두 장으로 마무리할게요.",
        "{past:이/가} 연 이야기가 {present:을/를} 거쳐 {future}에 닿기까지, 한 장씩 따라가 볼게요.",
    ),
    # ---- past, present, future --------------------------------------------------------------
    "open.past": (
        "지나온 시간부터 보면, {card:이/가} {side:(으)로} 나왔어요.",
        "이야기의 시작점에는 {card:이/가} {side:(으)로} 놓였네요.",
        "먼저 과거를 비추는 카드는 {card}, {side:이에요/예요}.",
        "이 고민의 뿌리를 보여 주는 자리에 {card:이/가} {side:(으)로} 자리 잡았어요.",
    ),
    "open.present": (
        "이제 지금으로 오면, 현재 자리에는 {card:이/가} {side:(으)로} 나왔어요.",
        "요즘의 {nick}님을 비추는 카드는 {card}, {side:이에요/예요}.",
        "지금 이 순간에는 {card:이/가} {side:(으)로} 놓였네요.",
        "현재를 보여 주는 자리에 {card:이/가} {side:(으)로} 앉아 있어요.",
    ),
    "open.future": (
        "앞으로의 흐름에는 {card:이/가} {side:(으)로} 찾아왔어요.",
        "이대로 걸어갈 때 만날 풍경, 미래 자리의 카드는 {card}, {side:이에요/예요}.",
        "미래 자리에는 {card:이/가} {side:(으)로} 나왔네요.",
        "다가올 시간을 비추는 카드는 {card}, {side:이에요/예요}.",
    ),
    "kw.past": (
        "그 시간을 몇 마디로 줄이면 {kws:이에요/예요}.",
        "{kws}, 그 무렵을 지나온 마음에 남은 말들이에요.",
        "그때를 떠올리게 하는 열쇠말은 {kws:이에요/예요}.",
    ),
    "kw.present": (
        "지금을 몇 마디로 줄이면 {kws:이에요/예요}.",
        "요즘 {nick}님 곁에 맴도는 말은 {kws:이에요/예요}.",
        "지금 흐름의 열쇠말은 {kws:이에요/예요}.",
    ),
    "kw.future": (
        "앞으로는 {kws}의 기운이 짙어질 수 있어요.",
        "다가올 시간의 열쇠말은 {kws:이에요/예요}.",
        "미래 쪽에서는 {kws:이/가} 조금씩 모습을 드러낼 거예요.",
    ),
    "root": (
        "{subject:을/를} 두고 고민하게 된 뿌리가 어쩌면 {card}의 시간에 있을지도 몰라요.",
        "지금 {subject:을/를} 앞에 두고 흔들리는 마음도 {card}의 시간부터 자라 왔을 거예요.",
        "{subject}에 대한 지금의 생각은 {card:이/가} 비추는 시간을 지나며 모양을 갖췄어요.",
    ),
    "root.none": (
        "{card:이/가} 비추는 그때를 떠올려 보면 지금의 마음이 어디에서 왔는지 실마리가 보여요.",
        "{card}의 시간에 겪은 일이 지금 {nick}님의 선택에 조용히 영향을 주고 있어요.",
        "지나간 일이지만, {card:이/가} 남긴 흔적을 알아차리는 것만으로도 한결 가벼워질 거예요.",
        "어쩌면 지금의 고민은 {card}의 시간에서부터 천천히 자라 왔는지도 몰라요.",
    ),
    "topic.present": (
        "{area}의 눈으로 보면 {card:은/는} 지금을 이렇게 말해요.",
        "{area} 쪽에서 {card:이/가} 말하는 지금은 이런 모습이에요.",
        "{area}에 비추어 보면 {card:은/는} 이렇게 읽혀요.",
    ),
    "topic.future": (
        "{area} 쪽으로 {card:이/가} 여는 가능성은 이래요.",
        "{area}에서는 {card}의 이런 흐름이 다가올 수 있어요.",
        "{area}에 비추어 본 {card}의 앞날은 이런 모습이에요.",
    ),
    "link.present.up": (
        "{past}의 시간을 지나 지금은 한결 숨통이 트이는 쪽으로 옮겨 와 있어요.",
        "{past:이/가} 남긴 무게에 비하면 {present:은/는} 한 걸음 가벼워진 지금을 보여 줘요.",
    ),
    "link.present.down": (
        "{past}의 시간에 비하면 지금이 조금 더 무겁게 느껴질 수 있어요.",
        "{past}에서 {present:(으)로} 넘어오며 발걸음이 한결 조심스러워졌네요.",
    ),
    "link.present.same": (
        "{past}에서 시작된 흐름이 {present}에서도 비슷한 온도로 이어지고 있어요.",
        "{past:과/와} {present:은/는} 같은 결의 이야기를 이어서 하고 있어요.",
    ),
    "link.future.rising": (
        "{past}에서 {present:(으)로}, 그리고 {future:(으)로}, 흐름이 조금씩 밝아지는 쪽으로 이어지고 있어요.",
        "지금보다 앞날이 더 환해서, {present}에서 쌓은 것이 {future}에서 빛을 볼 수 있어요.",
    ),
    "link.future.valley": (
        "{present:이/가} 골짜기의 가장 낮은 곳일 수 있어요. 그곳을 지나면 {future:이/가} 기다리고 있어요.",
        "{past} 뒤에 온 {present:은/는} 잠깐 고인 웅덩이이고, 흐름은 {future} 쪽으로 다시 올라가요.",
    ),
    "link.future.falling": (
        "{present}에서 {future:(으)로} 넘어가는 길에는 속도를 늦춰야 할 구간이 있어요.",
        "이대로라면 {future}에서 한 번 더 숨을 고르게 될 수 있어서, {present} 다음에 올 조언 카드가 더 중요해요.",
    ),
    "link.future.peak": (
        "{present:이/가} 지금 가장 높은 곳이라면, {future:은/는} 그 뒤의 내리막을 미리 알려 주는 셈이에요.",
        "{present}의 좋은 기운이 {future}에서 한 번 흔들릴 수 있으니, 기세가 있을 때 단단히 다져 두세요.",
    ),
    "link.future.recovered": (
        "{past}의 힘든 시간을 지나 {present:과/와} {future:이/가} 나란히 안정된 흐름을 이어 가요.",
        "한 번 올라선 흐름이 {present}에서 {future}까지 그대로 이어질 수 있어요.",
    ),
    "link.future.sinking": (
        "{past} 이후로 낮아진 기운이 {future}까지 비슷하게 이어질 수 있지만, 그 흐름을 바꿀 힘은 조언에 있어요.",
        "{present}의 무게가 {future}에서도 쉽게 가시지 않을 수 있으니, 서두르지 않는 편이 좋아요.",
    ),
    "link.future.steady_bright": (
        "{past}, {present}, {future}, 세 장이 한결같이 밝은 쪽을 가리켜요.",
        "{past}부터 {future}까지 흐름이 고르게 열려 있고, {future:은/는} 그 흐름의 자연스러운 다음 장면이에요.",
    ),
    "link.future.steady_open": (
        "{past}에서 {future}까지 흐름이 아직 어느 쪽으로도 기울지 않아서, 지금의 선택이 더 크게 작용해요.",
        "{past}, {present}, {future}, 세 장 모두 ‘아직 정해지지 않았다’고 말하니 {future:은/는} 열린 문에 가까워요.",
    ),
    "link.future.steady_hard": (
        "{past}부터 {future}까지 쉽지 않은 구간이 이어지지만, 흐름을 알면 미리 대비할 수 있어요.",
        "{past}, {present}, {future}, 세 장이 한목소리로 서두르지 말라고 하는 건 경고이지 판결이 아니에요.",
    ),
    "possibility": (
        "{card:은/는} 정해진 결말이 아니라, 지금의 흐름이 이어질 때 만날 수 있는 한 가지 풍경이에요.",
        "미래는 오늘의 선택에 따라 달라질 수 있고, {card:은/는} 그 가능성 가운데 하나를 보여 줄 뿐이에요.",
        "{card:이/가} 보여 주는 앞날은 예보에 가까워서, 우산을 챙길지는 {nick}님이 정할 수 있어요.",
    ),
    # ---- advice ------------------------------------------------------------------------------
    "open.advice1": (
        "첫 번째 조언 카드는 {card}, {side:이에요/예요}.",
        "조언 1 자리에는 {card:이/가} {side:(으)로} 나왔어요.",
        "조언의 첫 장은 {card}, {side:이에요/예요}.",
    ),
    "open.advice2": (
        "두 번째 조언 카드 {card:은/는} {side:(으)로} 나와 이렇게 덧붙여요.",
        "조언 2 자리의 {card:은/는} {side:(으)로} 놓였어요.",
        "이어서 {card:이/가} {side:(으)로} 한마디를 보태요.",
    ),
    "join.same_suit": (
        "두 장 모두 {suit} 카드라서, {realm}에서 답을 찾으라는 말이 두 번 겹쳐 들리네요.",
        "{a:과/와} {b}, 같은 {suit} 두 장이 한 방향을 가리키니 {realm} 쪽에서 먼저 움직여 보세요.",
    ),
    "join.both_reversed": (
        "두 조언이 모두 거꾸로 나왔으니, 새로 무언가를 더하기보다 {a:과/와} {b:이/가} 짚은 막힌 곳을 먼저 풀어 주세요.",
        "{a:과/와} {b}, 두 장 다 역방향이라는 건 밖으로 애쓰기보다 안쪽의 매듭부터 살피라는 뜻이에요.",
    ),
    "join.one_reversed": (
        "바로 선 {up:이/가} 해 볼 일을 말한다면, 거꾸로 놓인 {down:은/는} 조심할 점을 알려 줘요. 둘을 함께 챙기면 {up}의 걸음에 균형이 잡혀요.",
        "{up:은/는} 나아갈 쪽을, 역방향 {down:은/는} 멈춰서 살필 쪽을 맡았으니, 한 걸음 내딛되 발밑을 함께 보세요.",
    ),
    "join.both_major": (
        "조언 두 장이 모두 메이저 카드라서, {a:과/와} {b:은/는} 작은 요령보다 마음가짐의 큰 방향을 바꾸라고 말해요.",
        "{a:과/와} {b}, 메이저 카드 두 장이 함께 조언하는 건 흔하지 않은 만큼 이번 일은 태도의 문제라는 뜻이에요.",
    ),
    "join.major_minor": (
        "{major:은/는} 큰 방향을, {minor:은/는} 당장 해 볼 수 있는 일을 알려 주니, 방향을 마음에 두고 작은 일부터 시작해 보세요.",
        "메이저 카드 {major:이/가} 마음의 자세를 잡아 주고, {minor:이/가} 그걸 손에 잡히는 행동으로 옮겨 줘요.",
    ),
    "join.act": (
        "두 장 모두 움직임의 카드라서, 생각이 정리됐다면 {a}의 말처럼 이번 주 안에 한 가지를 실행해 보세요.",
        "{a:과/와} {b} 둘 다 행동을 재촉하니, 오래 고민하기보다 작게라도 먼저 해 보는 쪽이 맞아요.",
    ),
    "join.act_feel": (
        "{act:이/가} 무엇을 할지 말한다면, {feel:은/는} 어떤 마음으로 할지를 알려 줘요. 행동의 속도를 {feel}의 속도에 맞춰 보세요.",
        "움직임의 카드 {act:과/와} 마음의 카드 {feel:이/가} 짝을 이뤘으니, 하고 싶은 일을 하되 내 마음이 괜찮은지 한 번씩 물어봐 주세요.",
    ),
    "join.act_ground": (
        "{act:이/가} 결심을 재촉한다면, {ground:은/는} 발 디딜 현실을 챙기라고 말해요. {act}의 계획을 종이에 적어 본 뒤 움직이면 좋아요.",
        "{act:과/와} {ground}, 실행과 준비가 한 쌍이니 시작하되 돈과 시간 계산은 꼼꼼하게 해 두세요.",
    ),
    "join.feel_ground": (
        "{feel:이/가} 마음을 돌보라고 한다면, {ground:은/는} 생활의 리듬을 챙기라고 해요. {ground}의 말처럼 잘 먹고 잘 자는 것부터가 시작이에요.",
        "마음의 카드 {feel:과/와} 현실의 카드 {ground:이/가} 함께 나왔으니, 감정을 다독이면서 하루의 작은 일들도 꾸준히 이어 가세요.",
    ),
    "fix": (
        "미래의 {future:이/가} 마음에 걸린다면, 이 두 조언이 흐름을 바꾸는 손잡이가 되어 줄 거예요.",
        "{future:이/가} 보여 준 앞날이 반갑지 않더라도, 조언대로 움직이면 그 풍경은 얼마든지 바뀔 수 있어요.",
    ),
    **CONCLUSION,
    **SPREAD_PHRASES,
}
