#include "core/diagnostics.hpp"

#include "core/utf8.hpp"

namespace sq {

const std::vector<CodeInfo>& allCodes() {
  static const std::vector<CodeInfo> table = {
#define SQ_X(name, str, sev, what) {Code::name, str, Severity::sev, what},
      SQ_DIAGNOSTIC_CODES(SQ_X)
#undef SQ_X
  };
  return table;
}

const CodeInfo& codeInfo(Code code) {
  return allCodes()[static_cast<size_t>(code)];
}

std::string_view codeId(Code code) {
  return codeInfo(code).id;
}

std::string_view severityName(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

std::string formatDiagnostic(const Diagnostic& d) {
  std::string line = d.file.empty() ? std::string(".") : d.file;
  if (!d.pointer.empty()) {
    line += ':';
    line += d.pointer;
  }
  line += ": ";
  line += severityName(d.severity);
  line += ' ';
  line += codeId(d.code);
  line += ": ";
  line += d.message;
  return line;
}

void Diagnostics::add(Code code, std::string file, std::string pointer, std::string message) {
  const Severity severity = codeInfo(code).severity;
  if (severity == Severity::Error) {
    ++mErrors;
  }
  // Messages quote the input and file names come from the disk: either may hold
  // bytes that are not UTF-8, and a diagnostic must always be printable and JSON-safe.
  mItems.push_back({severity, code, toValidUtf8(std::move(file)), toValidUtf8(std::move(pointer)),
                    toValidUtf8(std::move(message))});
}

std::string pointerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace sq
