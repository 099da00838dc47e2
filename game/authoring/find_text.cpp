#include "authoring/find_text.hpp"

#include "authoring/edit_ops.hpp"
#include "authoring/form_vocabulary.hpp"

#include <algorithm>
#include <array>

namespace sq::authoring {

namespace {

// Members whose strings are ids, references, kinds or paths: not words anyone reads.
constexpr std::array<std::string_view, 20> kNotText = {
    "id",      "kind",      "type",   "start",    "next",   "group",     "answer",
    "src",     "narration", "lesson", "aup",      "phase",  "yearGroup", "band",
    "version", "languages", "tags",   "feelings", "adults", "yearGroups"};

bool isNotText(const std::string& key) {
  return key == "editor" || key == "smart" || key == "licence" || key == "formatVersion" ||
         std::find(kNotText.begin(), kNotText.end(), key) != kNotText.end();
}

// One code point from `s` at `i`; advances `i`. Invalid bytes come back as
// themselves with `ok` false, so they are copied unchanged.
char32_t decode(std::string_view s, std::size_t& i, bool& ok) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  ok = true;
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || b0 > 0xF4 || i + len > s.size()) {
    ok = false;
    ++i;
    return b0;
  }
  char32_t cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ok = false;
      ++i;
      return b0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

void encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') {
    return c + 32;
  }
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) { // Latin-1: À..Þ, not ×
    return c + 32;
  }
  // Latin Extended-A pairs upper, lower: even-odd from U+0100, odd-even from U+0139
  // and from U+0179, with U+0130 (İ), U+0131 (ı), U+0138 (ĸ), U+0149 (ŉ) and U+017F alone.
  if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) {
    return (c % 2 == 0) ? c + 1 : c;
  }
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) {
    return (c % 2 == 1) ? c + 1 : c;
  }
  if (c == 0x178) { // Ÿ
    return 0xFF;
  }
  return c;
}

std::vector<std::string> wordsOf(std::string_view query) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : query) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!word.empty()) {
        words.push_back(foldCase(word));
        word.clear();
      }
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) {
    words.push_back(foldCase(word));
  }
  return words;
}

// "en-GB", "cy": a member of a text given in several languages. "alt" is a field.
bool looksLikeLanguage(const std::string& key) {
  const std::size_t dash = key.find('-');
  const std::size_t letters = dash == std::string::npos ? key.size() : dash;
  if (letters < 2 || letters > 3 || key == "alt") {
    return false;
  }
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    const bool ok = i < letters    ? (c >= 'a' && c <= 'z')
                    : i == letters ? c == '-'
                                   : (c >= 'A' && c <= 'Z');
    if (!ok) {
      return false;
    }
  }
  return dash == std::string::npos || key.size() == letters + 3;
}

struct Search {
  const std::vector<std::string>& words;
  std::size_t limit;
  FindResults& results;
  const std::string& file;
  const Json& root;

  // False once the limit is reached, to stop the walk.
  bool walk(const Json& v, const std::string& pointer, int depth) {
    if (depth > kMaxJsonDepth) {
      return true;
    }
    if (v.is_string()) {
      const std::string folded = foldCase(v.get_ref<const std::string&>());
      for (const std::string& w : words) {
        if (folded.find(w) == std::string::npos) {
          return true;
        }
      }
      if (results.matches.size() == limit) {
        results.more = true;
        return false;
      }
      results.matches.push_back(
          TextMatch{file, pointer, placeName(root, pointer), v.get<std::string>()});
      return true;
    }
    if (v.is_object()) {
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (isNotText(it.key())) {
          continue;
        }
        if (!walk(it.value(), appendPointer(pointer, it.key()), depth + 1)) {
          return false;
        }
      }
    } else if (v.is_array()) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!walk(v[i], appendPointer(pointer, i), depth + 1)) {
          return false;
        }
      }
    }
    return true;
  }
};

} // namespace

std::string foldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    bool ok = true;
    const char32_t cp = decode(text, i, ok);
    if (!ok) {
      out.push_back(text[start]);
    } else if (cp < 0x80) {
      out.push_back(static_cast<char>(lower(cp)));
    } else {
      encode(lower(cp), out);
    }
  }
  return out;
}

std::string placeName(const Json& root, const std::string& pointer) {
  std::string out;
  const Json* at = &root;
  std::size_t pos = 0;
  while (pos < pointer.size() && at != nullptr) {
    const std::size_t next = std::min(pointer.find('/', pos + 1), pointer.size());
    std::string token = pointer.substr(pos + 1, next - pos - 1);
    // Unescape "~1" and "~0" (RFC 6901).
    std::string key;
    for (std::size_t k = 0; k < token.size(); ++k) {
      if (token[k] == '~' && k + 1 < token.size() && (token[k + 1] == '0' || token[k + 1] == '1')) {
        key.push_back(token[k + 1] == '0' ? '~' : '/');
        ++k;
      } else {
        key.push_back(token[k]);
      }
    }
    std::string name;
    const Json* child = nullptr;
    if (at->is_array()) {
      std::size_t index = 0;
      bool number = !key.empty() && key.size() < 10;
      for (const char c : key) {
        number = number && c >= '0' && c <= '9';
        index = number ? index * 10 + static_cast<std::size_t>(c - '0') : index;
      }
      if (number && index < at->size()) {
        child = &(*at)[index];
        const Json* id = child->is_object() && child->contains("id") ? &(*child)["id"] : nullptr;
        name = id != nullptr && id->is_string() ? "\"" + id->get<std::string>() + "\""
                                                : std::to_string(index + 1);
      } else {
        name = key;
      }
    } else if (at->is_object()) {
      const auto it = at->find(key);
      child = it != at->end() ? &*it : nullptr;
      // A language tag under a text stays as written ("cy"); a field is put in words.
      name = looksLikeLanguage(key) ? key : fieldName(key);
    } else {
      name = key;
    }
    out += (out.empty() ? "" : " \xE2\x80\xBA ") + name;
    at = child;
    pos = next;
  }
  return out;
}

FindResults findText(const PackDocument& doc, std::string_view query, std::size_t limit) {
  FindResults results;
  const std::vector<std::string> words = wordsOf(query);
  if (words.empty()) {
    return results;
  }
  // pack.json first, as the file list shows it, then the rest in order.
  std::vector<std::string> files = doc.files();
  std::stable_partition(files.begin(), files.end(),
                        [](const std::string& f) { return f == "pack.json"; });
  for (const std::string& f : files) {
    const Json* root = doc.value(f);
    if (root == nullptr) {
      continue;
    }
    Search search{words, limit, results, f, *root};
    if (!search.walk(*root, "", 0)) {
      break;
    }
  }
  return results;
}

} // namespace sq::authoring
