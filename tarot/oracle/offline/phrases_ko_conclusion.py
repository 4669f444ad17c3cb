"""Korean wordings of the offline reader's conclusion (see phrases_ko)."""

CONCLUSION = {
    # The answer to a yes/no question, by the spread's lean.
    "answer.yes_no.yes": (
        "{q:을/를} 물으셨죠. 다섯 장을 모아 보면 {subject}에 대한 대답은 ‘그렇다’ 쪽으로 기울어요.",
        "{subject}에 대한 카드의 대답은 밝은 쪽이에요. 다섯 장 가운데 {subject}에 힘을 실어 주는 카드가 더 많아요.",
        "한마디로 하면 {subject}에 대한 대답은 ‘예’에 가까워요. {q}, 카드는 그 길을 열어 두고 있어요.",
    ),
    "answer.yes_no.maybe": (
        "{q:을/를} 물으셨는데, 카드는 아직 ‘예’도 ‘아니요’도 아닌 자리에 있어서 {subject}의 방향은 지금부터의 선택이 정할 거예요.",
        "{subject}에 대한 대답은 반반이라, 어느 쪽으로 기울지는 {nick}님이 어떻게 움직이느냐에 달려 있어요.",
        "{subject}에 대해 딱 잘라 ‘예’나 ‘아니요’라고 하기엔 카드가 서로 다른 말을 하고 있어요. {q}, 조금 더 지켜보며 정해도 늦지 않아요.",
    ),
    "answer.yes_no.no": (
        "{q:을/를} 물으셨죠. 지금 이대로라면 {subject}에 대한 대답은 ‘아직은 아니에요’에 가까운데, 길이 막혔다기보다 때와 방법을 바꿔 보라는 뜻이에요.",
        "{subject}에 대한 카드의 대답은 조심스러운 쪽이라, 서두르기보다 한 템포 쉬어 가는 편이 좋겠어요.",
        "한마디로 하면 {subject}에 대한 대답은 ‘지금은 아니요’에 가까워요. {q}, 조언 카드가 말한 준비를 먼저 해 두면 대답이 달라질 수 있어요.",
    ),
    "answer.yes_no.then": (
        "어느 쪽을 고르든 {subject}에 관해서는 {advice_card}의 말을 곁에 두세요. {advice_text}",
        "{subject:을/를} 두고 어떤 결정을 하든, {advice_card:이/가} 건네는 이 말을 기억해 주세요. {advice_text}",
    ),
    # Asked about another person's heart: the flow between them, never what they feel.
    "answer.their_mind.yes": (
        "그 사람의 마음을 대신 말할 수는 없지만, {future:이/가} 비추는 두 사람 사이의 흐름은 따뜻한 쪽으로 기울어 있어요.",
        "속마음은 그 사람의 몫이고, {future:이/가} 비추는 관계의 온도는 밝은 편이에요.",
    ),
    "answer.their_mind.maybe": (
        "그 사람의 마음은 카드로 단정할 수 없고, {future:이/가} 비추는 관계의 흐름도 아직 어느 쪽으로 정해지지 않았어요.",
        "속마음은 그 사람만 알 수 있어요. {future:이/가} 보여 주는 두 사람의 흐름은 아직 갈림길 위에 있어요.",
    ),
    "answer.their_mind.no": (
        "그 사람의 마음을 대신 말할 수는 없지만, {future:이/가} 비추는 두 사람 사이의 흐름은 지금 조금 서늘해서 억지로 당기기보다 {nick}님 마음을 먼저 돌봐 주세요.",
        "속마음은 그 사람의 몫이에요. {future:이/가} 비추는 관계의 온도는 지금 낮은 편이라, 서두르지 않는 게 좋아요.",
    ),
    # "When": no date, but the pace the suits and majors suggest.
    "answer.when.soon": (
        "카드가 날짜를 정해 주지는 않지만, 빠르게 움직이는 완드와 소드가 많아 {subject}의 때는 몇 주 안쪽으로 가까워 보여요.",
        "날짜를 못 박을 수는 없지만 이번 스프레드는 걸음이 빨라서, {subject}의 흐름이 생각보다 금방 달라질 수 있어요.",
    ),
    "answer.when.gradual": (
        "카드가 날짜를 정해 주지는 않지만, 빠른 카드와 느린 카드가 섞여 있어 {subject}의 때는 한두 달에 걸쳐 천천히 다가오는 모양이에요.",
        "날짜를 못 박을 수는 없지만 이번 스프레드의 걸음은 보통 빠르기라, {subject}의 흐름도 계절 하나를 두고 차근차근 움직일 거예요.",
    ),
    "answer.when.slow": (
        "카드가 날짜를 정해 주지는 않지만, 느리게 움직이는 펜타클과 메이저 카드가 많아 {subject}의 때는 몇 달의 긴 호흡이 필요해 보여요.",
        "날짜를 못 박을 수는 없지만 이번 스프레드는 걸음이 느긋해서, {subject}의 흐름이 무르익기까지 시간이 조금 걸릴 거예요.",
    ),
    # "How" and "what": what the first upright advice card (or the first) says about the
    # reading's area, or its own advice (Writer.advice_fields).
    "answer.how": (
        "{subject:을/를} 어떻게 풀어 갈지 한마디로 하면, {advice_card}의 말이 답이에요. {advice_text}",
        "{subject:을/를} 두고 방법을 묻는다면 {advice_card:이/가} 이렇게 답해요. {advice_text}",
        "{subject:을/를} 풀어 갈 첫걸음은 {advice_card:이/가} 알려 줘요. {advice_text}",
    ),
    "answer.what": (
        "{subject}에서 카드가 가장 힘주어 가리키는 건 지금의 {present_kw:과/와} 앞으로의 {future_kw:이에요/예요}.",
        "{subject}에서 무엇을 먼저 챙길지 묻는다면, 다섯 장은 {advice_card}의 말을 꼽아요. {advice_text}",
        "{subject}의 여러 갈래 가운데 카드가 비추는 쪽은 {future_kw}의 길이고, 그 길의 첫걸음은 {advice_card:이/가} 알려 줘요. {advice_text}",
    ),
    # An open concern or none: the spread's lean as a current, with no yes or no.
    "answer.open.yes": (
        "{subject:을/를} 두고 다섯 장을 모아 보면, 흐름은 밝은 쪽으로 열려 있어요.",
        "{subject}에 대해 카드가 그리는 큰 그림은 순풍에 가까워요.",
        "{subject}에 관해서라면 큰 흐름은 {nick}님 편이에요.",
    ),
    "answer.open.maybe": (
        "{subject:을/를} 두고 다섯 장을 모아 보면, 흐름은 아직 갈림길 위에 있어요.",
        "{subject}에 대해 카드가 그리는 큰 그림은 어느 쪽으로도 기울지 않은 열린 흐름이에요.",
        "{subject}에 관해서라면 큰 흐름은 잔잔해서, 방향은 지금부터 정해져요.",
    ),
    "answer.open.no": (
        "{subject:을/를} 두고 다섯 장을 모아 보면, 지금은 서두르기보다 숨을 고를 때예요.",
        "{subject}에 대해 카드가 그리는 큰 그림에는 맞바람이 조금 불어요.",
        "{subject}에 관해서라면 큰 흐름은 ‘천천히’라고 말해요.",
    ),
    "answer.none.yes": (
        "{topic:을/를} 두고 다섯 장을 모아 보면, 흐름은 밝은 쪽으로 열려 있어요.",
        "{topic}에 대해 카드가 그리는 큰 그림은 순풍에 가까워요.",
    ),
    "answer.none.maybe": (
        "{topic:을/를} 두고 다섯 장을 모아 보면, 흐름은 아직 어느 쪽으로도 정해지지 않았어요.",
        "{topic}에 대해 카드가 그리는 큰 그림은 잔잔하고 열려 있어요.",
    ),
    "answer.none.no": (
        "{topic:을/를} 두고 다섯 장을 모아 보면, 지금은 서두르기보다 숨을 고를 때예요.",
        "{topic}에 대해 카드가 그리는 큰 그림은 ‘천천히’에 가까워요.",
    ),
    # The spread's lean after an answer to when, how or what.
    "flow.yes": (
        "다섯 장을 모아 보면 {topic}의 흐름은 밝은 쪽으로 열려 있어요.",
        "전체로 보면 {topic}에는 순풍에 가까운 바람이 불어요.",
        "{topic}의 큰 흐름은 {nick}님 편이에요.",
    ),
    "flow.maybe": (
        "다섯 장을 모아 보면 {topic}의 흐름은 아직 갈림길 위에 있어요.",
        "전체로 보면 {topic}의 흐름은 어느 쪽으로도 기울지 않은 채 열려 있어요.",
        "{topic}의 큰 흐름은 잔잔해서, 방향은 지금부터 정해져요.",
    ),
    "flow.no": (
        "다섯 장을 모아 보면 {topic}에서는 서두르기보다 숨을 고를 때예요.",
        "전체로 보면 {topic}에는 맞바람이 조금 불어요.",
        "{topic}의 큰 흐름은 ‘천천히’라고 말해요.",
    ),
    # Why the spread leans as it does.
    "why.split": (
        "{pro:이/가} 힘을 실어 주고, {con:은/는} 한 템포 쉬어 가라고 말해요.",
        "{pro:은/는} 밝은 쪽을, {con:은/는} 조심스러운 쪽을 가리키는데, 자리마다 무게를 달리해서 모은 결과예요.",
        "밝은 쪽에는 {pro:이/가}, 조심스러운 쪽에는 {con:이/가} 서 있어요.",
    ),
    "why.pro": (
        "{pro:이/가} 힘을 실어 주고, 나머지 카드도 발목을 잡지 않아요.",
        "{pro:이/가} 앞에서 끌어 주고, 다른 카드들은 조용히 지켜보는 모양이에요.",
    ),
    "why.con": (
        "{con:이/가} 속도를 늦추라고 말하고, 나머지 카드도 아직 확답을 주지 않아요.",
        "{con:이/가} 브레이크를 걸고, 다른 카드들은 어느 쪽으로도 기울지 않았어요.",
    ),
    "why.open": (
        "다섯 장 모두 ‘아직은 모른다’에 가까운 카드라서, {subject}에서는 지금의 선택이 더 중요해요.",
        "어느 카드도 한쪽으로 잡아끌지 않으니, {subject}의 흐름을 정하는 건 카드보다 {nick}님의 다음 걸음이에요.",
    ),
    # The Future weighs most; what it says, by its answer.
    "why.future.yes": (
        "가장 무게가 실린 미래 자리에서는 {future:이/가} ‘그렇다’ 쪽에 서 있어요.",
        "무엇보다 미래의 {future:이/가} 앞길을 밝게 비추고 있어요.",
    ),
    "why.future.maybe": (
        "가장 무게가 실린 미래 자리의 {future:은/는} 아직 ‘글쎄’라고 말해요.",
        "미래의 {future:이/가} 대답을 미뤄 두어서, 나머지 카드의 목소리가 더 크게 들려요.",
    ),
    "why.future.no": (
        "가장 무게가 실린 미래 자리의 {future:은/는} ‘아직은 아니다’ 쪽에 서 있어요.",
        "미래의 {future:이/가} 브레이크를 밟고 있어서 대답이 조심스러워졌어요.",
    ),
    # What clusters in the spread.
    "cluster.majors": (
        "메이저 아르카나가 {count_word} 장이나 나온 건 삶의 큰 흐름이 움직이는 때라는 뜻이에요.",
        "다섯 장 가운데 {count_word} 장이 메이저 카드라서, {subject:은/는} 인생의 굵직한 전환점과 닿아 있어요.",
    ),
    "cluster.element": (
        "{element} 원소의 카드가 {count_word} 장이라, {realm:이/가} 이번 고민의 중심에 있어요.",
        "다섯 장 중 {count_word} 장이 {element}의 기운을 띠어요. {realm} 쪽에 답이 모여 있다는 뜻이에요.",
    ),
    "cluster.suit_pair": (
        "{suit} 카드가 {pair_a:과/와} {pair_b}, 두 장 나와 {realm} 쪽에 이야기가 모여 있어요.",
        "{pair_a:과/와} {pair_b}, 같은 {suit} 두 장이 {realm}의 이야기를 거듭 꺼내요.",
    ),
    "cluster.all_minor": (
        "다섯 장 모두 마이너 아르카나라는 건, {topic}에서 삶을 뒤흔드는 큰 사건보다 하루하루의 선택이 답을 만든다는 뜻이에요.",
        "메이저 카드 없이 마이너 카드로만 이뤄진 스프레드라서, {topic}에서는 손에 잡히는 작은 일들이 흐름을 정해요.",
    ),
    "cluster.all_elements": (
        "불·물·공기·흙, 네 원소가 모두 나온 건 {topic}의 흐름이 한쪽으로 쏠리지 않고 고르다는 뜻이에요.",
        "네 원소가 고루 섞인 스프레드라서, {topic}에서는 마음과 생각, 행동과 생활을 골고루 챙기라는 뜻이에요.",
    ),
    "cluster.balance": (
        "메이저 {count_word} 장과 마이너 카드가 섞여, 큰 흐름과 일상의 선택이 함께 움직이고 있어요.",
        "메이저 카드 {count_word} 장이 큰 줄기를, 나머지 마이너 카드가 그 곁가지를 보여 줘요.",
    ),
    # How many cards lie reversed, named.
    "reversed.0": (
        "다섯 장이 모두 정방향으로 나온 건 {topic}의 흐름이 비교적 순하게 열려 있다는 뜻이에요.",
        "거꾸로 놓인 카드가 한 장도 없으니, {topic}에서는 막힌 곳 없이 힘이 밖으로 잘 흐르는 때예요.",
    ),
    "reversed.1": (
        "역방향 카드는 {reversed_list} 한 장이라, 그 한 곳만 살피면 나머지는 순하게 흘러가요.",
        "다섯 장 가운데 {reversed_list} 한 장만 거꾸로 나와, 작은 걸림돌 하나를 알려 주는 정도예요.",
    ),
    "reversed.2": (
        "{reversed_list}, 두 장이 역방향인 건 멈추라는 뜻이라기보다 그 두 곳에서 속도를 조금 늦추라는 신호에 가까워요.",
        "역방향으로 나온 {reversed_list:은/는} 매끄러운 흐름 사이에 걸리는 곳이 있다는 걸 알려 줘요.",
        "거꾸로 놓인 {reversed_list:은/는} 대체로 흐르는 가운데 손볼 두 군데를 알려 줘요.",
    ),
    "reversed.3": (
        "{reversed_list}, 역방향이 세 장으로 절반을 넘으니 밖으로 뻗기보다 안으로 힘을 모으는 시기예요.",
        "다섯 장 중 {reversed_list}, 세 장이 거꾸로라서 지금은 새로 벌이기보다 정리하고 다듬는 쪽이 맞아요.",
        "거꾸로 놓인 카드가 {reversed_list}, 세 장이니 서두르지 말고 하나씩 풀어 가세요.",
    ),
    "reversed.4": (
        "{upright_list} 하나만 빼고 네 장이 역방향이라, 막힌 곳을 하나씩 풀어 가는 인내가 필요해요.",
        "바로 선 카드가 {upright_list} 한 장뿐이니, 지금은 결과보다 회복에 마음을 쓰는 때예요.",
    ),
    "reversed.5": (
        "다섯 장이 모두 거꾸로 나온 건 흔치 않은 일이라, {topic}에서는 멈춰서 숨을 고르라는 분명한 신호예요.",
        "역방향만 다섯 장이라는 건, {topic}에서 밖의 일보다 내 안을 먼저 돌보라는 카드의 한목소리예요.",
    ),
    # The last words, with the second advice card: its keyword to keep, or to watch for.
    "closing.upright": (
        "{nick}님, {card}의 {qkw:을/를} 마음 한쪽에 두고 가셨다가 언제든 또 차 한 잔 하러 들러요.",
        "카드는 방향을 비춰 줄 뿐 걸어가는 건 언제나 {nick}님이니, {card}의 {qkw:을/를} 기억하며 다정한 하루 보내세요.",
        "{card:이/가} 건넨 {qkw:을/를} 품고, {nick}님의 걱정이 찻잔의 온기처럼 조금은 누그러졌기를 바라요.",
        "{card:이/가} 말한 {qkw}, 그 한 가지를 챙기다가 마음이 복잡해지면 또 들러 주세요.",
        "{nick}님의 다음 걸음을 응원하며, 찻잔을 내려놓기 전에 {card}의 {qkw} 한 가지만 기억해 주세요.",
    ),
    "closing.reversed": (
        "{nick}님, {card:이/가} 일러 준 {qkw}만 조심하면 돼요. 언제든 또 차 한 잔 하러 들러요, {card}의 이야기를 기억하면서요.",
        "카드는 방향을 비춰 줄 뿐 걸어가는 건 언제나 {nick}님이니, {card:이/가} 경계하라는 {qkw}만 피해 가며 다정한 하루 보내세요.",
        "{qkw:이/가} 고개를 들 때 {card}의 조언을 떠올리면, {nick}님의 걱정도 찻잔의 온기처럼 조금은 누그러질 거예요.",
        "거꾸로 놓인 {card:이/가} 알려 준 {qkw}, 그 한 가지만 살피다가 마음이 복잡해지면 또 들러 주세요.",
        "{nick}님의 다음 걸음을 응원하며, 찻잔을 내려놓기 전에 {card:이/가} 경계하라는 {qkw} 한 가지만 기억해 주세요.",
    ),
}
