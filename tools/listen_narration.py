#!/usr/bin/env python3
"""Listens to a pack's narration by machine: transcribes every narration file with
pocketsphinx and compares the words heard with the words the text should say.

    tools/listen_narration.py PACK [--threshold 0.4] [--lang en-GB] [--only FILTER]
                                   [--json OUT] [--keep DIR]

A review tool, not part of the test command: it installs what it needs when missing
(pocketsphinx, pocketsphinx-en-us, vorbis-tools; with sudo when not root) and writes
only to a temporary folder (or --keep DIR).

How it judges. Every text with narration in the pack's first language (slides,
scenario nodes, quiz prompts, butterfly steps, AUP promises) is normalised into the
words a teacher would say: lower case, punctuation dropped, numbers and money as
words ("£4.99" is "four pounds ninety nine"), file names letter by letter, made-up
player names split into their words ("SkyBuilder99" is "sky builder ninety nine").
The recogniser's language model is a bigram model of all those texts, so it chooses
among the pack's own words and word pairs, and its dictionary is CMUdict plus the
expected pronunciation of the words CMUdict lacks (the cast's Welsh names among
them, as a British teacher says them). A file that speaks its text clearly is heard
as that text; one that misreads a symbol, spells out a name, stops early or belongs
to another text is not. Recall is the share of the expected words found, in order
(the longest common subsequence), so extra words heard do not count against a file.

It prints one line a file, worst first (recall, file, what it should say, what was
heard), then a summary: files, mean recall and how many fall below --threshold.
Exit status 0, or 2 for a usage problem. The recogniser is American English and the
voice synthetic, so a low figure means "listen to this one", not "this is wrong".
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import wave
from math import log10

MODEL = "/usr/share/pocketsphinx/model/en-us"


def install(package):
    print(f"listen_narration: installing {package}", file=sys.stderr)
    cmd = ["apt-get", "install", "-y", package]
    if os.geteuid() != 0:
        cmd = ["sudo"] + cmd
    subprocess.run(cmd, check=True, stdout=sys.stderr)


# ---- words a teacher would say ----------------------------------------------------
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen " \
       "fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n):
    if n < 20:
        return [ONES[n]]
    if n < 100:
        return [TENS[n // 10]] + ([ONES[n % 10]] if n % 10 else [])
    if n < 1000:
        rest = number_words(n % 100) if n % 100 else []
        return [ONES[n // 100], "hundred"] + (["and"] + rest if rest else [])
    if n < 1000000:
        rest = number_words(n % 1000) if n % 1000 else []
        if rest and n % 1000 < 100:
            rest = ["and"] + rest
        return number_words(n // 1000) + ["thousand"] + rest
    return [d for c in str(n) for d in number_words(int(c))]


def year_words(n):
    """2015 is said "twenty fifteen"; 2000-2009 "two thousand and ..."."""
    if 2000 <= n <= 2009:
        return number_words(n)
    return number_words(n // 100) + number_words(n % 100)


def split_name(token):
    """SkyBuilder99 -> sky builder 99; ProGamer_Ella -> pro gamer ella."""
    parts = re.findall(r"[A-Z]?[a-z']+|[A-Z]+(?![a-z])|\d+", token)
    return parts or [token]


def normalise(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2026", " ")
    out = []
    # money first: £4.99 -> four pounds ninety nine
    text = re.sub(r"£(\d+)\.(\d\d)", lambda m: f" {m.group(1)} pounds {int(m.group(2))} ", text)
    text = re.sub(r"£(\d+)", lambda m: f" {m.group(1)} pounds ", text)
    text = re.sub(r"(\d),(\d{3})", r"\1\2", text)  # 1,000 -> 1000
    # file names: the extension letter by letter, after "dot"
    text = re.sub(r"\.(jpg|png|gif)\b", lambda m: " dot " + " ".join(m.group(1)), text)
    for token in re.findall(r"[A-Za-z0-9_'-]+", text):
        for piece in re.split(r"[-_]", token):
            if not piece:
                continue
            for part in split_name(piece) if re.search(r"[a-z][A-Z]|[A-Za-z]\d", piece) else [piece]:
                part = part.strip("'").lower()
                if not part:
                    continue
                if part.isdigit():
                    n = int(part)
                    out += year_words(n) if 2000 <= n <= 2099 else number_words(n)
                else:
                    out.append(part)
    return out


# Pronunciations CMUdict lacks: what a British primary teacher would say.
EXTRA = {
    "seren": "S EH R EH N", "osian": "AA SH AH N", "cerys": "K EH R IH S",
    "ffion": "F IY AH N", "gethin": "G EH TH IH N", "nia": "N IY AH", "rhys": "R IY S",
    "priya": "P R IY Y AH", "sian": "SH AA N", "dylan": "D IH L AH N", "mali": "M AE L IY",
    "webcam": "W EH B K AE M", "webcams": "W EH B K AE M Z", "maths": "M AE TH S",
    "cyberbullying": "S AY B ER B UH L IY IH NG", "upstander": "AH P S T AE N D ER",
    "upstanders": "AH P S T AE N D ER Z", "pyjamas": "P AH JH AA M AH Z",
    "adverts": "AE D V ER T S", "advert": "AE D V ER T", "autoplay": "AO T OW P L EY",
    "influencer": "IH N F L UW AH N S ER", "influencers": "IH N F L UW AH N S ER Z",
    "teatime": "T IY T AY M", "aup": "EY Y UW P IY", "aups": "EY Y UW P IY Z",
    "grandad": "G R AE N D AE D", "colour": "K AH L ER", "colours": "K AH L ER Z",
    "favourite": "F EY V ER IH T", "mum": "M AH M", "mum's": "M AH M Z",
    "jpg": "JH EY P EH G", "png": "P IY EH N JH IY",
}
VOICED_END = set("B D G V DH Z ZH JH M N NG L R W Y".split()) | {
    p for p in "AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split()}


def load_dict():
    d = {}
    with open(os.path.join(MODEL, "cmudict-en-us.dict"), encoding="utf-8") as f:
        for line in f:
            word, _, pron = line.strip().partition(" ")
            d.setdefault(word.split("(")[0], pron.strip())
    return d


def pronounce(word, cmu):
    if word in EXTRA:
        return EXTRA[word]
    if word in cmu:
        return cmu[word]
    if word.endswith("'s"):
        base = pronounce(word[:-2], cmu)
        if base:
            last = base.split()[-1]
            return base + (" IH Z" if last in ("S", "Z", "SH", "CH", "JH", "ZH")
                           else " Z" if last in VOICED_END else " S")
    if word.endswith("s") and word[:-1] in cmu:
        base = cmu[word[:-1]]
        return base + (" Z" if base.split()[-1] in VOICED_END else " S")
    return None


# ---- the pack's narrated texts -------------------------------------------------------
def narrated(pack, lang):
    """(file, pointer, text, narration path) for every text with narration."""
    langs = json.load(open(os.path.join(pack, "pack.json"), encoding="utf-8")).get("languages") or []
    main = langs[0] if langs else "en-GB"
    lang = lang or main
    found = []

    def text_of(v):
        if isinstance(v, str):
            return v if lang == main else None
        if isinstance(v, dict):
            return v.get(lang)
        return None

    def walk(v, pointer, rel):
        if isinstance(v, dict):
            if "narration" in v:
                path = text_of(v["narration"])
                text = text_of(v.get("text") if "text" in v else v.get("prompt"))
                if path and text:
                    found.append((rel, pointer, text, path))
            for k, x in v.items():
                walk(x, f"{pointer}/{k}", rel)
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, f"{pointer}/{i}", rel)

    for kind in ("lessons", "aups", "assemblies"):
        folder = os.path.join(pack, kind)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".json"):
                rel = f"{kind}/{name}"
                with open(os.path.join(pack, rel), encoding="utf-8") as f:
                    walk(json.load(f), "", rel)
    return found


# ---- a bigram language model of the pack's texts -------------------------------------
def write_lm(sentences, path, discount=0.5):
    uni, bi = {}, {}
    for words in sentences:
        seq = ["<s>"] + words + ["</s>"]
        for w in seq:
            uni[w] = uni.get(w, 0) + 1
        for a, b in zip(seq, seq[1:]):
            bi.setdefault(a, {})
            bi[a][b] = bi[a].get(b, 0) + 1
    total = sum(c for w, c in uni.items() if w != "<s>")
    vocab = sorted(uni)
    p_uni = {w: (uni[w] + 0.5) / (total + 0.5 * len(vocab)) for w in vocab}
    p_uni["<s>"] = 1e-99
    lines_bi, alpha = [], {}
    for a in sorted(bi):
        ca = sum(bi[a].values())
        lam = discount * len(bi[a]) / ca
        seen_p, seen_uni = 0.0, 0.0
        for b in sorted(bi[a]):
            p = (bi[a][b] - discount) / ca + lam * p_uni[b]
            seen_p += p
            seen_uni += p_uni[b]
            lines_bi.append(f"{log10(p):.4f} {a} {b}")
        alpha[a] = max(1e-9, 1 - seen_p) / max(1e-9, 1 - seen_uni)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"\\data\\\nngram 1={len(vocab)}\nngram 2={len(lines_bi)}\n\n\\1-grams:\n")
        for w in vocab:
            lp = -99.0 if w == "<s>" else log10(p_uni[w])
            bo = f" {log10(alpha[w]):.4f}" if w in alpha else ""
            f.write(f"{lp:.4f} {w}{bo}\n")
        f.write("\n\\2-grams:\n" + "\n".join(lines_bi) + "\n\n\\end\\\n")


# ---- audio ---------------------------------------------------------------------------
def to_16k_wav(src, dest, scratch):
    """Any WAV or Ogg Vorbis narration file -> 16 kHz mono 16-bit WAV."""
    with open(src, "rb") as f:
        magic = f.read(4)
    wav_in = src
    if magic == b"OggS":
        wav_in = os.path.join(scratch, "decoded.wav")
        subprocess.run(["oggdec", "--quiet", "-o", wav_in, src], check=True)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import audioop
        with wave.open(wav_in) as w:
            data = w.readframes(w.getnframes())
            width, channels, rate = w.getsampwidth(), w.getnchannels(), w.getframerate()
        if width != 2:
            data = audioop.lin2lin(data, width, 2)
        if channels == 2:
            data = audioop.tomono(data, 2, 0.5, 0.5)
        if rate != 16000:
            data, _ = audioop.ratecv(data, 2, 1, rate, 16000, None)
    with wave.open(dest, "wb") as o:
        o.setnchannels(1)
        o.setsampwidth(2)
        o.setframerate(16000)
        o.writeframes(data)


def recall(expected, heard):
    """Words of `expected` found in `heard`, in order (longest common subsequence)."""
    if not expected:
        return 1.0
    prev = [0] * (len(heard) + 1)
    for e in expected:
        cur = [0]
        for j, h in enumerate(heard):
            cur.append(prev[j] + 1 if e == h else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] / len(expected)


def main():
    ap = argparse.ArgumentParser(prog="tools/listen_narration.py",
                                 description="Transcribe a pack's narration and compare it with its text.")
    ap.add_argument("pack")
    # 0.4 picks out about the worst sixth of content/core (68 of 423 files): on this
    # voice even a well-spoken file averages about 0.6.
    ap.add_argument("--threshold", type=float, default=0.4,
                    help="recall below which a file is counted as needing a listen (default 0.4)")
    ap.add_argument("--lang", help="a language the pack lists (default: its first)")
    ap.add_argument("--only", help="only files whose narration path contains this")
    ap.add_argument("--json", help="also write the results to this file")
    ap.add_argument("--keep", help="keep the 16 kHz audio, model and transcripts in this folder")
    args = ap.parse_args()
    pack = os.path.abspath(args.pack)
    if not os.path.isfile(os.path.join(pack, "pack.json")):
        print(f"listen_narration: {args.pack} has no pack.json", file=sys.stderr)
        return 2

    if not shutil.which("pocketsphinx_batch"):
        install("pocketsphinx")
    if not os.path.isdir(MODEL):
        install("pocketsphinx-en-us")
    if not shutil.which("oggdec"):
        install("vorbis-tools")

    items = narrated(pack, args.lang)
    if args.only:
        items = [it for it in items if args.only in it[3]]
    if not items:
        print("listen_narration: no narration found", file=sys.stderr)
        return 2
    work = args.keep or tempfile.mkdtemp(prefix="listen-narration-")
    os.makedirs(os.path.join(work, "audio"), exist_ok=True)
    cmu = load_dict()

    # The language model and dictionary come from every narrated text of the pack,
    # even with --only, so a filtered run hears the same way as a full one.
    all_items = narrated(pack, args.lang)
    sentences = [normalise(t) for _, _, t, _ in all_items]
    words = sorted({w for s in sentences for w in s})
    missing = [w for w in words if not pronounce(w, cmu)]
    with open(os.path.join(work, "pack.dict"), "w", encoding="utf-8") as f:
        for w in words:
            p = pronounce(w, cmu)
            if p:
                f.write(f"{w} {p}\n")
    write_lm([[w for w in s if w not in missing] for s in sentences], os.path.join(work, "pack.lm"))
    if missing:
        print("listen_narration: no pronunciation for (left out of the scores): " + " ".join(missing),
              file=sys.stderr)

    ctl = []
    for n, (_, _, _, path) in enumerate(items):
        name = f"f{n:04d}"
        to_16k_wav(os.path.join(pack, path), os.path.join(work, "audio", name + ".wav"), work)
        ctl.append(name)
    with open(os.path.join(work, "files.ctl"), "w") as f:
        f.write("\n".join(ctl) + "\n")
    hyp = os.path.join(work, "heard.hyp")
    subprocess.run(["pocketsphinx_batch", "-hmm", os.path.join(MODEL, "en-us"),
                    "-lm", os.path.join(work, "pack.lm"), "-dict", os.path.join(work, "pack.dict"),
                    "-adcin", "yes", "-adchdr", "44", "-cepdir", os.path.join(work, "audio"),
                    "-cepext", ".wav", "-ctl", os.path.join(work, "files.ctl"), "-hyp", hyp,
                    # A heavier language weight and wider beams than the defaults: on
                    # one Reception lesson's 14 files they raised mean recall from 0.60
                    # to 0.62, as the synthetic British voice fits the American model
                    # loosely.
                    "-lw", "10", "-beam", "1e-60", "-wbeam", "1e-50", "-pbeam", "1e-60",
                    "-logfn", os.path.join(work, "pocketsphinx.log")], check=True)
    heard = {}
    with open(hyp, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"(.*?)\s*\((f\d{4})(?:\s+-?\d+)?\)\s*$", line)
            if m:
                heard[m.group(2)] = m.group(1).split()

    results = []
    for n, (rel, pointer, text, path) in enumerate(items):
        expected = [w for w in normalise(text) if w not in missing]
        got = heard.get(f"f{n:04d}", [])
        results.append({"recall": round(recall(expected, got), 3), "file": path, "json": f"{rel}#{pointer}",
                        "text": text, "expected": " ".join(expected), "heard": " ".join(got)})
    results.sort(key=lambda r: (r["recall"], r["file"]))

    print(f"{'recall':>6}  file / should say / heard")
    for r in results:
        print(f"{r['recall']:6.2f}  {r['file']}\n        say:   {r['expected']}\n        heard: {r['heard']}")
    mean = sum(r["recall"] for r in results) / len(results)
    low = sum(1 for r in results if r["recall"] < args.threshold)
    print(f"\nfiles: {len(results)}  mean recall: {mean:.3f}  below {args.threshold:g}: {low}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"files": len(results), "mean": mean, "threshold": args.threshold,
                       "below": low, "results": results}, f, indent=1, ensure_ascii=False)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
