// Picture passwords ("picture-password"), a teacher screen: pick a class, then tap
// three of the six pictures in order and save, or remove the class's password.
// Depends on: ui/screen, screens/picture_password, results/roster.
#pragma once

#include "results/roster.hpp"
#include "ui/screen.hpp"

#include <map>

namespace sq {

class PicturePasswordScreen final : public Screen {
public:
  PicturePasswordScreen(std::vector<SchoolClass> classes, std::map<std::string, bool> hasPassword)
      : mClasses(std::move(classes)), mHasPassword(std::move(hasPassword)) {}

  std::string_view id() const override { return "picture-password"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;

private:
  std::vector<SchoolClass> mClasses;
  std::map<std::string, bool> mHasPassword; // class id -> set
  std::string mClassId;                     // "" : choosing a class
  std::vector<int> mChosen;
  std::string mMessage;
  Rect mContent;    // the content area, from the last layout pass
  float mLineH = 0; // the height of the line at the top, from the last layout pass
  // The line at the top: what just happened, else what to do.
  std::string line(const UiContext& ctx) const;
};

std::unique_ptr<Screen> makePicturePasswordScreen(const UiHost& host);

} // namespace sq
