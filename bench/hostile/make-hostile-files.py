#!/usr/bin/env python3
"""Writes the hostile files of issue 6 into a folder (default: ./hostile-files), so that peak memory and
time of `./mediagate strip` on each can be measured with /usr/bin/time (see measure.sh). Standard library only."""
import os, struct, sys, zlib

out = sys.argv[1] if len(sys.argv) > 1 else "hostile-files"
os.makedirs(out, exist_ok=True)

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

def ihdr(w, h):
    return chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))

def rows(w, h):
    return b"".join(b"\0" + bytes([y % 256]) * (w * 3) for y in range(h))

def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

sig = b"\x89PNG\r\n\x1a\n"

# 1. 300 zTXt chunks, each inflating to 23 MB: a 7 MB file that made libpng inflate and keep 6.9 GB.
text = b"Comment\0\0" + zlib.compress(b"A" * (23 << 20), 9)
write("text-chunks.png", sig + ihdr(64, 64) + chunk(b"zTXt", text) * 300 + chunk(b"IDAT", zlib.compress(rows(64, 64))) + chunk(b"IEND", b""))

# 2. zlib bomb behind a 16x16 IHDR: the picture's rows, then 4 GiB of zeros in the same stream (about 4 MB).
z = zlib.compressobj(9)
idat = z.compress(rows(16, 16))
block = b"\0" * (64 << 20)
for _ in range(64):
    idat += z.compress(block)
idat += z.flush()
write("zlib-bomb.png", sig + ihdr(16, 16) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))

# 3. TIFF with two ImageLength entries (SHORT 16, then LONG 30000), 16000 wide, one strip of 16 rows.
def tiff(entries, pixels):
    entries = sorted(entries, key=lambda e: e[0])
    data_offset = 8 + 2 + 12 * len(entries) + 4
    ifd = struct.pack("<H", len(entries))
    for tag, typ, value in entries:
        value = data_offset if tag == 273 else value
        ifd += struct.pack("<HHI", tag, typ, 1) + (struct.pack("<HH", value, 0) if typ == 3 else struct.pack("<I", value))
    return b"II*\0" + struct.pack("<I", 8) + ifd + b"\0\0\0\0" + pixels

width = 16000
write("tiff-two-lengths.tif", tiff([(256, 4, width), (257, 3, 16), (257, 4, 30000), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                                    (273, 4, 0), (277, 3, 1), (278, 4, 30000), (279, 4, width * 30000)], bytes(width * 16)))

# 4. WebP (VP8L) header declaring 16384 x 16384 over ten bytes.
vp8l = b"\x2f" + struct.pack("<I", 16383 | (16383 << 14)) + bytes(10)
body = b"WEBP" + b"VP8L" + struct.pack("<I", len(vp8l)) + vp8l
write("webp-bomb.webp", b"RIFF" + struct.pack("<I", len(body)) + body)

# 5. A clean 7000 x 7000 PNG (49 megapixels, just under the default 50 MP limit): the largest picture accepted.
z = zlib.compressobj(1)
parts = [z.compress(b"\0" + bytes([y % 256, 255 - y % 256, 128]) * 7000) for y in range(7000)]
write("big-49mp.png", sig + ihdr(7000, 7000) + chunk(b"IDAT", b"".join(parts) + z.flush()) + chunk(b"IEND", b""))

# 6. Special files: a .jpg link to /dev/zero and a FIFO.
for name, make in (("zero.jpg", lambda p: os.symlink("/dev/zero", p)), ("fifo.jpg", os.mkfifo)):
    path = os.path.join(out, name)
    if not os.path.lexists(path):
        make(path)

