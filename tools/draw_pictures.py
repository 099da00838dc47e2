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
"""

import argparse
import math
import os
import struct
import sys
import zlib

# Supersampling factor: shapes are drawn on a canvas this many times larger, then
# averaged down, which gives smooth edges without any anti-aliasing maths.
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
    """An RGB canvas. Coordinates are in output pixels (floats allowed)."""

    def __init__(self, width, height, background):
        self.width = width
        self.height = height
        self.big_w = width * SS
        self.big_h = height * SS
        row = bytes(background) * self.big_w
        self.rows = [bytearray(row) for _ in range(self.big_h)]

    # Fill the samples of big-canvas row y whose centres lie in [xa, xb).
    def _span(self, y, xa, xb, colour):
        x0 = max(0, math.ceil(xa - 0.5))
        x1 = min(self.big_w, math.ceil(xb - 0.5))
        if x1 > x0:
            self.rows[y][x0 * 3:x1 * 3] = bytes(colour) * (x1 - x0)

    def polygon(self, points, colour):
        pts = [(x * SS, y * SS) for x, y in points]
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
        cx, cy, rx, ry = cx * SS, cy * SS, rx * SS, ry * SS
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
        X0, Y0, X1, Y1, R = x0 * SS, y0 * SS, x1 * SS, y1 * SS, r * SS
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
        half = n // 2
        stride = 3 * SS
        for oy in range(self.height):
            band = self.rows[oy * SS:(oy + 1) * SS]
            row = bytearray(self.width * 3)
            for ch in range(3):
                slices = [r[ch + 3 * k::stride] for r in band for k in range(SS)]
                row[ch::3] = bytes((sum(v) + half) // n for v in zip(*slices))
            out.append(bytes(row))
        return out


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
        sub = bytes((row[i] - (row[i - bpp] if i >= bpp else 0)) & 0xFF for i in range(len(row)))
        up = bytes((a - b) & 0xFF for a, b in zip(row, prev))
        best = min(((sum(v if v < 128 else 256 - v for v in data), ftype, data)
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
# Each function returns a finished Canvas. Scenes are 512x384; badges are 256x256.


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
    c = Canvas(512, 384, MINT)
    sun(c, 90, 70, 30)
    c.rect(0, 320, 512, 384, GRASS)
    person(c, 196, 330, 200, SKIN_3, HAIR_BLACK, CORAL, NAVY, wave=True)
    person(c, 318, 330, 190, SKIN_1, HAIR_DARK, BLUE, TEAL_DARK, long_hair=True)
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
    """A child like person(), with a mood (happy, worried, asleep) and a pose: down, wave,
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
    head_y, hand_y = kid(c, 256, 336, 230, SKIN_1, HAIR_GINGER, YELLOW, TEAL_DARK, pose="hold")
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
    c = Canvas(512, 384, SKY)
    cx, cy = bubble(c, 100, 60, 412, 260)
    # a name label, like the one on a school jumper or a peg
    c.rrect(cx - 120, cy - 50, cx + 120, cy + 50, 16, CORAL)
    c.rrect(cx - 108, cy - 20, cx + 108, cy + 40, 10, WHITE)
    c.rrect(cx - 84, cy + 2, cx + 60, cy + 18, 6, NAVY)
    c.circle(cx - 96, cy - 36, 6, WHITE)
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
    c.rrect(60, 214, 310, 256, 10, WHITE)
    c.rrect(140, 214, 310, 262, 18, BLUE)
    # a child sitting up in bed, the glowing screen lighting the face
    c.circle(110, 170, 30, SKIN_1)
    c.ellipse(110, 152, 31, 17, HAIR_DARK)
    c.circle(100, 168, 5, INK)
    c.circle(120, 168, 5, INK)
    c.rrect(86, 196, 134, 250, 14, YELLOW)
    c.ellipse(162, 190, 42, 30, (200, 230, 250))
    small_tablet(c, 162, 200, 50, 40, screen=(230, 246, 255))
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
    "late-screen": draw_late_screen,
    "mean-message": draw_mean_message,
    "mirror": draw_mirror,
    "no-reply": draw_no_reply,
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
    parser.add_argument("names", nargs="*", help="draw only these pictures")
    args = parser.parse_args(argv)

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
        print("%-16s %dx%d %6d bytes" % (name, canvas.width, canvas.height, len(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
