#include "authoring/json_rewrite.hpp"

#include "authoring/json_spans.hpp"
#include "content/json_limits.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace sq::authoring {
namespace {

// Scalar lists up to this width (with their indent) stay on one line.
constexpr std::size_t kInlineWidth = 80;
// Arrays longer than this are not matched item by item (quadratic): they are
// spliced position by position instead.
constexpr std::size_t kMaxMatchCells = 1u << 20;

std::string dumpScalar(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool allScalars(const Json& array) {
  return std::all_of(array.begin(), array.end(), [](const Json& v) { return !v.is_structured(); });
}

// Fresh text for `value` starting at a line indented by `indent`.
// `oneLine` writes objects as { "a": 1, "b": 2 }, as their siblings are.
std::string dumpValue(const Json& value, const std::string& indent, const std::string& unit,
                      bool oneLine) {
  if (value.is_object()) {
    if (value.empty()) {
      return "{}";
    }
    std::string out;
    if (oneLine) {
      out = "{ ";
      bool first = true;
      for (auto it = value.begin(); it != value.end(); ++it) {
        out += first ? "" : ", ";
        first = false;
        out += dumpScalar(Json(it.key())) + ": " + dumpValue(it.value(), indent, unit, true);
      }
      return out + " }";
    }
    out = "{\n";
    bool first = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      out += first ? "" : ",\n";
      first = false;
      out += indent + unit + dumpScalar(Json(it.key())) + ": " +
             dumpValue(it.value(), indent + unit, unit, false);
    }
    return out + "\n" + indent + "}";
  }
  if (value.is_array()) {
    if (value.empty()) {
      return "[]";
    }
    if (allScalars(value) || oneLine) {
      std::string line = "[";
      bool first = true;
      for (const Json& item : value) {
        line += first ? "" : ", ";
        first = false;
        line += dumpValue(item, indent, unit, true);
      }
      line += "]";
      if (oneLine || indent.size() + line.size() <= kInlineWidth) {
        return line;
      }
    }
    std::string out = "[\n";
    bool first = true;
    for (const Json& item : value) {
      out += first ? "" : ",\n";
      first = false;
      out += indent + unit + dumpValue(item, indent + unit, unit, false);
    }
    return out + "\n" + indent + "]";
  }
  return dumpScalar(value);
}

class Rewriter {
public:
  explicit Rewriter(std::string_view text) : mText(text), mUnit(detectUnit(text)) {}

  std::string render(const JsonSpan& span, const Json& before, const Json& after) {
    if (before == after) {
      return std::string(slice(span.begin, span.end));
    }
    if (span.kind == JsonSpan::Kind::Object && before.is_object() && after.is_object()) {
      return object(span, before, after);
    }
    if (span.kind == JsonSpan::Kind::Array && before.is_array() && after.is_array()) {
      return array(span, before, after);
    }
    return dumpValue(after, lineIndent(span.begin), mUnit, !multiLine(span));
  }

private:
  static std::string detectUnit(std::string_view text) {
    const std::size_t nl = text.find('\n');
    if (nl != std::string_view::npos) {
      std::size_t i = nl + 1;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
        ++i;
      }
      if (i > nl + 1) {
        return std::string(text.substr(nl + 1, i - nl - 1));
      }
    }
    return "  ";
  }

  std::string_view slice(std::size_t from, std::size_t to) const {
    return mText.substr(from, to - from);
  }

  bool multiLine(const JsonSpan& span) const {
    return slice(span.begin, span.end).find('\n') != std::string_view::npos;
  }

  // The whitespace that starts the line holding byte `pos`.
  std::string lineIndent(std::size_t pos) const {
    std::size_t start = pos;
    while (start > 0 && mText[start - 1] != '\n') {
      --start;
    }
    std::size_t i = start;
    while (i < pos && (mText[i] == ' ' || mText[i] == '\t')) {
      ++i;
    }
    return std::string(slice(start, i));
  }

  // Each value replaced in place, the text between them kept.
  template <typename Parts>
  std::string splice(const JsonSpan& span, std::size_t count, Parts part) {
    std::string out;
    std::size_t cursor = span.begin;
    for (std::size_t i = 0; i < count; ++i) {
      const auto [child, text] = part(i);
      out += slice(cursor, child->begin);
      out += text;
      cursor = child->end;
    }
    out += slice(cursor, span.end);
    return out;
  }

