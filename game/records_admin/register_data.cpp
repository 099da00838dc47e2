// The register tab's data (see register_data.hpp).
#include "records_admin/register_data.hpp"

#include "results/civil_time.hpp"
#include "results/results_store.hpp"

namespace sq::admin {

std::unique_ptr<RegisterData> loadRegisterData(const ResultsStore& store,
                                               const std::string& contentDir,
                                               const std::string& today) {
  auto data = std::make_unique<RegisterData>();
  data->catalog = loadCatalog(contentDir);
  if (!data->catalog.error.empty()) {
    data->problems.push_back("The lessons could not be read: " + data->catalog.error);
  }
  for (const CatalogEntry& e : data->catalog.packs) {
    if (e.result.valid()) {
      data->packs.push_back(&*e.result.pack);
      data->packDirs[&*e.result.pack] = e.dir;
    } else {
      data->problems.push_back("The lesson pack in " + e.dir +
                               " has problems, so its lessons are not counted (open it under "
                               "Lessons to see them).");
    }
  }
  data->events = store.events();
  data->roster = store.loadRoster();
  const auto date = parseDate(today);
  if (!date) {
    data->problems.push_back("Today's date could not be read, so no school year is shown.");
  }
  const int year = date ? academicYearOf(*date) : 0;
  data->reg = computeRegister(data->events, data->roster, data->packs, year, RegisterFilter{});
  return data;
}

} // namespace sq::admin
