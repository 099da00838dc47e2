#include "screens/teacher/browser_files_screen.hpp"

#include "screens/teacher/browser_files.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <cmath>
#include <filesystem>
#include <system_error>

namespace sq {

namespace {

// Where the chosen file is written by the page before it is checked.
std::string chosenPath() {
  return browserFilePort().scratchFolder + "/chosen-class-list";
}

} // namespace

BrowserFilesScreen::BrowserFilesScreen(const UiHost& host)
    : mHostForStatus(&host), mListLine(classListLine(host)) {}

std::string BrowserFilesScreen::classListLine(const UiHost& host) const {
  const Roster& roster = host.records().roster();
  if (roster.pupils.empty()) {
    return host.strings().tr("browser-files.no-class-list");
  }
  std::string classes;
  for (const SchoolClass& c : roster.classes) {
    classes += (classes.empty() ? "" : ", ") + c.name;
  }
  return host.strings().trf(
      "browser-files.class-list",
      {{"classes", classes}, {"pupils", std::to_string(roster.pupils.size())}});
}

void BrowserFilesScreen::say(std::string text, bool problem) {
  mMessage = std::move(text);
  mProblem = problem;
}

void BrowserFilesScreen::layout(const UiContext& ctx, WidgetList& out) {
  if (mWaiting && mHost != nullptr) {
    takeChosenFile(*mHost);
  }
  const std::string back = ctx.tr("common.back");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
  mContent = contentArea(ctx);
  const Rect c = mContent;
  const FontSpec body = ctx.fixedFont(text_size::kBody);
  const float gap = std::round(ctx.u(3));
  const float rowH = std::round(ctx.u(12));
  const float w = std::min(c.w, std::round(ctx.u(160)));
  mIntroH = textBlockHeight(ctx, ctx.tr("browser-files.intro"), body, c.w);
  mListH = textBlockHeight(ctx, mListLine, body, c.w);
  float y = c.y + mIntroH + gap;
  const std::string load = ctx.tr("browser-files.load");
  // Never greyed out while the chooser is open: a browser that does not say the
  // chooser was closed must not leave the teacher with no way to open it again.
  out.push_back(Widget{"load-class-list", Rect{c.x, y, w, rowH}, load, WidgetRole::Button});
  y += rowH + gap + mListH + gap;
  // "Send now" shares the row with "Download results", while something waits to
  // go to the school's learning record store: the page must fit a 1280x720 board.
  const std::optional<XapiSendingStatus> sending =
      mHostForStatus != nullptr ? mHostForStatus->records().xapiSending() : std::nullopt;
  const bool sendNow = sending && sending->waiting > 0 && !sending->sending;
  const float downloadW = sendNow ? std::floor((w - gap) / 2) : w;
  const std::string download = ctx.tr("browser-files.download");
  out.push_back(
      Widget{"download-results", Rect{c.x, y, downloadW, rowH}, download, WidgetRole::Button});
  if (sendNow) {
    const std::string now = ctx.tr("browser-files.send-now");
    out.push_back(Widget{"send-now", Rect{c.x + downloadW + gap, y, w - downloadW - gap, rowH}, now,
                         WidgetRole::Button});
  }
  y += rowH + gap;
  // How the sending stands, then the message of the last thing done.
  mSendingLine = sendingLine(ctx, sending, mSendingProblem);
  const FontSpec detail = ctx.fixedFont(text_size::kDetail);
  mSendingH = mSendingLine.empty() ? 0 : textBlockHeight(ctx, mSendingLine, detail, c.w);
  mSendingTop = y;
  mMessageTop = y + (mSendingH > 0 ? mSendingH + gap : 0.0f);
}

std::string BrowserFilesScreen::sendingLine(const UiContext& ctx,
                                            const std::optional<XapiSendingStatus>& s,
                                            bool& problem) const {
  problem = false;
  if (mHostForStatus == nullptr) {
    return {};
  }
  const RecordsAccess& records = mHostForStatus->records();
  const std::string refused = records.xapiSettingsProblem();
  if (!refused.empty()) {
    problem = true;
    return ctx.trf("browser-files.settings-refused", {{"problem", refused}});
  }
  if (!s) {
    return {}; // nothing is sent: the intro's "download" says where results go
  }
  std::string line = ctx.trf("browser-files.sending", {{"lrs", s->lrs},
                                                       {"sent", std::to_string(s->sent)},
                                                       {"waiting", std::to_string(s->waiting)}});
  if (s->parked > 0) {
    line += " " + ctx.trf("browser-files.sending-parked", {{"parked", std::to_string(s->parked)}});
  }
  if (!s->storeProblem.empty()) {
    problem = true;
    line += " " + ctx.trf("browser-files.sending-store", {{"problem", s->storeProblem}});
  } else if (s->sending) {
    line += " " + ctx.tr("browser-files.sending-now");
  } else if (!s->lastProblem.empty() && s->waiting > 0) {
    problem = true;
    line += " " + ctx.trf("browser-files.sending-failed", {{"problem", s->lastProblem}});
  }
  return line;
}

void BrowserFilesScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx, ctx.tr("browser-files.title"), widgets);
  const Rect c = mContent;
  const FontSpec body = ctx.fixedFont(text_size::kBody);
  drawTextBlock(ctx, ctx.tr("browser-files.intro"), body, Rect{c.x, c.y, c.w, mIntroH},
                TextAlign::Left, t.text);
  for (const Widget& w : widgets) {
    if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
    } else {
      drawButton(ctx, w, v, ButtonStyle::Normal);
    }
    if (w.id == "load-class-list") {
      const float gap = std::round(ctx.u(3));
      drawTextBlock(ctx, mListLine, body, Rect{c.x, w.rect.bottom() + gap, c.w, mListH},
                    TextAlign::Left, t.mutedText);
    }
  }
  if (mSendingH > 0) {
    drawTextBlock(ctx, mSendingLine, ctx.fixedFont(text_size::kDetail),
                  Rect{c.x, mSendingTop, c.w, mSendingH}, TextAlign::Left,
                  mSendingProblem ? t.problemText : t.mutedText);
  }
  const std::string line =
      mWaiting && mMessage.empty() ? ctx.tr("browser-files.choosing") : mMessage;
  if (!line.empty()) {
    const float top = mMessageTop;
    const Rect box{c.x, top, c.w, std::max(0.0f, c.bottom() - top)};
    const FontSpec fitted = fitFont(ctx, line, box, {text_size::kBody / ctx.textScale},
                                    FontWeight::Regular, FitRule{2.6f, true, 0.5f, true});
    drawTextBlock(ctx, line, fitted, box, TextAlign::Left, mProblem ? t.problemText : t.text);
  }
}

