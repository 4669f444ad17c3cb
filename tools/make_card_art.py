#!/usr/bin/env python3
"""Generate the Tarot Milk Tea card art (78 faces + back) as flat SVG.

Original artwork built from simple shapes; see tools/art_brief.md for what
each card shows.  Output is deterministic (no clock, no randomness), so

    python tools/make_card_art.py            # (re)write tarot/static/cards/*.svg
    python tools/make_card_art.py --check    # exit 1 if any file on disk differs

Only the standard library and PyYAML are used.
"""
import argparse
import math
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DECK = os.path.join(ROOT, "seed", "cards.yaml")
DEFAULT_OUT = os.path.join(ROOT, "tarot", "static", "cards")

# ---------------------------------------------------------------- palette
CREAM = "#f7efe3"
PAPER = "#fffaf2"
BROWN = "#8a5a3b"
TAN = "#c49a6c"
INK = "#3b2a20"
ROSE = "#c98b8b"
SAGE = "#6b8f71"
DSAGE = "#4f6f55"
GOLD = "#d8a84e"
NAVY = "#2f3550"
SKIN = "#f2d3b3"
WHITE = "#fffdf8"
RED = "#b5524a"
PURPLE = "#7d6491"
GREY = "#9c9aa3"
LGREY = "#c9c7cd"
DARK = "#3a3340"
ORANGE = "#d9833f"
YELLOW = "#f0c75e"
SKY = "#d7e5ec"
SEA = "#7fa6bf"
WATER = "#8fb8d0"
GRASS = "#a9c29a"
HILL = "#8fae84"
SAND = "#e8cfa6"
WOOD = "#a8673d"
BLACK = "#2a2630"

SUITS = {
    # accent, soft backdrop, ground
    "wands": ("#c0643c", "#f6e2cf", "#e8c9a6"),
    "cups": ("#5a84a8", "#dfe9f1", "#bcd3e3"),
    "swords": (NAVY, "#e4e6ee", "#c9cdda"),
    "pentacles": ("#b08a2e", "#edf0dc", "#c9d6b4"),
}
RANK_LABEL = {1: "Ace", 11: "Page", 12: "Knight", 13: "Queen", 14: "King"}
ROMAN = ["0", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
         "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"]
FONT = "Apple SD Gothic Neo,Noto Sans KR,Malgun Gothic,sans-serif"

W, H = 300, 510
PX0, PY0, PW, PH = 22, 50, 256, 360  # picture panel
PX1, PY1 = PX0 + PW, PY0 + PH
CX = 150


# ---------------------------------------------------------------- svg helpers
def n(v):
    v = round(float(v), 1)
    if v == int(v):
        return str(int(v))
    return f"{v:.1f}"


