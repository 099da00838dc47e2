#include "authoring/json_spans.hpp"

#include "core/utf8.hpp"

#include <cstdint>

namespace sq::authoring {
namespace {

class Scanner {
public:
  Scanner(std::string_view text, int maxDepth) : mText(text), mMaxDepth(maxDepth) {}

  std::optional<JsonSpan> scanDocument() {
    if (mText.substr(0, 3) == "\xEF\xBB\xBF") {
      mPos = 3;
    }
    skipSpace();
    JsonSpan root;
    if (!value(root, 0)) {
      return std::nullopt;
    }
    skipSpace();
    if (mPos != mText.size()) {
      return fail("unexpected text after the end of the JSON value");
    }
    return root;
  }

  JsonSpanProblem problem() const { return mProblem; }

private:
  std::nullopt_t fail(const char* message) {
    if (mProblem.message.empty()) {
      mProblem = JsonSpanProblem{mPos, message};
    }
    return std::nullopt;
  }

  bool failed(const char* message) {
    fail(message);
    return false;
  }

  void skipSpace() {
    while (mPos < mText.size() && (mText[mPos] == ' ' || mText[mPos] == '\t' ||
                                   mText[mPos] == '\n' || mText[mPos] == '\r')) {
      ++mPos;
    }
  }

  bool literal(std::string_view word) {
    if (mText.substr(mPos, word.size()) != word) {
      return failed("unknown word: expected true, false, null, a number, a string, [ or {");
    }
    mPos += word.size();
    return true;
  }

  bool number() {
    const std::size_t start = mPos;
    if (mPos < mText.size() && mText[mPos] == '-') {
      ++mPos;
    }
    const auto digits = [this] {
      const std::size_t from = mPos;
      while (mPos < mText.size() && mText[mPos] >= '0' && mText[mPos] <= '9') {
        ++mPos;
      }
      return mPos > from;
    };
    if (!digits()) {
      mPos = start;
      return failed("a number must start with a digit");
    }
    if (mPos < mText.size() && mText[mPos] == '.') {
      ++mPos;
      if (!digits()) {
        return failed("a digit must follow the decimal point");
      }
    }
    if (mPos < mText.size() && (mText[mPos] == 'e' || mText[mPos] == 'E')) {
      ++mPos;
      if (mPos < mText.size() && (mText[mPos] == '+' || mText[mPos] == '-')) {
        ++mPos;
      }
      if (!digits()) {
        return failed("a digit must follow the exponent");
      }
    }
    return true;
  }

  static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  bool hex4(std::uint32_t& out) {
    if (mPos + 4 > mText.size()) {
      return failed("\\u needs four hex digits");
    }
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = hexValue(mText[mPos++]);
      if (h < 0) {
        return failed("\\u needs four hex digits");
      }
      out = out * 16 + static_cast<std::uint32_t>(h);
    }
    return true;
  }

  // A string at mPos (on its quote); its decoded text goes to `out` when given.
  bool string(std::string* out) {
    ++mPos; // the opening quote
    while (mPos < mText.size()) {
      const char c = mText[mPos];
      if (c == '"') {
        ++mPos;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return failed("a control character inside a string");
      }
      if (c != '\\') {
        if (out != nullptr) {
          out->push_back(c);
        }
        ++mPos;
        continue;
      }
      ++mPos;
      if (mPos >= mText.size()) {
        break;
      }
      const char e = mText[mPos++];
      char plain = 0;
      switch (e) {
      case '"':
        plain = '"';
        break;
      case '\\':
        plain = '\\';
        break;
      case '/':
        plain = '/';
        break;
      case 'b':
        plain = '\b';
        break;
      case 'f':
        plain = '\f';
        break;
      case 'n':
        plain = '\n';
        break;
      case 'r':
        plain = '\r';
        break;
      case 't':
        plain = '\t';
        break;
      case 'u': {
        std::uint32_t cp = 0;
        if (!hex4(cp)) {
          return false;
        }
        if (cp >= 0xD800 && cp <= 0xDBFF && mPos + 1 < mText.size() && mText[mPos] == '\\' &&
            mText[mPos + 1] == 'u') {
          mPos += 2;
          std::uint32_t low = 0;
          if (!hex4(low)) {
            return false;
          }
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else {
            return failed("a lone surrogate in \\u escapes");
          }
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
          return failed("a lone surrogate in \\u escapes");
        }
        if (out != nullptr) {
          appendUtf8(*out, static_cast<char32_t>(cp));
        }
        continue;
      }
      default:
        return failed("an unknown escape in a string");
      }
      if (out != nullptr) {
        out->push_back(plain);
      }
    }
    return failed("a string is not closed");
  }

