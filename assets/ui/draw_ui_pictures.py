#!/usr/bin/env python3
"""Draw the game interface's own pictures into assets/ui/.

- butterfly.png: the butterfly button's icon, with a transparent background so it
  sits on the button in every theme;
- pw-*.png: the six friendly pictures of the picture password (star, heart, sun,
  tree, apple, fish), each on its own soft background;
- av-*.png: the eight animal faces a pupil may pick for their name tile (cat, dog,
  rabbit, bear, owl, frog, fox, panda), each on its own soft background;
- em-*.png: the eight class emblem pictures (rocket, boat, flower, moon, rainbow,
  kite, balloon, crown), with a transparent background: the game draws them on the
  colour the teacher chose for the class.

Uses the shapes and PNG writer of tools/draw_pictures.py (the core pack's
pictures), so the interface and the lessons share one style. Deterministic:
running it again writes the same bytes.

Usage:
    python3 assets/ui/draw_ui_pictures.py            # writes into assets/ui/
    python3 assets/ui/draw_ui_pictures.py --out DIR
"""

import argparse
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "tools"))

import draw_pictures as dp  # noqa: E402  (the path is set just above)


def png_rgba(width, height, rows):
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    raw = bytearray()
    for row in rows:
        raw.append(0)
        raw += row
    return (b"\x89PNG\r\n\x1a\n" + dp._chunk(b"IHDR", header) +
            dp._chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + dp._chunk(b"IEND", b""))


def transparent(draw, width, height):
    """Draw the same picture on black and on white; the difference is the coverage,
    which gives alpha, and the black version divided by it gives the colour."""
    on_black = draw(dp.Canvas(width, height, (0, 0, 0))).finish()
    on_white = draw(dp.Canvas(width, height, (255, 255, 255))).finish()
    rows = []
    for rb, rw in zip(on_black, on_white):
        row = bytearray()
        for x in range(width):
            b = rb[x * 3:x * 3 + 3]
            w = rw[x * 3:x * 3 + 3]
            alpha = 255 - round(sum(w[i] - b[i] for i in range(3)) / 3)
            alpha = max(0, min(255, alpha))
            if alpha == 0:
                row += bytes(4)
            else:
                row += bytes(min(255, round(b[i] * 255 / alpha)) for i in range(3))
                row.append(alpha)
        rows.append(bytes(row))
    return rows


def butterfly_icon(c):
    return dp.draw_butterfly(size=0.62, canvas=c, cx=128, cy=140)


def pw_star():
    return dp.draw_star()


def pw_heart():
    return dp.draw_heart()


def pw_sun():
    c = dp.Canvas(256, 256, dp.SKY)
    for i in range(12):
        a = i * 30
        c.polygon(dp.rotated_rect(128 + 84 * dp.math.cos(dp.math.radians(a)),
                                  128 + 84 * dp.math.sin(dp.math.radians(a)), 40, 16, a), dp.ORANGE)
    c.circle(128, 128, 62, dp.YELLOW)
    dp.face(c, 128, 130, 46)
    return c


def pw_tree():
    c = dp.Canvas(256, 256, dp.MINT)
    c.rect(0, 214, 256, 256, dp.GRASS)
    c.rrect(112, 130, 144, 220, 8, dp.BROWN)
    c.circle(128, 98, 62, dp.GREEN)
    c.circle(84, 128, 44, dp.GREEN)
    c.circle(172, 128, 44, dp.GREEN)
    c.circle(108, 84, 9, dp.CORAL)
    c.circle(156, 112, 9, dp.CORAL)
    c.circle(100, 136, 9, dp.CORAL)
    return c


def pw_apple():
    c = dp.Canvas(256, 256, dp.CREAM)
    c.circle(100, 146, 68, dp.CORAL)
    c.circle(156, 146, 68, dp.CORAL)
    c.ellipse(128, 176, 84, 46, dp.CORAL)
    c.line(128, 84, 136, 52, 10, dp.BROWN)
    c.rotated_ellipse(164, 62, 30, 14, -25, dp.GREEN)
    c.rotated_ellipse(96, 118, 16, 9, -40, (246, 170, 160))
    return c