def esc(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def E(tag, _c=None, **a):
    out = "<" + tag
    for k, v in a.items():
        if v is None:
            continue
        k = k.rstrip("_").replace("_", "-")
        if isinstance(v, (int, float)):
            v = n(v)
        out += f' {k}="{v}"'
    if _c is None:
        return out + "/>"
    return out + ">" + _c + "</" + tag + ">"


def d(*toks):
    out = ""
    for t in toks:
        if isinstance(t, str):
            out += t
        else:
            if out and out[-1] not in "MLHVCSQTAZmlhvcsqtaz":
                out += " "
            out += n(t)
    return out


def pts(ps):
    return " ".join(f"{n(x)},{n(y)}" for x, y in ps)


def tr(x=0, y=0, s=1, r=0, flip=False):
    t = ""
    if x or y:
        t += f"translate({n(x)} {n(y)})"
    if r:
        t += f"rotate({n(r)})"
    if flip:
        t += f"scale({n(-s)} {n(s)})"
    elif s != 1:
        t += f"scale({n(s)})"
    return t or None


def C(x, y, r, fill, o=False, **k):
    return E("circle", cx=x, cy=y, r=r, fill=fill, class_="o" if o else None, **k)


def EL(x, y, rx, ry, fill, o=False, **k):
    return E("ellipse", cx=x, cy=y, rx=rx, ry=ry, fill=fill, class_="o" if o else None, **k)


def R(x, y, w, h, fill, o=False, rx=None, **k):
    return E("rect", x=x, y=y, width=w, height=h, rx=rx, fill=fill, class_="o" if o else None, **k)


def P(dd, fill, o=False, **k):
    return E("path", d=dd, fill=fill, class_="o" if o else None, **k)


def PG(ps, fill, o=False, **k):
    return E("polygon", points=pts(ps), fill=fill, class_="o" if o else None, **k)


def PL(ps, stroke, w=3, **k):
    return E("polyline", points=pts(ps), fill="none", stroke=stroke, stroke_width=w,
             stroke_linecap="round", stroke_linejoin="round", **k)


def LN(x1, y1, x2, y2, stroke, w=2, **k):
    return E("line", x1=x1, y1=y1, x2=x2, y2=y2, stroke=stroke, stroke_width=w,
             stroke_linecap="round", **k)


def T(x, y, txt, size, fill, weight=None, **k):
    return E("text", esc(txt), x=x, y=y, font_size=size, fill=fill, font_weight=weight,
             text_anchor="middle", **k)


def G(items, **k):
    if isinstance(items, str):
        items = [items]
    return E("g", "".join(items), **k)


def GT(items, x=0, y=0, s=1, r=0, flip=False, **k):
    return G(items, transform=tr(x, y, s, r, flip), **k)


class Pic:
    """Collects scene elements; remembers which <defs> symbols are used."""

    def __init__(self):
        self.o = []
        self.used = []

    def __iadd__(self, items):
        if isinstance(items, str):
            self.o.append(items)
        else:
            self.o.extend(items)
        return self

    def use(self, key, x, y, s=1, r=0, flip=False):
        if key not in self.used:
            self.used.append(key)
        self.o.append(E("use", href="#" + key, transform=tr(x, y, s, r, flip)))

    def useg(self, key, x, y, s=1, r=0):
        """Return a <use> string (for nesting in groups)."""
        if key not in self.used:
            self.used.append(key)
        return E("use", href="#" + key, transform=tr(x, y, s, r))


# ---------------------------------------------------------------- emblem symbols
def star_pts(cx, cy, r1, r2, k=5, rot=-90):
    ps = []
    for i in range(2 * k):
        a = math.radians(rot + i * 180.0 / k)
        r = r1 if i % 2 == 0 else r2
        ps.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return ps


DEFS = {
    # wand: living staff, 150 tall, centred on the origin
    "w": G([
        R(-5, -75, 10, 150, WOOD, True, rx=5),
        LN(-2, -40, 2, -36, "#6e3f22", 1.5), LN(-2, 20, 2, 24, "#6e3f22", 1.5),
        EL(-10, -58, 8, 3.5, SAGE, True, transform="rotate(-35 -10 -58)"),
        EL(10, -30, 8, 3.5, SAGE, True, transform="rotate(35 10 -30)"),
        EL(-10, 8, 8, 3.5, SAGE, True, transform="rotate(-35 -10 8)"),
        EL(0, -79, 4, 6, "#8fb08a", True),
    ], id="w"),
    # cup: chalice, ~72 tall
    "c": G([
        P("M-16 34Q0 20 16 34Z", GOLD, True),
        R(-3.5, 2, 7, 22, GOLD, True),
        EL(0, 14, 6, 3, GOLD, True),
        P("M-22-32H22Q22 4 0 6Q-22 4-22-32Z", "#5a84a8", True),
        P("M-20-22H20", "none", stroke=GOLD, stroke_width=3),
        EL(0, -32, 22, 5, "#f3d68f", True),
    ], id="c"),
    # sword: 160 tall, point up
    "s": G([
        P("M0-80L7-66V42H-7V-66Z", "#e9ecf2", True),
        LN(0, -64, 0, 38, "#a7adc0", 2),
        R(-20, 42, 40, 7, GOLD, True, rx=3),
        R(-3.5, 49, 7, 22, NAVY, True),
        C(0, 75, 5.5, GOLD, True),
    ], id="s"),
    # pentacle: coin, r 22
    "p": G([
        C(0, 0, 22, GOLD, True),
        C(0, 0, 17, "none", stroke="#8a5a3b", stroke_width=1.2),
        PG(star_pts(0, 0, 15, 6), "#fff3d6", stroke="#8a5a3b", stroke_width=1.2),
    ], id="p"),
}
EMB = {"wands": "w", "cups": "c", "swords": "s", "pentacles": "p"}


# ---------------------------------------------------------------- scene primitives
def sky(col, ground=None, gy=330, gcol=None):
    out = [R(PX0, PY0, PW, PH, col)]
    if ground:
        out.append(R(PX0, gy, PW, PY1 - gy, ground))
    return out


def hills(y, col, amp=20, k=2, phase=0):
    """Rolling hills band from y to panel bottom."""
    seg = PW / k
    dd = d("M", PX0, y)
    for i in range(k):
        x0 = PX0 + i * seg
        up = -amp if (i + phase) % 2 == 0 else amp * 0.4
        dd += d("Q", x0 + seg / 2, y + up, x0 + seg, y)
    dd += d("V", PY1, "H", PX0, "Z")
    return P(dd, col)


def mountains(base, peaks, col, snow=None):
    """peaks: list of (x, height, halfwidth)."""
    out = []
    for x, h, hw in peaks:
        out.append(PG([(x - hw, base), (x, base - h), (x + hw, base)], col))
        if snow:
            f = 0.28
            out.append(PG([(x - hw * f, base - h * (1 - f)), (x, base - h),
                           (x + hw * f, base - h * (1 - f)), (x + hw * 0.1, base - h * (1 - f) + 5),
                           (x - hw * 0.1, base - h * (1 - f) + 5)], snow))
    return out


def sun(x, y, r, face=False, rays=12, col=YELLOW, wavy=False):
    out = []
    for i in range(rays):
        a = math.radians(i * 360.0 / rays)
        ca, sa = math.cos(a), math.sin(a)
        L = r * (1.6 if i % 2 == 0 else 1.4)
        if wavy and i % 2 == 1:
            px, py = -sa, ca
            p0 = (x + ca * r * 1.05, y + sa * r * 1.05)
            p1 = (x + ca * L, y + sa * L)
            m1 = (x + ca * r * 1.2 + px * 6, y + sa * r * 1.2 + py * 6)
            m2 = (x + ca * r * 1.35 - px * 6, y + sa * r * 1.35 - py * 6)
            out.append(P(d("M", p0[0], p0[1], "C", m1[0], m1[1], m2[0], m2[1], p1[0], p1[1]),
                         "none", stroke="#e0a93b", stroke_width=3, stroke_linecap="round"))
        else:
            b = 0.13
            out.append(PG([(x + math.cos(a - b) * r, y + math.sin(a - b) * r),
                           (x + ca * L, y + sa * L),
                           (x + math.cos(a + b) * r, y + math.sin(a + b) * r)], "#e8b545"))
    out.append(C(x, y, r, col, True))
    if face:
        out += [C(x - r * 0.32, y - r * 0.12, r * 0.08, INK), C(x + r * 0.32, y - r * 0.12, r * 0.08, INK),
                P(d("M", x - r * 0.35, y + r * 0.25, "Q", x, y + r * 0.55, x + r * 0.35, y + r * 0.25),
                  "none", stroke=INK, stroke_width=max(1.5, r * 0.06), stroke_linecap="round"),
                C(x - r * 0.5, y + r * 0.2, r * 0.1, "#f2a07a"), C(x + r * 0.5, y + r * 0.2, r * 0.1, "#f2a07a")]
    return out


def crescent(x, y, r, col=YELLOW, bg=None, rot=0):
    # drawn as a path of two arcs
    a = r * 0.75
    a = r * 0.55
    dd = d("M", 0, -r, "A", r, r, 0, 0, 0, 0, r, "A", a, r, 0, 0, 1, 0, -r, "Z")
    return GT(P(dd, col, True), x, y, 1, rot)


def star(x, y, r, col=WHITE, k=5, inner=0.45, rot=-90, o=False):
    return PG(star_pts(x, y, r, r * inner, k, rot), col, o)


def cloud(x, y, s=1, col=WHITE):
    return GT([C(-16, 0, 11, col), C(0, -7, 15, col), C(17, -1, 11, col), R(-26, 0, 52, 10, col, rx=5)],
              x, y, s)


def hand(x, y, s=1, r=0, cloud_col=WHITE):
    """hand emerging from a cloud on the left; the grip point is at (x, y)."""
    items = [
        PG([(-34, 4), (-8, -4), (-6, 8), (-34, 14)], SKIN, True),
        P("M-10-8Q4-12 8-6L8 10Q2 14-8 10Z", SKIN, True),
        LN(-2, -4, 4, -4, "#c9a083", 1.2), LN(-2, 2, 4, 2, "#c9a083", 1.2),
        GT([C(-16, 0, 11, cloud_col), C(-2, -8, 12, cloud_col), C(-4, 10, 11, cloud_col),
            C(-22, 10, 10, cloud_col)], -36, 6),
    ]
    return GT(items, x, y, s, r)


def tree(x, y, s=1, leaf=HILL, trunk="#8a6244", fruit=None):
    out = [R(-4, -40, 8, 40, trunk, True), C(0, -50, 20, leaf, True), C(-14, -40, 12, leaf), C(14, -40, 12, leaf)]
    if fruit:
        for fx, fy in ((-8, -54), (8, -46), (2, -60), (-12, -40), (12, -36)):
            out.append(C(fx, fy, 3.2, fruit))
    return GT(out, x, y, s)


def rose(x, y, s=1, col=RED):
    return GT([EL(-7, 5, 6, 3, SAGE, transform="rotate(-20 -7 5)"), EL(7, 5, 6, 3, SAGE, transform="rotate(20 7 5)"),
               C(0, 0, 6, col, True), P("M-3 0Q0-4 3 0Q0 3-3 0Z", "#f4c7c3")], x, y, s)


def lily(x, y, s=1):
    return GT([LN(0, 0, 0, 16, SAGE, 2), PG([(0, -8), (4, 2), (0, 5), (-4, 2)], WHITE, True),
               PG([(-2, 2), (-10, -4), (-4, 6)], WHITE, True), PG([(2, 2), (10, -4), (4, 6)], WHITE, True)], x, y, s)


def lemniscate(x, y, s=1, col=INK, w=2.5):
    dd = "M0 0C6-8 16-8 16 0C16 8 6 8 0 0C-6-8-16-8-16 0C-16 8-6 8 0 0Z"
    return GT(P(dd, "none", stroke=col, stroke_width=w), x, y, s)


def waves(y, col=SEA, light="#a9c6d8", rows=2):
    out = [R(PX0, y, PW, PY1 - y, col)]
    for j in range(rows):
        yy = y + 10 + j * 16
        dd = d("M", PX0, yy)
        for i in range(8):
            PX0 + i * 32
            dd += d("q", 8, -6, 16, 0, "t", 16, 0)
        out.append(P(dd, "none", stroke=light, stroke_width=2.5))
    return out


def pillar(x, top, bot, col, letter=None, lcol=WHITE, w=26):
    out = [R(x - w / 2, top, w, bot - top, col, True), R(x - w / 2 - 4, top - 8, w + 8, 9, col, True),
           R(x - w / 2 - 4, bot - 8, w + 8, 9, col, True)]
    if letter:
        out.append(T(x, top + 40, letter, 18, lcol, "bold", font_family="serif"))
    return out


def crown_shape(cx, cy, w=18, h=10, col=GOLD):
    hw = w / 2
    return PG([(cx - hw, cy), (cx - hw, cy - h), (cx - hw / 2, cy - h * 0.45), (cx, cy - h * 1.15),
               (cx + hw / 2, cy - h * 0.45), (cx + hw, cy - h), (cx + hw, cy)], col, True)


def arm(sx, sy, pts_, col, w=6):
    ps = [(sx, sy)] + list(pts_)
    hx, hy = ps[-1]
    return [PL(ps, INK, w + 3), PL(ps, col, w), C(hx, hy, 3.8, SKIN, True)]


def person(x, y, s=1, robe=WHITE, hands=None, kind="robe", hair=None, longhair=False, crown=None,
           beard=None, halo=None, face=True, legs=None, belt=None, dots=None, cloak=None, hood=None,
           skin=SKIN, sleeve=None, behind=None, front=None, r=0, flip=False, inner=None):
    """Flat standing/seated figure.  Local space: feet at (0, 0), head centre (0, -86), height ~100."""
    sleeve = sleeve or robe
    o = []
    if halo:
        o.append(C(0, -86, 18, halo, opacity=0.85))
    if behind:
        o += behind
    if longhair and hair:
        o.append(P("M-12-88Q-14-66-12-58H12Q14-66 12-88Z", hair, True))
    if cloak:
        o.append(P("M-11-74Q0-80 11-74L26 0H-26Z", cloak, True))
    if kind == "robe":
        o.append(P("M-9-76Q0-80 9-76L20 0H-20Z", robe, True))
    elif kind == "seat":
        o.append(P("M-10-76Q0-80 10-76L15-42L22-38V0H-22V-38L-15-42Z", robe, True))
    elif kind == "tunic":
        lc = legs or "#6d5a4a"
        o += [PL([(-6, -36), (-8, -2)], INK, 8.5), PL([(6, -36), (8, -2)], INK, 8.5),
              PL([(-6, -36), (-8, -2)], lc, 6), PL([(6, -36), (8, -2)], lc, 6),
              EL(-10, -1, 6, 3, "#5a4030"), EL(10, -1, 6, 3, "#5a4030"),
              P("M-9-76Q0-80 9-76L16-34H-16Z", robe, True)]
    if inner:
        o.append(P("M-5-76H5L9 0H-9Z", inner, True))
    if dots:
        for _i, (dx, dy) in enumerate(((-6, -60), (5, -52), (-9, -40), (8, -36), (0, -44), (-4, -24), (10, -18), (-12, -12), (3, -10))):
            if kind == "tunic" and dy < -34 or kind != "tunic":
                o.append(C(dx, dy, 2.6, dots))
    if belt:
        o.append(R(-12, -50, 24, 4, belt))
    if hood:
        o.append(P("M-14-84Q-14-104 0-104Q14-104 14-84L12-70H-12Z", hood, True))
    if hair and not longhair:
        o.append(C(0, -89, 11, hair, True))
    o.append(C(0, -86, 10, skin, True))
    if hair and not hood:
        o.append(P("M-10-88Q-8-99 0-98Q8-99 10-88Q4-93 0-92Q-4-93-10-88Z", hair))
    if face:
        o += [C(-3.5, -86, 1.3, INK), C(3.5, -86, 1.3, INK)]
    if beard:
        o.append(P("M-9-85Q-8-64 0-60Q8-64 9-85Q6-78 0-78Q-6-78-9-85Z", beard, True))
    if crown == "gold":
        o.append(crown_shape(0, -94, 18, 10))
    elif crown == "triple":
        o += [P("M-8-94L-7-116Q0-124 7-116L8-94Z", GOLD, True), LN(-8, -101, 8, -101, BROWN, 1.5),
              LN(-7, -109, 7, -109, BROWN, 1.5)]
    elif crown == "helm":
        o.append(P("M-11-86Q-11-102 0-102Q11-102 11-86H7V-90H-7V-86Z", "#aeb3c0", True))
        o.append(P("M0-102Q4-112 12-110", "none", stroke=RED, stroke_width=3))
    elif crown == "cap":
        o.append(P("M-11-90Q0-104 11-90Z", robe, True))
        o.append(P("M4-97Q14-112 20-104", "none", stroke=RED, stroke_width=2.5))
    if hands is None:
        hands = [[(-14, -42)], [(14, -42)]]
    for i, hp in enumerate(hands):
        if hp:
            o += arm(-9 if i == 0 else 9, -71, hp, sleeve)
    if front:
        o += front
    return GT(o, x, y, s, r, flip)


def throne(x, y, w=70, h=130, col=GREY, top=None):
    """Throne back behind a seated figure whose feet are at (x, y)."""
    out = [R(x - w / 2, y - h, w, h - 10, col, True, rx=6), R(x - w / 2 - 6, y - 12, w + 12, 14, col, True, rx=3)]
    if top:
        out += top
    return out


def throne_arms(x, y, w=70, col=GREY):
    return [R(x - w / 2 - 4, y - 52, 12, 42, col, True, rx=3), R(x + w / 2 - 8, y - 52, 12, 42, col, True, rx=3)]


def horse(x, y, s=1, col=WHITE, mane=LGREY, pose="stand", flip=False, rider=None):
    leg_hips = [(-24, -42), (-17, -42), (20, -42), (26, -42)]
    if pose == "stand":
        legs = [[(-26, 0)], [(-17, 0)], [(20, 0)], [(28, 0)]]
    elif pose == "walk":
        legs = [[(-30, 0)], [(-15, 0)], [(18, 0)], [(38, -26), (34, -12)]]
    elif pose == "charge":
        legs = [[(-36, -16), (-46, -6)], [(-32, -8), (-38, 0)], [(38, -22), (50, -14)], [(40, -30), (52, -22)]]
    else:  # rear
        legs = [[(-28, 0)], [(-16, 0)], [(34, -32), (30, -18)], [(40, -36), (38, -22)]]
    o = [P("M-32-54Q-50-50-46-18Q-42-40-30-46Z", mane, True)]
    for (hx, hy), lp in zip(leg_hips, legs, strict=False):
        ps = [(hx, hy)] + lp
        o += [PL(ps, INK, 10), PL(ps, col, 7)]
    o += [EL(0, -50, 35, 17, col, True),
          P("M16-60L32-88L46-82L34-44Z", col, True),
          P("M32-92Q40-98 48-88L63-72Q62-64 54-66L36-78Z", col, True),
          PG([(36, -90), (38, -101), (43, -91)], col, True),
          P("M31-90L16-58L24-58L38-86Z", mane, True), C(46, -84, 1.8, INK)]
    if rider:
        o += rider
    tf = "rotate(-26 -26 0)" if pose == "rear" else None
    inner = G(o, transform=tf) if tf else "".join(o)
    return GT(inner, x, y, s, 0, flip)


def rider(col, hands, crown="helm", beard=None, face=True, skull=False, sleeve=None):
    sleeve = sleeve or col
    o = [PL([(-2, -60), (8, -42), (6, -28)], INK, 10), PL([(-2, -60), (8, -42), (6, -28)], col, 7),
         P("M-10-60H9L7-92Q0-96-7-92Z", col, True)]
    head = [C(0, -103, 10, WHITE if skull else SKIN, True)]
    if skull:
        head += [C(-3.5, -104, 2.5, INK), C(3.5, -104, 2.5, INK), R(-3, -97, 6, 2, INK)]
    elif face:
        head += [C(-3.5, -103, 1.3, INK), C(3.5, -103, 1.3, INK)]
    if beard:
        head.append(P("M-9-102Q-8-82 0-79Q8-82 9-102Q6-95 0-95Q-6-95-9-102Z", beard, True))
    o += head
    if crown == "helm":
        o += [P("M-11-103Q-11-119 0-119Q11-119 11-103H7V-107H-7V-103Z", "#aeb3c0", True),
              P("M0-119Q6-130 14-126", "none", stroke=RED, stroke_width=3)]
    elif crown == "gold":
        o.append(crown_shape(0, -111, 18, 10))
    for i, hp in enumerate(hands):
        if hp:
            o += arm(-8 if i == 0 else 8, -88, hp, sleeve)
    return o


def quad(x, y, s=1, kind="dog", col=WHITE, flip=False, howl=False, sit=False):
    """Small four-legged animal facing right; feet at (0,0)."""
    o = []
    hx, hy = (22, -32) if not howl else (20, -40)
    if kind == "lion":
        o.append(P("M-20-22Q-34-30-36-16", "none", stroke=col, stroke_width=3))
        o.append(C(-36, -16, 3.5, "#b0622e"))
    elif kind == "cat":
        o.append(P("M-18-20Q-30-30-24-44", "none", stroke=col, stroke_width=4, stroke_linecap="round"))
    elif kind == "rabbit":
        o.append(C(-18, -18, 4, WHITE, True))
    else:
        o.append(P("M-18-22Q-28-28-30-38", "none", stroke=col, stroke_width=4, stroke_linecap="round"))
    legs = [(-14, -6), (-7, -6), (9, -6), (15, -6)]
    if sit:
        o.append(EL(-8, -18, 14, 12, col, True))
        o.append(P("M4-30L16-36L18-2H8Z", col, True))
        o += [LN(10, -8, 10, 0, col, 4), LN(16, -8, 16, 0, col, 4)]
    else:
        for lx, _ in legs:
            o += [LN(lx, -16, lx, 0, INK, 6), LN(lx, -16, lx, 0, col, 4)]
        o.append(EL(0, -20, 20, 9, col, True))
    if kind == "lion":
        o.append(C(hx, hy, 13, "#b0622e", True))
    if kind in ("wolf", "cat", "dog"):
        ear = [(hx - 6, hy - 4), (hx - 3, hy - 14), (hx + 1, hy - 5)]
        if kind == "dog":
            o.append(EL(hx - 5, hy + 1, 3, 6, "#d7c8b8", True))
        else:
            o.append(PG(ear, col, True))
    if kind == "rabbit":
        o += [EL(hx - 3, hy - 14, 3, 10, col, True, transform=f"rotate(-15 {hx - 3} {hy - 14})"),
              EL(hx + 3, hy - 14, 3, 10, col, True, transform=f"rotate(10 {hx + 3} {hy - 14})")]
    o.append(C(hx, hy, 8, col, True))
    if kind in ("dog", "wolf", "lion", "cat"):
        if howl:
            o.append(PG([(hx + 2, hy - 6), (hx + 12, hy - 16), (hx + 7, hy - 2)], col, True))
        else:
            o.append(EL(hx + 8, hy + 2, 5, 3.5, col, True))
    o.append(C(hx + 2, hy - 2, 1.3, INK))
    return GT(o, x, y, s, 0, flip)


def sphinx(x, y, s=1, col=BLACK, flip=False):
    o = [EL(0, -10, 24, 10, col, True), R(-24, -6, 10, 6, col), R(14, -6, 16, 6, col, True),
         P("M8-14L12-38L26-38L28-12Z", col, True),
         P("M10-38Q19-50 28-38L30-24H8Z", "#e4d6a8" if col == BLACK else NAVY, True),
         C(19, -32, 6, SKIN, True), C(17, -33, 1, INK), C(21, -33, 1, INK)]
    return GT(o, x, y, s, 0, flip)


def serpent(x0, y0, x1, y1, col="#8fae5a", w=5, k=3):
    dx, dy = x1 - x0, y1 - y0
    L = math.hypot(dx, dy)
    px, py = -dy / L * 10, dx / L * 10
    dd = d("M", x0, y0)
    for i in range(k):
        sgn = 1 if i % 2 == 0 else -1
        mx, my = x0 + dx * (i + 0.5) / k + px * sgn, y0 + dy * (i + 0.5) / k + py * sgn
        ex, ey = x0 + dx * (i + 1) / k, y0 + dy * (i + 1) / k
        dd += d("Q", mx, my, ex, ey)
    return [P(dd, "none", stroke=INK, stroke_width=w + 3, stroke_linecap="round"),
            P(dd, "none", stroke=col, stroke_width=w, stroke_linecap="round"),
            C(x0, y0, w * 0.9, col, True)]


def wings(cx, cy, col=WHITE, span=40, h=46, tip=None):
    left = P(d("M", cx - 4, cy, "Q", cx - span, cy - h, cx - span * 1.1, cy - h * 1.1,
            "Q", cx - span * 0.9, cy - h * 0.2, cx - 4, cy + h * 0.5, "Z"), col, True)
    right = P(d("M", cx + 4, cy, "Q", cx + span, cy - h, cx + span * 1.1, cy - h * 1.1,
                "Q", cx + span * 0.9, cy - h * 0.2, cx + 4, cy + h * 0.5, "Z"), col, True)
    return [left, right]


def bird(x, y, s=1, col=INK):
    return GT(P("M-10 0Q-5-6 0 0Q5-6 10 0", "none", stroke=col, stroke_width=2.2, stroke_linecap="round"), x, y, s)


def dove(x, y, s=1):
    return GT([EL(0, 0, 12, 6, WHITE, True), PG([(-4, -2), (-16, -18), (4, -4)], WHITE, True),
               PG([(4, -2), (16, -18), (-2, -4)], WHITE, True), C(0, 9, 3.5, WHITE, True),
               PG([(-3, -6), (3, -6), (0, -14)], WHITE, True)], x, y, s)


def flame(x, y, s=1, col=ORANGE, inner=YELLOW):
    return GT([P("M0 0Q-10-4-6-16Q-2-10 0-24Q4-12 7-16Q10-4 0 0Z", col, True),
               P("M0-2Q-4-6-2-10Q0-8 1-14Q3-8 3-6Q3-3 0-2Z", inner)], x, y, s)


def bolt(x, y, s=1):
    return GT(PG([(0, 0), (18, 28), (6, 30), (24, 62), (-4, 24), (8, 22), (-6, 0)], YELLOW, True), x, y, s)


def tower(x, y, w, h, col=LGREY, crenel=True, window=True):
    out = [R(x - w / 2, y - h, w, h, col, True)]
    if crenel:
        cw = w / 5
        for i in range(3):
            out.append(R(x - w / 2 + i * 2 * cw, y - h - 7, cw, 8, col, True))
    if window:
        out.append(R(x - 3, y - h + 14, 6, 10, DARK, rx=3))
    return out


def wreath_ring(x, y, rx, ry, col=SAGE, w=12):
    return [EL(x, y, rx, ry, "none", stroke=DSAGE, stroke_width=w + 3),
            EL(x, y, rx, ry, "none", stroke=col, stroke_width=w),
            EL(x, y, rx, ry, "none", stroke="#9cbf8e", stroke_width=w - 5, stroke_dasharray="6 7")]


def water_stream(x0, y0, x1, y1, bend=0, w=3, col=WATER):
    mx, my = (x0 + x1) / 2 + bend, (y0 + y1) / 2
    return P(d("M", x0, y0, "Q", mx, my, x1, y1), "none", stroke=col, stroke_width=w, stroke_linecap="round")


def ribbon_banner(x, y, w, h, col=WHITE, pole_col=BROWN, pole_h=90, mark=None):
    out = [LN(x, y, x, y + pole_h, pole_col, 3.5), P(d("M", x, y, "H", x + w, "L", x + w - 8, y + h / 2, "L", x + w, y + h, "H", x, "Z"), col, True)]
    if mark:
        out.append(mark)
    return out


def grapes(x, y, s=1, col=PURPLE):
    o = []
    for _i, (gx, gy) in enumerate(((-6, 0), (0, 0), (6, 0), (-3, 6), (3, 6), (0, 12), (-9, -6), (9, -6))):
        o.append(C(gx, gy, 4, col, True))
    o.append(EL(3, -10, 8, 4, SAGE, True))
    return GT(o, x, y, s)


def person_small_back(x, y, s=1, robe=RED, hair="#6b4a33"):
    """kneeling figure seen from behind."""
    return GT([P("M-14 0Q-14-26 0-28Q14-26 14 0Z", robe, True), C(0, -32, 8, hair, True)], x, y, s)


# ---------------------------------------------------------------- major arcana
def m_fool(p):
    p += sky("#f4e2b8")
    p += sun(234, 96, 24, face=False)
    p += mountains(300, [(70, 90, 60), (150, 120, 70), (230, 70, 60)], "#b9c9d8", snow=WHITE)
    p += P("M22 300Q120 290 200 300L214 330L198 410H22Z", "#a9c29a", True)
    p += P("M198 410L214 330L236 410Z", "#8c7a64")
    p += GT(quad(0, 0, 1, "dog", WHITE, howl=True), 98, 352, 1.15)
    staff = [LN(-14, -78, 26, -114, BROWN, 3), EL(28, -116, 10, 8, RED, True), C(25, -122, 2, YELLOW)]
    p += person(160, 336, 1.25, "#e9c35a", kind="tunic", hair="#d7a35b", dots=RED, legs=WHITE,
                hands=[[(-22, -56), (-26, -48)], [(8, -90)]], behind=staff, belt=BROWN,
                inner=None, front=[rose(-27, -50, 1.1, WHITE)])


def m_magician(p):
    p += sky("#f3dd9a", "#e3c98d", 330)
    p += lemniscate(150, 84, 1.2, NAVY, 3)
    wand = [LN(-2, -112, 6, -140, WHITE, 6), LN(-2, -112, 6, -140, INK, 1)]
    p += person(150, 286, 1.45, WHITE, cloak=RED, hair="#4a3426", belt=GOLD,
                hands=[[(-14, -100), (-4, -112)], [(20, -50), (24, -20)]], behind=[], front=wand)
    p += R(46, 268, 208, 16, "#9b6a45", True, rx=3)
    p += R(56, 284, 188, 50, "#b88458", True)
    p.use("c", 78, 250, 0.45)
    p.use("p", 124, 256, 0.55)
    p.use("s", 186, 262, 0.42, 90)
    p.use("w", 230, 260, 0.42, 80)
    for i in range(6):
        p += rose(44 + i * 42, 372 + (i % 2) * 14, 1.1)
    for i in range(5):
        p += lily(64 + i * 42, 396, 0.8)


def m_priestess(p):
    p += sky("#22304a", "#33415f", 350)
    p += R(70, 60, 160, 290, "#3f6f5e")
    for i in range(12):
        px = 86 + (i % 4) * 42 + (14 if (i // 4) % 2 else 0)
        py = 86 + (i // 4) * 56
        p += C(px, py, 7, "#c8574e", True)
        p += EL(px, py - 8, 4, 2, DSAGE)
    p += pillar(54, 80, 350, BLACK, "B", WHITE, 30)
    p += pillar(246, 80, 350, "#f4efe7", "J", BLACK, 30)
    horns = [P("M-15-104Q-8-100-6-94", "none", stroke=WHITE, stroke_width=3),
             P("M15-104Q8-100 6-94", "none", stroke=WHITE, stroke_width=3), C(0, -104, 6, WHITE, True)]
    scroll = [R(-14, -54, 28, 14, "#f5e8c8", True, rx=4), LN(-8, -47, 8, -47, BROWN, 1)]
    p += person(150, 350, 1.8, "#5d7fb3", kind="seat", hair=None, inner=WHITE,
                hands=[[(-10, -50)], [(10, -50)]], behind=[P("M-13-96Q-18-60-14-36H14Q18-60 13-96Z", "#8fb0d8", True)],
                front=horns + scroll)
    p += crescent(150, 380, 20, YELLOW, rot=-90)


def m_empress(p):
    p += sky("#f1e0b0")
    p += tree(52, 226, 1.5, "#7fa06f")
    p += tree(250, 220, 1.4, "#7fa06f")
    p += hills(250, HILL, 14, 2)
    p += P("M22 280Q80 262 120 288T278 276V296Q200 300 120 306T22 300Z", WATER)
    p += throne(150, 352, 86, 150, "#c96f6a")
    [star(150 + 20 * math.cos(math.radians(a)), -6 + 20 * math.sin(math.radians(a)) + 0, 4, YELLOW, o=True)
             for a in ()]
    p += person(150, 352, 1.6, WHITE, kind="seat", hair="#c98a4a", longhair=True, dots=RED, crown="gold",
                hands=[[(-14, -50)], [(16, -66), (22, -86)]],
                front=[LN(22, -82, 22, -118, GOLD, 3), C(22, -121, 4, GOLD, True)])
    for i in range(7):
        a = math.radians(-160 + i * 23.3)
        p += star(150 + 26 * math.cos(a), 352 - 86 * 1.6 + 26 * math.sin(a), 5, YELLOW, o=True)
    p += throne_arms(150, 352, 86, "#c96f6a")
    p += GT([P("M0 22Q-22 4-20-10Q-18-24 0-16Q18-24 20-10Q22 4 0 22Z", "#dba3a6", True),
             C(0, -4, 6, "none", stroke=BROWN, stroke_width=2.5), LN(0, 2, 0, 14, BROWN, 2.5), LN(-5, 9, 5, 9, BROWN, 2.5)],
            78, 330, 1.2)
    p += P("M22 372Q150 360 278 372V410H22Z", "#e3c26e")
    for i in range(9):
        x = 40 + i * 28
        p += LN(x, 410, x, 370, "#b8913d", 2.5)
        p += EL(x, 368, 4.5, 11, GOLD, True)


def m_emperor(p):
    p += sky("#f2c48f")
    p += mountains(340, [(60, 170, 70), (150, 200, 80), (246, 150, 70)], "#d8764a")
    p += R(22, 340, 256, 70, "#c86a45")
    p += throne(150, 376, 120, 210, "#9fa0a6")
    for sx in (-1, 1):
        cx = 150 + sx * 52
        p += C(cx, 164, 12, "#bfc0c5", True)
        p += P(d("M", cx, 164, "m", -4, 0, "a", 4, 4, 0, 1, 1, 4, 4, "a", 7, 7, 0, 1, 1, -10, -6), "none", stroke=INK, stroke_width=2)
    ankh = [LN(-20, -58, -20, -104, GOLD, 3.5), EL(-20, -110, 5, 7, "none", stroke=GOLD, stroke_width=3.5),
            LN(-27, -102, -13, -102, GOLD, 3.5)]
    orb = [C(20, -62, 7, GOLD, True), LN(20, -69, 20, -76, GOLD, 2.5), LN(16, -73, 24, -73, GOLD, 2.5)]
    p += person(150, 376, 1.7, "#b8403a", kind="seat", beard=WHITE, crown="gold", inner="#8e9aa8",
                hands=[[(-20, -56)], [(20, -56)]], front=ankh + orb)
    p += throne_arms(150, 376, 120, "#9fa0a6")


def m_hierophant(p):
    p += sky("#d9d2c4")
    p += pillar(58, 70, 340, "#8f8d97", w=34)
    p += pillar(242, 70, 340, "#8f8d97", w=34)
    p += R(22, 336, 256, 74, "#b8aa92")
    cross = [LN(24, -30, 24, -128, GOLD, 3.5), LN(16, -118, 32, -118, GOLD, 3), LN(14, -110, 34, -110, GOLD, 3),
             LN(12, -102, 36, -102, GOLD, 3)]
    p += person(150, 320, 1.7, "#b8403a", kind="seat", crown="triple", inner=WHITE,
                hands=[[(-20, -78), (-18, -96)], [(24, -60)]], behind=cross,
                front=[LN(-21, -99, -21, -106, SKIN, 2.5), LN(-17, -99, -17, -106, SKIN, 2.5)])
    for sx, col in ((-1, GOLD), (1, "#c8ccd6")):
        p += GT([C(0, -16, 7, "none", stroke=col, stroke_width=4), LN(0, -9, 0, 18, col, 4), LN(0, 12, 6, 12, col, 3),
                 LN(0, 17, 6, 17, col, 3)], 150, 352, 1, sx * 35)
    p += person_small_back(96, 408, 1.6, RED, "#5a3e2b")
    p += GT([rose(-6, -18, 0.6), rose(6, -8, 0.6), rose(-4, 0, 0.6)], 96, 408, 1.6)
    p += person_small_back(204, 408, 1.6, "#f3ede2", "#a07a4a")
    p += GT([lily(-6, -20, 0.6), lily(6, -10, 0.6)], 204, 408, 1.6)


def m_lovers(p):
    p += sky("#f4dcae")
    p += sun(150, 80, 24)
    p += mountains(330, [(150, 120, 50)], "#a08aa8")
    p += hills(330, HILL, 10, 2)
    p += wings(150, 130, "#c87a7a", 56, 40)
    p += cloud(150, 178, 2.2, WHITE)
    p += person(150, 188, 0.85, "#8a6db0", hair=GOLD, hands=[[(-26, -76)], [(26, -76)]])
    # tree of flames (left) and apple tree with serpent (right)
    p += R(44, 210, 8, 130, "#8a6244", True)
    for i in range(8):
        p += flame(32 + (i % 3) * 14, 240 + (i // 3) * 28, 0.8)
    p += R(248, 210, 8, 130, "#8a6244", True)
    p += C(252, 214, 28, "#7fa06f", True)
    for fx, fy in ((240, 204), (262, 212), (250, 228), (236, 222)):
        p += C(fx, fy, 4, RED)
    p += serpent(252, 300, 252, 236, "#7c9a3e", 4, 3)
    p += person(98, 368, 1.35, SKIN, hair="#6b4a33", face=True, hands=[[(-12, -40)], [(22, -66)]])
    p += person(202, 368, 1.35, SKIN, hair="#c98a4a", longhair=True, hands=[[(-22, -66)], [(12, -40)]])


def m_chariot(p):
    p += sky("#d9e4ea", "#e1d3a8", 300)
    for i in range(7):
        p += tower(40 + i * 37, 300, 26, 50 + (i % 3) * 18, "#c5b9a5", True, i % 2 == 0)
    p += R(56, 96, 188, 24, "#3d5b8f", True, rx=4)
    for i in range(6):
        p += star(74 + i * 30, 108, 5, YELLOW)
    p += LN(66, 120, 66, 236, "#8c8c95", 5)
    p += LN(234, 120, 234, 236, "#8c8c95", 5)
    wand = [LN(22, -60, 22, -122, WOOD, 4), EL(22, -124, 3, 5, SAGE)]
    p += person(150, 270, 1.45, "#aeb3c0", crown="gold", inner="#d8dbe3", hands=[[(-18, -56)], [(22, -60)]],
                front=wand)
    p += R(60, 232, 180, 70, "#8f8d97", True, rx=4)
    p += C(150, 266, 16, GOLD, True)
    p += P("M136 266Q150 250 164 266Q150 256 136 266Z", "#fff3d6")
    p += sphinx(98, 362, 1.7, BLACK)
    p += sphinx(202, 362, 1.7, WHITE, flip=True)


def m_strength(p):
    p += sky("#f3d98a", "#b7cd95", 300)
    p += mountains(300, [(150, 60, 60)], "#98a9c4")
    p += lemniscate(112, 92, 1.1, NAVY, 3)
    garland = [C(-8, -96, 3, RED), C(0, -98, 3, RED), C(8, -96, 3, RED), C(-9, -50, 3, RED), C(0, -49, 3, RED), C(9, -50, 3, RED)]
    p += person(112, 384, 2.1, WHITE, hair="#c98a4a", longhair=True, front=garland,
                hands=[[(20, -46), (38, -46)], [(22, -32), (40, -36)]])
    p += GT(quad(0, 0, 1, "lion", "#e19a4a"), 200, 392, 2.8, flip=True)


def m_hermit(p):
    p += sky("#1f2a44", "#3a4563", 330)
    p += mountains(330, [(90, 150, 80), (220, 110, 80)], "#6f7b95", snow=WHITE)
    for sx, sy in ((60, 80), (240, 70), (200, 120), (40, 150)):
        p += star(sx, sy, 3, "#e9e4d0")
    lantern = [C(-24, -92, 24, YELLOW, opacity=0.35), R(-30, -98, 12, 14, "#f8df7c", True, rx=2),
               star(-24, -91, 5, WHITE, 6, 0.55), LN(-24, -98, -24, -104, INK, 1.5)]
    staff = [LN(22, -70, 26, 0, "#b9875b", 4)]
    p += person(150, 390, 2.2, "#8d8a93", hood="#8d8a93", beard=WHITE, face=True,
                hands=[[(-22, -80), (-24, -106)], [(22, -60)]], behind=staff, front=lantern)


def m_wheel(p):
    p += sky("#c7dceb")
    for x, y in ((62, 86), (238, 86), (62, 380), (238, 380)):
        p += cloud(x, y, 1.3)
    cx, cy = 150, 236
    p += C(cx, cy, 88, "#e39a4f", True)
    p += C(cx, cy, 62, "#f4d08f", True)
    for i in range(8):
        a = math.radians(i * 45 + 22.5)
        p += LN(cx + 18 * math.cos(a), cy + 18 * math.sin(a), cx + 62 * math.cos(a), cy + 62 * math.sin(a), BROWN, 3)
    p += C(cx, cy, 18, "#e39a4f", True)
    for i, ch in enumerate("TARO"):
        a = math.radians(-90 + i * 90)
        p += T(cx + 75 * math.cos(a), cy + 75 * math.sin(a) + 6, ch, 18, NAVY, "bold", font_family="serif")
    sw = [LN(12, -16, 12, -48, "#e9ecf2", 3)]
    p += GT([sphinx(-20, 0, 1, "#5a84a8")] + sw, cx, cy - 86, 1.4)
    p += serpent(64, 160, 58, 320, "#e3b73f", 5, 4)


def m_justice(p):
    p += sky("#8a6f9d")
    p += pillar(48, 70, 360, "#9c9aa3", w=26)
    p += pillar(252, 70, 360, "#9c9aa3", w=26)
    p += R(22, 350, 256, 60, "#b8aa92")
    sword = [LN(-24, -60, -24, -150, "#e9ecf2", 5), LN(-32, -62, -16, -62, GOLD, 4)]
    scale_ = [LN(24, -60, 24, -104, GOLD, 3), LN(4, -104, 44, -104, GOLD, 3),
              PL([(4, -104), (-2, -86), (10, -86), (4, -104)], GOLD, 1.5),
              PL([(44, -104), (38, -86), (50, -86), (44, -104)], GOLD, 1.5),
              P("M-3-86Q4-79 11-86Z", GOLD, True), P("M37-86Q44-79 51-86Z", GOLD, True)]
    p += person(150, 380, 1.8, "#b8403a", kind="seat", crown="gold", hair="#6b4a33", inner="#5d8a6e",
                hands=[[(-24, -62)], [(24, -62)]], behind=[], front=sword + scale_)


def m_hanged(p):
    p += sky("#cfdce0", "#b7c9a0", 370)
    p += R(60, 70, 12, 300, "#8a6244", True)
    p += R(228, 70, 12, 300, "#8a6244", True)
    p += R(56, 62, 188, 16, "#8a6244", True, rx=4)
    for x in (70, 118, 176, 232):
        p += EL(x, 58, 9, 4, SAGE, True)
    p += LN(150, 78, 150, 104, "#c49a6c", 3)
    # upside-down figure
    p += PL([(150, 104), (150, 196)], INK, 12)
    p += PL([(150, 104), (150, 196)], "#c0503c", 9)
    p += PL([(150, 194), (184, 166), (152, 144)], INK, 12)
    p += PL([(150, 194), (184, 166), (152, 144)], "#c0503c", 9)
    p += C(150, 300, 22, GOLD, opacity=0.85)
    p += P("M136 190H164L168 276Q150 282 132 276Z", "#4f6fa6", True)
    p += R(134, 236, 32, 5, GOLD)
    p += PL([(134, 272), (118, 250), (136, 232)], INK, 9)
    p += PL([(134, 272), (118, 250), (136, 232)], "#4f6fa6", 6)
    p += PL([(166, 272), (182, 250), (164, 232)], INK, 9)
    p += PL([(166, 272), (182, 250), (164, 232)], "#4f6fa6", 6)
    p += C(150, 294, 13, SKIN, True)
    p += P("M137 296Q150 316 163 296Q150 302 137 296Z", "#d7a35b")
    p += C(145, 290, 1.4, INK)
    p += C(155, 290, 1.4, INK)


def m_death(p):
    p += sky("#e8c9a6", "#6f6a62", 330)
    p += tower(56, 316, 24, 60, "#7b7480")
    p += tower(244, 316, 24, 60, "#7b7480")
    p += P("M22 316H278V330H22Z", "#8fa6b8")
    p += C(150, 316, 30, "#f0c75e")
    p += R(22, 316, 256, 94, "#6f6a62")
    flag = [LN(28, -86, 28, -170, BROWN, 3.5),
            P("M28-170H74L66-150L74-130H28Z", BLACK, True)]
    flag += [C(48 + 6 * math.cos(math.radians(a)), -150 + 6 * math.sin(math.radians(a)), 4, WHITE) for a in range(-90, 270, 72)]
    flag += [C(48, -150, 3, GOLD)]
    rd = rider(BLACK, [[(12, -76), (28, -86)], None], crown=None, skull=True) + flag
    p += horse(150, 386, 1.7, WHITE, LGREY, "walk", flip=False, rider=rd)
    p += crown_shape(60, 400, 26, 14)


def m_temperance(p):
    p += sky("#dfe8e4", "#a9c29a", 300)
    p += mountains(300, [(226, 70, 60)], "#b4bfcd")
    p += sun(226, 236, 12)
    p += P("M226 300Q190 330 220 360Q240 390 200 410H170Q210 380 196 360Q180 330 226 300Z", "#eadfc2")
    p += EL(96, 394, 60, 16, WATER, True)
    p += R(176, 380, 40, 14, "#9c9aa3", True, rx=6)
    for x in (38, 58, 158):
        p += GT([LN(0, 0, 0, 26, SAGE, 2), P("M0-2Q-8-10-2-14Q0-8 2-14Q8-10 0-2Z", "#8b6fb0", True)], x, 360)
    tri = [PG([(0, -64), (-7, -52), (7, -52)], "none", stroke=GOLD, stroke_width=2)]
    cups = [P("M-42-64H-28Q-28-52-35-52Q-42-52-42-64Z", GOLD, True),
            P("M28-44H42Q42-32 35-32Q28-32 28-44Z", GOLD, True),
            water_stream(-34, -64, 34, -44, 14, 3, "#5a9ac8")]
    p += person(150, 380, 2.0, WHITE, hair="#c98a4a", halo=None, behind=wings(0, -72, "#e9a9a0", 44, 44),
                hands=[[(-28, -58), (-36, -62)], [(24, -44), (34, -42)]], front=tri + cups)
    p += C(150, 380 - 172, 4, GOLD)


def m_devil(p):
    p += sky(BLACK, "#2a2630", 360)
    p += R(88, 230, 124, 60, "#1b1820", True)
    p += wings(150, 160, "#5b4552", 64, 50)
    torch = [LN(24, -60, 34, -26, BROWN, 3.5), GT(flame(0, 0, 0.9), 36, -20, 1, 180)]
    horns = [P("M-8-94Q-16-108-20-104Q-14-102-4-93Z", "#e8ddc8", True),
             P("M8-94Q16-108 20-104Q14-102 4-93Z", "#e8ddc8", True)]
    p += person(150, 232, 1.55, "#7a5a48", kind="seat", skin="#a9886e", face=True, front=horns + torch,
                hands=[[(-24, -84), (-24, -100)], [(24, -60)]])
    p += star(150, 64, 16, "none", 5, 0.38, 90, o=True)
    p += PG(star_pts(150, 64, 16, 6, 5, 90), "none", stroke="#e8ddc8", stroke_width=2)
    for sx, col in ((-1, SKIN), (1, SKIN)):
        x = 150 + sx * 70
        small_h = [P("M-6-94L-9-104L-2-95Z", "#e8ddc8"), P("M6-94L9-104L2-95Z", "#e8ddc8")]
        tail = [P("M-8-30Q-30-20-26 0", "none", stroke=ORANGE if sx < 0 else "#8fae5a", stroke_width=3)]
        p += person(x, 400, 1.05, col, hair="#6b4a33" if sx < 0 else "#c98a4a", behind=tail, front=small_h)
        p += PL([(150 + sx * 30, 290), (x - sx * 4, 318)], "#9c9aa3", 2.5, stroke_dasharray="4 2")
    p += R(130, 290, 40, 10, "#9c9aa3", True, rx=3)


def m_tower(p):
    p += sky(BLACK, "#5a5560", 350)
    p += P("M60 410Q80 330 120 320H184Q220 330 240 410Z", "#7b7480", True)
    p += R(112, 124, 76, 200, "#b9b4ab", True)
    for i in range(4):
        p += R(112 + i * 20, 114, 12, 12, "#b9b4ab", True)
    for wx, wy in ((132, 170), (168, 170), (150, 240)):
        p += R(wx - 7, wy - 12, 14, 24, "#3a3340", rx=7)
        p += flame(wx, wy + 12, 1.05)
    p += GT(crown_shape(0, 0, 44, 22), 188, 110, 1, 30)
    p += bolt(88, 60, 1.6)
    p += person(70, 250, 0.9, "#5d7fb3", hair="#6b4a33", r=160, hands=[[(-24, -76)], [(24, -76)]])
    p += person(236, 266, 0.9, RED, hair="#c98a4a", crown="gold", r=-150, hands=[[(-24, -76)], [(24, -76)]])
    for i in range(12):
        x = 36 + (i * 53) % 230
        y = 80 + (i * 37) % 240
        p += P(d("M", x, y, "q", -4, 6, 0, 8, "q", 4, -2, 0, -8, "Z"), YELLOW)


def m_star(p):
    p += sky("#26355a", "#6e9a74", 300)
    p += P("M200 300Q230 260 278 268V300Z", "#5d8a66")
    p += tree(246, 270, 0.8, "#4f7a5a")
    p += bird(246, 222, 0.8, WHITE)
    p += star(150, 100, 40, YELLOW, 8, 0.42, o=True)
    for _i, (sx, sy) in enumerate(((56, 70), (244, 70), (60, 150), (240, 150), (100, 190), (200, 190), (150, 210))):
        p += star(sx, sy, 10, WHITE, 8, 0.42)
    p += P("M22 340Q90 320 130 350T170 410H22Z", WATER, True)
    # kneeling figure
    fig = [P("M-6-70L6-70L14-30L30-30L34 0L-10 0L-14-30Z", SKIN, True),
           P("M-4-30L-22-16L-10 0", "none", stroke=INK, stroke_width=9, stroke_linecap="round"),
           P("M-4-30L-22-16L-10 0", "none", stroke=SKIN, stroke_width=6, stroke_linecap="round"),
           P("M-11-86Q-14-56-8-54H10Q14-60 11-86Z", "#c98a4a", True), C(0, -80, 10, SKIN, True),
           P("M-10-82Q-8-93 0-92Q8-93 10-82Q4-87 0-86Q-4-87-10-82Z", "#c98a4a"),
           C(-3.5, -80, 1.3, INK), C(3.5, -80, 1.3, INK)]
    fig += arm(-5, -66, [(-26, -48), (-36, -44)], SKIN, 5) + arm(5, -66, [(26, -48), (36, -44)], SKIN, 5)
    fig += [P("M-46-52H-30L-32-36H-44Z", "#c8574e", True), P("M30-52H46L44-36H32Z", "#c8574e", True)]
    p += GT(fig, 150, 350, 1.55)
    p += water_stream(84, 276, 70, 360, -10, 4, "#b9d8ea")
    p += water_stream(216, 276, 232, 340, 10, 4, "#b9d8ea")
    p += P("M232 340l-12 20M232 340l4 22M232 340l16 16", "none", stroke="#b9d8ea", stroke_width=2.5)


def m_moon(p):
    p += sky("#2c3a5c", "#7d9a6e", 290)
    p += C(150, 104, 44, "#f4e7b4", True)
    p += P("M150 60A44 44 0 0 1 150 148A30 44 0 0 0 150 60Z", "#e2c879")
    p += C(160, 96, 2, INK)
    p += P("M156 118Q162 120 166 116", "none", stroke=INK, stroke_width=1.5)
    for i in range(7):
        x = 90 + i * 20
        y = 168 + (i % 3) * 14
        p += P(d("M", x, y, "q", -4, 6, 0, 8, "q", 4, -2, 0, -8, "Z"), YELLOW)
    p += tower(48, 290, 30, 110, "#a6a1ae")
    p += tower(252, 290, 30, 110, "#a6a1ae")
    p += mountains(290, [(150, 50, 90)], "#8aa0b8")
    p += P("M150 290Q130 320 160 340Q190 360 150 380", "none", stroke="#e8d9b8", stroke_width=10)
    p += GT(quad(0, 0, 1, "dog", "#e6d3b0", howl=True, sit=True), 84, 352, 1.6)
    p += GT(quad(0, 0, 1, "wolf", "#8f8c94", howl=True, sit=True), 216, 352, 1.6, flip=True)
    p += R(22, 378, 256, 32, "#5a86a8")
    cray = [EL(0, 0, 7, 12, "#d86a4a", True), P("M-5-10L-12-22L-4-18Z", "#d86a4a", True), P("M5-10L12-22L4-18Z", "#d86a4a", True),
            LN(-7, 2, -13, 6, "#d86a4a", 2), LN(7, 2, 13, 6, "#d86a4a", 2)]
    p += GT(cray, 150, 394, 1.2)


def m_sun(p):
    p += sky("#b9d6ea")
    p += sun(150, 112, 44, face=True, rays=16, wavy=True)
    p += R(22, 268, 256, 62, "#b6aea2", True)
    for row in range(3):
        for i in range(9):
            p += R(22 + i * 30 + (15 if row % 2 else 0) - 15, 270 + row * 20, 30, 20, "none", stroke="#958d80", stroke_width=1.2)
    for i in range(5):
        x = 46 + i * 52
        p += LN(x, 268, x, 240, SAGE, 3)
        p += C(x, 236, 12, "#f0b83a", True)
        p += C(x, 236, 5, "#8a5a3b")
    p += R(22, 330, 256, 80, "#a9c29a")
    flag = [LN(20, -80, 20, -150, BROWN, 3), P("M20-150Q44-160 66-146Q52-132 70-118Q44-128 20-120Z", "#d0473d", True)]
    kid = [P("M-8-62H8L6-92Q0-96-6-92Z", SKIN, True), C(0, -102, 10, SKIN, True),
           C(-3.5, -103, 1.3, INK), C(3.5, -103, 1.3, INK)]
    kid += [C(-8, -110, 3, "#f0b83a"), C(0, -113, 3, "#f0b83a"), C(8, -110, 3, "#f0b83a"), P("M2-111l6-8l2 8Z", RED)]
    kid += arm(-6, -88, [(-22, -100)], SKIN, 5) + arm(6, -88, [(20, -84)], SKIN, 5) + flag
    kid += [PL([(-2, -62), (8, -44), (6, -30)], SKIN, 6)]
    p += horse(140, 404, 1.45, WHITE, LGREY, "walk", rider=kid)


def m_judgement(p):
    p += sky("#b9cbe0")
    p += mountains(330, [(60, 80, 60), (240, 90, 60)], "#e8ecef")
    p += R(22, 320, 256, 90, "#6f8fae")
    p += GT([cloud(-40, 0, 1.4), cloud(40, 0, 1.4), cloud(0, 10, 1.6)], 150, 170)
    angel = wings(0, -60, "#e98f85", 46, 40) + [P("M-10-76Q0-80 10-76L16-30H-16Z", "#7f9fd0", True),
                                                 C(0, -86, 10, SKIN, True), P("M-10-88Q-8-99 0-98Q8-99 10-88Z", "#d7a35b")]
    angel += arm(-6, -70, [(-30, -60)], "#7f9fd0", 5)
    angel += [PG([(-28, -62), (-90, -36), (-92, -28), (-28, -56)], GOLD, True),
              P("M-70-52H-42V-26H-70Z", WHITE, True), R(-58, -50, 4, 22, RED), R(-68, -41, 24, 4, RED)]
    p += GT(angel, 190, 176, 1.3)
    for x, col in ((70, "#aab0b5"), (150, "#c1c6cb"), (230, "#aab0b5")):
        p += R(x - 30, 360, 60, 24, "#8a6244", True, rx=3)
        fig = [P("M-10-40H10L8-6H-8Z", col, True), C(0, -50, 9, col, True)] + \
              arm(-8, -36, [(-18, -58), (-14, -72)], col, 5) + arm(8, -36, [(18, -58), (14, -72)], col, 5)
        p += GT(fig, x, 362, 1.1)


def m_world(p):
    p += sky("#c7d8ea")
    p += wreath_ring(150, 232, 82, 130)
    for y in (102, 362):
        p += PG([(134, y - 10), (166, y + 10), (166, y - 10), (134, y + 10)], RED, True)
    sash = P("M-14-74Q20-60-10-40Q-30-20 14 0", "none", stroke="#8b6fb0", stroke_width=9, stroke_linecap="round")
    wands = [LN(-30, -86, -30, -50, WOOD, 3.5), LN(30, -70, 30, -34, WOOD, 3.5)]
    fig = [P("M-8-76Q0-80 8-76L10-40H-10Z", SKIN, True)]
    fig += [PL([(-4, -42), (-8, -4), (-10, 0)], SKIN, 7), PL([(4, -42), (18, -20), (-2, -14)], SKIN, 7)]
    fig += [C(0, -86, 10, SKIN, True), P("M-10-88Q-8-99 0-98Q8-99 10-88Q4-93 0-92Q-4-93-10-88Z", "#6b4a33"),
            C(-3.5, -86, 1.3, INK), C(3.5, -86, 1.3, INK)]
    fig += arm(-8, -70, [(-22, -72), (-30, -68)], SKIN, 5) + arm(8, -70, [(22, -56), (30, -52)], SKIN, 5)
    fig += [sash] + wands
    p += GT(fig, 150, 300, 1.5)
    # four living creatures
    p += GT([C(0, 0, 14, SKIN, True), P("M-14-2Q-12-16 0-16Q12-16 14-2Q6-10 0-10Q-6-10-14-2Z", GOLD),
             C(-4, 0, 1.4, INK), C(4, 0, 1.4, INK)], 50, 82)
    p += GT([C(0, 0, 14, "#8a6b4a", True), PG([(8, -4), (20, 2), (8, 6)], GOLD, True), C(3, -3, 1.8, INK),
             P("M-14 2Q-8 12 0 12", "none", stroke="#5a4030", stroke_width=2)], 250, 82)
    p += GT([C(0, 0, 13, "#a37a55", True), P("M-12-6Q-24-10-22-20Q-16-10-8-10Z", WHITE, True),
             P("M12-6Q24-10 22-20Q16-10 8-10Z", WHITE, True), EL(0, 7, 7, 5, "#c79c79", True),
             C(-5, -2, 1.4, INK), C(5, -2, 1.4, INK)], 50, 384)
    p += GT([C(0, 0, 17, "#c27a2e", True), C(0, 0, 11, "#e6a95a", True), C(-4, -2, 1.4, INK), C(4, -2, 1.4, INK),
             P("M-3 4Q0 7 3 4", "none", stroke=INK, stroke_width=1.5)], 250, 384)


MAJORS = [m_fool, m_magician, m_priestess, m_empress, m_emperor, m_hierophant, m_lovers, m_chariot,
          m_strength, m_hermit, m_wheel, m_justice, m_hanged, m_death, m_temperance, m_devil, m_tower,
          m_star, m_moon, m_sun, m_judgement, m_world]


# ---------------------------------------------------------------- minor arcana
def grid_positions(k, top, bot, xs=70):
    lay = {
        1: [(0, 0.5)],
        2: [(0, 0), (0, 1)],
        3: [(0, 0), (-1, 1), (1, 1)],
        4: [(-0.6, 0), (0.6, 0), (-0.6, 1), (0.6, 1)],
        5: [(-1, 0), (1, 0), (0, 0.5), (-1, 1), (1, 1)],
        6: [(-0.7, 0), (0.7, 0), (-0.7, 0.5), (0.7, 0.5), (-0.7, 1), (0.7, 1)],
        7: [(-0.9, 0), (0.9, 0), (0, 0.25), (-0.9, 0.5), (0.9, 0.5), (-0.9, 1), (0.9, 1)],
        8: [(-0.9, 0), (0.9, 0), (0, 0.25), (-0.9, 0.5), (0.9, 0.5), (0, 0.75), (-0.9, 1), (0.9, 1)],
        9: [(-1, 0), (0, 0), (1, 0), (-1, 0.5), (0, 0.5), (1, 0.5), (-1, 1), (0, 1), (1, 1)],
        10: [(-1, 0), (1, 0), (0, 1 / 6.), (-1, 1 / 3.), (1, 1 / 3.), (-1, 2 / 3.), (1, 2 / 3.), (0, 5 / 6.), (-1, 1), (1, 1)],
    }[k]
    return [(CX + u * xs, top + v * (bot - top)) for u, v in lay]


def row_positions(k, y, span=210, arc=10):
    if k == 1:
        return [(CX, y)]
    step = min(46, span / (k - 1))
    x0 = CX - step * (k - 1) / 2
    out = []
    for i in range(k):
        t = (i - (k - 1) / 2) / max(1, (k - 1) / 2)
        out.append((x0 + i * step, y + arc * t * t))
    return out


def backdrop(p, suit, gy=330, kind="plain"):
    acc, soft, ground = SUITS[suit]
    p += R(PX0, PY0, PW, PH, soft)
    p += hills(gy, ground, 12, 3, 1)


def small_fig(x, y, s=1, col=RED, **kw):
    return person(x, y, s, col, **kw)


def pips_wands(p, r):
    backdrop(p, "wands", 340)
    acc = SUITS["wands"][0]
    if r == 1:
        p += GT(mountains(0, [(0, 30, 50)], HILL) + tower(0, -20, 16, 22, "#b9a48a"), 200, 380)
        p.use("w", 168, 200, 1.55)
        p += hand(168, 236, 1.3)
    elif r == 2:
        for x, y in row_positions(2, 200, 120):
            p.use("w", x, y, 1.45)
        p += GT([C(0, 0, 20, "#8fb8d0", True), P("M-12-10Q-2-2-8 8Q4 4 6 14Q12 2 8-12Q0-14-12-10Z", HILL),
                 EL(0, 0, 20, 7, "none", stroke="#5a86a8", stroke_width=1)], CX, 372)
        p += hand(CX + 18, 372, 0.7)
    elif r == 3:
        p += waves(350, SEA, "#a9c6d8", 2)
        for x, y in row_positions(3, 196, 130):
            p.use("w", x, y, 1.4)
        for sx in (90, 200):
            p += GT([P("M-16 0H16L10 8H-10Z", BROWN, True), PG([(0, -2), (0, -26), (14, -4)], WHITE, True)], sx, 378, 1)
    elif r == 4:
        for x, y in row_positions(4, 210, 180):
            p.use("w", x, y, 1.35)
        xs = row_positions(4, 210, 180)
        p += P(d("M", xs[1][0], 130, "Q", CX, 176, xs[2][0], 130), "none", stroke=SAGE, stroke_width=5)
        for i in range(5):
            t = i / 4.0
            x = xs[1][0] + (xs[2][0] - xs[1][0]) * t
            y = 130 + 46 * 2 * t * (1 - t) * 0.5 * 2
            p += C(x, y - 2, 5, [RED, YELLOW, ROSE][i % 3], True)
        p += GT([R(-20, -22, 40, 22, "#d9cdb8", True), PG([(-24, -22), (0, -40), (24, -22)], acc, True)], CX, 396)
    elif r == 5:
        for i, a in enumerate((-38, 28, -12, 50, -55)):
            p.use("w", 96 + i * 27, 206 + (i % 2) * 16, 1.2, a * 0.8)
        p += EL(CX, 376, 58, 14, "#d9bf98")
        p += EL(CX - 30, 368, 20, 10, "#d9bf98")
    elif r == 6:
        for x, y in row_positions(6, 214, 200, 6):
            p.use("w", x, y, 1.25)
        p += wreath_ring(row_positions(6, 214, 200)[2][0] + 20, 104, 14, 14, SAGE, 6)
    elif r == 7:
        p += P("M60 410Q150 300 240 410Z", HILL, True)
        p.use("w", CX, 300, 1.3, 70)
        for i, (x, y) in enumerate(row_positions(6, 226, 200, -30)):
            p.use("w", x, y + 30, 1.0, (i - 2.5) * 5)
    elif r == 8:
        p += hills(340, HILL, 10, 2)
        p += P("M22 372Q100 356 150 380T278 376V392Q200 394 150 398T22 388Z", "#8fb8d0", True)
        for i in range(8):
            p.use("w", 100 + i * 14, 140 + i * 20, 0.95, 55)
    elif r == 9:
        for x, y in row_positions(8, 196, 214, 0):
            p.use("w", x, y, 1.25)
        p += person(CX, 392, 1.05, acc, kind="tunic", hair="#6b4a33", hands=[[(-14, -42)], [(20, -58)]],
                    front=[R(-10, -96, 20, 6, WHITE, rx=3)])
        p.use("w", CX + 20, 350, 0.7)
    elif r == 10:
        for i in range(10):
            p.use("w", 100 + i * 9, 218 + abs(i - 4.5) * 3, 1.25, (i - 4.5) * 4)
        p += person(CX + 6, 396, 1.0, acc, kind="tunic", hair="#6b4a33", r=12,
                    hands=[[(-16, -76)], [(14, -80)]])


def pips_cups(p, r):
    backdrop(p, "cups", 340)
    acc = SUITS["cups"][0]
    if r == 1:
        p += EL(CX, 392, 100, 16, "#8fb8d0")
        for x in (-28, -14, 0, 14, 28):
            p += water_stream(CX + x * 0.7, 190, CX + x * 2.2, 380, x * 0.6, 3, "#5a9ac8")
        p.use("c", CX, 220, 2.0)
        p += hand(CX + 8, 268, 1.3)
        p += dove(CX, 106, 1.3)
        p += C(CX, 130, 6, WHITE, True)
    elif r == 2:
        p.use("c", 96, 300, 1.25)
        p.use("c", 204, 300, 1.25)
        cad = [LN(0, -60, 0, 60, GOLD, 3.5)] + wings(0, -54, "#e9a9a0", 24, 20) + [
            P("M0-40Q14-30 0-20Q-14-10 0 0Q14 10 0 20Q-14 30 0 40", "none", stroke=SAGE, stroke_width=3),
            P("M0-40Q-14-30 0-20Q14-10 0 0Q-14 10 0 20Q14 30 0 40", "none", stroke="#8fae5a", stroke_width=3),
            C(0, -64, 8, "#e19a4a", True)]
        p += GT(cad, CX, 170, 1.2)
    elif r == 3:
        for (x, y), a in zip(((100, 150), (CX, 130), (200, 150)), (-14, 0, 14), strict=False):
            p.use("c", x, y, 1.2, a)
        p += grapes(110, 340, 1.5)
        p += grapes(190, 340, 1.5, "#8fae5a")
        p += C(CX, 350, 12, ORANGE, True)
        p += C(CX + 12, 364, 9, RED, True)
    elif r == 4:
        for x, y in row_positions(3, 320, 180, 0):
            p.use("c", x, y, 1.1)
        p.use("c", 190, 150, 1.1)
        p += hand(184, 184, 1.0)
    elif r == 5:
        for x in (70, 230):
            p.use("c", x, 290, 0.9)
        p += person(CX, 330, 1.5, BLACK, hood=BLACK, face=False, hands=[[(-10, -44)], [(10, -44)]])
        for i, x in enumerate((84, 150, 214)):
            p += EL(x - 26, 392, 24, 6, "#a44a44")
            p.use("c", x, 378, 0.8, 100 - i * 4)
    elif r == 6:
        for x, y in grid_positions(6, 110, 250, 62):
            p.use("c", x, y, 0.9)
            p += C(x - 8, y - 36, 6, WHITE, True)
            p += C(x + 8, y - 36, 6, WHITE, True)
            p += C(x, y - 40, 3, YELLOW)
        p += person(110, 400, 0.8, RED, kind="tunic", hair="#6b4a33", hands=[[(-14, -42)], [(22, -50)]])
        p += person(190, 400, 0.7, "#e9c35a", kind="tunic", hair="#d7a35b", hands=[[(-20, -48)], [(14, -42)]])
        p.use("c", CX, 362, 0.45)
        p += C(CX, 346, 5, WHITE, True)
    elif r == 7:
        for x in (60, 120, 180, 240):
            p += cloud(x, 396, 1.6, WHITE)
        syms = [lambda x, y: star(x, y, 9, YELLOW, o=True),
                lambda x, y: G(tower(x, y + 8, 16, 18, "#b9a48a")),
                lambda x, y: G(serpent(x - 8, y, x + 8, y - 4, "#8fae5a", 3, 2)),
                lambda x, y: PG([(x, y - 10), (x + 8, y), (x, y + 8), (x - 8, y)], "#67b6c8", True),
                lambda x, y: G(wreath_ring(x, y, 8, 8, SAGE, 4)),
                lambda x, y: P(d("M", x, y + 8, "Q", x - 12, y, x - 8, y - 6, "Q", x - 4, y - 10, x, y - 4,
                                 "Q", x + 4, y - 10, x + 8, y - 6, "Q", x + 12, y, x, y + 8, "Z"), RED, True),
                lambda x, y: G([C(x, y, 8, WHITE, True), P(d("M", x - 9, y - 2, "Q", x, y - 16, x + 9, y - 2), "none", stroke=GREY, stroke_width=3)])]
        for i, (x, y) in enumerate(((70, 150), (CX, 130), (230, 150), (92, 262), (CX, 240), (208, 262), (CX, 348))):
            p.use("c", x, y, 0.85)
            p += syms[i](x, y - 42)
    elif r == 8:
        p += mountains(330, [(220, 90, 60)], "#9fb0c4")
        p += crescent(76, 96, 16, YELLOW, rot=0)
        for x, y in row_positions(5, 300, 200, 0):
            p.use("c", x, y, 0.85)
        for x, y in row_positions(3, 240, 80, 0):
            p.use("c", x, y, 0.85)
        p += person(220, 388, 0.6, "#b8403a", hood="#b8403a", face=False,
                    hands=[[(-14, -42)], [(22, -40)]], behind=[LN(24, -70, 26, 0, BROWN, 3)])
    elif r == 9:
        p += P(d("M", 36, 232, "Q", CX, 140, 264, 232, "V", 246, "Q", CX, 156, 36, 246, "Z"), acc, True)
        for i in range(9):
            a = math.radians(180 - i * 22.5)
            p.use("c", CX + 100 * math.cos(a), 238 - 100 * math.sin(a) - 10 + (0 if i in (0, 8) else 0), 0.7)
        p += R(110, 330, 80, 14, BROWN, True, rx=3)
        p += person(CX, 360, 1.05, "#b8403a", kind="seat", hair="#6b4a33", crown=None,
                    hands=[[(8, -50)], [(-8, -52)]], front=[R(-12, -96, 24, 6, RED, rx=3)])
    elif r == 10:
        cols = ["#d86a6a", "#e8a04a", "#e8cf5a", "#8fbf7a", "#6aa0c8", "#8b6fb0"]
        for i, col in enumerate(cols):
            rr = 120 - i * 8
            p += P(d("M", CX - rr, 300, "A", rr, rr, 0, 0, 1, CX + rr, 300), "none", stroke=col, stroke_width=8)
        for i in range(10):
            a = math.radians(180 - i * 20)
            p.use("c", CX + 106 * math.cos(a), 300 - 106 * math.sin(a) + 6, 0.52)
        p += P("M22 410Q150 330 278 410Z", HILL, True)
        p += GT([R(-18, -18, 36, 18, WHITE, True), PG([(-22, -18), (0, -34), (22, -18)], RED, True),
                 R(-4, -10, 8, 10, BROWN)], CX, 380)


def pips_swords(p, r):
    backdrop(p, "swords", 346)
    if r == 1:
        p += mountains(346, [(80, 60, 60), (220, 70, 60)], "#aeb5c8")
        p.use("s", CX, 200, 1.5)
        p += crown_shape(CX, 100, 48, 24)
        p += P("M128 100Q116 128 112 150", "none", stroke=SAGE, stroke_width=3)
        p += P("M172 100Q184 128 188 150", "none", stroke="#8fae5a", stroke_width=3)
        for i in range(4):
            p += EL(118 - i * 1.5, 110 + i * 10, 5, 2.5, SAGE)
            p += EL(182 + i * 1.5, 110 + i * 10, 5, 2.5, "#8fae5a")
        p += hand(CX, 296, 1.35)
    elif r == 2:
        p += waves(330, "#9fb0c4", "#c9d1de", 2)
        p += crescent(228, 90, 16, YELLOW, rot=20)
        p += R(120, 330, 60, 30, "#cfcbd2", True)
        p.use("s", CX, 200, 1.4, 40)
        p.use("s", CX, 200, 1.4, -40)
        p += person(CX, 320, 1.3, WHITE, hair="#6b4a33", face=False,
                    hands=[[(10, -60), (16, -56)], [(-10, -60), (-16, -56)]],
                    front=[R(-11, -90, 22, 6, WHITE, True, rx=3)])
    elif r == 3:
        for x in (80, CX, 220):
            p += cloud(x, 100, 1.6, "#9aa0ad")
        for i in range(14):
            x = 40 + (i * 67) % 220
            y = 140 + (i * 29) % 240
            p += LN(x, y, x - 4, y + 12, "#8a93ad", 2)
        p += P("M150 310Q90 270 92 224Q96 186 132 190Q146 192 150 208Q154 192 168 190Q204 186 208 224Q210 270 150 310Z", "#c2484a", True)
        p.use("s", CX, 250, 1.15)
        p.use("s", CX, 250, 1.15, 45)
        p.use("s", CX, 250, 1.15, -45)
    elif r == 4:
        for x in (90, CX, 210):
            p.use("s", x, 160, 0.95, 180)
        p += R(56, 300, 188, 44, "#b9b4c2", True, rx=4)
        p += P("M74 300Q76 276 110 278H206Q226 280 228 300Z", "#e3dfe8", True)
        p += C(86, 286, 12, "#e3dfe8", True)
        p.use("s", CX, 326, 0.95, 90)
    elif r == 5:
        p += P("M22 120L80 90L140 130L200 80L278 120V50H22Z", "#9aa0ad")
        p.use("s", 78, 380, 0.8, 80)
        p.use("s", 200, 390, 0.8, 100)
        p += person(CX, 360, 1.2, "#c0643c", kind="tunic", hair="#d7a35b",
                    hands=[[(-18, -58), (-22, -70)], [(18, -56), (22, -70)]])
        for a in (-24, 0, 24):
            p.use("s", CX + a * 0.8, 246 - abs(a) * 0.2, 0.95, a)
    elif r == 6:
        p += R(PX0, 300, PW, 110, "#7f9fbf")
        p += P("M60 318H250L236 358H76Z", "#8a6244", True)
        for i in range(6):
            p.use("s", 90 + i * 26, 250, 0.85)
        p += person(110, 346, 0.6, "#6b6f8a", hood="#6b6f8a", face=False)
        p += person(220, 346, 0.7, BLACK, face=False, hands=[[(-14, -42)], [(24, -50), (30, -10)]])
    elif r == 7:
        p += GT([PG([(-40, 0), (0, -50), (40, 0)], "#d9a86a", True), PG([(-8, 0), (0, -30), (8, 0)], "#8a6244")], 230, 340)
        p.use("s", 56, 296, 0.7)
        p.use("s", 84, 300, 0.7)
        p += person(CX, 390, 1.05, "#c0643c", kind="tunic", hair="#6b4a33", crown="cap",
                    hands=[[(-16, -60)], [(16, -60)]])
        for i in range(5):
            p.use("s", CX - 20 + i * 10, 220, 0.8, -30 + i * 15)
    elif r == 8:
        p += waves(360, "#9fb0c4", "#c9d1de", 1)
        for i in range(8):
            a = math.radians(180 + 22.5 + i * (135 / 7.0) * 1)
            x = CX + 108 * math.cos(math.radians(-170 + i * (160 / 7.0)))
            p.use("s", x, 240 + (0 if i in (0, 7) else 0), 0.95)
        p += person(CX, 360, 1.4, "#c0503c", hair="#6b4a33", face=False, hands=[[(-8, -52)], [(8, -52)]],
                    front=[R(-11, -90, 22, 6, WHITE, True, rx=3)] + [LN(-14, -60 + i * 8, 14, -56 + i * 8, WHITE, 3) for i in range(5)])
    elif r == 9:
        p += R(PX0, PY0, PW, PH, "#2a2b3d")
        for i in range(9):
            p.use("s", CX, 80 + i * 23, 0.95, 90)
        p += R(40, 330, 220, 40, "#9b6a45", True, rx=4)
        p += R(54, 312, 200, 24, "#6f8fae", True)
        p += person(108, 340, 1.1, WHITE, kind="seat", hair="#6b4a33", face=False,
                    hands=[[(-6, -78)], [(6, -78)]])
    elif r == 10:
        p += R(PX0, PY0, PW, PH, BLACK)
        p += R(PX0, 300, PW, 16, "#f0c75e")
        p += R(PX0, 316, PW, 94, "#5d6a80")
        p += P("M70 352H262Q272 362 262 372H70Z", "#4a4f66", True)
        p += P("M86 344H240Q256 356 240 368H86Z", "#c0503c", True)
        p += C(72, 356, 14, SKIN, True)
        p += C(64, 354, 13, "#6b4a33")
        for i in range(10):
            p.use("s", 104 + i * 14, 278 - (i % 2) * 8, 0.85)


def pips_pent(p, r):
    backdrop(p, "pentacles", 340)
    if r == 1:
        p += P("M80 410V350Q150 280 220 350V410H200V352Q150 304 100 352V410Z", DSAGE, True)
        for i in range(9):
            a = math.radians(180 - i * 22.5)
            p += C(CX + 60 * math.cos(a), 360 - 60 * math.sin(a) + 6, 5, RED)
        p.use("p", CX, 190, 3.0)
        p += hand(CX - 10, 262, 1.3)
    elif r == 2:
        p += waves(330, SEA, "#a9c6d8", 2)
        for sx, sy in ((80, 334), (220, 326)):
            p += GT([P("M-16 0H16L10 8H-10Z", BROWN, True), PG([(0, -2), (0, -26), (14, -4)], WHITE, True)], sx, sy)
        p += lemniscate(CX, 220, 4.6, SAGE, 2.2)
        p.use("p", CX - 46, 220, 1.35)
        p.use("p", CX + 46, 220, 1.35)
    elif r == 3:
        p += P("M50 410V200Q50 96 150 70Q250 96 250 200V410H222V206Q222 120 150 100Q78 120 78 206V410Z", "#b9b4ab", True)
        for x, y in ((CX, 150), (112, 206), (188, 206)):
            p.use("p", x, y, 1.2)
        p += GT([R(-4, -6, 8, 40, WOOD, True), R(-16, -18, 32, 16, "#8a6244", True, rx=3)], CX, 344, 1, -30)
    elif r == 4:
        p += GT([R(0, -40, 24, 40, "#b9b4ab", True) , R(30, -60, 20, 60, "#a6a1ae", True), R(56, -30, 30, 30, "#b9b4ab", True)], 160, 410)
        p += GT([R(0, -30, 20, 30, "#a6a1ae", True), R(24, -50, 22, 50, "#b9b4ab", True)], 40, 410)
        for x, y in ((CX, 132), (96, 226), (204, 226), (CX, 320)):
            p.use("p", x, y, 1.25)
        p += crown_shape(CX, 104, 34, 18)
    elif r == 5:
        p += R(PX0, PY0, PW, PH, "#4a5068")
        p += P("M80 310V130Q80 70 150 66Q220 70 220 130V310Z", "#f3d68f", True)
        for i, col in enumerate(("#e8a04a", "#c96f6a", "#8fbf7a", "#6aa0c8")):
            p += R(86 + (i % 2) * 66, 140 + (i // 2) * 80, 62, 76, col, opacity=0.45)
        for x, y in grid_positions(5, 120, 270, 38):
            p.use("p", x, y, 0.85)
        for i in range(20):
            p += C(30 + (i * 47) % 240, 60 + (i * 71) % 340, 2.2, WHITE)
        p += R(PX0, 330, PW, 80, "#e9ecf2")
        p += person(100, 396, 0.8, "#8d8a93", hood="#8d8a93", face=False, r=8,
                    hands=[[(-22, -44)], [(14, -44)]], front=[LN(-22, -50, -26, 0, BROWN, 3), LN(-28, -50, -16, -50, BROWN, 3)])
        p += person(190, 400, 0.85, "#6f8a6e", hood="#6f8a6e", face=False, r=6)
    elif r == 6:
        for x, y in grid_positions(6, 100, 270, 60):
            p.use("p", x, y, 1.05)
        sc = [LN(0, -36, 0, 10, GOLD, 3), LN(-30, -32, 30, -32, GOLD, 3),
              PL([(-30, -32), (-38, -14), (-22, -14), (-30, -32)], GOLD, 1.5),
              PL([(30, -32), (22, -14), (38, -14), (30, -32)], GOLD, 1.5),
              P("M-40-14Q-30-6-20-14Z", GOLD, True), P("M20-14Q30-6 40-14Z", GOLD, True), R(-10, 10, 20, 5, GOLD, True)]
        p += GT(sc, CX, 390, 1.2)
    elif r == 7:
        p += C(150, 232, 92, HILL, True)
        p += C(100, 290, 54, "#7fa06f")
        p += C(200, 290, 54, "#7fa06f")
        for x, y in ((CX, 168), (110, 206), (190, 206), (CX, 244), (96, 284), (204, 284), (CX, 316)):
            p.use("p", x, y, 0.95)
        p += person(252, 402, 0.72, "#c0643c", kind="tunic", hair="#6b4a33", hands=[[(-20, -60)], [(-16, -56)]],
                    behind=[LN(-22, -72, -30, 0, BROWN, 3), LN(-36, -2, -24, -2, "#9c9aa3", 4)])
    elif r == 8:
        for i in range(4):
            p.use("p", 104, 100 + i * 64, 1.05)
            p.use("p", 196, 100 + i * 64, 1.05)
        p += R(70, 350, 160, 16, "#9b6a45", True, rx=3)
        p += R(84, 366, 12, 40, "#9b6a45", True)
        p += R(204, 366, 12, 40, "#9b6a45", True)
        p += GT([R(-3, -4, 6, 30, WOOD, True), R(-14, -14, 28, 12, "#8c8c95", True, rx=2)], 130, 336, 1, -40)
        p += GT([R(-2.5, -22, 5, 24, "#8c8c95", True), R(-3.5, 0, 7, 14, WOOD, True)], 178, 334, 1, 30)
    elif r == 9:
        for i in range(4):
            p += P(d("M", 40 + i * 72, 410, "Q", 20 + i * 72, 250, 60 + i * 72, 90), "none", stroke=DSAGE, stroke_width=4)
            p += grapes(52 + i * 72, 170 + (i % 2) * 80, 1.0)
        for x, y in grid_positions(9, 100, 280, 64):
            p.use("p", x, y, 0.9)
        p += GT([PL([(60, 20), (6, 4)], INK, 13), PL([(60, 20), (6, 4)], "#6b8f71", 10), EL(0, 2, 10, 7, "#8a6244", True),
                 EL(0, -14, 10, 14, "#8a6b4a", True),
                 C(2, -30, 7, "#d86a4a", True), PG([(8, -30), (14, -27), (8, -25)], GOLD)], CX, 370, 1.4)
    elif r == 10:
        p += P("M60 410V250Q60 180 150 170Q240 180 240 250V410H210V256Q210 206 150 200Q90 206 90 256V410Z", "#b9b4ab", True)
        for x, y in ((CX, 94), (100, 136), (200, 136), (CX, 170), (100, 210), (200, 210), (CX, 246), (100, 284), (200, 284), (CX, 324)):
            p.use("p", x, y, 0.82)
        p += GT(quad(0, 0, 1, "dog", WHITE), 236, 402, 0.9)


PIPS = {"wands": pips_wands, "cups": pips_cups, "swords": pips_swords, "pentacles": pips_pent}

COURT_COL = {
    # robe, hair, extra colour
    "wands": ("#c0643c", "#6b4a33", "#e8b545"),
    "cups": ("#5a84a8", "#c98a4a", WHITE),
    "swords": ("#4a5578", "#5a4030", "#c9d1de"),
    "pentacles": ("#6b8f71", "#8a6244", GOLD),
}


def court_bg(p, suit):
    acc, soft, ground = SUITS[suit]
    if suit == "wands":
        p += sky("#f6dcb8")
        p += mountains(340, [(70, 50, 60), (210, 70, 80)], "#e0b888")
        p += R(PX0, 340, PW, 70, "#e8c9a6")
    elif suit == "cups":
        p += sky("#dfe9f1")
        p += waves(320, SEA, "#a9c6d8", 3)
        p += R(PX0, 370, PW, 40, SAND)
    elif suit == "swords":
        p += sky("#d7dde8")
        for x, y in ((60, 120), (230, 100), (200, 180)):
            p += cloud(x, y, 1.2, WHITE)
        for x, y in ((100, 90), (120, 104), (250, 150)):
            p += bird(x, y, 0.9, NAVY)
        p += hills(330, "#b6bfce", 10, 3)
    else:
        p += sky("#e8efd6")
        p += hills(320, HILL, 16, 2)
        p += tree(58, 320, 1.2, "#6f9a68")
        for i in range(4):
            p += LN(PX0, 346 + i * 16, PX1, 340 + i * 16, "#7fa06f", 2)


def courts(p, suit, r):
    robe, hair, extra = COURT_COL[suit]
    emb = EMB[suit]
    court_bg(p, suit)
    esc_s = {"w": 0.55, "c": 0.6, "s": 0.55, "p": 0.75}[emb]
    if r == 11:  # page: standing youth
        fig = person(CX, 392, 2.3, robe, kind="tunic", hair=hair, crown="cap", belt=BROWN,
                     hands=[[(-14, -44)], [(22, -74), (26, -92)]])
        p += fig
        if suit == "swords":
            p.use("s", CX + 60, 160, 0.9, 10)
        else:
            p.use(emb, CX + 60, 392 - 2.3 * 100 + (20 if emb == "w" else 0), esc_s * 1.8 if emb != "w" else 1.25)
        if suit == "cups":
            p += GT([EL(0, 0, 9, 5, "#e19a4a", True), PG([(-8, 0), (-16, -6), (-16, 6)], "#e19a4a", True)], CX + 62, 148, 1, -30)
    elif r == 12:  # knight
        pose = {"wands": "rear", "cups": "walk", "swords": "charge", "pentacles": "stand"}[suit]
        hcol = {"wands": "#c9804a", "cups": WHITE, "swords": "#b9b8c2", "pentacles": "#3a3340"}[suit]
        mane = {"wands": "#8a4a2a", "cups": LGREY, "swords": "#8d8a93", "pentacles": "#1f1c22"}[suit]
        arm_pts = [[(14, -96), (20, -104)], None] if suit == "swords" else [[(18, -82), (30, -86)], None]
        rd = rider("#aeb3c0" if suit != "cups" else robe, arm_pts, crown="helm", sleeve=robe)
        if emb == "w":
            rd.append(E("use", href="#w", transform=tr(32, -90, 0.6, 15)))
        elif emb == "s":
            rd.append(E("use", href="#s", transform=tr(30, -132, 0.42, 20)))
        elif emb == "c":
            rd.append(E("use", href="#c", transform=tr(34, -96, 0.45)))
        else:
            rd.append(E("use", href="#p", transform=tr(34, -90, 0.55)))
        if emb not in p.used:
            p.used.append(emb)
        hx_ = 162 if pose == "rear" else 140
        p += horse(hx_, 400, 1.85 if pose in ("rear", "charge") else 2.0, hcol, mane, pose, rider=rd)
    elif r in (13, 14):
        tcol = {"wands": "#d9a86a", "cups": "#c9d6e0", "swords": "#a6a1ae", "pentacles": "#9b7a55"}[suit]
        top = []
        if suit == "cups" and r == 13:
            top = [P(d("M", CX - 44, 160, "Q", CX, 90, CX + 44, 160, "Z"), "#f1d9cc", True)]
        if suit == "swords" and r == 14:
            top = [GT([EL(-10, 0, 12, 8, "#6aa0c8", True), EL(10, 0, 12, 8, "#6aa0c8", True), R(-2, -8, 4, 16, NAVY)], CX, 150)]
        if suit == "pentacles" and r == 14:
            top = [GT([C(0, 0, 14, "#a37a55", True), P("M-12-6Q-24-10-22-20Q-16-10-8-10Z", WHITE, True),
                       P("M12-6Q24-10 22-20Q16-10 8-10Z", WHITE, True)], CX, 156)]
        if suit == "wands":
            top = [C(CX - 30, 160, 8, "#e8b545"), C(CX + 30, 160, 8, "#e8b545")]
        p += throne(CX, 372, 96, 214, tcol, top)
        if suit == "pentacles" and r == 14:
            p += grapes(60, 140, 1.6)
            p += grapes(240, 140, 1.6)
        if suit == "pentacles" and r == 13:
            for x in (60, 96, 204, 240):
                p += rose(x, 80, 1.3)
        crown = "gold"
        beard = "#8a6b4a" if r == 14 else None
        lh = r == 13
        front = []
        if r == 13:
            hands = [[(-16, -48), (-6, -44)], [(18, -60), (22, -82)]]
            if suit == "swords":
                hands[0] = [(-20, -80), (-18, -100)]
            elif suit == "wands":
                hands[0] = [(-22, -66), (-24, -80)]
                front = [LN(-24, -78, -24, -100, SAGE, 2.5), C(-24, -104, 8, "#f0b83a", True), C(-24, -104, 3.5, BROWN)]
            elif suit == "pentacles":
                hands = [[(-14, -46), (-6, -46)], [(14, -46), (6, -46)]]
        else:
            hands = [[(-20, -56)], [(20, -60), (22, -80)]]
            if suit in ("cups", "pentacles"):
                front = [LN(-20, -40, -20, -96, GOLD, 3), C(-20, -99, 4, GOLD, True)]
        p += person(CX, 372, 1.75, robe, kind="seat", hair=hair, longhair=lh, crown=crown, beard=beard,
                    hands=hands, inner=extra if r == 14 else None, front=front)
        p += throne_arms(CX, 372, 96, tcol)
        hx, hy = CX + 22 * 1.75, 372 - 80 * 1.75
        if emb == "w":
            p.use("w", hx, hy + 24, 0.9)
        elif emb == "s":
            p.use("s", hx, hy - 10, 0.72)
        elif emb == "c":
            p.use("c", hx, hy - 14, 0.55)
            if r == 13:
                p += P(d("M", hx - 12, hy - 31, "Q", hx, hy - 44, hx + 12, hy - 31, "Z"), GOLD, True)
                p += C(hx, hy - 40, 3, GOLD, True)
        elif not (suit == "pentacles" and r == 13):
            p.use("p", hx, hy - 12, 0.7)
        if suit == "pentacles" and r == 13:
            p.use("p", CX, 372 - 48 * 1.75, 0.7)
        if suit == "cups" and r == 14:
            p += GT([EL(0, 0, 10, 5, "#e19a4a", True), PG([(-8, 0), (-16, -6), (-16, 6)], "#e19a4a", True)], 240, 350, 1, -30)
        if suit == "wands" and r == 13:
            p += GT(quad(0, 0, 1, "cat", BLACK, sit=True), 226, 402, 1.1)
        if suit == "wands" and r == 14:
            p += GT([EL(0, 0, 16, 5, "#d86a4a", True), C(16, -2, 5, "#d86a4a", True),
                     P("M-14 0Q-28-2-30 8", "none", stroke="#d86a4a", stroke_width=3)], 230, 396)
        if suit == "pentacles" and r == 13:
            p += GT(quad(0, 0, 1, "rabbit", "#c9b39a"), 232, 402, 0.9)


# ---------------------------------------------------------------- card frame
STYLE = f".o{{stroke:{INK};stroke-width:1.5;stroke-linejoin:round}}"


def frame_open(title):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" '
            f'aria-label="{esc(title)}"><title>{esc(title)}</title>')


def build_face(card):
    arc = str(card["arcana"]).lower()
    ko, en = card["ko"]["name"], card["en"]["name"]
    title = f"{ko} — {en}"
    p = Pic()
    if arc == "major":
        num = int(card["number"])
        MAJORS[num](p)
        label = ROMAN[num]
        acc = BROWN
    else:
        suit = str(card["suit"]).lower()
        rank = int(card["rank"])
        if rank <= 10:
            PIPS[suit](p, rank)
        else:
            courts(p, suit, rank)
        label = RANK_LABEL.get(rank, str(rank))
        acc = SUITS[suit][0]
    defs = "".join(DEFS[k] for k in sorted(p.used))
    out = [frame_open(title), f"<defs><style>{STYLE}</style>",
           E("clipPath", E("rect", x=PX0, y=PY0, width=PW, height=PH, rx=10), id="k"), defs, "</defs>"]
    out.append(R(2, 2, W - 4, H - 4, CREAM, rx=18, stroke=BROWN, stroke_width=4))
    out.append(R(10, 10, W - 20, H - 20, "none", rx=12, stroke=TAN, stroke_width=1.5))
    for x, y in ((16, 16), (W - 16, 16), (16, H - 16), (W - 16, H - 16)):
        out.append(C(x, y, 3, acc))
    out.append(G(p.o, clip_path="url(#k)"))
    out.append(R(PX0, PY0, PW, PH, "none", rx=10, stroke=BROWN, stroke_width=3))
    # numeral tab
    tw = 34 + 9 * len(label) if len(label) > 2 else 48
    out.append(R(CX - tw / 2, 24, tw, 24, acc, rx=12, stroke=CREAM, stroke_width=2))
    out.append(T(CX, 41, label, 14, CREAM, "bold", font_family="Georgia,serif", letter_spacing=1))
    # name banner
    out.append(P("M30 420H270L262 452L270 484H30L38 452Z", PAPER, stroke=BROWN, stroke_width=2))
    out.append(LN(64, 466, 236, 466, TAN, 0.8))
    out.append(T(CX, 456, ko, 21 if len(ko) <= 6 else 18, INK, "bold", font_family=FONT))
    out.append(T(CX, 479, en.upper(), 9.5, BROWN, None, font_family=FONT, letter_spacing=1.5))
    out.append("</svg>")
    return "".join(out) + "\n"


def build_back():
    o = [frame_open("카드 뒷면 — Card back"), f"<defs><style>{STYLE}</style></defs>"]
    o.append(R(2, 2, W - 4, H - 4, NAVY, rx=18, stroke=BROWN, stroke_width=4))
    o.append(R(14, 14, W - 28, H - 28, "none", rx=12, stroke=GOLD, stroke_width=2))
    o.append(R(22, 22, W - 44, H - 44, "none", rx=8, stroke=TAN, stroke_width=1, stroke_dasharray="2 5"))
    cy = H / 2
    # ring of stars
    for i in range(16):
        a = math.radians(i * 22.5)
        o.append(star(CX + 98 * math.cos(a), cy + 98 * math.sin(a), 5 if i % 2 == 0 else 3, GOLD if i % 2 == 0 else CREAM))
    o.append(C(CX, cy, 78, "#3b4263", stroke=GOLD, stroke_width=2))
    o.append(C(CX, cy, 70, "none", stroke=TAN, stroke_width=1))
    # tea cup
    o.append(P("M114 262Q150 282 186 262", "none"))
    o.append(EL(CX, 284, 56, 9, "#e9dcc6", True))
    o.append(P("M110 228H190Q190 276 150 278Q110 276 110 228Z", CREAM, True))
    o.append(P("M190 238Q210 238 208 252Q206 264 186 262", "none", stroke=CREAM, stroke_width=6))
    o.append(EL(CX, 228, 40, 7, "#c49a6c", True))
    o.append(C(136, 228, 3.5, "#5a3a28"))
    o.append(C(152, 230, 3.5, "#5a3a28"))
    o.append(C(164, 226, 3.5, "#5a3a28"))
    o.append(R(118, 246, 64, 4, ROSE))
    for dx in (-14, 0, 14):
        o.append(P(d("M", CX + dx, 214, "q", -8, -10, 0, -20, "t", 0, -20), "none", stroke=CREAM, stroke_width=3,
                   stroke_linecap="round", opacity=0.8))
    # crescents top & bottom, mirrored
    o.append(crescent(CX, 80, 22, GOLD, rot=-90))
    o.append(crescent(CX, H - 80, 22, GOLD, rot=90))
    for y in (80, H - 80):
        o.append(star(CX - 50, y, 6, CREAM))
        o.append(star(CX + 50, y, 6, CREAM))
    for x, y in ((40, 40), (W - 40, 40), (40, H - 40), (W - 40, H - 40)):
        o.append(star(x, y, 10, GOLD, 4, 0.3))
        o.append(C(x, y, 2.5, NAVY))
    for x in (70, W - 70):
        o.append(C(x, cy, 3, GOLD))
    o.append("</svg>")
    return "".join(o) + "\n"


# ---------------------------------------------------------------- driver
def load_deck(path):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    cards = data["cards"] if isinstance(data, dict) else data
    return sorted(cards, key=lambda c: int(c["number"]))


def render_all(cards):
    files = {}
    for c in cards:
        files["{}.svg".format(c["slug"])] = build_face(c)
    files["back.svg"] = build_back()
    return files


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--deck", default=DEFAULT_DECK, help="deck YAML (default: seed/cards.yaml)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output directory (default: tarot/static/cards)")
    ap.add_argument("--check", action="store_true", help="exit 1 if any generated file differs from disk")
    args = ap.parse_args(argv)
    if not os.path.exists(args.deck):
        print(f"deck file not found: {args.deck} (use --deck PATH)", file=sys.stderr)
        return 2
    files = render_all(load_deck(args.deck))
    if args.check:
        bad = []
        for name, text in sorted(files.items()):
            path = os.path.join(args.out, name)
            try:
                with open(path, "rb") as f:
                    if f.read() != text.encode("utf-8"):
                        bad.append(name + " (differs)")
            except OSError:
                bad.append(name + " (missing)")
        if bad:
            print("card art out of date; run tools/make_card_art.py:", file=sys.stderr)
            for b in bad:
                print("  " + b, file=sys.stderr)
            return 1
        print(f"card art up to date ({len(files)} files)")
        return 0
    os.makedirs(args.out, exist_ok=True)
    total = 0
    for name, text in sorted(files.items()):
        data = text.encode("utf-8")
        total += len(data)
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(data)
    print(f"wrote {len(files)} files to {args.out} ({total} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
