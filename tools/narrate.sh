#!/usr/bin/env bash
# Pre-renders narration for a content pack with espeak-ng.
#
#   tools/narrate.sh PACK [--lang en-GB] [--voice en-gb] [--speed 135] [--format wav|ogg]
#                         [--out DIR] [--write]
#
# For every pupil-facing text that has no narration in --lang yet (slides, scenario
# nodes, quiz prompts, butterfly steps, AUP promises, assembly slides and votes) it writes
#   assets/narration/<file-stem>/<step-id>.<item-id>.wav     (lessons)
#   assets/narration/<file-stem>/<promise-id>.wav            (AUPs)
#   assets/narration/<file-stem>/<step-id>.wav               (assemblies: a slide's text,
#                                                             a vote's question and choices)
#   assets/narration/<file-stem>/<step-id>.explanation.wav   (a vote's answer and explanation)
#   assets/narration/<file-stem>/<step-id>.thumbs.wav        (a vote's question alone, then
#                                                             "Thumbs up, sideways or down?")
# (".<lang>" goes before the extension when the pack has several languages) and
# prints "<file>#<JSON pointer>  <path>" for each. Names come from ids, not
# positions, so inserting a slide never makes two texts share a file.
#
#   --write   also adds the "narration" fields to the JSON files. Only those lines
#             change: every other byte, the key order and the 2-space layout stay
#             as they were (the result is checked with Python's json module).
#   --out DIR writes the sound files under DIR instead of the pack (a trial run;
#             not with --write).
#   --format  ogg encodes with oggenc (vorbis-tools): about a tenth of the size.
#   --lang    a language the pack lists (default: its first); --voice defaults to
#             the lowercased tag (en-GB -> en-gb, cy -> cy); --speed is espeak-ng's
#             words a minute (its default is 175; slower suits young children).
#             espeak-ng speaks about 7% faster than asked: the default 135 gives
#             about 144 words a minute heard, pauses included (measured on
#             content/core), within the 140-150 that suits ages 4-11.
#
# Deterministic and idempotent: the same text, voice and speed give the same bytes,
# and after --write a second run finds nothing left to do.
#
# espeak-ng is GPL-3+: it runs here as a separate program, to make files for the
# pack. The game never links it.
set -euo pipefail

need() { # need <program> <debian package>
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "narrate.sh: installing $2" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y "$2" >&2
  else
    sudo apt-get install -y "$2" >&2
  fi
}

need python3 python3
need espeak-ng espeak-ng
for arg in "$@"; do
  if [ "$arg" = ogg ] || [ "$arg" = --format=ogg ]; then
    need oggenc vorbis-tools
  fi
done

exec python3 - "$@" <<'PY'
import argparse, json, os, re, subprocess, sys, tempfile, zlib

ap = argparse.ArgumentParser(prog="tools/narrate.sh",
                             description="Pre-render a content pack's narration with espeak-ng.")
ap.add_argument("pack")
ap.add_argument("--lang")
ap.add_argument("--voice")
ap.add_argument("--speed", type=int, default=135)
ap.add_argument("--format", choices=["wav", "ogg"], default="wav")
ap.add_argument("--out")
ap.add_argument("--write", action="store_true")
args = ap.parse_args()

def fail(msg, code=2):
    print("narrate.sh: " + msg, file=sys.stderr)
    sys.exit(code)

if args.write and args.out:
    fail("--write adds paths inside the pack, so it cannot be used with --out")
pack = os.path.abspath(args.pack)
manifest = os.path.join(pack, "pack.json")
if not os.path.isfile(manifest):
    fail(f"{args.pack} has no pack.json")
with open(manifest, encoding="utf-8") as f:
    languages = json.load(f).get("languages") or []
if not languages:
    fail("pack.json lists no languages")
main_lang = languages[0]
lang = args.lang or main_lang
if lang not in languages:
    fail(f"{lang} is not one of the pack's languages ({', '.join(languages)})")
voice = args.voice or lang.lower()
if not 80 <= args.speed <= 450:
    fail("--speed must be 80 to 450 words a minute")
out_root = os.path.abspath(args.out) if args.out else pack


# ---- JSON with positions -------------------------------------------------------
# Python's json module forgets where things are, so this small parser records each
# value's span; new fields are then inserted as text and nothing else moves.
class Node:
    def __init__(self, kind, start):
        self.kind, self.start, self.end = kind, start, start
        self.members = []  # object: (key, value node); array: (None, value node)
        self.value = None  # scalars: the Python value

    def get(self, key):
        for k, v in self.members:
            if k == key:
                return v
        return None


