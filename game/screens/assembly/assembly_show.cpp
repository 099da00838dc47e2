#include "screens/assembly/assembly_show.hpp"

#include "screens/teacher/teacher_pin_screen.hpp"

namespace sq {

std::vector<AssemblyShow> assembliesIn(const Catalog& catalog) {
  std::vector<AssemblyShow> out;
  for (const CatalogEntry& e : catalog.packs) {
    if (!e.result.pack) {
      continue;
    }
    const Pack& p = *e.result.pack;
    for (const Assembly& a : p.assemblies) {
      AssemblyShow s;
      s.pack = packRef(p);
      s.packDir = e.dir;
      s.assembly = std::make_shared<const Assembly>(a);
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::optional<AssemblyShow> findAssemblyShow(const Catalog& catalog, const std::string& id) {
  for (AssemblyShow& s : assembliesIn(catalog)) {
    if (s.assembly->id == id) {
      return std::move(s);
    }
  }
  return std::nullopt;
}

void leaveAssembly(UiHost& host, const std::function<void(UiHost&)>& leave, bool guarded) {
  if (!leave) {
    return;
  }
  if (guarded && host.teacher().config().lock) {
    host.nav().push(makeTeacherPinScreen(host.teacher(), [leave](UiHost& h) {
      h.nav().pop(); // the PIN screen goes first
      leave(h);
    }));
    return;
  }
  leave(host);
}

std::string yearGroupsText(const Strings& words, const std::vector<YearGroup>& years) {
  static const char* const kIds[] = {"year.reception", "year.y1", "year.y2", "year.y3",
                                     "year.y4",        "year.y5", "year.y6"};
  if (years.empty()) {
    return words.tr("assembly.whole-school");
  }
  std::string out;
  for (YearGroup y : years) {
    if (!out.empty()) {
      out += ", ";
    }
    out += words.tr(kIds[static_cast<int>(y)]);
  }
  return out;
}

std::string yearGroupsText(const UiContext& ctx, const std::vector<YearGroup>& years) {
  if (ctx.strings == nullptr) {
    return {};
  }
  return yearGroupsText(*ctx.strings, years);
}

} // namespace sq