def pw_fish():
    c = dp.Canvas(256, 256, dp.SKY)
    c.polygon([(176, 128), (236, 80), (236, 176)], dp.ORANGE)
    c.ellipse(116, 128, 84, 58, dp.ORANGE)
    c.ellipse(116, 128, 70, 46, dp.YELLOW)
    c.circle(72, 114, 12, dp.WHITE)
    c.circle(70, 114, 6, dp.INK)
    c.arc(62, 138, 14, 20, 120, 4, dp.INK)
    for bx, by, r in ((40, 60, 10), (62, 34, 7), (30, 30, 5)):
        c.circle(bx, by, r, dp.WHITE)
    return c


PASSWORD_PICTURES = {
    "pw-star": pw_star,
    "pw-heart": pw_heart,
    "pw-sun": pw_sun,
    "pw-tree": pw_tree,
    "pw-apple": pw_apple,
    "pw-fish": pw_fish,
}


# ---- avatars: friendly animal faces, one per picture ---------------------------------


def eyes(c, cx, cy, dx, r, colour=dp.INK):
    c.circle(cx - dx, cy, r, colour)
    c.circle(cx + dx, cy, r, colour)
    c.circle(cx - dx + r * 0.35, cy - r * 0.35, r * 0.35, dp.WHITE)
    c.circle(cx + dx + r * 0.35, cy - r * 0.35, r * 0.35, dp.WHITE)


def smile(c, cx, cy, r, width=6):
    c.arc(cx, cy, r, 30, 150, width, dp.INK)


def av_cat():
    c = dp.Canvas(256, 256, dp.LILAC)
    fur, inner = dp.ORANGE, (252, 200, 170)
    c.polygon([(58, 110), (70, 34), (122, 82)], fur)
    c.polygon([(198, 110), (186, 34), (134, 82)], fur)
    c.polygon([(72, 96), (78, 56), (106, 84)], inner)
    c.polygon([(184, 96), (178, 56), (150, 84)], inner)
    c.ellipse(128, 144, 86, 76, fur)
    eyes(c, 128, 132, 34, 11)
    c.polygon([(118, 158), (138, 158), (128, 170)], dp.PINK)
    smile(c, 116, 166, 12, 5)
    smile(c, 140, 166, 12, 5)
    for dy in (-6, 8):
        c.line(40, 160 + dy, 88, 164, 3, dp.INK)
        c.line(216, 160 + dy, 168, 164, 3, dp.INK)
    return c


def av_dog():
    c = dp.Canvas(256, 256, dp.SKY)
    fur, ear = (214, 170, 120), dp.BROWN
    c.ellipse(128, 140, 80, 78, fur)
    c.rotated_ellipse(56, 124, 26, 54, 20, ear)
    c.rotated_ellipse(200, 124, 26, 54, -20, ear)
    c.ellipse(128, 176, 46, 34, (240, 214, 180))
    eyes(c, 128, 124, 30, 11)
    c.ellipse(128, 160, 16, 11, dp.INK)
    smile(c, 128, 168, 18, 5)
    c.ellipse(128, 198, 12, 10, dp.CORAL)
    return c


def av_rabbit():
    c = dp.Canvas(256, 256, dp.MINT)
    fur, inner = (236, 236, 240), dp.PINK
    c.rotated_ellipse(94, 62, 20, 56, -10, fur)
    c.rotated_ellipse(162, 62, 20, 56, 10, fur)
    c.rotated_ellipse(94, 66, 9, 40, -10, inner)
    c.rotated_ellipse(162, 66, 9, 40, 10, inner)
    c.ellipse(128, 160, 78, 70, fur)
    eyes(c, 128, 148, 30, 10)
    c.ellipse(128, 176, 10, 7, inner)
    smile(c, 128, 180, 14, 5)
    c.rect(120, 194, 136, 210, dp.WHITE)
    c.circle(80, 184, 12, (250, 214, 222))
    c.circle(176, 184, 12, (250, 214, 222))
    return c


def av_bear():
    c = dp.Canvas(256, 256, dp.CREAM)
    fur, light = dp.BROWN, (212, 170, 130)
    c.circle(64, 72, 30, fur)
    c.circle(192, 72, 30, fur)
    c.circle(64, 72, 15, light)
    c.circle(192, 72, 15, light)
    c.ellipse(128, 140, 84, 80, fur)
    c.ellipse(128, 172, 40, 30, light)
    eyes(c, 128, 128, 32, 11)
    c.ellipse(128, 160, 14, 10, dp.INK)
    smile(c, 128, 172, 14, 5)
    return c


