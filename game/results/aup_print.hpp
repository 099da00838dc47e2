// A printable Acceptable Use Policy for one phase (EYFS, KS1 or KS2), to send home
// for parents and carers to read with their child and sign: the promises from the
// pack's AUP, then space for the child's name, a parent or carer's signature and the
// date. One A4 HTML page with no scripts and no external files: pictures, when the
// caller can read them, are embedded as data: URIs.
// Depends on: content/pack_model, results/register (newestPacks, names),
// results/report_html (escaping).
#pragma once

#include "content/pack_model.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sq {

struct AupPrintOptions {
  std::string lang; // "" for the pack's first language
  // Reads a picture by its pack-relative path (e.g. "assets/pictures/heart.png");
  // nullopt when it cannot. Unset: the sheet has no pictures.
  std::function<std::optional<std::string>(const std::string& src)> readAsset;
};

// A readAsset for a pack that loaded without errors from `packDir`: its asset paths
// are relative with no "..", and links out of the pack were refused, so joining
// them to the pack folder is safe.
std::function<std::optional<std::string>(const std::string& src)>
packAssetReader(const std::string& packDir);

// The AUP for `phase`: from the newest copy of each pack, the first pack by id that
// has one. Null when none has. `packOut` receives the pack it came from.
const Aup* findAupForPhase(const std::vector<const Pack*>& packs, AupPhase phase,
                           const Pack** packOut = nullptr);

std::string aupPrintHtml(const Pack& pack, const Aup& aup, const AupPrintOptions& options = {});

} // namespace sq