# 7. Large legitimate TIFFs (deflate, 7000 x 7000 RGB, 49 megapixels): one strip for the whole picture, and
#    strips of 16 rows. libtiff holds a whole strip decoded, so the single strip is the worst case for memory.
def big_tiff(rows_per_strip):
    w = h = 7000
    row = bytes(range(256)) * (w * 3 // 256) + bytes(w * 3 % 256)
    strips = [zlib.compress(row * min(rows_per_strip, h - y), 1) for y in range(0, h, rows_per_strip)]
    n = len(strips)
    entries = [(256, 4, 1, w), (257, 4, 1, h), (258, 3, 3, None), (259, 3, 1, 8), (262, 3, 1, 2), (273, 4, n, None),
               (277, 3, 1, 3), (278, 4, 1, rows_per_strip), (279, 4, n, None)]
    ifd_size = 2 + 12 * len(entries) + 4
    extra_at = 8 + ifd_size
    bps = struct.pack("<HHH", 8, 8, 8)
    offsets_at = extra_at + len(bps)
    counts_at = offsets_at + 4 * n
    data_at = counts_at + 4 * n
    offsets, at = [], data_at
    for s in strips:
        offsets.append(at)
        at += len(s)
    ifd = struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        if tag == 258:
            value = extra_at
        elif tag == 273:
            value = offsets_at if n > 1 else offsets[0]
        elif tag == 279:
            value = counts_at if n > 1 else len(strips[0])
        ifd += struct.pack("<HHI", tag, typ, count) + (struct.pack("<HH", value, 0) if typ == 3 and count == 1 else struct.pack("<I", value))
    head = b"II*\0" + struct.pack("<I", 8) + ifd + b"\0\0\0\0" + bps
    head += struct.pack("<%dI" % n, *offsets) + struct.pack("<%dI" % n, *[len(s) for s in strips])
    return head + b"".join(strips)

write("big-49mp-one-strip.tif", big_tiff(7000))
write("big-49mp-strips.tif", big_tiff(16))

# 8. The heaviest PNG libpng accepts at the default limit: 7000 x 7000, 16-bit RGBA, Adam7-interlaced
#    (converted to 8 bits and composited onto white by libpng's simplified API).
def png16_interlaced(w, h):
    z = zlib.compressobj(1)
    parts = []
    for x0, y0, sx, sy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)):
        pw = (w - x0 + sx - 1) // sx
        row = b"\0" + b"\x80\x00\x40\x00\xc0\x00\x80\x00" * pw
        for _ in range(y0, h, sy):
            parts.append(z.compress(row))
    parts.append(z.flush())
    head = chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 16, 6, 0, 0, 1))
    return sig + head + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b"")

write("big-49mp-16bit-interlaced.png", png16_interlaced(7000, 7000))

# 9. A 48-megapixel HEIC (8064 x 6048, as recent phones write), encoded by libheif's x265 encoder (about a minute).
def heic_48mp(path):
    import ctypes
    h = ctypes.CDLL("libheif.so.1")
    class Err(ctypes.Structure):
        _fields_ = [("code", ctypes.c_int), ("sub", ctypes.c_int), ("msg", ctypes.c_char_p)]
    for f in ("heif_context_get_encoder_for_format", "heif_image_create", "heif_image_add_plane",
              "heif_context_encode_image", "heif_context_write_to_file", "heif_encoder_set_lossy_quality"):
        getattr(h, f).restype = Err
    h.heif_context_alloc.restype = ctypes.c_void_p
    h.heif_image_get_plane.restype = ctypes.POINTER(ctypes.c_uint8)
    w, hh = 8064, 6048
    ctx = ctypes.c_void_p(h.heif_context_alloc())
    enc, img, stride = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_int()
    assert h.heif_context_get_encoder_for_format(ctx, 1, ctypes.byref(enc)).code == 0  # HEVC
    h.heif_encoder_set_lossy_quality(enc, 30)
    assert h.heif_image_create(w, hh, 1, 10, ctypes.byref(img)).code == 0             # RGB, interleaved
    assert h.heif_image_add_plane(img, 10, w, hh, 8).code == 0
    p = h.heif_image_get_plane(img, 10, ctypes.byref(stride))
    row = bytes((x * 7) % 256 for x in range(w * 3))
    for y in range(hh):
        ctypes.memmove(ctypes.addressof(p.contents) + y * stride.value, row, len(row))
    assert h.heif_context_encode_image(ctx, img, enc, None, None).code == 0
    assert h.heif_context_write_to_file(ctx, path.encode()).code == 0

if not os.path.exists(os.path.join(out, "big-48mp.heic")):
    heic_48mp(os.path.join(out, "big-48mp.heic"))
