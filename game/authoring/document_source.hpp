// Validating a pack as it is in the editor, before it is saved: the loader reads
// the document's JSON (each file as it would be saved) and the pack's pictures and
// sounds from disk, through the same `PackSource` interface it reads folders with.
// So the teacher sees exactly the diagnostics `safequest-cli validate` will print
// after saving, at the file and JSON pointer of the field to mend.
// Depends on: content (the loader), authoring/pack_document.
#pragma once

#include "authoring/pack_document.hpp"
#include "content/pack_files.hpp"
#include "content/pack_loader.hpp"

namespace sq::authoring {

class DocumentPackSource final : public PackSource {
public:
  // `doc` must outlive the source. Assets are read from the document's folder.
  explicit DocumentPackSource(const PackDocument& doc);
  std::string name() const override { return mDoc.folder(); }
  Inventory inventory(const InventoryLimits& limits) const override;
  std::optional<std::string> read(std::string_view path, std::uint64_t maxBytes) const override;

private:
  const PackDocument& mDoc;
  DiskPackSource mDisk;
};

LoadResult validateDocument(const PackDocument& doc, const PackLimits& limits = {});

} // namespace sq::authoring
