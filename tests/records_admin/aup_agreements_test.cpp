// The register tab's AUP records and data: a class confirmation and parent
// agreements recorded in a real store and read back by computeRegister (an agreement
// then its withdrawal, even in the same second, counts as withdrawn), the phase a
// class confirms, the printable AUP saved to a file and its file:// address, and the
// tab's data loaded from the bundled content.
#include "records_admin/aup_agreements.hpp"
#include "records_admin/aup_sheet.hpp"
#include "records_admin/file_url.hpp"
#include "records_admin/register_data.hpp"
#include "records_admin/register_grid.hpp"

#include "results/civil_time.hpp"
#include "results/event_payload.hpp"
#include "results/results_store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace sq;
using sq::test::TempDir;

namespace {

Text text(std::string s) {
  Text t;
  t.byLang.push_back({"en-GB", std::move(s)});
  return t;
}

Pack pack() {
  Pack p;
  p.id = "core";
  p.version = "1.0.0";
  p.languages = {"en-GB"};
  Aup ks2;
  ks2.id = "ks2-aup";
  ks2.phase = AupPhase::Ks2;
  ks2.version = "2026.1";
  ks2.title = text("Our promises");
  AupPromise promise;
  promise.id = "tell";
  promise.text = text("I tell a trusted adult when something worries me");
  ks2.promises = {promise};
  Aup ks1 = ks2;
  ks1.id = "ks1-aup";
  ks1.phase = AupPhase::Ks1;
  ks1.version = "2026.2";
  p.aups = {ks1, ks2};
  return p;
}

const std::string kAmy = "aaaaaaaa-1111-4111-8111-111111111111";
const std::string kBen = "bbbbbbbb-2222-4222-8222-222222222222";
const std::string kCat = "cccccccc-3333-4333-8333-333333333333";
const std::string kClass = "c0000000-0000-4000-8000-000000000034";
const std::string kMixed = "c0000000-0000-4000-8000-000000000012";
const std::string kStaff = "50000000-0000-4000-8000-000000000001";

Roster roster() {
  Roster r;
  r.classes = {{kClass, "3/4"}, {kMixed, "1/2"}};
  r.pupils = {{kAmy, "Amy", "Z", kClass, YearGroup::Y3, "", ""},
              {kBen, "Ben", "Y", kClass, YearGroup::Y4, "", ""},
              {kCat, "Cat", "X", kMixed, YearGroup::Y2, "", ""}};
  r.staff = {{kStaff, "Mrs Patel"}};
  return r;
}

std::unique_ptr<ResultsStore> openStore(const TempDir& dir, const Roster& r) {
  std::string error;
  auto store = ResultsStore::open(dir.str(), error, sq::test::trustingTestTeacher());
  INFO(error);
  REQUIRE(store != nullptr);
  REQUIRE(store->saveRoster(r, error));
  return store;
}

int yearOf(const Event& e) {
  const auto d = parseDate(e.timeUtc);
  REQUIRE(d.has_value());
  return academicYearOf(*d);
}

std::string readFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

TEST_CASE("AUP records: the class confirmation is recorded with who, when and which AUP") {
  TempDir dir;
  const Roster r = roster();
  auto store = openStore(dir, r);
  const Pack p = pack();
  const std::vector<const Pack*> packs = {&p};

  const admin::RecordResult done = admin::confirmClassAup(*store, r, packs, kClass, kStaff);
  INFO(done.error);
  REQUIRE(done.saved);
  CHECK(done.event.kind == EventKind::AupClassConfirmed);
  CHECK(done.event.pupilId.empty());
  const auto data = payloadAs<AupClassConfirmedData>(done.event);
  REQUIRE(data.has_value());
  CHECK(data->classId == kClass);
  CHECK(data->aupVersion == "2026.1"); // the KS2 AUP: both pupils of 3/4 are in KS2
  CHECK(data->phase == AupPhase::Ks2);
  CHECK(data->staffId == kStaff);

  const auto events = store->events();
  REQUIRE(events.size() == 1);
  const Register reg = computeRegister(events, r, packs, yearOf(done.event), {});
  bool seen = false;
  for (const ClassRow& c : reg.classes) {
    if (c.classId == kClass) {
      seen = true;
      CHECK(c.confirmation.confirmed);
      CHECK(c.confirmation.staffName == "Mrs Patel");
      CHECK(c.confirmation.timeUtc == done.event.timeUtc);
    } else if (c.classId == kMixed) {
      CHECK_FALSE(c.confirmation.confirmed);
    }
  }
  CHECK(seen);
  CHECK(reg.classesConfirmed == 1);

  // Refused, with nothing written: an unknown class, a phase no pack has an AUP for.
  CHECK_FALSE(admin::confirmClassAup(*store, r, packs, "no-such-class", "").saved);
  Pack noAups = pack();
  noAups.aups.clear();
  const admin::RecordResult none = admin::confirmClassAup(*store, r, {&noAups}, kClass, "");
  CHECK_FALSE(none.saved);
  CHECK(none.error.find("KS2") != std::string::npos);
  CHECK(store->events().size() == 1);
}

TEST_CASE("AUP records: a parent agreement, then its withdrawal, then agreeing again") {
  TempDir dir;
  const Roster r = roster();
  auto store = openStore(dir, r);
  const Pack p = pack();
  const std::vector<const Pack*> packs = {&p};

  const admin::RecordResult agreed = admin::recordParentAgreement(*store, r, packs, kAmy, true);
  INFO(agreed.error);
  REQUIRE(agreed.saved);
  CHECK(agreed.event.kind == EventKind::AupParentAgreed);
  const auto agreedData = payloadAs<AupParentAgreedData>(agreed.event);
  REQUIRE(agreedData.has_value());
  CHECK(agreedData->classId == kClass);
  CHECK(agreedData->aupVersion == "2026.1");
  const int year = yearOf(agreed.event);

  const auto statusOf = [&](const Register& reg, const std::string& id) {
    for (const PupilStatus& s : reg.pupils) {
      if (s.id == id) {
        return s;
      }
    }
    FAIL("no pupil " << id);
    return PupilStatus{};
  };

  auto events = store->events();
  Register reg = computeRegister(events, r, packs, year, {});
  CHECK(statusOf(reg, kAmy).parentAgreed);
  CHECK(admin::parentAgreementOf(reg, events, kAmy).state == admin::ParentState::Agreed);
  CHECK(admin::parentAgreementOf(reg, events, kAmy).whenUtc == agreed.event.timeUtc);
  CHECK(admin::parentAgreementOf(reg, events, kBen).state == admin::ParentState::NotReturned);

  // Withdrawn straight after (most likely in the same second): the newer decides.
  const admin::RecordResult withdrawn = admin::recordParentAgreement(*store, r, packs, kAmy, false);
  REQUIRE(withdrawn.saved);
  CHECK(withdrawn.event.kind == EventKind::AupParentWithdrawn);
  events = store->events();
  CHECK(events.size() == 2); // nothing deleted
  reg = computeRegister(events, r, packs, year, {});
  CHECK_FALSE(statusOf(reg, kAmy).parentAgreed);
  CHECK(admin::parentAgreementOf(reg, events, kAmy).state == admin::ParentState::Withdrawn);
  CHECK(reg.school.parentAgreed == 0);
  // Amy's history reads newest first, the withdrawal above the agreement.
  const auto history = admin::pupilHistory(reg, events, packs, kAmy);
  REQUIRE(history.size() == 2);
  CHECK(history[0].what.find("withdrew") != std::string::npos);
  CHECK(history[1].what.find("agreed") != std::string::npos);

  const admin::RecordResult again = admin::recordParentAgreement(*store, r, packs, kAmy, true);
  REQUIRE(again.saved);
  events = store->events();
  reg = computeRegister(events, r, packs, year, {});
  CHECK(statusOf(reg, kAmy).parentAgreed);
  CHECK(admin::parentAgreementOf(reg, events, kAmy).state == admin::ParentState::Agreed);
  CHECK(reg.school.parentAgreed == 1);

  // A pupil not on the class list is refused, and nothing is written.
  Roster left = r;
  left.pupils[1].archivedOn = "2026-07-20";
  CHECK_FALSE(admin::recordParentAgreement(*store, left, packs, kBen, true).saved);
  CHECK_FALSE(admin::recordParentAgreement(*store, r, packs, "nobody", true).saved);
  CHECK(store->events().size() == 3);
}

TEST_CASE("AUP records: which of two events in the same second is newer") {
  Event a;
  a.deviceId = "d1";
  a.seq = 4;
  a.timeUtc = "2026-10-01T09:00:00Z";
  Event b = a;
  b.seq = 5;
  CHECK(admin::recordedAfter(a, b));
  CHECK_FALSE(admin::recordedAfter(b, a));
  b.deviceId = "d2"; // two PCs in one second: neither is known to be later
  CHECK_FALSE(admin::recordedAfter(a, b));
  b.timeUtc = "2026-10-01T09:00:01Z";
  CHECK(admin::recordedAfter(a, b));
  CHECK_FALSE(admin::recordedAfter(b, a));
}

TEST_CASE("AUP records: a class confirms the AUP of most of its pupils, the youngest if even") {
  Roster r = roster();
  CHECK(admin::classAupPhase(r, kClass) == AupPhase::Ks2);
  CHECK(admin::classAupPhase(r, kMixed) == AupPhase::Ks1);
  const std::string kDee = "dddddddd-4444-4444-8444-444444444444";
  r.pupils.push_back({kDee, "Dee", "W", kMixed, YearGroup::Y3, "", ""});
  CHECK(admin::classAupPhase(r, kMixed) == AupPhase::Ks1); // one each: the younger
  r.pupils.back().archivedOn = "2026-07-20";
  r.pupils[2].archivedOn = "2026-07-20";
  CHECK_FALSE(admin::classAupPhase(r, kMixed).has_value()); // nobody on roll
  CHECK_FALSE(admin::classAupPhase(r, "no-such-class").has_value());
  CHECK(admin::parentWord(admin::ParentState::Withdrawn) == "Withdrawn");
  CHECK(admin::parentSymbol(admin::ParentState::Agreed) !=
        admin::parentSymbol(admin::ParentState::Withdrawn));
}

TEST_CASE("AUP sheet: saved as one HTML file with the promises, and its file:// address") {
  TempDir dir;
  const Pack p = pack();
  const std::vector<const Pack*> packs = {&p};
  const std::string path = (dir.path() / admin::aupSheetFileName(AupPhase::Ks2)).string();
  CHECK(admin::aupSheetFileName(AupPhase::Ks2) == "SafeQuest AUP for parents - KS2.html");
  std::string error;
  REQUIRE(admin::saveAupSheet(packs, {}, AupPhase::Ks2, path, error));
  const std::string html = readFile(path);
  CHECK(html.find("<html") != std::string::npos);
  CHECK(html.find("I tell a trusted adult when something worries me") != std::string::npos);

  // No AUP for the phase, no path, or a folder that is not there: refused, said why.
  CHECK_FALSE(admin::saveAupSheet(packs, {}, AupPhase::Eyfs, path + ".eyfs", error));
  CHECK(error.find("EYFS") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(path + ".eyfs"));
  CHECK_FALSE(admin::saveAupSheet(packs, {}, AupPhase::Ks2, "", error));
  CHECK_FALSE(admin::saveAupSheet(packs, {}, AupPhase::Ks2,
                                  (dir.path() / "no/such/x.html").string(), error));
  CHECK_FALSE(error.empty());

  CHECK(admin::fileUrl("/home/t/My AUP #1.html") == "file:///home/t/My%20AUP%20%231.html");
  CHECK(admin::fileUrl("/tmp/Siân.html") == "file:///tmp/Si%C3%A2n.html");
  const std::string relative = admin::fileUrl("x.html");
  CHECK(relative.rfind("file:///", 0) == 0);
  CHECK(relative.size() > std::string("file:///x.html").size()); // made absolute
}

TEST_CASE("register data: the bundled content, the store's events and this year's register") {
  TempDir dir;
  const Roster r = roster();
  auto store = openStore(dir, r);
  const Pack p = pack();
  REQUIRE(admin::recordParentAgreement(*store, r, {&p}, kAmy, true).saved);

  const auto data =
      admin::loadRegisterData(*store, std::string(SQ_SOURCE_DIR) + "/content", "2026-10-01");
  REQUIRE(data != nullptr);
  CHECK(data->problems.empty());
  REQUIRE_FALSE(data->packs.empty());
  CHECK(data->packDirs.count(data->packs.front()) == 1);
  CHECK(data->events.size() == 1);
  CHECK(data->roster.pupils.size() == 3);
  CHECK(data->reg.academicYear == 2026);
  CHECK(data->reg.pupils.size() == 3);

  const auto missing = admin::loadRegisterData(*store, (dir.path() / "nothing").string(), "bad");
  REQUIRE(missing != nullptr);
  CHECK(missing->packs.empty());
  CHECK(missing->problems.size() == 2); // no content, no date
}
