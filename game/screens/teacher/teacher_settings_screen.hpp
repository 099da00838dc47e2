// Teacher settings ("teacher-settings"), reached only through the PIN: the data
// folder and school folder (typed), which other bands pupils may open, the
// full-screen lock, picture passwords, the content packs, giving an assembly on
// the whiteboard (screens/assembly), changing the PIN, and closing the game.
// Depends on: ui/screen, ui/teacher_access.
#pragma once

#include <string>
#include <utility>

#include "ui/screen.hpp"

namespace sq {

class TeacherSettingsScreen final : public Screen {
public:
  explicit TeacherSettingsScreen(GameConfig config, std::string location = {})
      : mConfig(std::move(config)), mLocation(std::move(location)) {}

  std::string_view id() const override { return "teacher-settings"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  bool text(std::string_view utf8, UiHost& host) override;
  bool key(const KeyDown& k, UiHost& host) override;
  void resumed(UiHost& host) override;

  const std::string& editing() const { return mEditing; }
  std::string recordError; // the last record's failure ("" none), from the host

private:
  void save(UiHost& host, GameConfig next);
  std::string fieldValue(const std::string& id) const;

  GameConfig mConfig;
  std::string mLocation;
  std::string mEditing; // "data-folder", "school-folder" or ""
  std::string mBuffer;  // the text being typed
  std::string mMessage;
  bool mMessageIsError = false;
  Rect mContent;         // the content area, from the last layout pass
  float mBandsH = 0;     // the bands' rows, from the last layout pass
  float mMessageGap = 0; // above the message line, from the last layout pass
  float mLabelW = 0;     // the row names' column, from the last layout pass
  // The row names' column.
  float labelWidth(const UiContext& ctx, const Rect& content) const;
  // The line under the tools, and whether it tells of a problem.
  std::pair<std::string, bool> message(const UiContext& ctx) const;
};

std::unique_ptr<Screen> makeTeacherSettingsScreen(const UiHost& host);

} // namespace sq
