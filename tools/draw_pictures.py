#!/usr/bin/env python3
"""Draw the pictures of the core content pack.

Simple, friendly, flat illustrations with big shapes, calm colours and no text,
written as small PNG files into content/core/assets/pictures/.

Pure Python standard library (zlib and struct, no PIL), and deterministic: the
same script always writes byte-for-byte the same files, so regenerating them
never shows up as a change in a diff.

Usage:
    python3 tools/draw_pictures.py            # writes into content/core/assets/pictures
    python3 tools/draw_pictures.py --out DIR  # writes somewhere else
    python3 tools/draw_pictures.py --list     # prints the picture names
    python3 tools/draw_pictures.py --scale 1 --ss 4 --out DIR   # the old 512x384 size

Pictures are designed in 512x384 units (badges 256x256) and written at --scale
(default 2: 1024x768 and 512x512), sharp on a 4K whiteboard.
"""

import argparse
import math
import os
import struct
import sys
import zlib

# Output scale: every picture is drawn in the coordinates of its 512x384 (badges
# 256x256) design and written SCALE times larger, so it stays sharp when a 4K
# whiteboard shows it at about 3.4x. 2 gives 1024x768 scenes and 512x512 badges.
SCALE = 2

# Supersampling factor: shapes are drawn on a canvas SS times larger than the output,
# each way, then averaged down, which gives smooth edges without any anti-aliasing
# maths. 4 gives 17 levels of edge. At SCALE 2 the canvas has 4 times the samples of
# SCALE 1; the byte arithmetic below (see _lanes) keeps the whole set's render time
# about what it was at SCALE 1 (see tools/README.md).
SS = 4

# ---- palette (calm, flat colours) ---------------------------------------------------

SKY = (222, 238, 246)
CREAM = (250, 244, 230)
MINT = (226, 243, 232)
LILAC = (238, 232, 248)
BLUSH = (252, 234, 236)
SAND = (246, 236, 214)
GRASS = (168, 212, 160)
GRASS_DARK = (128, 186, 124)
NAVY = (52, 73, 102)
INK = (44, 52, 66)
WHITE = (255, 255, 255)
PAPER = (252, 252, 250)
LINE = (206, 212, 222)
GREY = (196, 202, 212)
GREY_DARK = (120, 128, 140)
SCREEN_DARK = (38, 46, 62)
CORAL = (232, 116, 104)
CORAL_DARK = (196, 88, 80)
YELLOW = (252, 208, 96)
GOLD = (240, 178, 58)
ORANGE = (244, 150, 72)
BLUE = (98, 156, 214)
BLUE_LIGHT = (170, 206, 238)
TEAL = (82, 176, 166)
TEAL_DARK = (58, 140, 132)
PURPLE = (156, 128, 204)
PINK = (240, 158, 184)
GREEN = (110, 190, 110)
GREEN_LIGHT = (200, 236, 196)
BROWN = (150, 104, 72)
WALL = (252, 226, 170)
SKIN_1 = (244, 200, 160)
SKIN_2 = (204, 142, 100)
SKIN_3 = (140, 90, 60)
HAIR_DARK = (66, 48, 40)
HAIR_GINGER = (206, 120, 60)
HAIR_BLACK = (40, 36, 40)


# ---- canvas ----------------------------------------------------------------------------