def parse_json(text):
    pos = 0

    def ws():
        nonlocal pos
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1

    def string_end(i):
        i += 1
        while text[i] != '"':
            i += 2 if text[i] == "\\" else 1
        return i + 1

    def value():
        nonlocal pos
        ws()
        c = text[pos]
        if c == "{" or c == "[":
            node = Node("obj" if c == "{" else "arr", pos)
            close = "}" if c == "{" else "]"
            pos += 1
            ws()
            if text[pos] == close:
                pos += 1
                node.end = pos
                return node
            while True:
                key = None
                if node.kind == "obj":
                    ws()
                    end = string_end(pos)
                    key = json.loads(text[pos:end])
                    pos = end
                    ws()
                    assert text[pos] == ":"
                    pos += 1
                node.members.append((key, value()))
                ws()
                if text[pos] == ",":
                    pos += 1
                    continue
                assert text[pos] == close
                pos += 1
                node.end = pos
                return node
        node = Node("scalar", pos)
        if c == '"':
            end = string_end(pos)
        else:
            end = pos
            while end < len(text) and text[end] not in ",}] \t\r\n":
                end += 1
        node.value = json.loads(text[pos:end])
        pos = end
        node.end = pos
        return node

    root = value()
    return root


def add_member(text, obj, key, value_json):
    """The edit (position, new text) that appends key: value to obj, in its style."""
    last = obj.members[-1][1]
    member = json.dumps(key, ensure_ascii=False) + ": " + value_json
    if "\n" not in text[obj.start:obj.end]:
        return (last.end, ", " + member)
    # The indentation of the line where the last member starts.
    line_start = text.rfind("\n", 0, last.start) + 1
    key_line = text[line_start:last.start]
    indent = key_line[: len(key_line) - len(key_line.lstrip())]
    return (last.end, ",\n" + indent + member)


def text_in(node, language):
    """The text of a Text value in `language`, or None."""
    if node is None:
        return None
    if node.kind == "scalar" and isinstance(node.value, str):
        return node.value if language == main_lang else None
    if node.kind == "obj":
        v = node.get(language)
        return v.value if v is not None and isinstance(v.value, str) else None
    return None


def scalar_id(node):
    v = node.get("id") if node is not None and node.kind == "obj" else None
    return v.value if v is not None and isinstance(v.value, str) else None


# ---- what to narrate ------------------------------------------------------------
def letter_said(i):
    """A vote choice's letter as espeak-ng should say it ("A" alone reads as "uh")."""
    return "[['eI]]" if i == 0 else chr(ord("A") + i)


def vote_said(step, language):
    """What a vote's narration says: its question, then each choice with its letter,
    as the hall's screen shows them."""
    prompt = text_in(step.get("prompt"), language)
    options = step.get("options")
    if not prompt or options is None or options.kind != "arr":
        return None
    parts = [prompt]
    for i, (_, option) in enumerate(options.members):
        words = text_in(option.get("text"), language) if option.kind == "obj" else None
        if not words:
            return None
        parts.append(f"{letter_said(i)}: {words.rstrip('.')}.")
    return " ".join(parts)


def explanation_said(step, language):
    """A vote's explanation, after its answer as the screen gives it ("The answer: B, ...")."""
    explanation = text_in(step.get("explanation"), language)
    if not explanation:
        return None
    answer = step.get("answer")
    options = step.get("options")
    if answer is not None and options is not None and options.kind == "arr":
        for i, (_, option) in enumerate(options.members):
            words = text_in(option.get("text"), language) if option.kind == "obj" else None
            if scalar_id(option) == answer.value and words:
                return f"The answer: {letter_said(i)}, {words.rstrip('.')}. {explanation}"
    return explanation


# The thumbs vote's question, in each language the game's words have it; a pack
# in another language gets no thumbs narration (R then tells only the presenter).
THUMBS_ASKED = {"en-GB": "Thumbs up, sideways or down?"}


def thumbs_said(step, language):
    """A vote made a thumbs vote: its question alone (no choices: the room sees the
    three thumbs), then how to answer."""
    prompt = text_in(step.get("prompt"), language)
    asked = THUMBS_ASKED.get(language)
    if not prompt or not asked:
        return None
    return f"{prompt} {asked}"


