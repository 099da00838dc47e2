#include "authoring/pack_templates.hpp"

#include "authoring/edit_ops.hpp"
#include "authoring/pack_document.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace sq::authoring {
namespace {

std::set<std::string> kindsIn(const Json& lesson) {
  std::set<std::string> out;
  const Json* steps = findPointer(lesson, "/steps");
  if (steps == nullptr || !steps->is_array()) {
    return out;
  }
  for (const Json& step : *steps) {
    const Json* kind = findPointer(step, "/kind");
    if (kind == nullptr || !kind->is_string()) {
      continue;
    }
    out.insert(kind->get<std::string>());
    const Json* items = findPointer(step, "/items");
    if (items != nullptr && items->is_array()) {
      for (const Json& item : *items) {
        const Json* type = findPointer(item, "/type");
        if (type != nullptr && type->is_string()) {
          out.insert("quiz:" + type->get<std::string>());
        }
      }
    }
  }
  return out;
}

// Every string value naming a file of the pack ("assets/...").
void collectAssets(const Json& v, std::set<std::string>& out) {
  if (v.is_structured()) {
    for (const Json& child : v) {
      collectAssets(child, out);
    }
  } else if (v.is_string() && v.get_ref<const std::string&>().rfind("assets/", 0) == 0) {
    out.insert(v.get<std::string>());
  }
}

void collectAups(const Json& lesson, std::set<std::string>& out) {
  const Json* steps = findPointer(lesson, "/steps");
  if (steps == nullptr || !steps->is_array()) {
    return;
  }
  for (const Json& step : *steps) {
    const Json* aup = findPointer(step, "/aup");
    if (aup != nullptr && aup->is_string()) {
      out.insert(aup->get<std::string>());
    }
  }
}

Json basePack(const std::string& id, const std::string& title) {
  Json pack = Json::object();
  pack["formatVersion"] = 1;
  pack["id"] = id;
  pack["title"] = title;
  pack["version"] = "1.0.0";
  pack["languages"] = Json::array({"en-GB"});
  // Placeholders the teacher replaces; the loader needs each to be there.
  pack["authors"] = Json::array({"Our school"});
  // The starter's lessons come from the core pack, under its licence.
  pack["licence"] = "CC-BY-4.0";
  pack["description"] = "Lessons written by our school.";
  pack["units"] = Json::array();
  return pack;
}

} // namespace

std::vector<std::string> activityKinds() {
  return {"slides",        "scenario",       "butterfly", "aup",       "quiz:single",
          "quiz:multiple", "quiz:truefalse", "quiz:sort", "quiz:order"};
}

bool createPackFromTemplate(PackTemplate kind, const std::string& corePack,
                            const std::string& target, const std::string& id,
                            const std::string& title, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(target, ec)) {
    error = target + " already exists: choose a new folder";
    return false;
  }
  Json pack = basePack(id, title);
  PackDocument out = PackDocument::inMemory(target);
  std::set<std::string> assets;
  if (kind == PackTemplate::OneOfEachKind) {
    const PackDocument core = PackDocument::open(corePack);
    const Json* corePackJson = core.value("pack.json");
    const Json* units = corePackJson != nullptr ? findPointer(*corePackJson, "/units") : nullptr;
    if (units == nullptr || !units->is_array()) {
      error = corePack + " has no readable units to copy lessons from";
      return false;
    }
    // Greedy: take the lesson that adds the most kinds not yet covered, until all are.
    std::set<std::string> missing;
    for (const std::string& k : activityKinds()) {
      missing.insert(k);
    }
    std::vector<std::string> chosen;
    while (!missing.empty()) {
      std::string best;
      std::size_t bestGain = 0;
      for (const std::string& file : core.files()) {
        const Json* lesson = core.value(file);
        if (file.rfind("lessons/", 0) != 0 || lesson == nullptr ||
            std::find(chosen.begin(), chosen.end(), file) != chosen.end()) {
          continue;
        }
        std::size_t gain = 0;
        for (const std::string& k : kindsIn(*lesson)) {
          gain += missing.count(k);
        }
        if (gain > bestGain) {
          best = file;
          bestGain = gain;
        }
      }
      if (bestGain == 0) {
        error = "the core pack has no lesson with: " + *missing.begin();
        return false;
      }
      chosen.push_back(best);
      for (const std::string& k : kindsIn(*core.value(best))) {
        missing.erase(k);
      }
    }
    // The units that list the chosen lessons, with only those lessons.
    std::set<std::string> aups;
    for (const Json& unit : *units) {
      Json copy = unit;
      Json kept = Json::array();
      for (const Json& entry : unit.value("lessons", Json::array())) {
        for (const std::string& file : chosen) {
          if (findPointer(entry, "/lesson") != nullptr &&
              entry["lesson"] == (*core.value(file))["id"]) {
            kept.push_back(entry);
          }
        }
      }
      if (!kept.empty()) {
        copy["lessons"] = kept;
        pack["units"].push_back(copy);
      }
    }
    for (const std::string& file : chosen) {
      const Json& lesson = *core.value(file);
      out.putFile(file, FileState::fromValue(lesson));
      collectAssets(lesson, assets);
      collectAups(lesson, aups);
    }
    for (const std::string& file : core.files()) {
      const Json* aup = core.value(file);
      if (file.rfind("aups/", 0) == 0 && aup != nullptr && aup->contains("id") &&
          (*aup)["id"].is_string() && aups.count((*aup)["id"].get<std::string>()) > 0) {
        out.putFile(file, FileState::fromValue(*aup));
        collectAssets(*aup, assets);
      }
    }
  }
  out.putFile("pack.json", FileState::fromValue(pack));
  fs::create_directories(target, ec);
  if (ec) {
    error = "could not make " + target + ": " + ec.message();
    return false;
  }
  for (const std::string& asset : assets) {
    if (assetPathProblem(asset)) {
      continue;
    }
    const fs::path to = fs::path(target) / asset;
    fs::create_directories(to.parent_path(), ec);
    fs::copy_file(fs::path(corePack) / asset, to, ec);
    if (ec) {
      error = "could not copy " + asset + ": " + ec.message();
      return false;
    }
  }
  const SaveReport report = out.save();
  if (!report.ok()) {
    error = report.failed.front().file + ": " + report.failed.front().message;
    return false;
  }
  return true;
}

} // namespace sq::authoring