  std::string object(const JsonSpan& span, const Json& before, const Json& after) {
    bool sameKeys = span.members.size() == before.size() && before.size() == after.size();
    if (sameKeys) {
      std::size_t i = 0;
      for (auto b = before.begin(), a = after.begin(); b != before.end(); ++b, ++a, ++i) {
        if (b.key() != a.key() || span.members[i].key != b.key()) {
          sameKeys = false;
          break;
        }
      }
    }
    if (sameKeys) {
      return splice(span, span.members.size(), [&](std::size_t i) {
        const JsonMember& m = span.members[i];
        return std::pair{&m.value, render(m.value, before[m.key], after[m.key])};
      });
    }
    if (after.empty()) {
      return "{}";
    }
    // Keys came or went: one member per line (or all on one line, as before),
    // each surviving member keeping its own text.
    const bool oneLine = !span.members.empty() && !multiLine(span);
    const std::string outer = lineIndent(span.begin);
    const std::string inner = !span.members.empty() && !oneLine
                                  ? lineIndent(span.members.front().keyBegin)
                                  : outer + mUnit;
    // New members take the separator most members use ("key": value).
    std::string colon = ": ";
    {
      std::map<std::string, int> seen;
      int best = 0;
      for (const JsonMember& m : span.members) {
        const int n = ++seen[std::string(slice(m.keyEnd, m.value.begin))];
        if (n > best) {
          best = n;
          colon = std::string(slice(m.keyEnd, m.value.begin));
        }
      }
    }
    std::vector<std::string> parts;
    for (auto it = after.begin(); it != after.end(); ++it) {
      const JsonMember* old = nullptr;
      for (const JsonMember& m : span.members) {
        if (m.key == it.key()) {
          old = &m; // the last one wins, as in the parsed value
        }
      }
      if (old != nullptr && before.contains(it.key())) {
        parts.push_back(std::string(slice(old->keyBegin, old->value.begin)) +
                        render(old->value, before[it.key()], it.value()));
      } else {
        parts.push_back(dumpScalar(Json(it.key())) + colon +
                        dumpValue(it.value(), inner, mUnit, oneLine));
      }
    }
    std::string out;
    if (oneLine) {
      const bool padded = span.begin + 1 < span.end && mText[span.begin + 1] == ' ';
      out = padded ? "{ " : "{";
      for (std::size_t i = 0; i < parts.size(); ++i) {
        out += (i > 0 ? ", " : "") + parts[i];
      }
      return out + (padded ? " }" : "}");
    }
    out = "{\n";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      out += (i > 0 ? ",\n" : "") + inner + parts[i];
    }
    return out + "\n" + (span.members.empty() ? outer : lineIndent(span.end - 1)) + "}";
  }

  std::string array(const JsonSpan& span, const Json& before, const Json& after) {
    if (span.items.size() == before.size() && before.size() == after.size()) {
      return splice(span, span.items.size(), [&](std::size_t i) {
        return std::pair{&span.items[i], render(span.items[i], before[i], after[i])};
      });
    }
    if (after.empty()) {
      return "[]";
    }
    const std::vector<std::string> parts = arrayItems(span, before, after);
    const bool oneLine = !span.items.empty() ? !multiLine(span) : allScalars(after);
    const std::string outer = lineIndent(span.begin);
    if (oneLine) {
      std::string sep = ", ";
      if (span.items.size() >= 2) {
        sep = std::string(slice(span.items[0].end, span.items[1].begin));
      }
      std::string out = "[";
      for (std::size_t i = 0; i < parts.size(); ++i) {
        out += (i > 0 ? sep : "") + parts[i];
      }
      return out + "]";
    }
    const std::string inner =
        !span.items.empty() ? lineIndent(span.items.front().begin) : outer + mUnit;
    std::string out = "[\n";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      out += (i > 0 ? ",\n" : "") + inner + parts[i];
    }
    return out + "\n" + (span.items.empty() ? outer : lineIndent(span.end - 1)) + "]";
  }

  // The text of each item of `after`: an unchanged item keeps its bytes (matched by
  // a longest common subsequence), an item that took the place of a removed one is
  // rewritten from it, a new one is written fresh like its siblings.
  std::vector<std::string> arrayItems(const JsonSpan& span, const Json& before, const Json& after) {
    const std::size_t n = before.size();
    const std::size_t m = after.size();
    std::vector<std::ptrdiff_t> matchOf(m, -1); // after index -> before index
    if (n * m <= kMaxMatchCells) {
      std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
      for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
          lcs[i][j] = before[i] == after[j] ? lcs[i + 1][j + 1] + 1
                                            : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      std::size_t i = 0;
      std::size_t j = 0;
      while (i < n && j < m) {
        if (before[i] == after[j]) {
          matchOf[j] = static_cast<std::ptrdiff_t>(i);
          ++i;
          ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
          ++i;
        } else {
          ++j;
        }
      }
    }
    bool siblingsOneLine = false;
    for (const JsonSpan& item : span.items) {
      if (item.kind == JsonSpan::Kind::Object && !multiLine(item)) {
        siblingsOneLine = true;
      }
    }
    const std::string inner = !span.items.empty() && multiLine(span)
                                  ? lineIndent(span.items.front().begin)
                                  : lineIndent(span.begin) + mUnit;
    std::vector<std::string> parts(m);
    std::size_t nextOld = 0; // the first old item not yet used, in order
    for (std::size_t j = 0; j < m; ++j) {
      if (matchOf[j] >= 0) {
        const auto i = static_cast<std::size_t>(matchOf[j]);
        parts[j] = std::string(slice(span.items[i].begin, span.items[i].end));
        nextOld = i + 1;
        continue;
      }
      // The next unmatched old item before the next match, if any, was replaced.
      std::size_t bound = n;
      for (std::size_t k = j + 1; k < m; ++k) {
        if (matchOf[k] >= 0) {
          bound = static_cast<std::size_t>(matchOf[k]);
          break;
        }
      }
      if (nextOld < bound && nextOld < span.items.size()) {
        parts[j] = render(span.items[nextOld], before[nextOld], after[j]);
        ++nextOld;
      } else {
        parts[j] = dumpValue(after[j], inner, mUnit, siblingsOneLine && after[j].is_object());
      }
    }
    return parts;
  }

  std::string_view mText;
  std::string mUnit;
};

} // namespace