class Canvas:
    """An RGB canvas. Coordinates are in design units (floats allowed): the canvas is
    `width` x `height` units, written as SCALE times as many pixels each way."""

    def __init__(self, width, height, background):
        self.width = width * SCALE
        self.height = height * SCALE
        self.k = SCALE * SS  # samples per design unit
        self.big_w = self.width * SS
        self.big_h = self.height * SS
        row = bytes(background) * self.big_w
        self.rows = [bytearray(row) for _ in range(self.big_h)]

    # Fill the samples of big-canvas row y whose centres lie in [xa, xb).
    def _span(self, y, xa, xb, colour):
        x0 = max(0, math.ceil(xa - 0.5))
        x1 = min(self.big_w, math.ceil(xb - 0.5))
        if x1 > x0:
            self.rows[y][x0 * 3:x1 * 3] = bytes(colour) * (x1 - x0)

    def polygon(self, points, colour):
        k = self.k
        pts = [(x * k, y * k) for x, y in points]
        ys = [p[1] for p in pts]
        y0 = max(0, int(math.floor(min(ys))))
        y1 = min(self.big_h, int(math.ceil(max(ys))) + 1)
        n = len(pts)
        for y in range(y0, y1):
            yc = y + 0.5
            xs = []
            for i in range(n):
                xa, ya = pts[i]
                xb, yb = pts[(i + 1) % n]
                if (ya <= yc < yb) or (yb <= yc < ya):
                    xs.append(xa + (yc - ya) * (xb - xa) / (yb - ya))
            xs.sort()
            for i in range(0, len(xs) - 1, 2):
                self._span(y, xs[i], xs[i + 1], colour)

    def rect(self, x0, y0, x1, y1, colour):
        self.polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], colour)

    def ellipse(self, cx, cy, rx, ry, colour):
        k = self.k
        cx, cy, rx, ry = cx * k, cy * k, rx * k, ry * k
        for y in range(max(0, int(cy - ry)), min(self.big_h, int(cy + ry) + 1)):
            dy = (y + 0.5 - cy) / ry
            if abs(dy) >= 1:
                continue
            dx = rx * math.sqrt(1 - dy * dy)
            self._span(y, cx - dx, cx + dx, colour)

    def circle(self, cx, cy, r, colour):
        self.ellipse(cx, cy, r, r, colour)

    def rrect(self, x0, y0, x1, y1, r, colour):
        """A rectangle with rounded corners of radius r."""
        r = min(r, (x1 - x0) / 2, (y1 - y0) / 2)
        k = self.k
        X0, Y0, X1, Y1, R = x0 * k, y0 * k, x1 * k, y1 * k, r * k
        for y in range(max(0, int(Y0)), min(self.big_h, int(math.ceil(Y1)))):
            yc = y + 0.5
            if yc < Y0 or yc >= Y1:
                continue
            inset = 0.0
            if yc < Y0 + R:
                d = Y0 + R - yc
                inset = R - math.sqrt(max(0.0, R * R - d * d))
            elif yc > Y1 - R:
                d = yc - (Y1 - R)
                inset = R - math.sqrt(max(0.0, R * R - d * d))
            self._span(y, X0 + inset, X1 - inset, colour)

    def line(self, x0, y0, x1, y1, width, colour, caps=True):
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length * width / 2, dx / length * width / 2
        self.polygon([(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)],
                     colour)
        if caps:
            self.circle(x0, y0, width / 2, colour)
            self.circle(x1, y1, width / 2, colour)

    def polyline(self, points, width, colour):
        for a, b in zip(points, points[1:]):
            self.line(a[0], a[1], b[0], b[1], width, colour)

    def arc(self, cx, cy, r, a0, a1, width, colour, steps=24):
        """An arc of a circle; angles in degrees, 0 is to the right, 90 is down."""
        pts = []
        for i in range(steps + 1):
            a = math.radians(a0 + (a1 - a0) * i / steps)
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        self.polyline(pts, width, colour)

    def rotated_ellipse(self, cx, cy, rx, ry, angle, colour, steps=72):
        self.polygon(ellipse_points(cx, cy, rx, ry, angle, steps), colour)

    def finish(self):
        """Average the supersampled canvas down to output rows of RGB bytes."""
        out = []
        n = SS * SS
        stride = 3 * SS
        width = self.width
        # Sum the n samples of every output byte at once, as 16-bit lanes of one big
        # integer (see _lanes): the sum is at most 64 x 255, so no lane carries into
        # the next, and rounding and dividing by n work lane by lane.
        half = _lanes(bytes([n // 2]) * width)
        for oy in range(self.height):
            band = self.rows[oy * SS:(oy + 1) * SS]
            row = bytearray(width * 3)
            for ch in range(3):
                total = half
                for r in band:
                    for k in range(SS):
                        total += _lanes(r[ch + 3 * k::stride])
                row[ch::3] = _unlanes(_lanes_div(total, n, width), width)
            out.append(bytes(row))
        return out


# ---- byte arithmetic in big integers -------------------------------------------------
# Pure Python touches one byte at a time, slowly. Spreading bytes into 16-bit lanes of
# one integer lets Python's C big-integer code add, subtract and mask a whole row at
# once, with the same results byte for byte.

_LANE_CONSTANTS = {}


def _lanes(data):
    """The bytes as 16-bit big-endian lanes of one integer, each lane 0..255."""
    spread = bytearray(2 * len(data))
    spread[1::2] = data
    return int.from_bytes(spread, "big")


def _unlanes(value, count):
    """The low byte of each of `count` lanes."""
    return value.to_bytes(2 * count, "big")[1::2]


def _lane_constant(fill, count):
    key = (fill, count)
    if key not in _LANE_CONSTANTS:
        _LANE_CONSTANTS[key] = int.from_bytes(fill * count, "big")
    return _LANE_CONSTANTS[key]


def _lanes_div(value, n, count):
    """Each lane floor-divided by n (lanes must hold less than 65536)."""
    if n & (n - 1) == 0:  # a power of two: one shift, then drop what crossed lanes
        shift = n.bit_length() - 1
        return (value >> shift) & _lane_constant(b"\x00\xff", count)
    raw = value.to_bytes(2 * count, "big")
    return _lanes(bytes(int.from_bytes(raw[i:i + 2], "big") // n for i in range(0, len(raw), 2)))


def _sub_bytes(a, b):
    """(a[i] - b[i]) & 0xFF for two byte strings of the same length."""
    count = len(a)
    diff = _lanes(a) + _lane_constant(b"\x01\x00", count) - _lanes(b)
    return _unlanes(diff & _lane_constant(b"\x00\xff", count), count)


# A filtered byte's cost: its distance from 0 either way round, as PNG encoders judge it.
_COST = bytes(v if v < 128 else 256 - v for v in range(256))


def ellipse_points(cx, cy, rx, ry, angle_deg, steps=72):
    a = math.radians(angle_deg)
    ca, sa = math.cos(a), math.sin(a)
    pts = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def star_points(cx, cy, outer, inner, points=5, rotation=-90):
    pts = []
    for i in range(points * 2):
        r = outer if i % 2 == 0 else inner
        a = math.radians(rotation + 180 * i / points)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def heart_points(cx, cy, size, steps=96):
    pts = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((cx + x * size / 16, cy - y * size / 16))
    return pts


def rotated_rect(cx, cy, length, width, angle_deg):
    a = math.radians(angle_deg)
    ux, uy = math.cos(a), math.sin(a)
    vx, vy = -uy, ux
    hl, hw = length / 2, width / 2
    return [(cx + ux * hl + vx * hw, cy + uy * hl + vy * hw),
            (cx - ux * hl + vx * hw, cy - uy * hl + vy * hw),
            (cx - ux * hl - vx * hw, cy - uy * hl - vy * hw),
            (cx + ux * hl - vx * hw, cy + uy * hl - vy * hw)]


# ---- PNG -------------------------------------------------------------------------------


def _chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def _filter_rows(rows, bpp=3):
    """Filter each row with whichever of None, Sub and Up gives the smallest sum."""
    raw = bytearray()
    prev = bytes(len(rows[0]))
    for row in rows:
        sub = _sub_bytes(row, bytes(bpp) + row[:-bpp])
        up = _sub_bytes(row, prev)
        best = min(((sum(data.translate(_COST)), ftype, data)
                    for ftype, data in ((0, row), (1, sub), (2, up))),
                   key=lambda t: (t[0], t[1]))
        raw.append(best[1])
        raw += best[2]
        prev = row
    return bytes(raw)


def png_bytes(width, height, rows):
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) +
            _chunk(b"IDAT", zlib.compress(_filter_rows(rows), 9)) + _chunk(b"IEND", b""))


# ---- reusable figures ------------------------------------------------------------------


def face(c, cx, cy, r, eye=INK):
    """Two eyes and a smile on a head of radius r centred at (cx, cy)."""
    c.circle(cx - r * 0.36, cy - r * 0.08, r * 0.11, eye)
    c.circle(cx + r * 0.36, cy - r * 0.08, r * 0.11, eye)
    c.arc(cx, cy + r * 0.05, r * 0.42, 30, 150, max(2.0, r * 0.09), eye)


def person(c, x, ground, height, skin, hair, shirt, trousers, wave=False, long_hair=False):
    """A friendly standing figure whose feet touch `ground` and who is `height` tall."""
    head_r = height * 0.13
    head_y = ground - height + head_r
    body_top = head_y + head_r * 0.9
    body_bottom = ground - height * 0.34
    body_w = height * 0.30
    leg_w = height * 0.09
    # legs
    c.rrect(x - body_w * 0.36, body_bottom - 4, x - body_w * 0.36 + leg_w, ground, leg_w / 2, trousers)
    c.rrect(x + body_w * 0.36 - leg_w, body_bottom - 4, x + body_w * 0.36, ground, leg_w / 2, trousers)
    # arms
    arm_w = height * 0.075
    shoulder_y = body_top + height * 0.06
    c.line(x - body_w / 2, shoulder_y, x - body_w * 0.72, body_bottom - height * 0.02, arm_w, skin)
    if wave:
        c.line(x + body_w / 2, shoulder_y, x + body_w * 0.95, shoulder_y - height * 0.2, arm_w, skin)
    else:
        c.line(x + body_w / 2, shoulder_y, x + body_w * 0.72, body_bottom - height * 0.02, arm_w, skin)
    # body
    c.rrect(x - body_w / 2, body_top, x + body_w / 2, body_bottom + height * 0.02, body_w * 0.3, shirt)
    # hair behind the head
    if long_hair:
        c.rrect(x - head_r * 1.15, head_y - head_r * 0.4, x + head_r * 1.15, head_y + head_r * 1.3,
                head_r * 0.5, hair)
    # head
    c.circle(x, head_y, head_r, skin)
    c.ellipse(x, head_y - head_r * 0.55, head_r * 1.02, head_r * 0.55, hair)
    c.rect(x - head_r * 1.02, head_y - head_r * 0.55, x + head_r * 1.02, head_y - head_r * 0.3, hair)
    face(c, x, head_y + head_r * 0.18, head_r * 0.85)


def tree(c, x, ground, size):
    c.rrect(x - size * 0.1, ground - size * 0.9, x + size * 0.1, ground, size * 0.05, BROWN)
    c.circle(x, ground - size * 1.1, size * 0.5, GRASS_DARK)
    c.circle(x - size * 0.3, ground - size * 0.85, size * 0.35, GRASS_DARK)
    c.circle(x + size * 0.3, ground - size * 0.85, size * 0.35, GRASS_DARK)


def sun(c, x, y, r):
    c.circle(x, y, r, YELLOW)


# ---- the pictures ----------------------------------------------------------------------
# Each function returns a finished Canvas, in design units: scenes are 512x384 and
# badges 256x256, written SCALE times larger.


def draw_house():
    c = Canvas(512, 384, SKY)
    sun(c, 440, 70, 34)
    c.rect(0, 300, 512, 384, GRASS)
    tree(c, 70, 305, 110)
    c.rect(150, 172, 362, 310, WALL)
    c.polygon([(128, 180), (256, 78), (384, 180)], CORAL)
    c.rect(316, 92, 344, 150, CORAL_DARK)  # chimney
    c.polygon([(128, 180), (256, 78), (384, 180)], CORAL)
    for wx in (170, 302):
        c.rect(wx, 198, wx + 42, 240, NAVY)
        c.rect(wx + 4, 202, wx + 38, 236, BLUE_LIGHT)
        c.rect(wx + 19, 202, wx + 23, 236, NAVY)
        c.rect(wx + 4, 217, wx + 38, 221, NAVY)
    c.rrect(226, 234, 286, 310, 8, CORAL_DARK)
    c.circle(274, 274, 5, YELLOW)
    c.rrect(234, 200, 278, 224, 6, NAVY)  # the door-number plaque, left blank
    c.rrect(237, 203, 275, 221, 4, WHITE)
    c.polygon([(226, 310), (286, 310), (306, 384), (206, 384)], SAND)
    return c


def draw_tablet():
    c = Canvas(512, 384, CREAM)
    c.rrect(96, 46, 416, 338, 28, NAVY)
    c.rrect(114, 70, 398, 314, 10, SKY)
    c.circle(256, 58, 4, GREY_DARK)
    colours = [CORAL, YELLOW, TEAL, PURPLE, BLUE, GREEN]
    for i, col in enumerate(colours):
        col_x = 144 + (i % 3) * 82
        row_y = 104 + (i // 3) * 104
        c.rrect(col_x, row_y, col_x + 62, row_y + 62, 14, col)
        c.circle(col_x + 31, row_y + 31, 12, WHITE)
    return c


def draw_laptop():
    c = Canvas(512, 384, SKY)
    c.rrect(124, 54, 388, 256, 14, NAVY)
    c.rect(140, 72, 372, 240, BLUE_LIGHT)
    c.circle(330, 110, 18, YELLOW)
    # two hills on the screen, cut off at its edges
    c.ellipse(200, 250, 110, 70, GRASS)
    c.ellipse(320, 258, 100, 60, GRASS_DARK)
    c.rect(0, 0, 124, 384, SKY)
    c.rect(388, 0, 512, 384, SKY)
    c.rect(0, 256, 512, 384, SKY)
    c.rect(124, 72, 140, 256, NAVY)
    c.rect(372, 72, 388, 256, NAVY)
    c.rect(124, 240, 388, 256, NAVY)
    c.circle(256, 63, 3, GREY)  # webcam dot
    c.polygon([(110, 256), (402, 256), (452, 300), (60, 300)], GREY)
    c.rrect(60, 296, 452, 312, 6, GREY_DARK)
    c.rrect(216, 270, 296, 290, 5, LINE)
    return c


def draw_screen_off():
    c = Canvas(512, 384, CREAM)
    c.rect(0, 320, 512, 384, SAND)
    # monitor with a dark screen
    c.rrect(70, 60, 350, 250, 14, GREY_DARK)
    c.rect(84, 74, 336, 232, SCREEN_DARK)
    c.circle(322, 241, 4, GREY)
    c.rect(196, 250, 224, 298, GREY_DARK)
    c.rrect(150, 294, 270, 310, 6, GREY_DARK)
    # the computer box stays on: its light is green
    c.rrect(384, 110, 464, 318, 10, GREY)
    c.rrect(398, 130, 450, 146, 4, GREY_DARK)
    c.circle(424, 178, 12, GREY_DARK)
    c.circle(424, 178, 7, GREEN)
    # keyboard
    c.rrect(110, 322, 330, 346, 6, GREY)
    return c


def draw_trusted_adult():
    c = Canvas(512, 384, CREAM)
    c.rect(0, 330, 512, 384, SAND)
    person(c, 320, 336, 270, SKIN_2, HAIR_BLACK, TEAL, NAVY, long_hair=True)
    person(c, 178, 336, 170, SKIN_1, HAIR_GINGER, YELLOW, BLUE)
    # a small speech bubble from the child
    c.rrect(64, 78, 176, 142, 24, WHITE)
    c.polygon([(132, 136), (156, 136), (160, 164)], WHITE)
    for dx in (-30, 0, 30):
        c.circle(120 + dx, 110, 7, NAVY)
    return c


def draw_speech_bubble():
    c = Canvas(512, 384, SKY)
    c.rrect(92, 72, 420, 270, 48, NAVY)
    c.polygon([(150, 250), (230, 250), (130, 336)], NAVY)
    c.rrect(100, 80, 412, 262, 42, WHITE)
    c.polygon([(160, 250), (218, 250), (143, 318)], WHITE)
    for x in (196, 256, 316):
        c.circle(x, 171, 17, NAVY)
    return c


def draw_butterfly(background=MINT, size=1.0, canvas=None, cx=256, cy=200):
    c = canvas or Canvas(512, 384, background)
    s = size
    for side in (-1, 1):
        c.rotated_ellipse(cx + side * 78 * s, cy - 50 * s, 86 * s, 62 * s, side * 35, PURPLE)
        c.rotated_ellipse(cx + side * 62 * s, cy + 52 * s, 58 * s, 46 * s, -side * 35, PINK)
        c.circle(cx + side * 90 * s, cy - 58 * s, 20 * s, YELLOW)
        c.circle(cx + side * 64 * s, cy + 58 * s, 13 * s, WHITE)
    c.ellipse(cx, cy, 14 * s, 84 * s, NAVY)
    c.circle(cx, cy - 96 * s, 19 * s, NAVY)
    c.arc(cx - 40 * s, cy - 118 * s, 40 * s, 0, -70, 5 * s, NAVY)
    c.arc(cx + 40 * s, cy - 118 * s, 40 * s, 180, 250, 5 * s, NAVY)
    c.circle(cx - 26 * s, cy - 155 * s, 7 * s, NAVY)
    c.circle(cx + 26 * s, cy - 155 * s, 7 * s, NAVY)
    return c


def draw_envelope():
    c = Canvas(512, 384, SKY)
    c.rect(110, 100, 402, 300, GREY)
    c.rect(114, 104, 398, 296, PAPER)
    c.line(116, 294, 230, 200, 4, LINE)
    c.line(396, 294, 282, 200, 4, LINE)
    c.polygon([(114, 104), (398, 104), (256, 214)], GREY)
    c.polygon([(122, 104), (390, 104), (256, 206)], (240, 242, 246))
    # a paperclip: something is attached
    pts = []
    for a in range(180, 361, 15):
        pts.append((392 + 16 * math.cos(math.radians(a)), 70 + 16 * math.sin(math.radians(a))))
    pts.append((408, 160))
    for a in range(0, 181, 15):
        pts.append((396 + 12 * math.cos(math.radians(a)), 160 + 12 * math.sin(math.radians(a))))
    pts.append((384, 90))
    c.polyline([(376, 150)] + [(376, 70)] + pts, 7, GREY_DARK)
    return c


def draw_camera():
    c = Canvas(512, 384, CREAM)
    c.rrect(180, 90, 262, 140, 10, NAVY)
    c.rrect(120, 118, 392, 304, 28, NAVY)
    c.rrect(320, 138, 364, 160, 6, YELLOW)
    c.circle(256, 212, 72, GREY)
    c.circle(256, 212, 56, INK)
    c.circle(256, 212, 34, BLUE)
    c.circle(242, 198, 10, WHITE)
    return c


def draw_webcam():
    c = Canvas(512, 384, LILAC)
    c.rrect(96, 120, 416, 318, 16, GREY_DARK)
    c.rect(112, 136, 400, 302, BLUE_LIGHT)
    c.rrect(150, 170, 250, 230, 12, WHITE)
    c.rrect(262, 250, 362, 280, 12, WHITE)
    c.rect(232, 318, 280, 350, GREY_DARK)
    c.rrect(190, 346, 322, 362, 6, GREY_DARK)
    # the webcam clipped on top
    c.rect(240, 104, 272, 126, INK)
    c.ellipse(256, 84, 64, 40, INK)
    c.circle(256, 84, 24, GREY)
    c.circle(256, 84, 15, BLUE)
    c.circle(251, 79, 5, WHITE)
    c.circle(304, 84, 5, GREEN)
    return c


def draw_game_controller():
    c = Canvas(512, 384, SKY)
    c.rotated_ellipse(166, 250, 58, 86, 30, PURPLE)
    c.rotated_ellipse(346, 250, 58, 86, -30, PURPLE)
    c.rrect(110, 130, 402, 260, 64, PURPLE)
    c.rect(160, 172, 180, 232, WHITE)
    c.rect(140, 192, 200, 212, WHITE)
    c.circle(352, 174, 13, YELLOW)
    c.circle(352, 230, 13, GREEN)
    c.circle(324, 202, 13, BLUE)
    c.circle(380, 202, 13, CORAL)
    c.rrect(236, 160, 276, 172, 6, NAVY)
    return c


def draw_magnifier():
    c = Canvas(512, 384, CREAM)
    c.rect(110, 44, 330, 340, GREY)
    c.rect(114, 48, 326, 336, PAPER)
    c.rect(140, 78, 270, 92, TEAL)
    for i, w in enumerate((160, 140, 170, 120, 150, 160, 110)):
        c.rrect(140, 116 + i * 28, 140 + w, 126 + i * 28, 5, LINE)
    c.line(374, 254, 448, 330, 28, NAVY)
    c.circle(318, 196, 86, NAVY)
    c.circle(318, 196, 70, (214, 236, 248))
    c.rrect(272, 176, 370, 186, 5, BLUE_LIGHT)
    c.rrect(272, 204, 350, 214, 5, BLUE_LIGHT)
    c.arc(318, 196, 54, 200, 250, 8, WHITE)
    return c


def draw_popup():
    c = Canvas(512, 384, SKY)
    c.rrect(62, 40, 450, 338, 12, GREY)
    c.rect(66, 76, 446, 334, PAPER)
    for i, col in enumerate((CORAL, YELLOW, GREEN)):
        c.circle(88 + i * 22, 58, 7, col)
    c.rrect(90, 96, 300, 112, 6, LINE)
    c.rrect(90, 300, 420, 316, 6, LINE)
    # the pop-up box
    c.rrect(146, 128, 376, 300, 16, GREY_DARK)
    c.rrect(140, 122, 370, 292, 16, YELLOW)
    c.polygon([(255, 140), (302, 222), (208, 222)], CORAL)
    c.rrect(250, 162, 260, 198, 4, WHITE)
    c.circle(255, 209, 6, WHITE)
    c.rrect(166, 240, 244, 274, 10, GREEN)
    c.rrect(266, 240, 344, 274, 10, GREY)
    c.line(344, 140, 358, 154, 5, NAVY)
    c.line(358, 140, 344, 154, 5, NAVY)
    return c


def draw_avatar():
    c = Canvas(512, 384, LILAC)
    c.line(256, 92, 256, 50, 8, NAVY)
    c.circle(256, 46, 14, CORAL)
    c.rrect(140, 156, 170, 236, 10, TEAL_DARK)
    c.rrect(342, 156, 372, 236, 10, TEAL_DARK)
    c.rrect(160, 90, 352, 306, 44, TEAL)
    c.circle(214, 178, 30, WHITE)
    c.circle(298, 178, 30, WHITE)
    c.circle(220, 182, 14, NAVY)
    c.circle(304, 182, 14, NAVY)
    c.arc(256, 222, 44, 25, 155, 10, NAVY)
    c.circle(190, 238, 12, PINK)
    c.circle(322, 238, 12, PINK)
    return c


def draw_footprints():
    c = Canvas(512, 384, SAND)

    def foot(x, y, col):
        c.ellipse(x, y, 22, 36, col)
        c.ellipse(x, y + 40, 17, 20, col)
        for i, (dx, dy, r) in enumerate(((-17, -44, 8), (-4, -50, 8), (9, -48, 7), (19, -41, 6),
                                          (26, -31, 5))):
            c.circle(x + dx, y + dy, r, col)

    steps = [(80, 300, GREY), (160, 250, BLUE_LIGHT), (240, 230, BLUE), (320, 180, BLUE),
             (400, 160, NAVY)]
    for i, (x, y, col) in enumerate(steps):
        foot(x, y + (18 if i % 2 else 0), col)
    return c


def draw_mobile_phone():
    c = Canvas(512, 384, SKY)
    c.rrect(182, 30, 330, 354, 30, NAVY)
    c.rrect(196, 64, 316, 318, 8, PAPER)
    c.rrect(234, 44, 278, 52, 4, GREY_DARK)
    c.circle(256, 336, 9, GREY_DARK)
    c.rrect(206, 84, 276, 118, 14, BLUE_LIGHT)
    c.rrect(236, 134, 306, 168, 14, GREEN_LIGHT)
    c.rrect(206, 184, 286, 218, 14, BLUE_LIGHT)
    c.rrect(246, 234, 306, 268, 14, GREEN_LIGHT)
    return c


def draw_pencil_paper():
    c = Canvas(512, 384, SKY)
    c.rect(104, 44, 328, 344, GREY)
    c.rect(108, 48, 324, 340, PAPER)
    for i, w in enumerate((180, 150, 170, 120, 160, 90)):
        c.rrect(132, 84 + i * 40, 132 + w, 94 + i * 40, 5, BLUE_LIGHT)
    angle = -55
    c.polygon(rotated_rect(390, 200, 200, 36, angle), YELLOW)
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    tip_base = (390 - ux * 100, 200 - uy * 100)
    vx, vy = -uy * 18, ux * 18
    tip = (390 - ux * 146, 200 - uy * 146)
    c.polygon([(tip_base[0] + vx, tip_base[1] + vy), (tip_base[0] - vx, tip_base[1] - vy), tip], SAND)
    lead_base = (390 - ux * 132, 200 - uy * 132)
    c.polygon([(lead_base[0] + vx * 0.3, lead_base[1] + vy * 0.3),
               (lead_base[0] - vx * 0.3, lead_base[1] - vy * 0.3), tip], INK)
    c.polygon(rotated_rect(390 + ux * 110, 200 + uy * 110, 24, 36, angle), GREY)
    c.polygon(rotated_rect(390 + ux * 130, 200 + uy * 130, 20, 36, angle), PINK)
    return c


def draw_friends():
    # Indoors, calm faces, no sun: the same room and mood as the other pictures of two
    # children (whisper.png), so a sunny, smiling scene never marks the right answer.
    c = Canvas(512, 384, CREAM)
    c.rect(0, 330, 512, 384, SAND)
    kid(c, 196, 336, 220, SKIN_3, HAIR_BLACK, CORAL, NAVY, mood="calm", pose="wave")
    kid(c, 318, 336, 210, SKIN_1, HAIR_DARK, BLUE, TEAL_DARK, mood="calm", long_hair=True)
    return c


def draw_park():
    c = Canvas(512, 384, SKY)
    sun(c, 420, 70, 32)
    c.rect(0, 270, 512, 384, GRASS)
    c.polygon([(220, 270), (292, 270), (380, 384), (132, 384)], SAND)
    tree(c, 90, 290, 120)
    tree(c, 440, 280, 90)
    # a bench
    c.rect(300, 300, 308, 340, BROWN)
    c.rect(400, 300, 408, 340, BROWN)
    c.rrect(290, 256, 418, 268, 4, ORANGE)
    c.rrect(290, 274, 418, 286, 4, ORANGE)
    c.rrect(286, 294, 422, 306, 4, ORANGE)
    return c


def draw_photo_frame():
    c = Canvas(512, 384, CREAM)
    c.rect(122, 36, 394, 348, GREY)
    c.rect(126, 40, 390, 344, PAPER)
    c.rect(146, 60, 370, 280, SKY)
    c.rect(146, 236, 370, 280, GRASS)
    # a building behind, with a blank sign: backgrounds can give away where you are
    c.rect(176, 120, 340, 244, WALL)
    c.polygon([(166, 124), (258, 80), (350, 124)], CORAL)
    c.rrect(198, 132, 318, 160, 6, NAVY)
    c.rrect(202, 136, 314, 156, 4, WHITE)
    c.rect(246, 196, 270, 244, CORAL_DARK)
    person(c, 212, 272, 110, SKIN_2, HAIR_DARK, YELLOW, NAVY, wave=True)
    return c


def draw_photo_plain():
    """The same kind of photo with nothing behind the child that says where they are:
    the safe partner of photo-frame and of a school jumper."""
    c = Canvas(512, 384, CREAM)
    c.rect(122, 36, 394, 348, GREY)
    c.rect(126, 40, 390, 344, PAPER)
    c.rect(146, 60, 370, 280, SKY)
    c.rect(146, 236, 370, 280, GRASS)
    sun(c, 186, 100, 22)
    person(c, 258, 272, 170, SKIN_1, HAIR_GINGER, GREEN, NAVY, wave=True)
    return c


def draw_heart():
    c = Canvas(256, 256, BLUSH)
    c.polygon(heart_points(128, 132, 96), CORAL)
    c.rotated_ellipse(92, 92, 18, 10, -40, (246, 170, 160))
    return c


def draw_shield():
    c = Canvas(256, 256, SKY)
    outer = [(128, 22), (218, 54), (212, 150), (128, 234), (44, 150), (38, 54)]
    inner = [(128, 38), (202, 64), (197, 146), (128, 216), (59, 146), (54, 64)]
    c.polygon(outer, NAVY)
    c.polygon(inner, GOLD)
    c.polygon(star_points(128, 124, 46, 20), WHITE)
    return c


def draw_star():
    c = Canvas(256, 256, LILAC)
    c.polygon(star_points(128, 136, 112, 48), ORANGE)
    c.polygon(star_points(128, 136, 92, 39), YELLOW)
    c.circle(104, 126, 8, INK)
    c.circle(152, 126, 8, INK)
    c.arc(128, 140, 22, 25, 155, 5, INK)
    return c


def draw_padlock():
    c = Canvas(256, 256, CREAM)
    c.arc(128, 112, 52, 180, 360, 22, GREY_DARK, steps=36)
    c.line(76, 112, 76, 130, 22, GREY_DARK, caps=False)
    c.line(180, 112, 180, 130, 22, GREY_DARK, caps=False)
    c.rrect(48, 120, 208, 232, 20, GOLD)
    c.circle(128, 164, 16, NAVY)
    c.polygon([(120, 170), (136, 170), (142, 204), (114, 204)], NAVY)
    return c


def draw_medal():
    c = Canvas(256, 256, MINT)
    c.polygon([(84, 20), (124, 20), (150, 120), (110, 120)], BLUE)
    c.polygon([(172, 20), (132, 20), (106, 120), (146, 120)], CORAL)
    c.circle(128, 160, 70, ORANGE)
    c.circle(128, 160, 56, YELLOW)
    c.polygon(star_points(128, 162, 36, 15), GOLD)
    return c


def draw_butterfly_badge():
    c = Canvas(256, 256, LILAC)
    c.circle(128, 128, 116, PURPLE)
    c.circle(128, 128, 102, WHITE)
    draw_butterfly(size=0.5, canvas=c, cx=128, cy=140)
    return c


PICTURES = {
    "avatar": draw_avatar,
    "badge-butterfly": draw_butterfly_badge,
    "butterfly": draw_butterfly,
    "camera": draw_camera,
    "envelope": draw_envelope,
    "footprints": draw_footprints,
    "friends": draw_friends,
    "game-controller": draw_game_controller,
    "heart": draw_heart,
    "house": draw_house,
    "laptop": draw_laptop,
    "magnifier": draw_magnifier,
    "medal": draw_medal,
    "mobile-phone": draw_mobile_phone,
    "padlock": draw_padlock,
    "park": draw_park,
    "pencil-paper": draw_pencil_paper,
    "photo-frame": draw_photo_frame,
    "photo-plain": draw_photo_plain,
    "popup": draw_popup,
    "screen-off": draw_screen_off,
    "shield": draw_shield,
    "speech-bubble": draw_speech_bubble,
    "star": draw_star,
    "tablet": draw_tablet,
    "trusted-adult": draw_trusted_adult,
    "webcam": draw_webcam,
}


# ---- Reception and Key Stage 1 scenes --------------------------------------------------
# Characters, feelings, actions and places for the younger lessons. Each picture shows
# one action, so opposite choices never share a picture.


def kid(c, x, ground, height, skin, hair, shirt, trousers, mood="happy", pose="down",
        long_hair=False):
    """A child like person(), with a mood (happy, calm, worried, asleep) and a pose: down, wave,
    hold (both hands forward, holding something), shh (a finger on the lips) or point."""
    head_r = height * 0.13
    head_y = ground - height + head_r
    body_top = head_y + head_r * 0.9
    body_bottom = ground - height * 0.34
    body_w = height * 0.30
    leg_w = height * 0.09
    c.rrect(x - body_w * 0.36, body_bottom - 4, x - body_w * 0.36 + leg_w, ground, leg_w / 2, trousers)
    c.rrect(x + body_w * 0.36 - leg_w, body_bottom - 4, x + body_w * 0.36, ground, leg_w / 2, trousers)
    arm_w = height * 0.075
    shoulder_y = body_top + height * 0.06
    hand_y = body_bottom - height * 0.02
    if pose in ("down", "wave", "point"):
        c.line(x - body_w / 2, shoulder_y, x - body_w * 0.72, hand_y, arm_w, skin)
    if pose == "down" or pose == "shh":
        c.line(x + body_w / 2, shoulder_y, x + body_w * 0.72, hand_y, arm_w, skin)
    if pose == "wave":
        c.line(x + body_w / 2, shoulder_y, x + body_w * 0.95, shoulder_y - height * 0.2, arm_w, skin)
    if pose == "point":
        c.line(x + body_w / 2, shoulder_y, x + body_w * 1.3, shoulder_y - height * 0.02, arm_w, skin)
    c.rrect(x - body_w / 2, body_top, x + body_w / 2, body_bottom + height * 0.02, body_w * 0.3, shirt)
    if pose == "hold":
        c.line(x - body_w / 2, shoulder_y, x - body_w * 0.15, hand_y - height * 0.08, arm_w, skin)
        c.line(x + body_w / 2, shoulder_y, x + body_w * 0.15, hand_y - height * 0.08, arm_w, skin)
    if long_hair:
        c.rrect(x - head_r * 1.15, head_y - head_r * 0.4, x + head_r * 1.15, head_y + head_r * 1.3,
                head_r * 0.5, hair)
    c.circle(x, head_y, head_r, skin)
    c.ellipse(x, head_y - head_r * 0.55, head_r * 1.02, head_r * 0.55, hair)
    c.rect(x - head_r * 1.02, head_y - head_r * 0.55, x + head_r * 1.02, head_y - head_r * 0.3, hair)
    fy = head_y + head_r * 0.18
    r = head_r * 0.85
    if mood == "asleep":
        c.arc(x - r * 0.36, fy - r * 0.1, r * 0.14, 20, 160, max(2.0, r * 0.07), INK)
        c.arc(x + r * 0.36, fy - r * 0.1, r * 0.14, 20, 160, max(2.0, r * 0.07), INK)
        c.circle(x, fy + r * 0.32, r * 0.09, INK)
    elif mood == "worried":
        c.circle(x - r * 0.36, fy - r * 0.05, r * 0.11, INK)
        c.circle(x + r * 0.36, fy - r * 0.05, r * 0.11, INK)
        c.line(x - r * 0.56, fy - r * 0.34, x - r * 0.2, fy - r * 0.46, max(2.0, r * 0.1), INK)
        c.line(x + r * 0.56, fy - r * 0.34, x + r * 0.2, fy - r * 0.46, max(2.0, r * 0.1), INK)
        pts = [(x - r * 0.36 + i * r * 0.12, fy + r * 0.45 + (r * 0.07 if i % 2 else -r * 0.07))
               for i in range(7)]
        c.polyline(pts, max(2.0, r * 0.09), INK)
    elif mood == "calm":
        # open eyes and a small straight mouth: neither pleased nor upset, so the same
        # picture fits a right and a wrong answer
        c.circle(x - r * 0.36, fy - r * 0.05, r * 0.11, INK)
        c.circle(x + r * 0.36, fy - r * 0.05, r * 0.11, INK)
        c.line(x - r * 0.2, fy + r * 0.42, x + r * 0.2, fy + r * 0.42, max(2.0, r * 0.09), INK)
    else:
        face(c, x, fy, r)
    if pose == "shh":
        c.line(x + body_w / 2, shoulder_y, x + head_r * 0.2, fy + r * 0.9, arm_w, skin)
        c.rrect(x - head_r * 0.08, fy + r * 0.05, x + head_r * 0.12, fy + r * 0.75, head_r * 0.1, skin)
        c.rrect(x - head_r * 0.08, fy + r * 0.05, x + head_r * 0.12, fy + r * 0.75, head_r * 0.1,
                (min(255, skin[0] + 12), min(255, skin[1] + 12), min(255, skin[2] + 12)))
    return head_y, hand_y


def small_tablet(c, cx, cy, w, h, screen=SKY, lit=True):
    c.rrect(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, w * 0.12, NAVY)
    c.rrect(cx - w / 2 + w * 0.08, cy - h / 2 + h * 0.1, cx + w / 2 - w * 0.08, cy + h / 2 - h * 0.1,
            w * 0.05, screen if lit else SCREEN_DARK)


def bubble(c, x0, y0, x1, y1, fill=WHITE, border=NAVY, tail_left=True):
    """A speech bubble with a border; returns its centre."""
    r = (y1 - y0) * 0.3
    c.rrect(x0 - 8, y0 - 8, x1 + 8, y1 + 8, r + 8, border)
    tx = x0 + (x1 - x0) * (0.22 if tail_left else 0.7)
    c.polygon([(tx - 10, y1), (tx + 40, y1), (tx - 30, y1 + 70)], border)
    c.rrect(x0, y0, x1, y1, r, fill)
    c.polygon([(tx, y1 - 6), (tx + 26, y1 - 6), (tx - 18, y1 + 50)], fill)
    return (x0 + x1) / 2, (y0 + y1) / 2


def small_house(c, cx, cy, s, wall=WALL, roof=CORAL):
    c.rect(cx - 40 * s, cy - 10 * s, cx + 40 * s, cy + 44 * s, wall)
    c.polygon([(cx - 52 * s, cy - 6 * s), (cx, cy - 50 * s), (cx + 52 * s, cy - 6 * s)], roof)
    c.rrect(cx - 12 * s, cy + 10 * s, cx + 12 * s, cy + 44 * s, 4 * s, CORAL_DARK)
    c.rect(cx - 32 * s, cy + 2 * s, cx - 18 * s, cy + 16 * s, BLUE_LIGHT)
    c.rect(cx + 18 * s, cy + 2 * s, cx + 32 * s, cy + 16 * s, BLUE_LIGHT)


def draw_child_worried():
    c = Canvas(512, 384, LILAC)
    c.rect(0, 330, 512, 384, SAND)
    # a close-up, so the worried face is easy to read: shoulders, head, hands on the tummy
    c.rrect(136, 250, 376, 420, 70, ORANGE)
    c.circle(256, 150, 100, SKIN_2)
    c.ellipse(256, 74, 100, 42, HAIR_DARK)
    c.rect(155, 70, 357, 84, HAIR_DARK)
    c.circle(218, 150, 12, INK)
    c.circle(294, 150, 12, INK)
    c.line(190, 128, 234, 114, 9, INK)
    c.line(322, 128, 278, 114, 9, INK)
    c.polyline([(214 + i * 14, 204 + (7 if i % 2 else -7)) for i in range(7)], 8, INK)
    c.ellipse(226, 318, 34, 22, SKIN_2)
    c.ellipse(286, 318, 34, 22, SKIN_2)
    # small butterflies fluttering by the tummy: the butterfly feeling
    draw_butterfly(size=0.22, canvas=c, cx=380, cy=230)
    draw_butterfly(size=0.16, canvas=c, cx=130, cy=260)
    return c


def draw_stop_hand():
    c = Canvas(512, 384, CREAM)
    c.polygon(star_points(256, 192, 150, 150, points=4, rotation=22.5), WHITE)
    oct_out = [(256 + 150 * math.cos(math.radians(22.5 + 45 * i)),
                192 + 150 * math.sin(math.radians(22.5 + 45 * i))) for i in range(8)]
    oct_in = [(256 + 134 * math.cos(math.radians(22.5 + 45 * i)),
               192 + 134 * math.sin(math.radians(22.5 + 45 * i))) for i in range(8)]
    c.polygon(oct_out, WHITE)
    c.polygon(oct_in, CORAL_DARK)
    # an open hand: palm and four fingers and a thumb
    c.rrect(206, 170, 306, 270, 36, WHITE)
    for i, (fx, top) in enumerate(((214, 96), (240, 82), (266, 84), (292, 100))):
        c.rrect(fx - 11, top, fx + 11, 200, 11, WHITE)
    c.line(210, 236, 172, 196, 24, WHITE)
    return c


def draw_delete_bin():
    c = Canvas(512, 384, SKY)
    # a message falling into the bin
    c.rrect(196, 46, 336, 118, 22, WHITE)
    c.polygon([(220, 112), (246, 112), (212, 140)], WHITE)
    for x in (232, 266, 300):
        c.circle(x, 82, 9, NAVY)
    c.line(266, 136, 266, 170, 6, GREY_DARK)
    c.polygon([(252, 166), (280, 166), (266, 184)], GREY_DARK)
    # the bin
    c.rrect(170, 196, 362, 214, 6, GREY_DARK)
    c.rrect(236, 184, 296, 200, 6, GREY_DARK)
    c.polygon([(184, 214), (348, 214), (332, 344), (200, 344)], GREY)
    for x in (226, 266, 306):
        c.line(x, 234, x - (x - 266) * 0.1, 326, 8, GREY_DARK)
    return c


def draw_tablet_face_down():
    c = Canvas(512, 384, CREAM)
    # a table seen from the side, with a tablet lying flat on it, screen down
    c.rect(40, 250, 472, 272, BROWN)
    c.rect(70, 272, 92, 370, BROWN)
    c.rect(420, 272, 442, 370, BROWN)
    c.rrect(120, 226, 392, 250, 10, GREY_DARK)
    c.rrect(128, 222, 384, 236, 7, GREY)
    c.circle(356, 229, 5, INK)  # the camera on its back
    # an arrow over it: the tablet has been turned over
    c.arc(256, 214, 110, 200, 340, 10, TEAL_DARK)
    a = math.radians(340)
    tip = (256 + 110 * math.cos(a), 214 + 110 * math.sin(a))
    c.polygon([(tip[0] - 6, tip[1] - 24), (tip[0] + 24, tip[1] + 6), (tip[0] - 16, tip[1] + 14)],
              TEAL_DARK)
    return c


def draw_child_tablet_alone():
    c = Canvas(512, 384, MINT)
    c.rect(0, 330, 512, 384, SAND)
    # a sofa behind, with nobody else in the room
    c.rrect(60, 190, 452, 300, 30, BLUE_LIGHT)
    c.rrect(40, 230, 110, 320, 24, BLUE)
    c.rrect(402, 230, 472, 320, 24, BLUE)
    c.rrect(90, 250, 422, 320, 16, BLUE)
    # a calm face: the lessons use this picture for a child alone with a tablet who does
    # the wrong thing and for one who does the right thing
    head_y, hand_y = kid(c, 256, 336, 230, SKIN_1, HAIR_GINGER, YELLOW, TEAL_DARK, mood="calm",
                         pose="hold")
    small_tablet(c, 256, hand_y - 30, 96, 70)
    return c


def draw_secret_shh():
    c = Canvas(512, 384, BLUSH)
    c.rect(0, 330, 512, 384, SAND)
    kid(c, 256, 336, 260, SKIN_3, HAIR_BLACK, PURPLE, NAVY, pose="shh", long_hair=True)
    return c


def draw_mean_message():
    c = Canvas(512, 384, SKY)
    cx, cy = bubble(c, 100, 70, 412, 250)
    # an angry scribble
    pts = []
    for i in range(13):
        pts.append((150 + i * 18, cy + (-34 if i % 2 else 34)))
    c.polyline(pts, 12, CORAL_DARK)
    return c


def draw_kind_message():
    c = Canvas(512, 384, MINT)
    cx, cy = bubble(c, 100, 70, 412, 250, border=TEAL_DARK)
    c.polygon(heart_points(cx, cy + 6, 62), CORAL)
    return c


def draw_bubble_house():
    c = Canvas(512, 384, SKY)
    cx, cy = bubble(c, 100, 60, 412, 260)
    small_house(c, cx, cy - 8, 1.35)
    return c


def draw_bubble_name():
    # Told apart from bubble-house.png at a glance: another background, a coral bubble
    # with its tail on the other side, and inside it a name card with the child's own face.
    c = Canvas(512, 384, BLUSH)
    cx, cy = bubble(c, 100, 60, 412, 260, border=CORAL_DARK, tail_left=False)
    c.rrect(cx - 130, cy - 62, cx + 130, cy + 62, 16, YELLOW)
    c.rrect(cx - 116, cy - 48, cx - 20, cy + 48, 10, WHITE)
    c.circle(cx - 68, cy - 2, 30, SKIN_2)
    c.ellipse(cx - 68, cy - 22, 31, 15, HAIR_DARK)
    face(c, cx - 68, cy + 2, 24)
    for i, w in enumerate((96, 72, 84)):
        c.rrect(cx - 4, cy - 34 + i * 28, cx - 4 + w, cy - 20 + i * 28, 6, NAVY)
    return c


def draw_unknown_message():
    c = Canvas(512, 384, LILAC)
    cx, cy = bubble(c, 100, 60, 412, 260, border=GREY_DARK)
    # a grey, faceless head: someone we don't know
    c.circle(cx - 60, cy - 10, 46, GREY)
    c.rrect(cx - 118, cy + 34, cx - 2, cy + 80, 22, GREY)
    c.rect(cx - 130, cy + 60, cx + 10, cy + 100, WHITE)
    # a question mark
    c.arc(cx + 70, cy - 30, 30, 180, 405, 14, PURPLE)
    c.line(cx + 70 + 30 * math.cos(math.radians(45)), cy - 30 + 30 * math.sin(math.radians(45)),
           cx + 70, cy + 22, 14, PURPLE)
    c.circle(cx + 70, cy + 50, 9, PURPLE)
    return c


def draw_school():
    c = Canvas(512, 384, SKY)
    sun(c, 80, 66, 30)
    c.rect(0, 300, 512, 384, GRASS)
    c.rect(96, 150, 416, 306, (236, 200, 160))
    c.polygon([(80, 154), (256, 86), (432, 154)], NAVY)
    c.circle(256, 124, 20, WHITE)
    c.line(256, 124, 256, 112, 4, NAVY)
    c.line(256, 124, 265, 128, 4, NAVY)
    for wx in (120, 186, 290, 356):
        c.rect(wx, 178, wx + 40, 218, BLUE_LIGHT)
        c.rect(wx, 238, wx + 40, 278, BLUE_LIGHT)
    c.rrect(232, 230, 280, 306, 6, TEAL_DARK)
    c.rect(30, 250, 34, 306, GREY_DARK)
    c.rect(34, 250, 84, 280, YELLOW)
    return c


def draw_bedtime():
    c = Canvas(512, 384, (64, 76, 120))
    # a window with the moon, a bed with a sleeping child, the tablet away on a shelf
    c.rect(0, 320, 512, 384, (96, 90, 120))
    c.rrect(330, 50, 470, 170, 8, (230, 220, 200))
    c.rect(340, 60, 460, 160, (30, 40, 80))
    c.circle(420, 100, 24, YELLOW)
    c.circle(430, 92, 22, (30, 40, 80))
    for sx, sy in ((360, 80), (380, 140), (445, 140)):
        c.polygon(star_points(sx, sy, 7, 3), WHITE)
    c.rrect(40, 220, 320, 300, 12, BROWN)
    c.rect(40, 180, 60, 330, BROWN)
    c.rrect(60, 214, 310, 256, 10, WHITE)
    c.rrect(120, 204, 310, 262, 18, BLUE)
    c.ellipse(96, 218, 34, 22, WHITE)
    c.circle(96, 208, 24, SKIN_1)
    c.ellipse(96, 194, 25, 14, HAIR_DARK)
    c.arc(88, 210, 4, 20, 160, 2, INK)
    c.arc(104, 210, 4, 20, 160, 2, INK)
    c.rect(360, 250, 480, 262, BROWN)
    small_tablet(c, 420, 234, 70, 30, lit=False)
    return c


def draw_late_screen():
    c = Canvas(512, 384, (64, 76, 120))
    c.rect(0, 320, 512, 384, (96, 90, 120))
    c.rrect(330, 50, 470, 170, 8, (230, 220, 200))
    c.rect(340, 60, 460, 160, (30, 40, 80))
    c.circle(420, 100, 24, YELLOW)
    c.circle(430, 92, 22, (30, 40, 80))
    c.rrect(40, 220, 320, 300, 12, BROWN)
    c.rect(40, 180, 60, 330, BROWN)
    # Its partner, bedtime, is the same room asleep and dark, so here the screen floods
    # the bed with light and the child is wide awake: the two differ at a glance.
    c.ellipse(160, 196, 150, 118, (92, 112, 168))
    c.ellipse(160, 196, 112, 88, (132, 158, 212))
    c.ellipse(164, 200, 74, 58, (196, 220, 248))
    c.rrect(60, 214, 310, 256, 10, WHITE)
    c.rrect(150, 222, 310, 262, 18, BLUE)
    # a child sitting up in bed, the glowing screen lighting the face
    c.circle(110, 166, 32, SKIN_1)
    c.ellipse(110, 147, 33, 18, HAIR_DARK)
    for ex in (98, 122):
        c.circle(ex, 166, 9, WHITE)
        c.circle(ex + 2, 166, 5, INK)
    c.rrect(84, 196, 136, 252, 14, YELLOW)
    small_tablet(c, 172, 206, 70, 54, screen=(240, 250, 255))
    return c


def draw_play_outside():
    c = Canvas(512, 384, SKY)
    sun(c, 430, 64, 30)
    c.rect(0, 290, 512, 384, GRASS)
    tree(c, 70, 300, 100)
    kid(c, 200, 340, 190, SKIN_3, HAIR_BLACK, CORAL, NAVY, pose="wave")
    kid(c, 372, 340, 180, SKIN_1, HAIR_GINGER, TEAL, BLUE, long_hair=True, pose="wave")
    c.circle(286, 200, 24, YELLOW)
    c.arc(286, 200, 24, 200, 340, 4, ORANGE)
    return c


def draw_game_box():
    c = Canvas(512, 384, CREAM)
    # a game box whose badge shows a tall grown-up: a game for older players
    c.rrect(150, 40, 362, 344, 14, PURPLE)
    c.rrect(168, 58, 344, 250, 10, (60, 40, 90))
    c.polygon(star_points(256, 150, 60, 26), YELLOW)
    c.circle(300, 296, 42, CORAL_DARK)
    c.circle(300, 296, 34, WHITE)
    c.circle(300, 276, 10, CORAL_DARK)
    c.rrect(286, 290, 314, 326, 10, CORAL_DARK)
    c.rrect(180, 276, 262, 290, 6, WHITE)
    c.rrect(180, 302, 240, 316, 6, WHITE)
    return c


def draw_coins():
    c = Canvas(512, 384, MINT)
    # a shop basket and gold coins: buying things in a game
    c.polygon([(120, 170), (392, 170), (362, 320), (150, 320)], ORANGE)
    c.rrect(110, 156, 402, 180, 8, CORAL_DARK)
    c.arc(256, 160, 96, 180, 360, 12, CORAL_DARK)
    for i in range(4):
        c.line(180 + i * 50, 192, 186 + i * 46, 306, 6, (230, 130, 60))
    for x, y in ((300, 110), (340, 120), (320, 90), (200, 120)):
        c.circle(x, y, 26, GOLD)
        c.circle(x, y, 18, YELLOW)
    return c


def draw_painting():
    c = Canvas(512, 384, CREAM)
    # an easel with a child's own painting of a house and a sun
    c.line(180, 340, 226, 60, 12, BROWN)
    c.line(332, 340, 286, 60, 12, BROWN)
    c.line(256, 60, 256, 350, 10, BROWN)
    c.rect(146, 70, 366, 270, PAPER)
    c.rect(146, 230, 366, 270, GREEN_LIGHT)
    c.circle(320, 112, 24, YELLOW)
    small_house(c, 226, 190, 0.9)
    c.rect(150, 270, 362, 282, BROWN)
    # a brush and a paint pot
    c.rrect(400, 280, 460, 340, 10, BLUE)
    c.rect(404, 276, 456, 290, BLUE_LIGHT)
    c.line(440, 230, 420, 292, 8, BROWN)
    c.circle(442, 226, 9, CORAL)
    return c


def draw_copy_picture():
    c = Canvas(512, 384, SKY)
    # one picture copied into another: the same drawing twice
    for x0 in (40, 296):
        c.rect(x0, 90, x0 + 176, 270, GREY)
        c.rect(x0 + 6, 96, x0 + 170, 264, PAPER)
        c.circle(x0 + 130, 136, 20, YELLOW)
        small_house(c, x0 + 78, 206, 0.75)
    c.rect(226, 170, 262, 190, NAVY)
    c.polygon([(260, 156), (288, 180), (260, 204)], NAVY)
    return c


def draw_flying_pig():
    c = Canvas(512, 384, SKY)
    for x, y, s in ((90, 80, 1.0), (420, 300, 0.8)):
        c.ellipse(x, y, 50 * s, 20 * s, WHITE)
        c.ellipse(x + 26 * s, y - 12 * s, 30 * s, 20 * s, WHITE)
    # wings
    c.rotated_ellipse(236, 150, 70, 28, -30, WHITE)
    c.rotated_ellipse(290, 140, 70, 28, -50, (236, 240, 246))
    # a pink pig with wings: not everything we see is true
    c.ellipse(256, 210, 110, 70, PINK)
    c.rect(186, 260, 206, 304, PINK)
    c.rect(300, 260, 320, 304, PINK)
    c.circle(350, 186, 50, PINK)
    c.ellipse(392, 196, 18, 22, (250, 190, 206))
    c.circle(388, 190, 4, CORAL_DARK)
    c.circle(396, 202, 4, CORAL_DARK)
    c.circle(348, 172, 6, INK)
    c.polygon([(326, 146), (340, 124), (350, 148)], (226, 130, 160))
    c.arc(140, 200, 14, 0, 300, 5, (226, 130, 160))
    return c


def draw_book():
    c = Canvas(512, 384, CREAM)
    c.polygon([(60, 110), (252, 130), (252, 320), (60, 300)], TEAL_DARK)
    c.polygon([(452, 110), (260, 130), (260, 320), (452, 300)], TEAL_DARK)
    c.polygon([(72, 98), (250, 118), (250, 304), (72, 286)], PAPER)
    c.polygon([(440, 98), (262, 118), (262, 304), (440, 286)], PAPER)
    for i in range(6):
        y = 140 + i * 24
        c.line(96, y - 6 + i * 0.5, 226, y + 8, 6, LINE)
    c.circle(350, 180, 36, GREEN_LIGHT)
    c.polygon(star_points(350, 180, 26, 11), GREEN)
    for i in range(2):
        y = 240 + i * 24
        c.line(290, y + 8, 416, y - 6, 6, LINE)
    return c


def draw_mirror():
    c = Canvas(512, 384, BLUSH)
    c.rect(0, 330, 512, 384, SAND)
    c.ellipse(340, 190, 100, 140, GOLD)
    c.ellipse(340, 190, 86, 126, (214, 236, 248))
    c.rect(330, 320, 350, 340, GOLD)
    # the child and, in the mirror, the same smiling face
    kid(c, 150, 336, 240, SKIN_2, HAIR_BLACK, TEAL, NAVY, long_hair=True)
    c.circle(340, 170, 44, SKIN_2)
    c.rrect(290, 150, 390, 250, 40, HAIR_BLACK)
    c.circle(340, 170, 40, SKIN_2)
    c.ellipse(340, 146, 42, 22, HAIR_BLACK)
    face(c, 340, 178, 34)
    c.rrect(300, 214, 380, 300, 26, TEAL)
    return c


def draw_funny_filter():
    c = Canvas(512, 384, LILAC)
    # a photo on a screen changed with bunny ears and a big nose
    c.rrect(120, 30, 392, 354, 26, NAVY)
    c.rrect(136, 62, 376, 322, 10, BLUE_LIGHT)
    c.rotated_ellipse(216, 120, 18, 50, -12, WHITE)
    c.rotated_ellipse(296, 120, 18, 50, 12, WHITE)
    c.rotated_ellipse(216, 122, 8, 36, -12, PINK)
    c.rotated_ellipse(296, 122, 8, 36, 12, PINK)
    c.circle(256, 210, 62, SKIN_1)
    c.ellipse(256, 164, 62, 24, HAIR_DARK)
    c.circle(232, 200, 8, INK)
    c.circle(280, 200, 8, INK)
    c.circle(256, 228, 16, CORAL)
    c.arc(256, 240, 22, 30, 150, 5, INK)
    c.rrect(190, 272, 322, 322, 30, YELLOW)
    c.polygon(star_points(330, 120, 18, 8), YELLOW)
    c.polygon(star_points(180, 250, 12, 5), YELLOW)
    return c


def draw_photo_friend():
    c = Canvas(512, 384, MINT)
    c.rect(0, 320, 512, 384, GRASS)
    # one child holds up a tablet to take a photo of a friend
    head_y, hand_y = kid(c, 140, 330, 200, SKIN_1, HAIR_DARK, CORAL, NAVY, pose="hold")
    c.rrect(110, hand_y - 64, 170, hand_y - 8, 8, NAVY)
    c.circle(140, hand_y - 36, 10, GREY)
    kid(c, 380, 330, 200, SKIN_3, HAIR_BLACK, YELLOW, TEAL_DARK, long_hair=True)
    for a in (-20, 0, 20):
        r = math.radians(a)
        c.line(190 + 30 * math.cos(r), hand_y - 36 + 30 * math.sin(r),
               190 + 70 * math.cos(r), hand_y - 36 + 70 * math.sin(r), 5, GREY_DARK)
    return c


def draw_leave_it():
    # "Leave it for Mum to see": the tablet left on the table with the message still on
    # its screen, and Mum bending to look at it while the child stands back.
    c = Canvas(512, 384, WALL)
    c.rect(0, 330, 512, 384, SAND)
    c.rect(150, 236, 470, 256, BROWN)
    c.rect(170, 256, 190, 336, BROWN)
    c.rect(430, 256, 450, 336, BROWN)
    # the tablet propped up on the table, the unkind message on it
    c.polygon([(214, 236), (226, 236), (202, 196)], GREY_DARK)
    small_tablet(c, 270, 178, 150, 116, screen=WHITE)
    c.rrect(218, 146, 322, 200, 14, NAVY)
    c.rrect(224, 152, 316, 194, 10, WHITE)
    c.polyline([(234 + i * 9, 173 + (-9 if i % 2 else 9)) for i in range(9)], 4, CORAL_DARK)
    person(c, 420, 336, 250, SKIN_2, HAIR_DARK, CORAL, NAVY, long_hair=True)
    kid(c, 90, 336, 170, SKIN_3, HAIR_BLACK, YELLOW, TEAL_DARK, mood="calm")
    return c


def draw_whisper():
    c = Canvas(512, 384, CREAM)
    c.rect(0, 330, 512, 384, SAND)
    # one child whispers something to another
    kid(c, 190, 336, 220, SKIN_2, HAIR_GINGER, BLUE, NAVY)
    head_y, _ = kid(c, 300, 336, 230, SKIN_1, HAIR_BLACK, PINK, TEAL_DARK, long_hair=True)
    # a hand cupped by the mouth, towards the other child's ear
    c.line(300 - 35, head_y + 60, 300 - 40, head_y + 14, 17, SKIN_1)
    c.ellipse(300 - 40, head_y + 10, 9, 16, SKIN_1)
    c.arc(222, head_y + 8, 14, 150, 210, 4, GREY_DARK)
    c.arc(222, head_y + 8, 26, 150, 210, 4, GREY_DARK)
    return c


def draw_home_together(grown_up_hair=False):
    c = Canvas(512, 384, WALL)
    c.rect(0, 320, 512, 384, SAND)
    c.rrect(360, 60, 470, 170, 8, WHITE)
    c.rect(370, 70, 460, 160, SKY)
    # a grown-up and a child on the sofa at home, looking at the tablet together
    c.rrect(40, 200, 472, 300, 30, TEAL)
    c.rrect(20, 236, 90, 320, 24, TEAL_DARK)
    c.rrect(422, 236, 492, 320, 24, TEAL_DARK)
    if grown_up_hair:
        person(c, 310, 300, 220, SKIN_2, HAIR_DARK, CORAL, NAVY, long_hair=True)
        kid(c, 200, 300, 160, SKIN_2, HAIR_DARK, YELLOW, CORAL_DARK, pose="hold")
    else:
        person(c, 310, 300, 220, SKIN_3, HAIR_BLACK, BLUE, NAVY)
        kid(c, 200, 300, 160, SKIN_3, HAIR_BLACK, YELLOW, CORAL_DARK, pose="hold")
    c.rrect(60, 260, 452, 320, 16, TEAL_DARK)
    small_tablet(c, 240, 236, 80, 58)
    return c


def draw_home_with_mum():
    return draw_home_together(grown_up_hair=True)


def draw_cast():
    c = Canvas(512, 384, MINT)
    c.rect(0, 320, 512, 384, GRASS)
    # the children in the stories, side by side
    kid(c, 70, 330, 170, SKIN_1, HAIR_GINGER, YELLOW, BLUE)
    kid(c, 162, 330, 180, SKIN_3, HAIR_BLACK, CORAL, NAVY, long_hair=True)
    kid(c, 256, 330, 176, SKIN_2, HAIR_DARK, TEAL, NAVY, pose="wave")
    kid(c, 350, 330, 184, SKIN_1, HAIR_DARK, PURPLE, TEAL_DARK, long_hair=True)
    kid(c, 442, 330, 168, SKIN_2, HAIR_BLACK, BLUE, CORAL_DARK)
    return c


def draw_bubble_butterfly():
    c = Canvas(512, 384, MINT)
    # telling someone about the butterfly feeling
    cx, cy = bubble(c, 100, 60, 412, 260, border=PURPLE)
    draw_butterfly(size=0.55, canvas=c, cx=cx, cy=cy + 18)
    return c


def draw_padlock_wide():
    # The badge-sized padlock on a scene-sized canvas, for choice sets: a square
    # picture among 4:3 ones would stand out from its neighbours as the answer.
    c = Canvas(512, 384, CREAM)
    c.arc(256, 132, 62, 180, 360, 26, GREY_DARK, steps=36)
    c.line(194, 132, 194, 152, 26, GREY_DARK, caps=False)
    c.line(318, 132, 318, 152, 26, GREY_DARK, caps=False)
    c.rrect(160, 142, 352, 276, 24, GOLD)
    c.circle(256, 194, 19, NAVY)
    c.polygon([(246, 201), (266, 201), (273, 242), (239, 242)], NAVY)
    return c


def draw_no_reply():
    c = Canvas(512, 384, SKY)
    # a reply that is not sent: a speech bubble crossed through
    cx, cy = bubble(c, 120, 70, 392, 240)
    for x in (cx - 60, cx, cx + 60):
        c.circle(x, cy, 16, NAVY)
    c.line(150, 330, 362, 40, 24, CORAL_DARK)
    return c


PICTURES.update({
    "book": draw_book,
    "bedtime": draw_bedtime,
    "bubble-butterfly": draw_bubble_butterfly,
    "bubble-house": draw_bubble_house,
    "bubble-name": draw_bubble_name,
    "cast": draw_cast,
    "child-tablet-alone": draw_child_tablet_alone,
    "child-worried": draw_child_worried,
    "coins": draw_coins,
    "copy-picture": draw_copy_picture,
    "delete-bin": draw_delete_bin,
    "flying-pig": draw_flying_pig,
    "funny-filter": draw_funny_filter,
    "game-box": draw_game_box,
    "home-together": draw_home_together,
    "home-with-mum": draw_home_with_mum,
    "kind-message": draw_kind_message,
    "leave-it": draw_leave_it,
    "late-screen": draw_late_screen,
    "mean-message": draw_mean_message,
    "mirror": draw_mirror,
    "no-reply": draw_no_reply,
    "padlock-wide": draw_padlock_wide,
    "painting": draw_painting,
    "photo-friend": draw_photo_friend,
    "play-outside": draw_play_outside,
    "school": draw_school,
    "secret-shh": draw_secret_shh,
    "stop-hand": draw_stop_hand,
    "tablet-face-down": draw_tablet_face_down,
    "unknown-message": draw_unknown_message,
    "whisper": draw_whisper,
})


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(os.path.dirname(here), "content", "core", "assets", "pictures")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=default_out, help="folder to write the PNG files into")
    parser.add_argument("--list", action="store_true", help="print the picture names and stop")
    parser.add_argument("--scale", type=int, default=SCALE,
                        help="output pixels per design unit (default %(default)s: 1024x768 scenes)")
    parser.add_argument("--ss", type=int, default=SS,
                        help="supersampling per output pixel, each way (default %(default)s)")
    parser.add_argument("names", nargs="*", help="draw only these pictures")
    args = parser.parse_args(argv)
    if not 1 <= args.scale <= 8 or not 1 <= args.ss <= 8:
        print("--scale and --ss must be 1 to 8", file=sys.stderr)
        return 2
    globals().update(SCALE=args.scale, SS=args.ss)

    if args.list:
        for name in sorted(PICTURES):
            print(name)
        return 0
    names = args.names or sorted(PICTURES)
    unknown = [n for n in names if n not in PICTURES]
    if unknown:
        print("unknown picture(s): " + ", ".join(unknown), file=sys.stderr)
        return 2
    os.makedirs(args.out, exist_ok=True)
    for name in names:
        canvas = PICTURES[name]()
        data = png_bytes(canvas.width, canvas.height, canvas.finish())
        path = os.path.join(args.out, name + ".png")
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        print("%-20s %dx%d %7d bytes" % (name, canvas.width, canvas.height, len(data)))
    return 0


# ---- KS2 pictures ----------------------------------------------------------------------
# Characters, places and actions for the Key Stage 2 lessons and assemblies, in the same
# flat style. Each picture has a partner it must be told apart from (a kind message and
# a mean one, a tablet in use and one face down), so their shapes and colours differ.

KS2_RED = (214, 72, 72)
KS2_SHADE = (232, 226, 214)


def ks2_head(c, x, ground, height):
    """The centre and radius of the face person() draws, to draw a mood over it."""
    head_r = height * 0.13
    head_y = ground - height + head_r
    return x, head_y + head_r * 0.18, head_r * 0.85


def ks2_mood(c, x, ground, height, skin, mood):
    """Redraws the face of a person() figure: 'worried', 'sad' or 'laugh'."""
    fx, fy, r = ks2_head(c, x, ground, height)
    c.ellipse(fx, fy + r * 0.1, r * 0.9, r * 0.62, skin)
    c.circle(fx - r * 0.36, fy - r * 0.08, r * 0.11, INK)
    c.circle(fx + r * 0.36, fy - r * 0.08, r * 0.11, INK)
    w = max(2.0, r * 0.09)
    if mood == "worried":
        c.line(fx - r * 0.55, fy - r * 0.38, fx - r * 0.2, fy - r * 0.28, w, INK)
        c.line(fx + r * 0.55, fy - r * 0.38, fx + r * 0.2, fy - r * 0.28, w, INK)
        c.polyline([(fx - r * 0.3, fy + r * 0.38), (fx - r * 0.15, fy + r * 0.3), (fx, fy + r * 0.38),
                    (fx + r * 0.15, fy + r * 0.3), (fx + r * 0.3, fy + r * 0.38)], w, INK)
    elif mood == "sad":
        c.arc(fx, fy + r * 0.62, r * 0.34, 215, 325, w, INK)
        c.ellipse(fx + r * 0.42, fy + r * 0.16, r * 0.07, r * 0.12, BLUE)
    elif mood == "laugh":
        c.ellipse(fx, fy + r * 0.32, r * 0.3, r * 0.2, INK)
        c.rect(fx - r * 0.32, fy + r * 0.1, fx + r * 0.32, fy + r * 0.32, skin)


def ks2_tablet(c, x0, y0, x1, y1, screen=SKY):
    c.rrect(x0, y0, x1, y1, (x1 - x0) * 0.08, NAVY)
    m = (x1 - x0) * 0.07
    c.rrect(x0 + m, y0 + m, x1 - m, y1 - m, 4, screen)


def ks2_bubble(c, x0, y0, x1, y1, fill, edge=NAVY, tail_left=True):
    h = y1 - y0
    c.rrect(x0 - 6, y0 - 6, x1 + 6, y1 + 6, h * 0.3 + 6, edge)
    tx = x0 + (x1 - x0) * (0.25 if tail_left else 0.7)
    c.polygon([(tx - 24, y1), (tx + 20, y1), (tx - 36, y1 + 60)], edge)
    c.rrect(x0, y0, x1, y1, h * 0.3, fill)
    c.polygon([(tx - 16, y1 - 4), (tx + 12, y1 - 4), (tx - 28, y1 + 48)], fill)


def ks2_child(c, x, ground, height, skin, hair, shirt, trousers, mood=None, **kw):
    person(c, x, ground, height, skin, hair, shirt, trousers, **kw)
    if mood:
        ks2_mood(c, x, ground, height, skin, mood)


def ks2_sofa(c):
    c.rect(0, 300, 512, 384, SAND)
    c.rrect(40, 200, 472, 320, 30, TEAL_DARK)
    c.rrect(60, 250, 452, 330, 20, TEAL)


def ks2_coin(c, x, y, r):
    c.circle(x, y, r, ORANGE)
    c.circle(x, y, r * 0.78, YELLOW)
    c.polygon(star_points(x, y, r * 0.5, r * 0.22), GOLD)


def ks2_cross(c, x, y, s, w=16, colour=KS2_RED):
    c.line(x - s, y - s, x + s, y + s, w, colour)
    c.line(x + s, y - s, x - s, y + s, w, colour)


def draw_ks2_worried():
    c = Canvas(512, 384, LILAC)
    c.rect(0, 320, 512, 384, SAND)
    c.rrect(280, 130, 470, 260, 14, GREY_DARK)
    c.rect(294, 144, 456, 246, BLUE_LIGHT)
    c.rect(356, 260, 396, 300, GREY_DARK)
    c.rrect(320, 296, 432, 312, 6, GREY_DARK)
    ks2_child(c, 170, 340, 230, SKIN_2, HAIR_DARK, CORAL, NAVY, mood="worried")
    draw_butterfly(size=0.28, canvas=c, cx=100, cy=110)
    return c


def draw_ks2_no_reply():
    c = Canvas(512, 384, SKY)
    ks2_bubble(c, 110, 90, 400, 240, WHITE)
    for x in (195, 255, 315):
        c.circle(x, 165, 16, NAVY)
    c.circle(256, 190, 150, KS2_RED)
    c.circle(256, 190, 130, SKY)
    ks2_bubble(c, 130, 110, 380, 230, WHITE)
    for x in (200, 255, 310):
        c.circle(x, 170, 14, NAVY)
    c.line(160, 95, 352, 285, 22, KS2_RED)
    return c


def draw_ks2_leave_it():
    c = Canvas(512, 384, CREAM)
    # a grown-up coming to look, behind the table
    person(c, 430, 300, 250, SKIN_1, HAIR_DARK, TEAL, NAVY, long_hair=True)
    c.rect(0, 250, 512, 384, BROWN)
    c.rect(0, 250, 512, 262, (170, 124, 90))
    # a tablet lying face down: only its plain back and camera show
    c.polygon([(130, 220), (370, 220), (410, 300), (90, 300)], GREY_DARK)
    c.polygon([(140, 226), (362, 226), (398, 292), (102, 292)], GREY)
    c.circle(340, 244, 8, INK)
    return c


def draw_ks2_jay_gaming():
    c = Canvas(512, 384, CREAM)
    ks2_sofa(c)
    ks2_child(c, 256, 320, 240, SKIN_3, HAIR_BLACK, BLUE, NAVY)
    ks2_tablet(c, 200, 200, 312, 276, GREEN_LIGHT)
    c.rect(230, 236, 250, 262, CORAL)
    c.rect(256, 222, 282, 262, CORAL_DARK)
    return c


def draw_ks2_gift_link():
    c = Canvas(512, 384, SKY)
    c.rrect(90, 50, 422, 330, 20, WHITE)
    c.rrect(160, 80, 352, 220, 10, PINK)
    c.rect(244, 80, 268, 220, GOLD)
    c.rect(160, 138, 352, 160, GOLD)
    c.circle(236, 74, 20, GOLD)
    c.circle(276, 74, 20, GOLD)
    for x, y in ((140, 100), (380, 120), (370, 200)):
        c.polygon(star_points(x, y, 16, 6), YELLOW)
    c.rrect(160, 250, 352, 300, 25, BLUE)
    c.rrect(200, 268, 312, 282, 7, WHITE)
    return c


def draw_ks2_click_link():
    c = Canvas(512, 384, SKY)
    c.rrect(110, 90, 402, 170, 40, BLUE)
    c.rrect(170, 122, 342, 138, 8, WHITE)
    # a pointing finger pressing it
    c.rrect(236, 150, 276, 300, 20, SKIN_1)
    c.rrect(200, 240, 320, 370, 40, SKIN_1)
    for i in range(3):
        c.rrect(286 - i * 2, 250 + i * 30, 330, 276 + i * 30, 12, SKIN_2)
    for a in (200, 240, 300, 340):
        rad = math.radians(a)
        c.line(256 + 90 * math.cos(rad), 130 + 60 * math.sin(rad), 256 + 120 * math.cos(rad),
               130 + 80 * math.sin(rad), 6, ORANGE)
    return c


def draw_ks2_friend_request():
    c = Canvas(512, 384, LILAC)
    c.rrect(110, 60, 402, 320, 24, WHITE)
    c.circle(256, 140, 56, GREY)
    c.arc(256, 124, 20, 180, 380, 10, NAVY)
    c.line(256, 144, 256, 160, 10, NAVY)
    c.circle(256, 178, 6, NAVY)
    c.rrect(170, 214, 342, 230, 8, LINE)
    c.rrect(190, 254, 322, 300, 22, GREEN)
    c.polyline([(232, 276), (250, 292), (282, 262)], 9, WHITE)
    return c


def draw_ks2_password_change():
    c = Canvas(512, 384, MINT)
    c.rect(0, 320, 512, 384, SAND)
    person(c, 110, 340, 250, SKIN_1, HAIR_GINGER, PURPLE, NAVY, long_hair=True)
    ks2_child(c, 410, 340, 170, SKIN_3, HAIR_BLACK, BLUE, NAVY)
    c.rrect(180, 150, 340, 262, 10, NAVY)
    c.rect(192, 162, 328, 250, SKY)
    c.polygon([(170, 262), (350, 262), (372, 292), (148, 292)], GREY)
    c.arc(260, 196, 20, 180, 360, 8, GREY_DARK)
    c.rrect(234, 196, 286, 236, 6, GOLD)
    c.circle(260, 214, 6, NAVY)
    return c


def draw_ks2_paint_palette():
    c = Canvas(512, 384, CREAM)
    c.ellipse(256, 200, 180, 130, (230, 196, 150))
    c.circle(320, 250, 30, CREAM)
    for (x, y, col) in ((170, 150, CORAL), (236, 120, YELLOW), (310, 130, BLUE), (370, 180, GREEN),
                        (180, 230, PURPLE), (250, 270, PINK)):
        c.circle(x, y, 26, col)
    return c


def draw_ks2_pizza():
    c = Canvas(512, 384, SKY)
    c.ellipse(256, 230, 190, 110, WHITE)
    c.polygon([(120, 180), (392, 180), (256, 330)], YELLOW)
    c.rrect(112, 164, 400, 196, 16, ORANGE)
    for x, y in ((200, 210), (300, 215), (250, 260)):
        c.circle(x, y, 18, CORAL_DARK)
    return c


def draw_ks2_maths_game():
    c = draw_laptop()
    c.rect(140, 72, 372, 240, GREEN_LIGHT)
    for i, col in enumerate((CORAL, YELLOW, BLUE, PURPLE)):
        c.rrect(160 + i * 52, 190 - i * 26, 200 + i * 52, 230, 6, col)
    return c


def draw_ks2_mask():
    c = Canvas(512, 384, LILAC)
    c.circle(300, 190, 110, GREY_DARK)
    c.circle(264, 170, 12, WHITE)
    c.circle(336, 170, 12, WHITE)
    c.line(260, 240, 340, 236, 8, WHITE)
    # the smiling mask held up in front
    c.line(150, 260, 200, 330, 14, BROWN)
    c.ellipse(200, 200, 86, 96, YELLOW)
    face(c, 200, 200, 80)
    return c


def draw_ks2_shush():
    c = Canvas(512, 384, BLUSH)
    c.circle(256, 190, 130, SKIN_2)
    c.ellipse(256, 90, 134, 60, HAIR_DARK)
    c.circle(210, 170, 14, INK)
    c.circle(302, 170, 14, INK)
    c.ellipse(256, 250, 34, 14, CORAL_DARK)
    c.rrect(244, 180, 270, 300, 13, SKIN_1)
    c.rrect(224, 280, 300, 360, 30, SKIN_1)
    return c


def draw_ks2_dad_listens():
    c = Canvas(512, 384, SKY)
    c.rect(0, 300, 512, 384, GRASS)
    c.rect(340, 200, 500, 310, BROWN)
    for x in range(350, 500, 30):
        c.rect(x, 190, x + 16, 310, (176, 130, 96))
    person(c, 150, 330, 210, SKIN_3, HAIR_BLACK, GREEN, NAVY)  # the dad, kneeling low
    ks2_child(c, 260, 330, 170, SKIN_2, HAIR_BLACK, BLUE, NAVY)
    ks2_child(c, 330, 330, 160, SKIN_1, HAIR_GINGER, YELLOW, TEAL_DARK)
    return c


def draw_ks2_football():
    c = Canvas(512, 384, SKY)
    c.rect(0, 260, 512, 384, GRASS)
    c.circle(256, 230, 100, WHITE)
    c.polygon(star_points(256, 230, 40, 34, 5), INK)
    for a in range(-90, 270, 72):
        rad = math.radians(a)
        c.circle(256 + 86 * math.cos(rad), 230 + 86 * math.sin(rad), 18, INK)
    return c


def draw_ks2_garden_gate():
    c = Canvas(512, 384, SKY)
    sun(c, 80, 70, 30)
    c.rect(0, 270, 512, 384, GRASS)
    c.rect(300, 120, 480, 280, WALL)
    c.polygon([(290, 124), (390, 60), (490, 124)], CORAL)
    c.rrect(370, 200, 410, 280, 6, CORAL_DARK)
    c.polygon([(370, 280), (410, 280), (300, 384), (200, 384)], SAND)
    for x in range(20, 260, 30):
        c.rect(x, 230, x + 18, 310, WHITE)
    c.rect(10, 250, 260, 262, WHITE)
    c.rect(10, 286, 260, 298, WHITE)
    return c


def draw_ks2_party():
    c = Canvas(512, 384, BLUSH)
    for x, y, col in ((90, 100, CORAL), (150, 70, YELLOW), (420, 90, BLUE), (370, 60, GREEN)):
        c.ellipse(x, y, 34, 42, col)
        c.line(x, y + 42, x + 6, y + 140, 3, GREY_DARK)
    c.rrect(150, 220, 362, 320, 16, PINK)
    c.rect(150, 256, 362, 268, WHITE)
    c.ellipse(256, 220, 106, 24, WHITE)
    for x in (200, 256, 312):
        c.rect(x - 6, 160, x + 6, 210, BLUE)
        c.ellipse(x, 148, 8, 14, ORANGE)
    return c


def draw_ks2_present():
    c = Canvas(512, 384, MINT)
    c.rrect(150, 160, 362, 330, 10, PURPLE)
    c.rect(140, 140, 372, 190, PURPLE)
    c.rect(244, 140, 268, 330, YELLOW)
    c.rect(140, 156, 372, 176, YELLOW)
    c.rotated_ellipse(220, 120, 40, 20, -20, YELLOW)
    c.rotated_ellipse(292, 120, 40, 20, 20, YELLOW)
    return c


def draw_ks2_behind_screen():
    c = Canvas(512, 384, CREAM)
    c.rrect(70, 70, 330, 250, 14, NAVY)
    c.rect(86, 86, 314, 234, LILAC)
    c.rrect(160, 110, 240, 200, 18, TEAL)
    c.circle(184, 146, 12, WHITE)
    c.circle(216, 146, 12, WHITE)
    c.arc(200, 168, 18, 25, 155, 5, NAVY)
    c.polygon([(60, 250), (340, 250), (370, 290), (30, 290)], GREY)
    ks2_child(c, 420, 370, 250, SKIN_1, HAIR_GINGER, CORAL, NAVY, long_hair=True)
    return c


def draw_ks2_kind_message():
    c = Canvas(512, 384, MINT)
    ks2_bubble(c, 100, 70, 412, 250, WHITE, edge=GREEN)
    c.polygon(heart_points(256, 160, 64), CORAL)
    return c


def draw_ks2_mean_message():
    c = Canvas(512, 384, (236, 236, 240))
    pts = []
    for i in range(22):
        a = 2 * math.pi * i / 22
        r = 170 if i % 2 == 0 else 130
        pts.append((256 + r * math.cos(a), 170 + r * 0.62 * math.sin(a)))
    c.polygon(pts, GREY_DARK)
    c.polygon([(p[0] * 0.9 + 25.6, p[1] * 0.9 + 17) for p in pts], WHITE)
    c.polygon([(200, 250), (250, 250), (150, 350)], GREY_DARK)
    c.polyline([(170, 150), (210, 200), (240, 130), (270, 200), (300, 130), (340, 190)], 12, KS2_RED)
    return c


def draw_ks2_thumbs_up():
    c = Canvas(512, 384, SKY)
    c.rrect(150, 190, 200, 330, 10, BLUE)
    c.rrect(196, 180, 340, 330, 30, SKIN_1)
    c.rrect(220, 60, 270, 210, 25, SKIN_1)
    for i in range(3):
        c.rrect(320, 200 + i * 40, 360, 234 + i * 40, 16, SKIN_2)
    return c


def draw_ks2_race_game():
    c = Canvas(512, 384, CREAM)
    ks2_tablet(c, 60, 50, 452, 330, GREEN_LIGHT)
    c.rect(90, 150, 422, 250, GREY)
    for x in range(100, 420, 60):
        c.rect(x, 196, x + 30, 204, WHITE)
    for x, y, col in ((170, 170, CORAL), (320, 226, BLUE)):
        c.rrect(x - 40, y - 16, x + 40, y + 16, 10, col)
        c.circle(x - 24, y + 16, 10, INK)
        c.circle(x + 24, y + 16, 10, INK)
    return c


def draw_ks2_exit_door():
    c = Canvas(512, 384, LILAC)
    c.rect(140, 60, 300, 340, NAVY)
    c.polygon([(150, 70), (250, 90), (250, 330), (150, 340)], ORANGE)
    c.circle(236, 210, 8, YELLOW)
    c.line(320, 200, 440, 200, 18, GREEN)
    c.polygon([(430, 170), (480, 200), (430, 230)], GREEN)
    return c


def draw_ks2_sorry():
    c = Canvas(512, 384, MINT)
    c.rect(0, 320, 512, 384, GRASS)
    person(c, 170, 330, 210, SKIN_1, HAIR_DARK, TEAL, NAVY, wave=True, long_hair=True)
    person(c, 350, 330, 200, SKIN_3, HAIR_BLACK, ORANGE, NAVY)
    c.circle(256, 196, 18, SKIN_1)
    c.polygon(heart_points(256, 90, 30), CORAL)
    return c


def draw_ks2_bin():
    c = Canvas(512, 384, CREAM)
    c.polygon([(170, 150), (342, 150), (322, 340), (190, 340)], GREY_DARK)
    for x in (215, 256, 297):
        c.line(x, 180, x - 2 if x < 256 else x + 2, 320, 6, GREY)
    c.rrect(156, 130, 356, 154, 8, GREY_DARK)
    c.circle(256, 80, 40, WHITE)
    c.polyline([(230, 70), (250, 90), (270, 64), (284, 86)], 5, GREY)
    c.line(256, 124, 256, 140, 6, GREY_DARK)
    return c


def draw_ks2_sad_child():
    c = Canvas(512, 384, (226, 232, 240))
    c.rect(0, 320, 512, 384, GRASS_DARK)
    c.rect(150, 250, 380, 266, BROWN)
    c.rect(166, 266, 178, 330, BROWN)
    c.rect(352, 266, 364, 330, BROWN)
    ks2_child(c, 265, 330, 200, SKIN_2, HAIR_DARK, PURPLE, NAVY, mood="sad")
    return c


def draw_ks2_laugh_emoji():
    c = Canvas(512, 384, SKY)
    c.circle(256, 192, 140, YELLOW)
    c.arc(206, 160, 22, 200, 340, 10, INK)
    c.arc(306, 160, 22, 200, 340, 10, INK)
    c.ellipse(256, 236, 80, 50, INK)
    c.rect(170, 186, 342, 236, YELLOW)
    c.ellipse(256, 250, 50, 20, CORAL)
    c.ellipse(160, 200, 14, 24, BLUE_LIGHT)
    c.ellipse(352, 200, 14, 24, BLUE_LIGHT)
    return c


def draw_ks2_selfie():
    c = Canvas(512, 384, CREAM)
    c.rect(130, 40, 382, 344, GREY)
    c.rect(134, 44, 378, 340, PAPER)
    c.rect(150, 60, 362, 310, SKY)
    ks2_child(c, 256, 330, 260, SKIN_1, HAIR_DARK, NAVY, NAVY)
    c.polygon(star_points(290, 180, 12, 5), GOLD)  # the school badge
    return c


def draw_ks2_name_badge():
    c = Canvas(512, 384, LILAC)
    c.rrect(96, 100, 416, 300, 20, CORAL)
    c.rrect(110, 150, 402, 286, 10, WHITE)
    for i, w in enumerate((240, 180)):
        c.rrect(140, 180 + i * 50, 140 + w, 204 + i * 50, 10, NAVY)
    c.rrect(220, 112, 292, 134, 8, WHITE)
    return c


def draw_ks2_whisper():
    c = Canvas(512, 384, BLUSH)
    c.rect(0, 320, 512, 384, SAND)
    person(c, 190, 330, 210, SKIN_2, HAIR_BLACK, GREEN, NAVY, long_hair=True)
    person(c, 320, 330, 200, SKIN_1, HAIR_GINGER, BLUE, NAVY)
    c.rrect(210, 130, 240, 180, 10, SKIN_2)
    for i in range(3):
        c.arc(260, 140, 14 + i * 12, -40, 40, 4, NAVY)
    return c


def draw_ks2_hand_up():
    c = Canvas(512, 384, CREAM)
    c.rect(0, 300, 512, 384, SAND)
    c.rrect(40, 260, 472, 290, 6, BROWN)
    person(c, 256, 330, 240, SKIN_3, HAIR_BLACK, YELLOW, NAVY, wave=True)
    c.rrect(60, 40, 200, 130, 8, GREEN_LIGHT)
    return c


def draw_ks2_computer_suite():
    c = Canvas(512, 384, CREAM)
    c.rect(0, 280, 512, 384, SAND)
    c.rect(0, 250, 512, 270, BROWN)
    for x in (30, 190, 350):
        c.rrect(x, 120, x + 132, 220, 8, GREY_DARK)
        c.rect(x + 8, 128, x + 124, 212, BLUE_LIGHT)
        c.rect(x + 56, 220, x + 76, 250, GREY_DARK)
    return c


def draw_ks2_shrug():
    c = Canvas(512, 384, SKY)
    c.rect(0, 320, 512, 384, SAND)
    ks2_child(c, 256, 330, 240, SKIN_1, HAIR_DARK, ORANGE, NAVY)
    for side in (-1, 1):
        c.line(256 + side * 36, 180, 256 + side * 110, 170, 18, SKIN_1)
        c.line(256 + side * 110, 170, 256 + side * 120, 120, 18, SKIN_1)
    return c


def draw_ks2_three_words():
    c = Canvas(512, 384, CREAM)
    for i, col in enumerate((TEAL, LILAC, MINT)):
        c.rrect(40 + i * 150, 100, 170 + i * 150, 280, 14, col)
    c.ellipse(105, 200, 44, 36, CORAL)       # a teapot
    c.rrect(140, 180, 160, 196, 6, CORAL)
    c.rrect(90, 150, 120, 168, 6, CORAL_DARK)
    c.rrect(240, 140, 270, 240, 14, GREY)    # a rocket
    c.polygon([(240, 150), (270, 150), (255, 118)], KS2_RED)
    c.polygon([(240, 220), (224, 250), (240, 240)], KS2_RED)
    c.polygon([(270, 220), (286, 250), (270, 240)], KS2_RED)
    c.circle(405, 190, 46, PURPLE)           # a purple blob
    c.circle(380, 220, 26, PURPLE)
    return c


def draw_ks2_tablet_post():
    c = Canvas(512, 384, LILAC)
    ks2_tablet(c, 100, 40, 412, 300, WHITE)
    c.rect(150, 70, 362, 200, SKY)
    c.circle(256, 150, 40, SKIN_1)
    c.rrect(200, 220, 312, 262, 20, BLUE)
    c.polygon([(246, 230), (266, 230), (256, 218)], WHITE)
    c.rect(252, 228, 260, 254, WHITE)
    c.rrect(270, 250, 306, 384, 18, SKIN_2)
    return c


def draw_ks2_private_chat():
    c = Canvas(512, 384, LILAC)
    c.rect(300, 60, 470, 340, BROWN)
    c.rect(314, 74, 456, 340, (176, 130, 96))
    c.circle(330, 210, 8, YELLOW)
    ks2_bubble(c, 40, 80, 230, 160, WHITE)
    ks2_bubble(c, 110, 200, 290, 270, GREEN_LIGHT, tail_left=False)
    c.line(240, 300, 290, 300, 10, NAVY)
    c.polygon([(284, 284), (306, 300), (284, 316)], NAVY)
    return c


def draw_ks2_phone_home():
    c = Canvas(512, 384, WALL)
    c.rect(0, 240, 512, 384, BROWN)
    c.rect(0, 240, 512, 252, (176, 130, 96))
    c.rect(60, 60, 200, 180, SKY)
    c.rect(126, 60, 134, 180, WHITE)
    c.rect(60, 116, 200, 124, WHITE)
    c.rrect(250, 180, 330, 300, 12, NAVY)
    c.rrect(258, 192, 322, 288, 6, SCREEN_DARK)
    c.polyline([(290, 300), (300, 330), (420, 330), (440, 200)], 6, GREY_DARK)
    c.rrect(420, 170, 460, 210, 6, WHITE)
    return c


def draw_ks2_location_pin():
    c = Canvas(512, 384, GREEN_LIGHT)
    for y in (90, 220, 330):
        c.rect(0, y, 512, y + 24, WHITE)
    for x in (120, 360):
        c.rect(x, 0, x + 24, 384, WHITE)
    c.rect(190, 140, 290, 200, WALL)
    c.polygon([(180, 144), (240, 110), (300, 144)], CORAL)
    c.circle(240, 70, 46, KS2_RED)
    c.polygon([(200, 90), (280, 90), (240, 160)], KS2_RED)
    c.circle(240, 70, 18, WHITE)
    return c


def draw_ks2_notification():
    c = Canvas(512, 384, SKY)
    c.rrect(170, 30, 342, 354, 28, NAVY)
    c.rrect(184, 64, 328, 318, 8, PAPER)
    for i in range(4):
        c.rrect(196, 80 + i * 58, 316, 124 + i * 58, 10, BLUE_LIGHT)
        c.circle(312, 84 + i * 58, 14, KS2_RED)
    c.circle(344, 40, 26, KS2_RED)
    return c


def draw_ks2_copy_paste():
    c = Canvas(512, 384, SKY)
    for x0 in (50, 290):
        c.rect(x0, 60, x0 + 172, 320, GREY)
        c.rect(x0 + 4, 64, x0 + 168, 316, PAPER)
        for i, w in enumerate((130, 110, 140, 90, 120)):
            c.rrect(x0 + 20, 90 + i * 40, x0 + 20 + w, 102 + i * 40, 6, LINE)
    c.line(230, 190, 270, 190, 14, ORANGE)
    c.polygon([(262, 170), (286, 190), (262, 210)], ORANGE)
    return c


def draw_ks2_balance():
    c = Canvas(512, 384, CREAM)
    cols = (GREEN, BLUE, PURPLE, ORANGE)
    for i, col in enumerate(cols):
        pts = [(256, 192)]
        for k in range(19):
            a = math.radians(-90 + i * 90 + k * 5)
            pts.append((256 + 150 * math.cos(a), 192 + 150 * math.sin(a)))
        c.polygon(pts, col)
    c.circle(256, 192, 20, WHITE)
    c.circle(330, 120, 24, WHITE)                         # a ball
    c.rrect(300, 230, 356, 270, 4, WHITE)                 # a book
    c.circle(180, 262, 24, YELLOW)                        # the moon
    c.circle(192, 254, 20, PURPLE)
    c.rrect(160, 96, 206, 148, 6, NAVY)                   # a tablet
    return c


def draw_ks2_volcano():
    c = Canvas(512, 384, SKY)
    c.rect(0, 320, 512, 384, GRASS)
    c.polygon([(80, 330), (220, 120), (292, 120), (432, 330)], BROWN)
    c.polygon([(220, 120), (292, 120), (300, 170), (270, 150), (250, 190), (230, 150), (212, 170)], ORANGE)
    for x, y, r in ((230, 90, 26), (270, 70, 30), (300, 100, 20)):
        c.circle(x, y, r, GREY)
    return c


def draw_ks2_virus():
    c = draw_laptop()
    c.rect(140, 72, 372, 240, (60, 70, 90))
    c.ellipse(256, 160, 46, 36, GREEN)
    for side in (-1, 1):
        for dy in (-20, 0, 20):
            c.line(256 + side * 40, 160 + dy, 256 + side * 70, 150 + dy * 1.5, 6, GREEN)
    c.circle(240, 150, 8, WHITE)
    c.circle(272, 150, 8, WHITE)
    return c


def draw_ks2_search_results():
    c = Canvas(512, 384, SKY)
    c.rrect(60, 30, 452, 354, 12, WHITE)
    c.rrect(90, 50, 380, 80, 15, LINE)
    c.circle(410, 65, 14, BLUE)
    c.rrect(80, 100, 432, 170, 8, YELLOW)
    for i in range(4):
        y = 190 + i * 40
        c.rrect(90, y, 260, y + 12, 6, BLUE)
        c.rrect(90, y + 18, 400, y + 26, 4, LINE)
    c.rrect(96, 112, 250, 126, 7, ORANGE)
    return c


def draw_ks2_scam_email():
    c = draw_envelope()
    c.line(256, 20, 256, 150, 6, GREY_DARK)
    c.arc(236, 150, 20, 0, 180, 8, GREY_DARK)
    c.polygon([(210, 150), (224, 140), (222, 160)], GREY_DARK)
    return c


def draw_ks2_puzzle():
    c = Canvas(512, 384, MINT)
    c.rrect(160, 110, 352, 302, 12, BLUE)
    c.circle(256, 110, 36, BLUE)
    c.circle(352, 206, 36, BLUE)
    c.circle(160, 206, 34, MINT)
    return c


def draw_ks2_detective():
    c = Canvas(512, 384, CREAM)
    c.rect(260, 60, 480, 300, GREY)
    c.rect(264, 64, 476, 296, PAPER)
    for i, w in enumerate((160, 120, 180, 100)):
        c.rrect(284, 100 + i * 40, 284 + w, 112 + i * 40, 6, LINE)
    ks2_child(c, 150, 360, 250, SKIN_2, HAIR_BLACK, GREEN, NAVY)
    c.ellipse(150, 132, 60, 14, BROWN)
    c.rrect(110, 92, 190, 132, 12, BROWN)
    c.circle(250, 200, 40, NAVY)
    c.circle(250, 200, 30, (214, 236, 248))
    c.line(220, 230, 196, 260, 12, NAVY)
    return c


def draw_ks2_books():
    c = Canvas(512, 384, CREAM)
    c.rect(0, 300, 512, 384, BROWN)
    for i, (col, h) in enumerate(((CORAL, 40), (BLUE, 36), (GREEN, 44), (PURPLE, 34))):
        y = 300 - sum((40, 36, 44, 34)[:i + 1])
        c.rrect(70 + i * 6, y, 250 + i * 6, y + h - 2, 4, col)
    c.rrect(290, 180, 470, 290, 10, NAVY)
    c.rect(302, 192, 458, 278, SKY)
    c.polygon([(280, 290), (480, 290), (496, 306), (264, 306)], GREY)
    return c


def draw_ks2_teacher_reads():
    c = Canvas(512, 384, CREAM)
    c.rect(0, 300, 512, 384, SAND)
    c.rrect(40, 250, 472, 280, 6, BROWN)
    person(c, 180, 300, 250, SKIN_3, HAIR_BLACK, PURPLE, NAVY, long_hair=True)
    c.rect(280, 150, 420, 250, WHITE)
    for i in range(4):
        c.rrect(296, 170 + i * 20, 400, 178 + i * 20, 4, LINE)
    ks2_child(c, 460, 340, 150, SKIN_1, HAIR_DARK, TEAL, NAVY)
    return c


def draw_ks2_scissors():
    c = Canvas(512, 384, SKY)
    c.polygon(rotated_rect(300, 150, 240, 26, -25), GREY)
    c.polygon(rotated_rect(300, 230, 240, 26, 25), GREY)
    c.circle(150, 110, 40, KS2_RED)
    c.circle(150, 110, 24, SKY)
    c.circle(150, 270, 40, KS2_RED)
    c.circle(150, 270, 24, SKY)
    c.circle(236, 190, 10, GREY_DARK)
    return c


def draw_ks2_save():
    c = Canvas(512, 384, LILAC)
    c.rrect(120, 170, 392, 330, 14, ORANGE)
    c.rrect(120, 150, 240, 190, 12, ORANGE)
    c.rrect(130, 190, 382, 320, 10, YELLOW)
    c.rect(240, 40, 272, 160, NAVY)
    c.polygon([(200, 150), (312, 150), (256, 220)], NAVY)
    return c


def draw_ks2_moon():
    c = Canvas(512, 384, NAVY)
    c.circle(256, 190, 110, YELLOW)
    c.circle(300, 160, 100, NAVY)
    for x, y in ((90, 80), (420, 90), (400, 290), (120, 300), (460, 200)):
        c.polygon(star_points(x, y, 14, 6), WHITE)
    return c


def draw_ks2_kit_photo():
    c = Canvas(512, 384, CREAM)
    c.rect(90, 30, 422, 354, GREY)
    c.rect(94, 34, 418, 350, PAPER)
    c.rect(110, 50, 402, 334, WALL)
    c.rrect(290, 120, 380, 334, 6, CORAL_DARK)
    c.rrect(306, 80, 366, 110, 6, NAVY)          # the number plaque, now with its number
    c.circle(326, 95, 8, WHITE)
    c.circle(346, 95, 8, WHITE)
    c.rect(130, 70, 140, 200, GREY_DARK)          # a street sign on a post
    c.rrect(112, 60, 250, 96, 6, WHITE)
    c.rrect(124, 72, 236, 84, 4, NAVY)
    ks2_child(c, 200, 330, 200, SKIN_2, HAIR_BLACK, KS2_RED, WHITE, long_hair=True)
    return c


def draw_ks2_key_copies():
    c = Canvas(512, 384, CREAM)
    for y in (130, 250):
        c.circle(140, y, 50, GOLD)
        c.circle(140, y, 20, CREAM)
        c.rect(180, y - 12, 400, y + 12, GOLD)
        c.rect(340, y + 12, 360, y + 44, GOLD)
        c.rect(376, y + 12, 396, y + 34, GOLD)
    return c


def draw_ks2_future_self():
    c = Canvas(512, 384, LILAC)
    c.rect(0, 330, 512, 384, SAND)
    c.ellipse(340, 190, 120, 160, GOLD)
    c.ellipse(340, 190, 104, 144, SKY)
    person(c, 340, 310, 220, SKIN_2, HAIR_DARK, TEAL, NAVY)
    ks2_child(c, 130, 340, 170, SKIN_2, HAIR_DARK, TEAL, NAVY)
    return c


def draw_ks2_clock():
    c = Canvas(512, 384, SKY)
    c.circle(190, 80, 40, KS2_RED)
    c.circle(322, 80, 40, KS2_RED)
    c.circle(256, 200, 130, KS2_RED)
    c.circle(256, 200, 110, WHITE)
    c.line(256, 200, 256, 120, 12, INK)
    c.line(256, 200, 316, 230, 12, INK)
    c.rect(180, 320, 200, 350, INK)
    c.rect(312, 320, 332, 350, INK)
    return c


def draw_ks2_credit():
    c = Canvas(512, 384, CREAM)
    c.rect(120, 40, 392, 260, GREY)
    c.rect(126, 46, 386, 254, SKY)
    c.rect(126, 210, 386, 254, GRASS)
    tree(c, 256, 230, 110)
    c.rrect(150, 280, 362, 330, 10, WHITE)
    c.circle(180, 305, 14, TEAL)
    c.rrect(206, 298, 340, 312, 7, NAVY)
    return c


def draw_ks2_filter():
    c = Canvas(512, 384, LILAC)
    for x0, sparkle in ((40, False), (272, True)):
        c.rect(x0, 60, x0 + 200, 320, GREY)
        c.rect(x0 + 6, 66, x0 + 194, 314, SKY if not sparkle else BLUSH)
        ks2_child(c, x0 + 100, 310, 220, SKIN_1, HAIR_GINGER, BLUE, NAVY)
        if not sparkle:
            fx, fy, r = ks2_head(c, x0 + 100, 310, 220)
            for dx, dy in ((-0.6, 0.2), (0.55, 0.3), (0.4, -0.5)):
                c.circle(fx + dx * r, fy + dy * r, 3, CORAL_DARK)
        else:
            for x, y in ((x0 + 30, 90), (x0 + 170, 110), (x0 + 40, 200), (x0 + 168, 240)):
                c.polygon(star_points(x, y, 16, 6), YELLOW)
    return c


def draw_ks2_chain_message():
    c = Canvas(512, 384, SKY)

    def env(x, y, s):
        c.rect(x - 50 * s, y - 34 * s, x + 50 * s, y + 34 * s, GREY)
        c.rect(x - 46 * s, y - 30 * s, x + 46 * s, y + 30 * s, PAPER)
        c.polygon([(x - 46 * s, y - 30 * s), (x + 46 * s, y - 30 * s), (x, y + 6 * s)], GREY)

    env(110, 192, 1.3)
    for y in (60, 150, 240, 330):
        c.line(190, 192, 360, y, 6, ORANGE)
        env(410, y, 0.6)
    return c


def draw_ks2_settings():
    c = Canvas(512, 384, MINT)
    c.rrect(100, 40, 412, 344, 20, WHITE)
    for i, on in enumerate((True, False, True)):
        y = 90 + i * 90
        c.rrect(130, y, 280, y + 20, 10, LINE)
        c.rrect(300, y - 10, 380, y + 30, 20, GREEN if on else GREY)
        c.circle(360 if on else 320, y + 10, 16, WHITE)
    c.arc(100, 70, 16, 180, 360, 6, GREY_DARK)
    c.rrect(80, 70, 120, 104, 4, GOLD)
    return c


def draw_ks2_tablet_bed():
    c = Canvas(512, 384, (60, 70, 100))
    c.rrect(40, 180, 472, 340, 20, BROWN)
    c.rrect(60, 150, 452, 320, 40, PURPLE)
    c.ellipse(120, 170, 60, 34, WHITE)
    c.ellipse(280, 200, 80, 40, (190, 220, 250))
    ks2_tablet(c, 240, 150, 320, 210, (220, 240, 255))
    c.circle(120, 150, 36, SKIN_1)
    c.circle(106, 146, 5, INK)
    c.circle(134, 146, 5, INK)
    return c


def draw_ks2_sleep():
    c = Canvas(512, 384, (200, 210, 236))
    c.rect(40, 40, 180, 160, NAVY)
    c.circle(110, 100, 34, YELLOW)
    c.circle(126, 90, 30, NAVY)
    c.rrect(40, 220, 360, 340, 20, BROWN)
    c.rrect(60, 200, 350, 320, 30, BLUE)
    c.ellipse(110, 206, 50, 28, WHITE)
    c.circle(110, 190, 30, SKIN_2)
    c.line(96, 190, 106, 190, 4, INK)
    c.line(116, 190, 126, 190, 4, INK)
    c.rect(400, 60, 500, 340, WALL)          # the door, with the tablet charging outside
    c.rect(396, 60, 404, 340, BROWN)
    c.rrect(420, 250, 480, 300, 8, NAVY)
    c.line(450, 300, 450, 330, 4, GREY_DARK)
    return c


def draw_ks2_left_out():
    c = Canvas(512, 384, MINT)
    c.rect(0, 320, 512, 384, GRASS)
    person(c, 90, 330, 180, SKIN_1, HAIR_GINGER, CORAL, NAVY)
    person(c, 170, 330, 190, SKIN_3, HAIR_BLACK, YELLOW, NAVY, long_hair=True)
    person(c, 250, 330, 180, SKIN_2, HAIR_DARK, BLUE, NAVY)
    ks2_child(c, 420, 330, 170, SKIN_1, HAIR_DARK, PURPLE, NAVY, mood="sad", long_hair=True)
    return c


def draw_ks2_age_rating():
    c = Canvas(512, 384, CREAM)
    c.rrect(130, 40, 382, 344, 12, PURPLE)
    c.rect(150, 60, 362, 250, SKY)
    c.circle(256, 170, 60, TEAL)
    c.circle(236, 160, 10, WHITE)
    c.circle(276, 160, 10, WHITE)
    c.rrect(150, 264, 230, 330, 10, WHITE)      # the age badge
    c.rrect(158, 272, 222, 322, 8, GREEN)
    c.rrect(178, 282, 188, 312, 3, WHITE)
    c.rrect(196, 282, 214, 312, 6, WHITE)
    c.rrect(202, 290, 208, 304, 3, GREEN)
    return c


def draw_ks2_coins():
    c = Canvas(512, 384, LILAC)
    c.polygon([(260, 190), (470, 190), (440, 330), (290, 330)], BLUE)
    c.arc(365, 190, 70, 180, 360, 12, NAVY)
    for x, y in ((110, 300), (170, 300), (140, 250), (200, 250), (80, 250), (110, 200), (170, 200), (140, 150)):
        ks2_coin(c, x, y, 34)
    return c


def draw_ks2_monitored():
    c = Canvas(512, 384, MINT)
    c.rect(0, 320, 512, 384, SAND)
    c.rrect(110, 50, 402, 260, 14, GREY_DARK)
    c.rect(126, 66, 386, 244, SKY)
    outer = [(256, 84), (316, 104), (312, 168), (256, 226), (200, 168), (196, 104)]
    inner = [(256, 96), (304, 112), (301, 164), (256, 212), (211, 164), (208, 112)]
    c.polygon(outer, NAVY)
    c.polygon(inner, GOLD)
    c.polyline([(232, 152), (250, 170), (282, 134)], 10, WHITE)
    c.rect(236, 260, 276, 300, GREY_DARK)
    c.rrect(186, 296, 326, 312, 6, GREY_DARK)
    return c


PICTURES.update({
    "ks2-age-rating": draw_ks2_age_rating,
    "ks2-balance": draw_ks2_balance,
    "ks2-behind-screen": draw_ks2_behind_screen,
    "ks2-bin": draw_ks2_bin,
    "ks2-books": draw_ks2_books,
    "ks2-chain-message": draw_ks2_chain_message,
    "ks2-click-link": draw_ks2_click_link,
    "ks2-clock": draw_ks2_clock,
    "ks2-coins": draw_ks2_coins,
    "ks2-computer-suite": draw_ks2_computer_suite,
    "ks2-copy-paste": draw_ks2_copy_paste,
    "ks2-credit": draw_ks2_credit,
    "ks2-dad-listens": draw_ks2_dad_listens,
    "ks2-detective": draw_ks2_detective,
    "ks2-exit-door": draw_ks2_exit_door,
    "ks2-filter": draw_ks2_filter,
    "ks2-football": draw_ks2_football,
    "ks2-friend-request": draw_ks2_friend_request,
    "ks2-future-self": draw_ks2_future_self,
    "ks2-garden-gate": draw_ks2_garden_gate,
    "ks2-gift-link": draw_ks2_gift_link,
    "ks2-hand-up": draw_ks2_hand_up,
    "ks2-jay-gaming": draw_ks2_jay_gaming,
    "ks2-key-copies": draw_ks2_key_copies,
    "ks2-kind-message": draw_ks2_kind_message,
    "ks2-kit-photo": draw_ks2_kit_photo,
    "ks2-laugh-emoji": draw_ks2_laugh_emoji,
    "ks2-leave-it": draw_ks2_leave_it,
    "ks2-left-out": draw_ks2_left_out,
    "ks2-location-pin": draw_ks2_location_pin,
    "ks2-mask": draw_ks2_mask,
    "ks2-maths-game": draw_ks2_maths_game,
    "ks2-mean-message": draw_ks2_mean_message,
    "ks2-moon": draw_ks2_moon,
    "ks2-monitored": draw_ks2_monitored,
    "ks2-name-badge": draw_ks2_name_badge,
    "ks2-no-reply": draw_ks2_no_reply,
    "ks2-notification": draw_ks2_notification,
    "ks2-paint-palette": draw_ks2_paint_palette,
    "ks2-party": draw_ks2_party,
    "ks2-password-change": draw_ks2_password_change,
    "ks2-phone-home": draw_ks2_phone_home,
    "ks2-pizza": draw_ks2_pizza,
    "ks2-present": draw_ks2_present,
    "ks2-private-chat": draw_ks2_private_chat,
    "ks2-puzzle": draw_ks2_puzzle,
    "ks2-race-game": draw_ks2_race_game,
    "ks2-sad-child": draw_ks2_sad_child,
    "ks2-save": draw_ks2_save,
    "ks2-scam-email": draw_ks2_scam_email,
    "ks2-scissors": draw_ks2_scissors,
    "ks2-search-results": draw_ks2_search_results,
    "ks2-selfie": draw_ks2_selfie,
    "ks2-settings": draw_ks2_settings,
    "ks2-shrug": draw_ks2_shrug,
    "ks2-shush": draw_ks2_shush,
    "ks2-sleep": draw_ks2_sleep,
    "ks2-sorry": draw_ks2_sorry,
    "ks2-tablet-bed": draw_ks2_tablet_bed,
    "ks2-tablet-post": draw_ks2_tablet_post,
    "ks2-teacher-reads": draw_ks2_teacher_reads,
    "ks2-three-words": draw_ks2_three_words,
    "ks2-thumbs-up": draw_ks2_thumbs_up,
    "ks2-virus": draw_ks2_virus,
    "ks2-volcano": draw_ks2_volcano,
    "ks2-whisper": draw_ks2_whisper,
    "ks2-worried": draw_ks2_worried,
})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