  bool value(JsonSpan& span, int depth) {
    if (mPos >= mText.size()) {
      return failed("the text ends where a value should be");
    }
    span.begin = mPos;
    const char c = mText[mPos];
    bool ok = false;
    if (c == '{' || c == '[') {
      if (depth >= mMaxDepth) {
        return failed("nested too deeply");
      }
      ok = c == '{' ? object(span, depth + 1) : array(span, depth + 1);
    } else if (c == '"') {
      span.kind = JsonSpan::Kind::Scalar;
      ok = string(nullptr);
    } else if (c == 't') {
      ok = literal("true");
    } else if (c == 'f') {
      ok = literal("false");
    } else if (c == 'n') {
      ok = literal("null");
    } else {
      ok = number();
    }
    span.end = mPos;
    return ok;
  }

  bool object(JsonSpan& span, int depth) {
    span.kind = JsonSpan::Kind::Object;
    ++mPos;
    skipSpace();
    if (mPos < mText.size() && mText[mPos] == '}') {
      ++mPos;
      return true;
    }
    while (true) {
      skipSpace();
      if (mPos >= mText.size() || mText[mPos] != '"') {
        return failed("an object key must be a string in double quotes");
      }
      JsonMember member;
      member.keyBegin = mPos;
      if (!string(&member.key)) {
        return false;
      }
      member.keyEnd = mPos;
      skipSpace();
      if (mPos >= mText.size() || mText[mPos] != ':') {
        return failed("a colon must follow an object key");
      }
      ++mPos;
      skipSpace();
      if (!value(member.value, depth)) {
        return false;
      }
      span.members.push_back(std::move(member));
      skipSpace();
      if (mPos < mText.size() && mText[mPos] == ',') {
        ++mPos;
        continue;
      }
      if (mPos < mText.size() && mText[mPos] == '}') {
        ++mPos;
        return true;
      }
      return failed("expected , or } in an object");
    }
  }

  bool array(JsonSpan& span, int depth) {
    span.kind = JsonSpan::Kind::Array;
    ++mPos;
    skipSpace();
    if (mPos < mText.size() && mText[mPos] == ']') {
      ++mPos;
      return true;
    }
    while (true) {
      skipSpace();
      JsonSpan item;
      if (!value(item, depth)) {
        return false;
      }
      span.items.push_back(std::move(item));
      skipSpace();
      if (mPos < mText.size() && mText[mPos] == ',') {
        ++mPos;
        continue;
      }
      if (mPos < mText.size() && mText[mPos] == ']') {
        ++mPos;
        return true;
      }
      return failed("expected , or ] in an array");
    }
  }

  std::string_view mText;
  int mMaxDepth;
  std::size_t mPos = 0;
  JsonSpanProblem mProblem;
};

} // namespace

std::optional<JsonSpan> scanJsonSpans(std::string_view text, int maxDepth,
                                      JsonSpanProblem* problem) {
  Scanner scanner(text, maxDepth);
  std::optional<JsonSpan> root = scanner.scanDocument();
  if (!root && problem != nullptr) {
    *problem = scanner.problem();
  }
  return root;
}

} // namespace sq::authoring
