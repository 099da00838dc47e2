// The teacher's AUP records ("aup-records"), opened from teacher settings (behind
// the PIN): choose a class ("class:<class id>"), then record that the promises were
// read with the class ("confirm-class": aup.class_confirmed, with "staff" to say
// who confirmed when the class list names staff), and which parents or carers have
// returned their agreement ("parent:<pupil id>": aup.parent_agreed). Each press goes
// through the app's one Recorder, as every recorded action does: shown as done once
// the store has it; when the store refuses, its reason is shown and the event stays
// queued, so pressing again (or any later save) tries it again, never twice.
// Each pupil's tile says who signed their AUP and when: the pupil, or the teacher in
// a whole-class lesson (results/class_records); "unsigned" shows only the pupils
// who have not signed yet.
// Depends on: ui/screen, results (register helpers, aup_print, class_records), content.
#pragma once

#include "results/class_records.hpp"
#include "ui/screen.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sq {

class AupRecordsScreen final : public Screen {
public:
  explicit AupRecordsScreen(const UiHost& host);

  std::string_view id() const override { return "aup-records"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;

  // Shows one class's records ("" : back to the classes).
  void showClass(const std::string& classId, const UiHost& host);
  const std::string& classId() const { return mClassId; }
  // Only the pupils who have not signed yet are shown ("unsigned" toggles it).
  bool onlyUnsigned() const { return mOnlyUnsigned; }

private:
  // The AUP a phase signs: copied, so a pack reload cannot leave it dangling.
  struct AupInfo {
    bool found = false;
    AupPhase phase = AupPhase::Ks2;
    std::string id;
    std::string version;
    std::string packId;
    std::string packVersion;
    std::string contentHash;
  };
  struct Row {
    Pupil pupil;
    AupInfo aup; // for the pupil's own phase
    bool parentAgreed = false;
    std::string parentAgreedOn;
    std::optional<AupSigning> signing; // this year's, of this AUP version
    Recorder::Id saveId = 0;           // the agreement submitted from this screen (0 none)
  };

  // Where things go, shared by layout and draw: the last pass's are kept. Each
  // part is as tall as its words need at this size, so nothing is cut.
  struct ClassAreas {
    Rect content;
    Rect info;        // what the class signs, and the last thing that happened
    float aboutH = 0; // the first of them, "This class signs ..."
    Rect buttons;     // confirm-class and staff: one row, or two when they do not fit
    Rect heading;     // "Parent or carer agreement returned"
    Rect controls;    // more-pupils and the filter, at the right of the heading or under it
    Rect grid;        // the pupils' toggles
  };
  // The words at the top of a class's records: what it signs, and the status line.
  std::string aboutText(const UiContext& ctx) const;
  std::string statusText(const UiContext& ctx) const;
  // Lays out the button row(s) from `top`, adding the widgets to `out`; returns
  // their bottom edge.
  float layoutButtons(const UiContext& ctx, float top, WidgetList& out) const;
  // The areas of a class's records, with the buttons' rows `buttonsH` tall and
  // "more pupils" `moreW` wide beside the filter (0: not shown).
  ClassAreas classAreas(const UiContext& ctx, float buttonsH, float moreW) const;

  AupInfo aupFor(const UiHost& host, AupPhase phase) const;
  void confirmClass(UiHost& host);
  void parentAgreed(const std::string& pupilId, UiHost& host);
  void setMessage(std::string text, bool error);
  // Takes in what the recorder has saved or refused since: a confirmation or an
  // agreement counts only once saved.
  void settle(const Strings& words);
  // A save that has not happened: refused, or queued behind one refused.
  bool notSaved(Recorder::Id id) const;
  // The words under a pupil's name on their tile: who signed and when.
  static std::string signedText(const UiContext& ctx, const Row& row);
  // The rows shown: every pupil, or only those not signed yet.
  std::vector<const Row*> shownRows() const;

  std::vector<SchoolClass> mClasses;
  std::vector<StaffMember> mStaff;
  std::string mClassId; // "" while choosing a class
  std::string mClassName;
  AupInfo mClassAup; // the phase most of the class is in
  std::vector<Row> mRows;
  int mStaffIndex = -1; // who is confirming, from the class list's staff; -1 not said
  bool mConfirmed = false;
  std::string mConfirmedOn; // the newest confirmation's time this year
  bool mOnlyUnsigned = false;
  Recorder::Id mConfirmId = 0;         // the confirmation submitted from here (0 none)
  const Recorder* mRecorder = nullptr; // the app's, once anything was submitted
  std::string mSavingName;             // whose agreement the message is about
  int mPage = 0;
  mutable int mPerPage = 1;
  ClassAreas mAreas; // from the last layout pass
  std::string mMessage;
  bool mMessageIsError = false;
};

std::unique_ptr<Screen> makeAupRecordsScreen(const UiHost& host);

} // namespace sq