std::string writeNewJsonFile(const Json& value) {
  return dumpValue(value, "", "  ", false) + "\n";
}

bool parseJsonText(std::string_view text, Json& out, std::string& error, std::size_t* line,
                   std::size_t* column) {
  if (const auto deep = findExcessNesting(text, kMaxJsonDepth)) {
    error = "line " + std::to_string(deep->line) + ", column " + std::to_string(deep->column) +
            ": nested more than " + std::to_string(kMaxJsonDepth) + " levels deep";
    if (line != nullptr) {
      *line = deep->line;
    }
    if (column != nullptr) {
      *column = deep->column;
    }
    return false;
  }
  // nlohmann's lexer takes a NUL byte for the end of the input, so "1\0junk" would
  // read as 1: JSON text never holds one, so it is refused here first.
  const std::size_t nul = text.find('\0');
  JsonSpanProblem problem;
  if (nul == std::string_view::npos) {
    out = Json::parse(text.begin(), text.end(), nullptr, false);
    if (!out.is_discarded()) {
      return true;
    }
    // Where it breaks: the span scanner gives the byte; count lines up to it.
    scanJsonSpans(text, kMaxJsonDepth, &problem);
  } else {
    problem = JsonSpanProblem{nul, "a NUL byte: this is not a text file"};
  }
  std::size_t l = 1;
  std::size_t c = 1;
  for (std::size_t i = 0; i < problem.offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++l;
      c = 1;
    } else {
      ++c;
    }
  }
  error = "line " + std::to_string(l) + ", column " + std::to_string(c) + ": " +
          (problem.message.empty() ? std::string("this is not valid JSON") : problem.message);
  if (line != nullptr) {
    *line = l;
  }
  if (column != nullptr) {
    *column = c;
  }
  out = Json();
  return false;
}

std::string rewriteJsonText(std::string_view text, const Json& before, const Json& after) {
  const std::optional<JsonSpan> root = scanJsonSpans(text, kMaxJsonDepth);
  if (root) {
    Rewriter rewriter(text);
    std::string out(text.substr(0, root->begin));
    out += rewriter.render(*root, before, after);
    out += text.substr(root->end);
    Json check;
    std::string ignored;
    if (parseJsonText(out, check, ignored) && check == after) {
      return out;
    }
  }
  return writeNewJsonFile(after);
}

} // namespace sq::authoring
