#include "results/aup_print.hpp"

#include "results/register.hpp"
#include "results/report_html.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sq {

namespace {

// Larger type and pictures for the youngest, who will have the promises read to
// them; KS2's longer promises get a smaller size so they still fit on one page.
constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 12mm 14mm 12mm 14mm; }
* { box-sizing: border-box; }
html { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; color: #000;
       background: #fff; line-height: 1.3; }
body { margin: 0 auto; max-width: 182mm; padding: 0; }
h1 { font-size: 22pt; margin: 0 0 1mm; }
.for { font-size: 12pt; font-weight: 700; margin: 0 0 3mm; }
.letter { border: 1.5pt solid #000; padding: 2.5mm 3.5mm; margin: 0 0 3mm; font-size: 10.5pt; }
.letter p { margin: 0 0 1.2mm; }
.intro { margin: 0 0 2.5mm; }
ol { list-style: none; margin: 0; padding: 0; }
li { display: flex; align-items: center; gap: 3mm; break-inside: avoid;
     border-bottom: 0.75pt solid #777; }
li .n { flex: 0 0 auto; font-weight: 700; min-width: 7mm; }
li img { flex: 0 0 auto; object-fit: contain; }
li .t { flex: 1 1 auto; }
.eyfs .intro, .ks1 .intro { font-size: 14pt; }
.eyfs li { font-size: 14pt; padding: 1mm 0; }
.eyfs li img { width: 16mm; height: 16mm; }
.ks1 li { font-size: 13pt; padding: 0.8mm 0; }
.ks1 li img { width: 14mm; height: 14mm; }
.ks2 .intro { font-size: 11.5pt; }
.ks2 li { font-size: 10.5pt; padding: 1mm 0; }
.ks2 li img { width: 10mm; height: 10mm; }
.sign { margin-top: 4mm; border: 1.5pt solid #000; padding: 2.5mm 4mm; break-inside: avoid; }
.sign p { margin: 0 0 2mm; font-size: 11pt; }
.line { display: flex; align-items: flex-end; gap: 3mm; margin: 4mm 0 0; font-size: 12pt; }
.line span { white-space: nowrap; font-weight: 700; }
.line i { flex: 1 1 auto; border-bottom: 1.2pt solid #000; height: 7mm; }
.version { margin-top: 3mm; font-size: 9pt; }
)";

std::string_view phaseFor(AupPhase p) {
  switch (p) {
  case AupPhase::Eyfs:
    return "For children in Reception (EYFS)";
  case AupPhase::Ks1:
    return "For children in Key Stage 1 (Years 1 and 2)";
  case AupPhase::Ks2:
    return "For children in Key Stage 2 (Years 3 to 6)";
  }
  return "";
}

std::string_view phaseClass(AupPhase p) {
  return aupPhaseId(p);
}

std::string base64(std::string_view bytes) {
  static constexpr char table[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const std::uint32_t v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                            static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1]))
                                << 8 |
                            static_cast<unsigned char>(bytes[i + 2]);
    out += table[v >> 18 & 63];
    out += table[v >> 12 & 63];
    out += table[v >> 6 & 63];
    out += table[v & 63];
  }
  if (i < bytes.size()) {
    std::uint32_t v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) {
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    }
    out += table[v >> 18 & 63];
    out += table[v >> 12 & 63];
    out += i + 1 < bytes.size() ? table[v >> 6 & 63] : '=';
    out += '=';
  }
  return out;
}

// The picture's type from its first bytes, as the pack validator judges assets;
// anything else is left out rather than embedded.
std::string_view imageType(std::string_view bytes) {
  if (bytes.size() > 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) {
    return "image/png";
  }
  if (bytes.size() > 3 && bytes.substr(0, 3) == "\xFF\xD8\xFF") {
    return "image/jpeg";
  }
  return {};
}

constexpr std::size_t kMaxEmbeddedBytes = 512 * 1024;

} // namespace