def targets(kind, root):
    """(pointer, name, object node, field, what it says: a function of the language)
    for each narratable object."""
    found = []
    if root.kind != "obj":
        return found
    if kind == "lessons":
        steps = root.get("steps")
        for i, (_, step) in enumerate(steps.members if steps and steps.kind == "arr" else []):
            if step.kind != "obj":
                continue
            k = step.get("kind")
            k = k.value if k is not None else None
            where = {"slides": ("slides", "text"), "scenario": ("nodes", "text"),
                     "quiz": ("items", "prompt"), "butterfly": ("steps", "text")}.get(k)
            if where is None:
                continue
            arr = step.get(where[0])
            for j, (_, item) in enumerate(arr.members if arr and arr.kind == "arr" else []):
                if item.kind == "obj" and scalar_id(step) and scalar_id(item):
                    found.append((f"/steps/{i}/{where[0]}/{j}",
                                  f"{scalar_id(step)}.{scalar_id(item)}", item, "narration",
                                  lambda language, o=item, k=where[1]: text_in(o.get(k), language)))
    elif kind == "aups":
        arr = root.get("promises")
        for j, (_, item) in enumerate(arr.members if arr and arr.kind == "arr" else []):
            if item.kind == "obj" and scalar_id(item):
                found.append((f"/promises/{j}", scalar_id(item), item, "narration",
                              lambda language, o=item: text_in(o.get("text"), language)))
    elif kind == "assemblies":
        steps = root.get("steps")
        for i, (_, step) in enumerate(steps.members if steps and steps.kind == "arr" else []):
            if step.kind != "obj" or not scalar_id(step):
                continue
            k = step.get("kind")
            k = k.value if k is not None else None
            if k == "slide":
                found.append((f"/steps/{i}", scalar_id(step), step, "narration",
                              lambda language, o=step: text_in(o.get("text"), language)))
            elif k == "vote":
                found.append((f"/steps/{i}", scalar_id(step), step, "narration",
                              lambda language, o=step: vote_said(o, language)))
                found.append((f"/steps/{i}", scalar_id(step) + ".explanation", step,
                              "explanationNarration",
                              lambda language, o=step: explanation_said(o, language)))
                found.append((f"/steps/{i}", scalar_id(step) + ".thumbs", step,
                              "thumbsNarration",
                              lambda language, o=step: thumbs_said(o, language)))
    return found


files = []
for kind in ("lessons", "aups", "assemblies"):
    folder = os.path.join(pack, kind)
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            if name.endswith(".json"):
                files.append((kind, f"{kind}/{name}"))
stems = {}
for kind, rel in files:
    stems.setdefault(os.path.basename(rel)[:-5], []).append(kind)


def folder_for(kind, rel):
    stem = os.path.basename(rel)[:-5]
    # A lesson, an AUP and an assembly may share an id; the AUP's or assembly's
    # folder then says so.
    if len(stems[stem]) == 1 or kind == "lessons":
        return stem
    return f"aup-{stem}" if kind == "aups" else f"assembly-{stem}"


# ---- how words are said -----------------------------------------------------------
# espeak-ng reads a few of the cast's names as English spelling suggests (Osian as
# "OH-zee-an", Cerys as "SUR-eez", Ffion as "eff-ee-on"), money as a decimal ("pound
# four point nine nine"), " / " as "slash" and SMART's letter A as the article "uh".
# The spoken text, never the pack's, gets these names and the letter as espeak-ng
# phonemes in [[ ]] (its own notation), money as words and " / " as "or". A
# possessive 's joins the phonemes, since
# espeak-ng would spell out a lone "'s". Checked with `espeak-ng -x` (which prints
# the phonemes it says) and tools/listen_narration.py.
SAID = {  # name: espeak-ng phonemes, as a British teacher says it
    "Osian": "'0S@n", "Cerys": "k'ErIs", "Ffion": "f'i:0n", "Siân": "S'A:n",
    "Mali": "m'ali", "Priya": "pr'i:j@", "Amir": "@m'i@", "Hooray": "hU'reI",
    "AUP": ",eIju:p'i:",
}
SAID_RE = re.compile(r"\b(" + "|".join(SAID) + r")(['\u2019]s)?\b")


