// "Class list and results files" ("browser-files"), in the web game's teacher
// settings (behind the PIN), for classes that play in a browser: "Load class list
// from a file" opens the page's file chooser and reads the chosen file as the
// school folder's class list is read, so that class's pupils can sign in; "Download
// results" saves this browser's records (no names) as a results file for the
// teachers' app. The files are screens/teacher/browser_files; the page's side is
// web/files_web.cpp. The chosen file arrives later, from the page: the page wakes
// the frame, and the next layout pass reads it.
// Under them, when the school's safequest-config.json names a learning record
// store, how the sending stands ("3 sent, 1 waiting", why the last try failed),
// with "Send now" while something waits.
// Depends on: ui/screen, screens/teacher/browser_files.
#pragma once

#include "ui/screen.hpp"

#include <optional>
#include <string>

namespace sq {

class BrowserFilesScreen final : public Screen {
public:
  explicit BrowserFilesScreen(const UiHost& host);

  std::string_view id() const override { return "browser-files"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;

  // Reads the chosen file once the page has written it (the layout pass calls this;
  // tests may too). true when a file was waiting.
  bool takeChosenFile(UiHost& host);
  const std::string& message() const { return mMessage; }
  bool messageIsProblem() const { return mProblem; }

private:
  std::string classListLine(const UiHost& host) const;
  // What is sent to the school's learning record store (`status`, read once per
  // layout), in a line; `problem` when it is something to fix.
  std::string sendingLine(const UiContext& ctx, const std::optional<XapiSendingStatus>& status,
                          bool& problem) const;
  void say(std::string text, bool problem);

  const UiHost* mHostForStatus = nullptr; // the screen's host, for the sending line
  UiHost* mHost = nullptr;                // set when the chooser is opened: the answer comes later
  bool mWaiting = false;                  // the page's file chooser is open
  std::string mListLine;                  // what the class list holds now
  std::string mMessage;
  bool mProblem = false;
  Rect mContent; // from the last layout pass
  float mIntroH = 0;
  float mListH = 0;
  std::string mSendingLine;
  bool mSendingProblem = false;
  float mSendingH = 0;
  float mSendingTop = 0;
  float mMessageTop = 0;
};

} // namespace sq