bool BrowserFilesScreen::takeChosenFile(UiHost& host) {
  const std::optional<BrowserFileArrival> arrival = takeBrowserFileArrival();
  if (!arrival) {
    return false;
  }
  mWaiting = false;
  const Strings& words = host.strings();
  const BrowserFilePort& port = browserFilePort();
  ResultsStore* store = host.records().resultsStore();
  if (!arrival->ok) {
    say(arrival->error.empty() ? words.tr("browser-files.none-chosen")
                               : words.trf("browser-files.not-read", {{"error", arrival->error}}),
        !arrival->error.empty());
  } else if (store == nullptr) {
    say(words.tr("browser-files.no-records"), true);
  } else {
    const ClassListLoad load = loadClassListFile(*store, chosenPath(), port.schoolFolder);
    if (!load.ok) {
      say(words.trf("browser-files.refused", {{"name", arrival->name}, {"why", load.problem}}),
          true);
    } else {
      // From now on the game reads it as its school folder's class list.
      GameConfig next = host.teacher().config();
      std::string error;
      if (next.schoolFolder != port.schoolFolder && !next.schoolFolderFixed) {
        next.schoolFolder = port.schoolFolder;
        if (!host.teacher().saveConfig(next, error)) {
          say(words.trf("teacher.not-saved", {{"error", error}}), true);
        }
      }
      host.records().reloadRoster();
      if (error.empty()) {
        say(words.trf("browser-files.loaded",
                      {{"classes", load.classNames}, {"pupils", std::to_string(load.pupils)}}),
            false);
      }
    }
  }
  std::error_code ec;
  std::filesystem::remove(chosenPath(), ec);
  mListLine = classListLine(host);
  return true;
}

void BrowserFilesScreen::activate(std::string_view widgetId, UiHost& host) {
  const BrowserFilePort& port = browserFilePort();
  if (widgetId == "back") {
    host.nav().pop();
  } else if (widgetId == "send-now") {
    host.records().xapiSendNow();
    mMessage.clear();
  } else if (widgetId == "load-class-list") {
    mHost = &host;
    takeBrowserFileArrival(); // an answer to an earlier chooser is stale now
    std::error_code ec;
    std::filesystem::create_directories(port.scratchFolder, ec);
    std::filesystem::remove(chosenPath(), ec);
    mMessage.clear();
    mWaiting = port.chooseFile && port.chooseFile(chosenPath());
    if (!mWaiting) {
      say(host.strings().tr("browser-files.no-chooser"), true);
    }
  } else if (widgetId == "download-results") {
    const ResultsStore* store = host.records().resultsStore();
    if (store == nullptr) {
      say(host.strings().tr("browser-files.no-records"), true);
      return;
    }
    const ResultsFile file = writeResultsFile(*store, port.scratchFolder, host.nowSeconds());
    if (!file.ok) {
      say(host.strings().trf("browser-files.not-written", {{"error", file.error}}), true);
    } else if (!port.download || !port.download(file.path, file.name)) {
      say(host.strings().tr("browser-files.no-download"), true);
    } else {
      say(host.strings().trf("browser-files.downloaded",
                             {{"records", std::to_string(file.events)}, {"name", file.name}}),
          false);
    }
  }
}

} // namespace sq
