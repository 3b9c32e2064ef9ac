#!/usr/bin/env python3
"""Turn an RV32 ELF (and a device tree) into the image the iCEBreaker boot ROM
loads from SPI flash or the UART; boards/icebreaker/bootrom.S reads it and
documents the format, this tool writes it.

usage: mkimage.py ELF -o IMAGE [--dtb FILE] [--ram-base A] [--ram-size N]
                              [--corrupt header|data]

The ELF's loadable segments are flattened into one block from the lowest
physical address (gaps zero-filled); what lies beyond the last file bytes
(the bss) is left to the boot ROM to zero. The device tree goes to the top of
RAM, where the simulation harness puts it too. --corrupt damages the written
image on purpose, for the boot ROM's tests.
"""
import argparse, struct, sys

MAGIC = 0x4D495641          # "AVIM"
SEED = 0xA5A5A5A5
HEADER_WORDS = 9


def checksum(words, c=SEED):
    for w in words:
        c = (((c << 1) | (c >> 31)) + w) & 0xFFFFFFFF
    return c


def words_of(data):
    return list(struct.unpack(f'<{len(data) // 4}I', data))


def pad4(data):
    return data + b'\0' * (-len(data) % 4)


def read_elf(path):
    """Return (entry, [(paddr, filebytes, memsz)]) of an ELF32 RISC-V file."""
    try:
        raw = open(path, 'rb').read()
    except OSError as e:
        sys.exit(f"mkimage: {e}")
    if raw[:4] != b'\x7fELF' or len(raw) < 52:
        sys.exit(f"mkimage: {path}: not an ELF file")
    if raw[4] != 1 or raw[5] != 1:
        sys.exit(f"mkimage: {path}: not a 32-bit little-endian ELF")
    (e_type, e_machine, _, e_entry, e_phoff, _, _, _, e_phentsize,
     e_phnum) = struct.unpack_from('<HHIIIIIHHH', raw, 16)
    if e_machine != 243:
        sys.exit(f"mkimage: {path}: not a RISC-V ELF (machine {e_machine})")
    if e_type != 2:
        sys.exit(f"mkimage: {path}: not an executable")
    segs = []
    for i in range(e_phnum):
        p_type, p_offset, _, p_paddr, p_filesz, p_memsz = struct.unpack_from(
            '<IIIIII', raw, e_phoff + i * e_phentsize)
        if p_type == 1 and p_memsz:
            if p_offset + p_filesz > len(raw):
                sys.exit(f"mkimage: {path}: segment {i} runs past the file")
            segs.append((p_paddr, raw[p_offset:p_offset + p_filesz], p_memsz))
    if not segs:
        sys.exit(f"mkimage: {path}: no loadable segments")
    return e_entry, sorted(segs, key=lambda s: s[0])


def build(entry, segs, dtb, ram_base, ram_size):
    base = segs[0][0] & ~3
    file_end = max(a + len(b) for a, b, _ in segs)
    mem_end = max(a + m for a, _, m in segs)
    body = bytearray(((file_end - base) + 3) & ~3)
    for a, b, _ in segs:
        body[a - base:a - base + len(b)] = b
    zero = max(0, ((mem_end + 3) & ~3) - (base + len(body)))
    ram_end = ram_base + ram_size
    if base < ram_base or base + len(body) + zero > ram_end:
        sys.exit(f"mkimage: program 0x{base:x}-0x{base + len(body) + zero:x} "
                 f"is not inside RAM 0x{ram_base:x}-0x{ram_end:x}")
    dtb = pad4(dtb or b'')
    dtb_addr = ((ram_end - len(dtb)) & ~7) if dtb else 0
    if dtb and dtb_addr < base + len(body) + zero:
        sys.exit("mkimage: the device tree at the top of RAM overlaps the program")
    data = words_of(bytes(body)) + words_of(dtb)
    hdr = [MAGIC, base, len(body), zero, entry, dtb_addr, len(dtb), checksum(data)]
    hdr.append(checksum(hdr))
    return struct.pack(f'<{HEADER_WORDS}I', *hdr) + bytes(body) + dtb


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('elf')
    ap.add_argument('-o', '--output', required=True)
    ap.add_argument('--dtb', help='device tree blob placed at the top of RAM')
    ap.add_argument('--ram-base', type=lambda s: int(s, 0), default=0x80000000)
    ap.add_argument('--ram-size', type=lambda s: int(s, 0), default=0x20000)
    ap.add_argument('--corrupt', choices=('header', 'data'))
    a = ap.parse_args()
    entry, segs = read_elf(a.elf)
    dtb = open(a.dtb, 'rb').read() if a.dtb else None
    img = bytearray(build(entry, segs, dtb, a.ram_base, a.ram_size))
    if a.corrupt == 'header':
        img[8] ^= 0x04               # the load length
    elif a.corrupt == 'data':
        img[HEADER_WORDS * 4 + len(img) // 3 // 4 * 4] ^= 0x10
    with open(a.output, 'wb') as f:
        f.write(img)
    print(f"mkimage: {a.output}: load 0x{struct.unpack_from('<I', img, 4)[0]:08x} "
          f"{struct.unpack_from('<I', img, 8)[0]} bytes + "
          f"{struct.unpack_from('<I', img, 12)[0]} zero, entry 0x{entry:08x}, "
          f"dtb {len(dtb) if dtb else 0} bytes")


if __name__ == '__main__':
    main()
