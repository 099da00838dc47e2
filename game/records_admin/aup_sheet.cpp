// The printable AUP as a file (see aup_sheet.hpp).
#include "records_admin/aup_sheet.hpp"

#include "core/atomic_file.hpp"
#include "results/aup_print.hpp"
#include "results/register.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;

namespace sq::admin {

std::string aupSheetFileName(AupPhase phase) {
  return "SafeQuest AUP for parents - " + std::string(aupPhaseName(phase)) + ".html";
}

bool saveAupSheet(const std::vector<const Pack*>& packs,
                  const std::map<const Pack*, std::string>& packDirs, AupPhase phase,
                  const std::string& path, std::string& error) {
  const Pack* pack = nullptr;
  const Aup* aup = findAupForPhase(packs, phase, &pack);
  if (aup == nullptr || pack == nullptr) {
    error = "no lesson pack has an AUP for " + std::string(aupPhaseName(phase));
    return false;
  }
  if (path.empty()) {
    error = "choose where to save it first";
    return false;
  }
  AupPrintOptions options;
  const auto dir = packDirs.find(pack);
  if (dir != packDirs.end()) {
    options.readAsset = packAssetReader(dir->second);
  }
  std::string why;
  if (!writeFileAtomically(path, aupPrintHtml(*pack, *aup, options), why)) {
    error = "it could not be saved as " + path + ": " + why;
    return false;
  }
  return true;
}

} // namespace sq::admin
