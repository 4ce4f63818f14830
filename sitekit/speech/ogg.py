"""The length of an Ogg Opus recording, read from its bytes (RFC 3533 pages, RFC 7845 header).

The last page's granule position counts 48 kHz samples from the stream's start; the
OpusHead packet's pre-skip is the encoder's delay, not part of the sound.
"""

from __future__ import annotations

import struct

CAPTURE = b"OggS"
OPUS_HEAD = b"OpusHead"
OPUS_RATE = 48_000


class NotOggOpus(ValueError):
    pass


def opus_seconds(data: bytes) -> float:
    if not data.startswith(CAPTURE):
        raise NotOggOpus("not an Ogg stream")
    head = data.find(OPUS_HEAD, 0, 512)
    if head < 0:
        raise NotOggOpus("no OpusHead packet in the first page")
    (pre_skip,) = struct.unpack_from("<H", data, head + 10)
    last = data.rfind(CAPTURE)
    if len(data) < last + 14 or data[last + 4] != 0:
        raise NotOggOpus("truncated last page")
    (granule,) = struct.unpack_from("<q", data, last + 6)
    return max(granule - pre_skip, 0) / OPUS_RATE