def for_speech(text):
    def name(m):
        phonemes = SAID[m.group(1)]
        if m.group(2):
            phonemes += "Iz" if phonemes[-1] in "sSzZ" else "z"
        return "[[" + phonemes + "]]"
    text = SAID_RE.sub(name, text)
    # SMART's letter A ("A is for Accepting", "S, A and T"), which espeak-ng would
    # read as the article "uh".
    text = re.sub(r"\bA(?= is for\b| for\b)|(?<=, )A(?= and\b)", "[['eI]]", text)
    # A choice between words shown as "Everyone / Friends only" is said with "or",
    # where espeak-ng would say "slash".
    text = re.sub(r"\s+/\s+", " or ", text)
    return re.sub(r"£(\d+)\.(\d\d)\b", lambda m: f"{m.group(1)} pounds {int(m.group(2))}", text)


# ---- rendering --------------------------------------------------------------------
def render(text, dest, serial):
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(dest), suffix=".tmp")
    os.close(fd)
    try:
        wav = tmp if args.format == "wav" else tmp + ".wav"
        # The text goes in on stdin (-b 1: UTF-8), never through a shell.
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(args.speed), "-b", "1", "-w", wav],
                       input=for_speech(text).encode("utf-8"), check=True)
        if args.format == "ogg":
            # A fixed serial number keeps the output byte-for-byte repeatable.
            subprocess.run(["oggenc", "--quiet", "--quality", "1", "--serial", str(serial),
                            "--output", tmp, wav], check=True)
            os.remove(wav)
        # mkstemp makes the file private; narration is an ordinary pack file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, dest)
    finally:
        for leftover in (tmp, tmp + ".wav"):
            if os.path.exists(leftover):
                os.remove(leftover)


ext = args.format
suffix = f".{lang}.{ext}" if len(languages) > 1 else f".{ext}"
total_bytes = 0
count = 0
edited_files = 0
for kind, rel in files:
    path = os.path.join(pack, rel)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        root = parse_json(text)
    except Exception:
        print(f"narrate.sh: skipping {rel}: not valid JSON", file=sys.stderr)
        continue
    edits = []
    expected = json.loads(text)
    for pointer, name, obj, field, said in targets(kind, root):
        spoken = said(lang)
        if not spoken or not spoken.strip():
            continue
        narration = obj.get(field)
        if narration is not None:
            if narration.kind == "obj" and narration.get(lang) is not None:
                continue
            if narration.kind == "scalar" and lang == main_lang:
                continue
        asset = f"assets/narration/{folder_for(kind, rel)}/{name}{suffix}"
        render(spoken, os.path.join(out_root, asset), zlib.crc32(asset.encode()) & 0x7FFFFFFF)
        size = os.path.getsize(os.path.join(out_root, asset))
        total_bytes += size
        count += 1
        print(f"{rel}#{pointer}/{field}  {asset}")

        # The edit, and the same change made to the parsed copy, to check against.
        target = expected
        for token in pointer.strip("/").split("/"):
            target = target[int(token)] if isinstance(target, list) else target[token]
        if narration is None:
            # A plain path means the first language, so any other gets an object.
            path_json = json.dumps(asset, ensure_ascii=False)
            if lang == main_lang:
                edits.append(add_member(text, obj, field, path_json))
                target[field] = asset
            else:
                edits.append(add_member(text, obj, field,
                                        "{ " + json.dumps(lang) + ": " + path_json + " }"))
                target[field] = {lang: asset}
        elif narration.kind == "obj":
            edits.append(add_member(text, narration, lang, json.dumps(asset, ensure_ascii=False)))
            target[field][lang] = asset
        else:  # one path, for the first language: becomes one path per language
            both = {main_lang: narration.value, lang: asset}
            edits.append((narration.start, None, narration.end,
                          "{ " + ", ".join(json.dumps(k, ensure_ascii=False) + ": " +
                                            json.dumps(v, ensure_ascii=False)
                                            for k, v in both.items()) + " }"))
            target[field] = both

    if args.write and edits:
        new = text
        # From the end back, and two fields added to one object in the order listed.
        for _, edit in sorted(enumerate(edits), key=lambda e: (e[1][0], e[0]), reverse=True):
            if len(edit) == 2:
                at, insert = edit
                new = new[:at] + insert + new[at:]
            else:
                start, _, end, replacement = edit
                new = new[:start] + replacement + new[end:]
        if json.loads(new) != expected:
            fail(f"internal error: the edited {rel} does not parse to what was meant", 1)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(new)
        os.replace(tmp, path)
        edited_files += 1

where = "" if out_root == pack else f" under {out_root}"
summary = f"narrate.sh: {count} narration files{where}, {total_bytes / 1048576:.1f} MiB"
if args.write:
    summary += f"; narration fields added to {edited_files} files"
print(summary, file=sys.stderr)
PY
