// Diagnostics: what the loaders report about outside data (packs, class lists,
// results). Every diagnostic has a place (file + JSON pointer) and a stable code
// from diagnostic_codes.hpp, so tests assert codes and teachers see where to look.
// Depends on: std only.
#pragma once

#include "core/diagnostic_codes.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sq {

enum class Severity { Warning, Error };

enum class Code {
#define SQ_X(name, str, sev, what) name,
  SQ_DIAGNOSTIC_CODES(SQ_X)
#undef SQ_X
};

struct CodeInfo {
  Code code;
  std::string_view id;
  Severity severity;
  std::string_view meaning;
};

// Every code, in table order.
const std::vector<CodeInfo>& allCodes();
const CodeInfo& codeInfo(Code code);
std::string_view codeId(Code code);
std::string_view severityName(Severity severity);

struct Diagnostic {
  Severity severity = Severity::Error;
  Code code = Code::JsonSyntax;
  std::string file;    // relative to the pack root, '/'-separated; empty for the pack itself
  std::string pointer; // RFC 6901 JSON pointer; empty when the whole file is meant
  std::string message;
};

// One line, as `safequest-cli validate` prints it: "file:/pointer: error code: message".
std::string formatDiagnostic(const Diagnostic& d);

class Diagnostics {
public:
  void add(Code code, std::string file, std::string pointer, std::string message);
  const std::vector<Diagnostic>& all() const { return mItems; }
  int errorCount() const { return mErrors; }
  int warningCount() const { return static_cast<int>(mItems.size()) - mErrors; }
  bool hasErrors() const { return mErrors > 0; }

private:
  std::vector<Diagnostic> mItems;
  int mErrors = 0;
};

// Escapes one reference token for a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointerToken(std::string_view token);

} // namespace sq
