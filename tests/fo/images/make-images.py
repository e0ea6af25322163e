#!/usr/bin/python3
"""Writes the bitmaps of tests/fo/images in formats cairo does not read: GIF (a minimal
encoder below: a clear code every two pixels keeps every code 3 bits wide), and TIFF and
BMP saved by gdk-pixbuf from the same pixels. Run with Debian's /usr/bin/python3."""
import struct

W, H = 24, 16

def pixel(x, y):  # a blue frame around a white field
    return 1 if x < 3 or y < 3 or x >= W - 3 or y >= H - 3 else 0

def gif():
    codes = []
    for i, p in enumerate(pixel(x, y) for y in range(H) for x in range(W)):
        if i % 2 == 0:
            codes.append(4)  # clear
        codes.append(p)
    codes.append(5)  # end
    bits, nbits, out = 0, 0, bytearray()
    for c in codes:
        bits |= c << nbits
        nbits += 3
        while nbits >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            nbits -= 8
    if nbits:
        out.append(bits & 0xFF)
    data = bytearray(b"GIF89a" + struct.pack("<HHBBB", W, H, 0x80, 0, 0))
    data += bytes([255, 255, 255, 0, 61, 164])  # palette: white, blue
    data += b"," + struct.pack("<HHHHB", 0, 0, W, H, 0) + bytes([2])
    for i in range(0, len(out), 255):
        chunk = out[i:i + 255]
        data += bytes([len(chunk)]) + chunk
    data += b"\x00;"
    return bytes(data)

with open("frame.gif", "wb") as f:
    f.write(gif())

import gi
gi.require_version("GdkPixbuf", "2.0")
from gi.repository import GdkPixbuf
pb = GdkPixbuf.Pixbuf.new_from_file("frame.gif")
assert (pb.get_width(), pb.get_height()) == (W, H)
for fmt in ("tiff", "bmp"):
    pb.savev("frame." + fmt, fmt, [], [])
