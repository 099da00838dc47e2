#!/usr/bin/env python3
"""Draw the game interface's own pictures into assets/ui/.

- butterfly.png: the butterfly button's icon, with a transparent background so it
  sits on the button in every theme;
- pw-*.png: the six friendly pictures of the picture password (star, heart, sun,
  tree, apple, fish), each on its own soft background.

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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