def av_owl():
    c = dp.Canvas(256, 256, dp.SKY)
    body, belly = dp.PURPLE, (214, 200, 236)
    c.polygon([(60, 84), (76, 30), (112, 70)], body)
    c.polygon([(196, 84), (180, 30), (144, 70)], body)
    c.ellipse(128, 144, 80, 90, body)
    c.ellipse(128, 184, 48, 46, belly)
    c.circle(94, 120, 30, dp.WHITE)
    c.circle(162, 120, 30, dp.WHITE)
    eyes(c, 128, 120, 34, 14)
    c.polygon([(116, 146), (140, 146), (128, 168)], dp.GOLD)
    return c


def av_frog():
    c = dp.Canvas(256, 256, dp.SKY)
    skin, light = dp.GREEN, dp.GREEN_LIGHT
    c.circle(88, 84, 32, skin)
    c.circle(168, 84, 32, skin)
    c.ellipse(128, 150, 92, 68, skin)
    c.circle(88, 84, 22, dp.WHITE)
    c.circle(168, 84, 22, dp.WHITE)
    c.circle(88, 86, 11, dp.INK)
    c.circle(168, 86, 11, dp.INK)
    c.ellipse(128, 182, 50, 22, light)
    c.arc(128, 140, 48, 25, 155, 7, dp.INK)
    c.circle(74, 160, 12, dp.PINK)
    c.circle(182, 160, 12, dp.PINK)
    return c


def av_fox():
    c = dp.Canvas(256, 256, dp.MINT)
    fur, white = (236, 126, 56), dp.WHITE
    c.polygon([(54, 120), (64, 36), (120, 86)], fur)
    c.polygon([(202, 120), (192, 36), (136, 86)], fur)
    c.polygon([(70, 100), (72, 60), (102, 86)], dp.INK)
    c.polygon([(186, 100), (184, 60), (154, 86)], dp.INK)
    c.polygon([(40, 120), (128, 80), (216, 120), (128, 222)], fur)
    c.ellipse(128, 132, 84, 52, fur)
    c.polygon([(52, 138), (128, 150), (204, 138), (128, 222)], white)
    eyes(c, 128, 130, 34, 10)
    c.ellipse(128, 206, 12, 9, dp.INK)
    return c


def av_panda():
    c = dp.Canvas(256, 256, dp.GREEN_LIGHT)
    c.circle(66, 70, 30, dp.INK)
    c.circle(190, 70, 30, dp.INK)
    c.ellipse(128, 142, 86, 80, dp.WHITE)
    c.rotated_ellipse(92, 134, 22, 30, 30, dp.INK)
    c.rotated_ellipse(164, 134, 22, 30, -30, dp.INK)
    c.circle(94, 130, 9, dp.WHITE)
    c.circle(162, 130, 9, dp.WHITE)
    c.circle(96, 130, 5, dp.INK)
    c.circle(160, 130, 5, dp.INK)
    c.ellipse(128, 170, 14, 10, dp.INK)
    smile(c, 128, 180, 14, 5)
    return c


AVATARS = {
    "av-cat": av_cat,
    "av-dog": av_dog,
    "av-rabbit": av_rabbit,
    "av-bear": av_bear,
    "av-owl": av_owl,
    "av-frog": av_frog,
    "av-fox": av_fox,
    "av-panda": av_panda,
}


# ---- class emblems: drawn on any canvas, so they can be made transparent -------------

EDGE = (255, 255, 255)


def em_rocket(c):
    c.polygon([(128, 24), (162, 84), (162, 180), (94, 180), (94, 84)], EDGE)
    c.polygon([(94, 130), (58, 196), (94, 180)], dp.CORAL)
    c.polygon([(162, 130), (198, 196), (162, 180)], dp.CORAL)
    c.circle(128, 110, 20, dp.BLUE)
    c.circle(128, 110, 12, dp.SKY)
    c.polygon([(104, 180), (152, 180), (128, 232)], dp.GOLD)
    c.polygon([(114, 180), (142, 180), (128, 214)], dp.YELLOW)
    return c


def em_boat(c):
    c.polygon([(122, 40), (122, 160), (52, 160)], EDGE)
    c.polygon([(134, 64), (134, 160), (196, 160)], dp.YELLOW)
    c.rect(122, 36, 134, 172, dp.BROWN)
    c.polygon([(36, 172), (220, 172), (188, 214), (68, 214)], dp.CORAL)
    return c


def em_flower(c):
    for i in range(6):
        a = dp.math.radians(i * 60)
        c.circle(128 + 52 * dp.math.cos(a), 112 + 52 * dp.math.sin(a), 34, EDGE)
    c.circle(128, 112, 30, dp.YELLOW)
    c.line(128, 170, 128, 236, 12, dp.GREEN)
    c.rotated_ellipse(154, 212, 26, 11, -30, dp.GREEN)
    return c


