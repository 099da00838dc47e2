#include "content/pack_loader.hpp"

#include "content/json_limits.hpp"
#include "content/json_reader.hpp"
#include "content/pack_parser.hpp"
#include "content/pack_validator.hpp"
#include "content/reading_check.hpp"
#include "core/fnv_hash.hpp"

#include <array>
#include <map>

namespace sq {

namespace {

constexpr std::array<std::string_view, 3> kDocFolders = {"lessons", "aups", "assemblies"};

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "lessons/a.json" -> ("lessons", "a"); nullopt for anything not directly in a document folder.
std::optional<std::pair<std::string_view, std::string>> documentOf(const std::string& path) {
  const std::size_t slash = path.find('/');
  if (slash == std::string::npos || path.find('/', slash + 1) != std::string::npos ||
      !endsWith(path, ".json")) {
    return std::nullopt;
  }
  const std::string_view folder = std::string_view(path).substr(0, slash);
  for (auto f : kDocFolders) {
    if (f == folder) {
      return std::make_pair(f, path.substr(slash + 1, path.size() - slash - 1 - 5));
    }
  }
  return std::nullopt;
}

bool inDocFolder(const std::string& path) {
  for (auto f : kDocFolders) {
    if (path.size() > f.size() && path.compare(0, f.size(), f) == 0 && path[f.size()] == '/') {
      return true;
    }
  }
  return false;
}

struct Loader {
  Loader(const PackSource& s, const PackLimits& l) : source(s), limits(l) {}

  const PackSource& source;
  const PackLimits& limits;
  Diagnostics diags;
  Inventory inventory;
  Fnv1a64 hash;
  std::vector<std::string> languages{"en-GB"};
  std::vector<detail::AssetUse> assets;
  // One document at a time, its buffers reused from file to file.
  detail::JsonDocument document;

  // Parses one document into `document`; nullptr when it cannot be read (reported here,
  // or with the inventory). The result is valid until the next call.
  const detail::Json* readJson(const PackEntry& entry) {
    if (entry.kind != EntryKind::File || entry.size > limits.maxJsonFileBytes) {
      return nullptr; // reported with the inventory
    }
    auto bytes = source.read(entry.path, limits.maxJsonFileBytes);
    if (!bytes) {
      diags.add(Code::FileUnreadable, entry.path, "", "the file could not be read");
      return nullptr;
    }
    if (bytes->size() > limits.maxJsonFileBytes) {
      diags.add(Code::FileTooLarge, entry.path, "",
                "the file grew past the " + std::to_string(limits.maxJsonFileBytes) +
                    "-byte limit while it was being read");
      return nullptr;
    }
    hash.add(entry.path);
    hash.add(std::string_view("\0", 1));
    hash.add(*bytes);
    // The depth limit is checked inside the parse, which stops at the first
    // container too deep. The old separate pre-scan still decides what a failed
    // parse reports, so a file both too deep and malformed gets json.too-deep at
    // the same place as before; a file that parses has no excess nesting for the
    // pre-scan to find (unless the parse stopped at a NUL byte, as nlohmann's did,
    // and left text unread), so a good file is scanned once, not twice.
    const bool parsed = document.parse(std::move(*bytes), limits.maxJsonDepth);
    if (!parsed || document.stoppedAtNul()) {
      if (auto deep = findExcessNesting(document.text(), limits.maxJsonDepth)) {
        diags.add(Code::JsonTooDeep, entry.path, "",
                  "line " + std::to_string(deep->line) + ", column " +
                      std::to_string(deep->column) + ": the data is nested more than " +
                      std::to_string(limits.maxJsonDepth) + " levels deep");
        return nullptr;
      }
    }
    if (!parsed) {
      diags.add(Code::JsonSyntax, entry.path, "", document.error());
      return nullptr;
    }
    return &document.root();
  }

  void reportInventory() {
    const auto& inv = inventory;
    if (!inv.error.empty()) {
      diags.add(Code::FileUnreadable, "", "", "the pack folder could not be read: " + inv.error);
    }
    if (inv.overEntries) {
      diags.add(Code::PackTooLarge, "", "",
                "the pack has more than " + std::to_string(limits.inventory.maxEntries) +
                    " files and folders");
    }
    if (inv.overDepth) {
      diags.add(Code::PackTooLarge, "", "",
                "the pack has folders nested more than " +
                    std::to_string(limits.inventory.maxDepth) + " deep");
    }
    if (inv.overBytes) {
      diags.add(Code::PackTooLarge, "", "",
                "the pack holds more than " +
                    std::to_string(limits.inventory.maxTotalBytes / (1024 * 1024)) + " MiB");
    }
    for (const PackEntry& e : inv.entries) {
      switch (e.kind) {
      case EntryKind::OutsideLink:
        diags.add(Code::FileOutsidePack, e.path, "",
                  "this is a link to something outside the pack folder; put the file itself in "
                  "the pack instead");
        break;
      case EntryKind::BrokenLink:
        diags.add(Code::FileUnreadable, e.path, "", "this is a link to a file that does not exist");
        break;
      case EntryKind::Special:
        diags.add(Code::FileNotRegular, e.path, "",
                  "this is not an ordinary file or folder (a device, socket or pipe)");
        break;
      case EntryKind::Directory:
        if (inDocFolder(e.path)) {
          diags.add(Code::FileIgnored, e.path, "",
                    "folders inside lessons/, aups/ and assemblies/ are not read");
        }
        break;
      case EntryKind::File: {
        const bool json = e.path == "pack.json" || documentOf(e.path).has_value();
        const std::uint64_t limit = json ? limits.maxJsonFileBytes : limits.maxOtherFileBytes;
        if (e.size > limit) {
          diags.add(Code::FileTooLarge, e.path, "",
                    "the file is " + std::to_string(e.size) + " bytes; the limit for " +
                        (json ? "a JSON file" : "an asset") + " is " + std::to_string(limit));
        } else if (!json && inDocFolder(e.path) &&
                   e.path.find('/', e.path.find('/') + 1) == std::string::npos) {
          diags.add(Code::FileIgnored, e.path, "", "only .json files in this folder are read");
        }
        break;
      }
      }
    }
  }

