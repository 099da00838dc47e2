#!/usr/bin/env python3
"""Packs content packs for the web game: safequest-content.data (every file of
every pack, end to end) and safequest-content.json (each file's name under
/content/<folder>/ and its byte range), the two files web/content_package.js
fetches after the first frame. The build packs content/core with it; a school
runs it to serve its own packs, beside or instead of the bundled one:

    python3 web/pack-content.py build/web content/core ~/our-packs/year4-gaming

then copies the two files over the ones on its web server (web/README.md). Needs
only Python 3. Each folder must hold a pack.json (the game checks the rest and
tells the teacher what is wrong, as on the desktop). Hidden files and anything
that is not a regular file are left out. The two files are written under
temporary names and renamed only when both are complete, so a run that fails
leaves the old pair as it was. (A page loaded in the moment between the two
renames finds them mismatched and says so; reloading it is enough.)

Usage: pack-content.py OUT_DIR PACK_DIR [PACK_DIR ...]
"""
import json
import os
import sys
import uuid

DATA = 'safequest-content.data'
LIST = 'safequest-content.json'
MAX_BYTES = 512 * 1024 * 1024  # far above any real pack; a browser must hold it all


def pack_files(pack_dir):
    """The pack's files, (path on disk, name under the pack), sorted by name."""
    out = []
    for root, dirs, files in os.walk(pack_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
        for name in sorted(files):
            if name.startswith('.'):
                continue
            path = os.path.join(root, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            out.append((path, os.path.relpath(path, pack_dir).replace(os.sep, '/')))
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    out_dir, pack_dirs = argv[1], argv[2:]
    folders = set()
    entries = []
    for pack_dir in pack_dirs:
        pack_dir = os.path.normpath(pack_dir)
        folder = os.path.basename(os.path.abspath(pack_dir))
        if not os.path.isfile(os.path.join(pack_dir, 'pack.json')):
            print(f'pack-content: {pack_dir} is not a content pack (it has no pack.json)',
                  file=sys.stderr)
            return 1
        if folder in folders:
            print(f'pack-content: two packs are in folders named "{folder}": rename one',
                  file=sys.stderr)
            return 1
        folders.add(folder)
        entries += [(path, f'/content/{folder}/{name}') for path, name in pack_files(pack_dir)]

    os.makedirs(out_dir, exist_ok=True)
    data_tmp = os.path.join(out_dir, f'.{DATA}.{os.getpid()}')
    list_tmp = os.path.join(out_dir, f'.{LIST}.{os.getpid()}')
    files = []
    offset = 0
    try:
        with open(data_tmp, 'wb') as data:
            for path, name in entries:
                with open(path, 'rb') as f:
                    bytes_ = f.read()
                if offset + len(bytes_) > MAX_BYTES:
                    print(f'pack-content: the packs are over {MAX_BYTES >> 20} MB, too much '
                          'for a browser to hold', file=sys.stderr)
                    return 1
                data.write(bytes_)
                files.append({'filename': name, 'start': offset, 'end': offset + len(bytes_)})
                offset += len(bytes_)
        with open(list_tmp, 'w', encoding='utf-8') as f:
            json.dump({'files': files, 'remote_package_size': offset,
                       'package_uuid': str(uuid.uuid4())}, f)
        os.replace(data_tmp, os.path.join(out_dir, DATA))
        os.replace(list_tmp, os.path.join(out_dir, LIST))
    finally:
        for tmp in (data_tmp, list_tmp):
            if os.path.exists(tmp):
                os.remove(tmp)
    print(f'pack-content: {len(folders)} pack(s), {len(files)} files, {offset / 1048576:.1f} MB '
          f'in {os.path.join(out_dir, DATA)}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