const Aup* findAupForPhase(const std::vector<const Pack*>& packs, AupPhase phase,
                           const Pack** packOut) {
  // Same choice as the register: the newest copy of each pack, then the first pack
  // (by id) with an AUP for the phase.
  for (const Pack* p : newestPacks(packs)) {
    for (const Aup& a : p->aups) {
      if (a.phase == phase) {
        if (packOut != nullptr) {
          *packOut = p;
        }
        return &a;
      }
    }
  }
  if (packOut != nullptr) {
    *packOut = nullptr;
  }
  return nullptr;
}

std::string aupPrintHtml(const Pack& pack, const Aup& aup, const AupPrintOptions& options) {
  const std::string_view lang = options.lang;
  std::string out;
  out.reserve(8192);
  auto text = [&](std::string_view s) { appendHtmlEscaped(out, s); };
  out += "<!DOCTYPE html>\n<html lang=\"";
  text(lang.empty() ? (pack.languages.empty() ? std::string("en-GB") : pack.languages.front())
                    : std::string(lang));
  out += "\"><head><meta charset=\"utf-8\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; img-src data:\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
  text(aup.title.get(lang));
  out += " (";
  text(aupPhaseName(aup.phase));
  out += ")</title><style>";
  out += kStyle;
  out += "</style></head><body class=\"";
  out += phaseClass(aup.phase);
  out += "\"><h1>";
  text(aup.title.get(lang));
  out += "</h1><p class=\"for\">";
  text(phaseFor(aup.phase));
  out += "</p>";

  out += "<div class=\"letter\"><p><strong>Dear parent or carer,</strong></p><p>At school your "
         "child uses computers and tablets to learn, and learns how to stay safe and kind "
         "online. These are the promises your child makes at school. Please read them "
         "together";
  if (aup.phase == AupPhase::Eyfs) {
    out += " (your child will need you to read them aloud)";
  }
  out += " and talk about what each one means. Then sign below and send this sheet back to "
         "school.</p><p>Thank you for helping your child stay safe online.</p></div>";

  if (aup.intro) {
    out += "<p class=\"intro\">";
    text(aup.intro->get(lang));
    out += "</p>";
  }

  out += "<ol>";
  int n = 0;
  for (const AupPromise& p : aup.promises) {
    out += "<li><span class=\"n\">";
    out += std::to_string(++n);
    out += ".</span>";
    if (p.picture && options.readAsset) {
      if (auto bytes = options.readAsset(p.picture->src);
          bytes && bytes->size() <= kMaxEmbeddedBytes && !imageType(*bytes).empty()) {
        out += "<img alt=\"";
        text(p.picture->alt.get(lang));
        out += "\" src=\"data:";
        out += imageType(*bytes);
        out += ";base64,";
        out += base64(*bytes);
        out += "\">";
      }
    }
    out += "<span class=\"t\">";
    text(p.text.get(lang));
    out += "</span></li>";
  }
  out += "</ol>";

  out += "<div class=\"sign\"><p>We have read these promises together.</p>"
         "<div class=\"line\"><span>Child's name</span><i></i></div>"
         "<div class=\"line\"><span>Parent or carer's signature</span><i></i></div>"
         "<div class=\"line\"><span>Date</span><i></i></div></div>";
  out += "<p class=\"version\">";
  text(aup.title.get(lang) + ", " + std::string(aupPhaseName(aup.phase)) + ", version " +
       aup.version + ". From the content pack \u201c" + pack.title.get(lang) + "\u201d (" +
       pack.id + " " + pack.version + ").");
  out += "</p></body></html>\n";
  return out;
}

std::function<std::optional<std::string>(const std::string& src)>
packAssetReader(const std::string& packDir) {
  return [packDir](const std::string& src) -> std::optional<std::string> {
    std::ifstream in(std::filesystem::path(packDir) / std::filesystem::path(src), std::ios::binary);
    if (!in) {
      return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  };
}

} // namespace sq