  LoadResult run() {
    LoadResult result;
    inventory = source.inventory(limits.inventory);
    if (!inventory.rootExists) {
      diags.add(Code::PackNotFound, "", "", "there is no folder at " + source.name());
      return finish(std::move(result), std::nullopt);
    }
    if (!inventory.rootIsDirectory) {
      diags.add(Code::PackNotDirectory, "", "",
                source.name() + " is a file; a pack is a folder with a pack.json");
      return finish(std::move(result), std::nullopt);
    }
    reportInventory();
    if (inventory.overEntries) {
      // The walk stopped early, so what it did not list cannot be judged: refuse
      // the pack now rather than report files as missing.
      return finish(std::move(result), std::nullopt);
    }

    Pack pack;
    bool manifestOk = false;
    const PackEntry* manifest = inventory.find("pack.json");
    if (manifest == nullptr) {
      diags.add(Code::PackNoManifest, "", "", "the folder has no pack.json, so it is not a pack");
    } else if (const detail::Json* j = readJson(*manifest)) {
      detail::DocContext ctx{diags, "pack.json", limits, languages, assets};
      detail::parseManifest(ctx, *j, pack, languages);
      // Cross-references are checked whenever the manifest is an object: its other
      // mistakes do not make a unit's missing lesson any less missing.
      manifestOk = j->type() == detail::JsonType::OBJECT;
      result.packId = pack.id;
      result.title = pack.title.get();
      result.version = pack.version;
    }
    pack.languages = languages;

    detail::PackIds ids;
    std::map<std::string_view, std::size_t> perKind;
    std::map<std::string, std::string> idFiles; // document id -> file, across every kind
    for (const PackEntry& entry : inventory.entries) {
      auto doc = documentOf(entry.path);
      if (!doc || entry.kind != EntryKind::File) {
        continue;
      }
      const auto& [folder, stem] = *doc;
      if (++perKind[folder] > limits.maxDocumentsPerKind) {
        if (perKind[folder] == limits.maxDocumentsPerKind + 1) {
          diags.add(Code::PackTooLarge, std::string(folder), "",
                    "more than " + std::to_string(limits.maxDocumentsPerKind) + " files in " +
                        std::string(folder) + "/");
        }
        continue;
      }
      if (folder == "lessons") {
        ids.lessons.insert(stem);
      } else if (folder == "aups") {
        ids.aups.insert(stem);
      }
      const detail::Json* j = readJson(entry);
      if (j == nullptr) {
        continue;
      }
      detail::DocContext ctx{diags, entry.path, limits, languages, assets};
      const int before = diags.errorCount();
      std::string id;
      if (folder == "lessons") {
        Lesson lesson = detail::parseLesson(ctx, *j);
        lesson.file = entry.path;
        id = lesson.id;
        pack.lessons.push_back(std::move(lesson));
      } else if (folder == "aups") {
        Aup aup = detail::parseAup(ctx, *j);
        aup.file = entry.path;
        id = aup.id;
        pack.aups.push_back(std::move(aup));
      } else {
        Assembly assembly = detail::parseAssembly(ctx, *j);
        assembly.file = entry.path;
        id = assembly.id;
        if (diags.errorCount() == before) {
          detail::checkAssembly(ctx, assembly);
        }
        pack.assemblies.push_back(std::move(assembly));
      }
      if (!id.empty() && id != stem) {
        diags.add(Code::FileIdMismatch, entry.path, "/id",
                  "the id is \"" + id + "\" but the file is named " + stem +
                      ".json; they must match");
      }
      if (!id.empty()) {
        auto [it, fresh] = idFiles.emplace(id, entry.path);
        if (!fresh) {
          diags.add(Code::IdDuplicate, entry.path, "/id",
                    "\"" + id + "\" is already the id of " + it->second);
        }
      }
    }
    if (manifestOk) {
      detail::checkCrossReferences(diags, pack, ids);
      detail::checkReadingLevels(diags, pack);
    }
    detail::checkAssets(diags, assets, inventory, source, limits);
    for (const auto& use : assets) {
      if (const PackEntry* e = inventory.find(use.path)) {
        hash.add(use.path);
        hash.add(std::to_string(e->size));
      }
    }
    pack.contentHash = hash.hex();
    return finish(std::move(result), std::move(pack));
  }

  LoadResult finish(LoadResult result, std::optional<Pack> pack) {
    result.errors = diags.errorCount();
    result.warnings = diags.warningCount();
    if (result.errors == 0 && pack) {
      result.pack = std::move(pack);
    }
    result.diagnostics = diags.all();
    return result;
  }
};

} // namespace

LoadResult loadPack(const PackSource& source, const PackLimits& limits) {
  Loader loader(source, limits);
  return loader.run();
}

LoadResult loadPack(const std::string& dir, const PackLimits& limits) {
  return loadPack(DiskPackSource(dir), limits);
}

} // namespace sq