def crescent(c, cx, cy, r, bx, by, br, colour):
    """The circle (cx, cy, r) less the circle (bx, by, br), row by row of samples."""
    ss = dp.SS
    for y in range(max(0, int((cy - r) * ss)), min(c.big_h, int((cy + r) * ss) + 1)):
        yc = (y + 0.5) / ss
        if abs(yc - cy) >= r:
            continue
        dx = dp.math.sqrt(r * r - (yc - cy) ** 2)
        xa, xb = cx - dx, cx + dx
        if abs(yc - by) < br:
            bdx = dp.math.sqrt(br * br - (yc - by) ** 2)
            ba, bb = bx - bdx, bx + bdx
            c._span(y, xa * ss, min(xb, ba) * ss, colour)
            c._span(y, max(xa, bb) * ss, xb * ss, colour)
        else:
            c._span(y, xa * ss, xb * ss, colour)


def em_moon(c):
    crescent(c, 120, 128, 96, 168, 100, 84, dp.YELLOW)
    for x, y, r in ((196, 176, 12), (212, 60, 8), (170, 214, 7)):
        c.polygon(dp.star_points(x, y, r * 1.6, r * 0.7), EDGE)
    return c


def em_rainbow(c):
    for r, col in ((104, dp.CORAL), (86, dp.ORANGE), (68, dp.YELLOW), (50, dp.GREEN), (32, dp.BLUE)):
        c.arc(128, 176, r - 8, 180, 360, 18, col, steps=48)
    c.circle(40, 186, 20, EDGE)
    c.circle(64, 192, 18, EDGE)
    c.circle(216, 186, 20, EDGE)
    c.circle(192, 192, 18, EDGE)
    return c


def em_kite(c):
    c.polygon([(150, 24), (214, 88), (150, 176), (86, 88)], dp.CORAL)
    c.polygon([(150, 24), (214, 88), (150, 88)], dp.YELLOW)
    c.polygon([(86, 88), (150, 88), (150, 176)], dp.YELLOW)
    c.polyline([(150, 176), (132, 200), (148, 218), (118, 238)], 5, EDGE)
    for x, y in ((136, 204), (140, 222)):
        c.rotated_ellipse(x, y, 10, 6, 30, EDGE)
    return c


def em_balloon(c):
    c.ellipse(128, 100, 66, 78, dp.CORAL)
    c.rotated_ellipse(104, 76, 14, 24, 30, (246, 170, 160))
    c.polygon([(118, 180), (138, 180), (128, 168)], dp.CORAL)
    c.polyline([(128, 180), (120, 204), (136, 222), (126, 242)], 4, EDGE)
    return c


def em_crown(c):
    c.polygon([(40, 80), (84, 124), (128, 56), (172, 124), (216, 80), (200, 190), (56, 190)],
              dp.GOLD)
    c.rect(56, 176, 200, 204, dp.YELLOW)
    for x, y in ((40, 80), (128, 56), (216, 80)):
        c.circle(x, y, 13, EDGE)
    c.circle(128, 152, 14, dp.CORAL)
    c.circle(88, 160, 10, dp.BLUE)
    c.circle(168, 160, 10, dp.BLUE)
    return c


EMBLEMS = {
    "em-rocket": em_rocket,
    "em-boat": em_boat,
    "em-flower": em_flower,
    "em-moon": em_moon,
    "em-rainbow": em_rainbow,
    "em-kite": em_kite,
    "em-balloon": em_balloon,
    "em-crown": em_crown,
}


def write(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    print("%-22s %6d bytes" % (os.path.basename(path), len(data)))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=HERE, help="folder to write the PNG files into")
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, "butterfly.png"), png_rgba(256, 256, transparent(butterfly_icon, 256, 256)))
    for name, draw in PASSWORD_PICTURES.items():
        c = draw()
        write(os.path.join(args.out, name + ".png"), dp.png_bytes(c.width, c.height, c.finish()))
    for name, draw in AVATARS.items():
        c = draw()
        write(os.path.join(args.out, name + ".png"), dp.png_bytes(c.width, c.height, c.finish()))
    for name, draw in EMBLEMS.items():
        write(os.path.join(args.out, name + ".png"), png_rgba(256, 256, transparent(draw, 256, 256)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
