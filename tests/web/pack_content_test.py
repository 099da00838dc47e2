#!/usr/bin/env python3
"""web/pack-content.py, as a school runs it: the bundled pack and a school's own
packed together, every file's bytes found again at its range under
/content/<folder>/, hidden files left out; a folder that is not a pack, and two
packs with the same folder name, refused with the old files left as they were.
Usage: pack_content_test.py REPO_DIR WORK_DIR
"""
import json
import os
import shutil
import subprocess
import sys

repo, work = sys.argv[1], sys.argv[2]
script = os.path.join(repo, 'web', 'pack-content.py')
failures = 0


def check(ok, what):
    global failures
    print(('ok   ' if ok else 'FAIL ') + what)
    failures += 0 if ok else 1


def run(*args):
    return subprocess.run([sys.executable, script, *args], capture_output=True, text=True)


shutil.rmtree(work, ignore_errors=True)
school = os.path.join(work, 'packs', 'year4-gaming')
os.makedirs(os.path.join(school, 'lessons'))
with open(os.path.join(school, 'pack.json'), 'w') as f:
    f.write('{"id": "year4-gaming"}')
with open(os.path.join(school, 'lessons', 'games.json'), 'wb') as f:
    f.write(b'{"lesson": "games"}\n' * 3)
with open(os.path.join(school, '.editor-backup'), 'w') as f:
    f.write('not for the web')
out = os.path.join(work, 'site')

done = run(out, os.path.join(repo, 'content', 'core'), school)
check(done.returncode == 0, f'two packs are packed ({done.stdout.strip()}{done.stderr.strip()})')
listing = json.load(open(os.path.join(out, 'safequest-content.json')))
data = open(os.path.join(out, 'safequest-content.data'), 'rb').read()
check(listing['remote_package_size'] == len(data), 'the list gives the data file\'s size')
names = {f['filename']: f for f in listing['files']}
check('/content/core/pack.json' in names and '/content/year4-gaming/pack.json' in names,
      'each pack is under /content/<its folder>/')
check('/content/year4-gaming/.editor-backup' not in names, 'hidden files are left out')
same = True
for f in listing['files']:
    on_disk = f['filename'].replace('/content/core/', os.path.join(repo, 'content', 'core') + '/')
    on_disk = on_disk.replace('/content/year4-gaming/', school + '/')
    same = same and open(on_disk, 'rb').read() == data[f['start']:f['end']]
check(same and len(names) > 10, f'every file\'s bytes are at its range ({len(names)} files)')

before = open(os.path.join(out, 'safequest-content.json')).read()
bad = run(out, os.path.join(work, 'packs'))
check(bad.returncode == 1 and 'has no pack.json' in bad.stderr,
      f'a folder that is not a pack is refused ({bad.stderr.strip()})')
twice = run(out, school, school)
check(twice.returncode == 1 and 'two packs' in twice.stderr, 'two packs in same-named folders are refused')
check(open(os.path.join(out, 'safequest-content.json')).read() == before,
      'a refused run leaves the files as they were')
check(not [n for n in os.listdir(out) if n.startswith('.')], 'no temporary file is left behind')
usage = run()
check(usage.returncode == 2 and 'Usage' in usage.stderr, 'no arguments prints the usage')

shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failures else 0)
