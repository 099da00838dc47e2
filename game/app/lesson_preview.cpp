// The editor's preview (see lesson_preview.hpp).
// Sections:
//   1. services that keep nothing: the recorder's refusing sink, the guest pupil,
//      no records, no teacher settings
//   2. the end of the preview: the bottom screen, with "Play again"
//   3. the preview's parts: LessonPreview::Impl, the window and the game's
//      subsystems, the UiHost side, starting a lesson at a step or scene
//   4. the public side: open, play, offer, frame
#include "app/lesson_preview.hpp"

#include "app/audio_output.hpp"
#include "app/navigation.hpp"
#include "app/window_events.hpp"
#include "platform/clock.hpp"
#include "platform/event_pump.hpp"
#include "platform/window.hpp"
#include "play/lesson_session.hpp"
#include "render/picture.hpp"
#include "render/renderer.hpp"
#include "screens/butterfly_screen.hpp"
#include "screens/home_model.hpp"
#include "screens/lesson/lesson_play.hpp"
#include "screens/lesson/lesson_screen.hpp"
#include "settings/pupil_settings.hpp"
#include "text/font.hpp"
#include "text/text_renderer.hpp"
#include "ui/controls.hpp"
#include "ui/screen_stack.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <functional>
#include <utility>
#include <variant>
#include <vector>

namespace sq {

// ---- services that keep nothing ------------------------------------------------------

namespace {

// Where the preview's recorder would save: it refuses everything, and counts.
class RefusingSink final : public EventSink {
public:
  void begin(const EventDraft& draft, SaveTicket ticket) override {
    (void)draft;
    ++attempts;
    mDone.push_back(SaveOutcome{ticket, false, "a preview records nothing"});
  }
  std::vector<SaveOutcome> poll() override { return std::exchange(mDone, {}); }
  std::size_t attempts = 0;

private:
  std::vector<SaveOutcome> mDone;
};

// A guest, always, with the age band's own preferences (narration plays by itself
// for EYFS and KS1, as a pupil of that age would hear it).
class GuestPupil final : public PupilSession {
public:
  GuestPupil() { mSession.kind = Session::Kind::Guest; }
  const Session& session() const override { return mSession; }
  void signIn(const Pupil& pupil) override { (void)pupil; }
  void signInGuest() override {}
  void signOut() override {}
  const PupilSettings& prefs() const override { return mPrefs; }
  void setPrefs(const PupilSettings& prefs) override { mPrefs = prefs; }
  std::vector<int> picturePassword(const std::string& classId) const override {
    (void)classId;
    return {};
  }
  bool setPicturePassword(const std::string& classId, const std::vector<int>& pictures,
                          std::string& error) override {
    (void)classId;
    (void)pictures;
    error = "a preview keeps nothing";
    return false;
  }

private:
  Session mSession;
  PupilSettings mPrefs;
};

// No store, no class list, no events: only the pack being previewed.
class NoRecords final : public RecordsAccess {
public:
  NoRecords() : mRecorder(mSink) {}
  const Roster& roster() const override { return mRoster; }
  std::string rosterSource() const override { return {}; }
  std::vector<Event> pupilEvents(const std::string& pupilId) const override {
    (void)pupilId;
    return {};
  }
  std::vector<Event> classEvents(EventKind kind) const override {
    (void)kind;
    return {};
  }
  const Catalog* catalog() const override { return catalogSet ? &catalogOfOne : nullptr; }
  Recorder& recorder() override { return mRecorder; }
  const Recorder& recorder() const override { return mRecorder; }
  void shareRecords() override {}
  std::size_t attempts() const { return mSink.attempts; }

  // The pack being previewed, as the one pack of a catalog (a lesson played again
  // from its front page is found there).
  Catalog catalogOfOne;
  bool catalogSet = false;

private:
  Roster mRoster;
  RefusingSink mSink;
  Recorder mRecorder;
};

// No PIN and no configuration: a preview has no teacher's screens to open.
class NoTeacher final : public TeacherAccess, public TeacherPin {
public:
  TeacherPin& teacherPin() override { return *this; }
  const GameConfig& config() const override { return mConfig; }
  bool saveConfig(const GameConfig& config, std::string& error) override {
    (void)config;
    error = "a preview keeps nothing";
    return false;
  }
  std::string configLocation() const override { return {}; }
  bool isSet() const override { return false; }
  bool unusable() const override { return true; }
  PinResult verify(const std::string& pin) override {
    (void)pin;
    PinResult r;
    r.result = PinResult::Result::Unusable;
    return r;
  }
  bool set(const std::string& pin, std::string& error) override {
    (void)pin;
    error = "a preview keeps nothing";
    return false;
  }

private:
  GameConfig mConfig;
};

// ---- the end of the preview -------------------------------------------------------------

// Under the lesson's front page: where the pupil lands on leaving the lesson.
class PreviewEndScreen final : public Screen {
public:
  explicit PreviewEndScreen(std::function<void()> again) : mAgain(std::move(again)) {}
  std::string_view id() const override { return "preview-end"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override {
    const Rect s = ctx.screen();
    mFont = ctx.font(text_size::kHeading, FontWeight::Bold);
    mWords = ctx.tr("preview.ended");
    const float w = std::min(s.w - ctx.u(10), ctx.u(150));
    const float h = textBlockHeight(ctx, mWords, mFont, w, 3);
    const float buttonH = std::round(ctx.u(14));
    const float gap = std::round(ctx.u(6));
    const float top = std::round(s.y + std::max(0.0f, (s.h - h - gap - buttonH) / 2));
    mText = Rect{std::round(s.x + (s.w - w) / 2), top, w, h};
    const std::string label = ctx.tr("preview.again");
    const float buttonW = std::round(std::min(s.w - ctx.u(10), ctx.u(60)));
    out.push_back(Widget{
        "again", Rect{std::round(s.x + (s.w - buttonW) / 2), top + h + gap, buttonW, buttonH},
        label, WidgetRole::Button});
  }
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override {
    drawTextBlock(ctx, mWords, mFont, mText, TextAlign::Centre, ctx.theme.text, 3);
    for (const Widget& w : widgets) {
      drawButton(ctx, w, v, ButtonStyle::Primary);
    }
  }
  void activate(std::string_view widgetId, UiHost& host) override {
    (void)host;
    if (widgetId == "again") {
      mAgain();
    }
  }

private:
  std::function<void()> mAgain;
  std::string mWords;
  FontSpec mFont;
  Rect mText;
};

// Why `start` cannot be played from `pack` ("" : it can).
std::string problemWith(const Pack& pack, const PreviewStart& start) {
  const Lesson* lesson = pack.findLesson(start.lessonId);
  if (lesson == nullptr) {
    return "the pack has no lesson \"" + start.lessonId + "\"";
  }
  if (start.stepId.empty()) {
    return start.nodeId.empty() ? std::string() : "a scene needs its step";
  }
  LessonRunner probe(pack, *lesson, Band::Ks1, 0);
  if (!probe.startAt(start.stepId, start.nodeId)) {
    return start.nodeId.empty()
               ? "the lesson has no step \"" + start.stepId + "\""
               : "the step \"" + start.stepId + "\" has no scene \"" + start.nodeId + "\"";
  }
  return {};
}

} // namespace

// ---- the preview's parts ---------------------------------------------------------------

struct LessonPreview::Impl final : UiHost {
  PreviewOptions options;
  Theme theme = standardTheme();
  std::unique_ptr<Window> window;
  std::unique_ptr<EventPump> pump;
  std::unique_ptr<Renderer> renderer;
  FontLibrary fonts;
  std::unique_ptr<TextRenderer> text;
  std::unique_ptr<PictureCache> pictures;
  Strings words;
  AudioOutput audio;

  NoRecords records_;
  GuestPupil pupil_;
  NoTeacher teacher_;
  ScreenStack stack;
  Navigation navigation{stack};

  PreviewStart started; // what play() was asked for
  Band band = Band::Ks1;
  bool playing = false;
  bool restartWanted = false; // "Play again" was pressed

  std::vector<InputEvent> pending; // kept by offer(), handled by frame()
  bool dirty = true;
  bool isClosed = false;
  int presented = 0;
  Size lastSize;
  std::vector<std::string> drawnText;
  WidgetList shownWidgets;

  UiContext context() {
    UiContext ctx{*renderer, *text, theme, renderer->outputSize()};
    ctx.family = pupil_.prefs().font == FontChoice::OpenDyslexic ? FontFamily::OpenDyslexic
                                                                 : FontFamily::Andika;
    ctx.textScale = textScaleOf(pupil_.prefs());
    ctx.strings = &words;
    ctx.pictures = pictures.get();
    ctx.assetsDir = options.assetsDir;
    return ctx;
  }

  const Pack& pack() const { return *records_.catalogOfOne.packs.front().result.pack; }
  const std::string& packDir() const { return records_.catalogOfOne.packs.front().dir; }

  // The stack becomes: the end screen, the lesson's front page and, when a step is
  // chosen, that step's screen (at its scene), as a pupil would see it.
  void build(const PreviewStart& start) {
    const Lesson& lesson = *pack().findLesson(start.lessonId);
    pupil_.setPrefs(defaultPupilSettings(band));
    audio.stopNarration();
    audio.setEffectsEnabled(pupil_.prefs().soundEffects);
    auto play = std::make_shared<LessonPlay>(pack(), packDir(), lesson, band, Player::guest(),
                                             records_.recorder());
    if (!start.stepId.empty()) {
      play->runner.startAt(start.stepId, start.nodeId);
    }
    HomeLesson front;
    front.packId = pack().id;
    front.lessonId = lesson.id;
    front.title = lesson.title.get(words.language());
    const std::string picture = firstPictureOf(lesson);
    front.picture = picture.empty() ? std::string() : packDir() + "/" + picture;
    front.required = false;
    stack.resetTo(std::make_unique<PreviewEndScreen>([this] { restartWanted = true; }));
    stack.push(std::make_unique<LessonScreen>(front, play));
    if (!start.stepId.empty()) {
      stack.push(makeStepScreen(play, *this));
      narrate(*play, *this, openingNarration(*play), true);
    }
    dirty = true;
  }

  void draw() {
    const Size size = renderer->outputSize();
    if (size.width != lastSize.width || size.height != lastSize.height) {
      text->clearCache(); // glyphs are rasterised for one size
      lastSize = size;
    }
    renderer->clear(theme.background);
    drawnText.clear();
    text->setDrawnTextLog(&drawnText);
    UiContext ctx = context();
    stack.draw(ctx);
    text->setDrawnTextLog(nullptr);
    shownWidgets = stack.widgets();
    renderer->flush();
  }

  // ---- UiHost ----

  Navigator& nav() override { return navigation; }
  PupilSession& pupil() override { return pupil_; }
  const PupilSession& pupil() const override { return pupil_; }
  RecordsAccess& records() override { return records_; }
  const RecordsAccess& records() const override { return records_; }
  TeacherAccess& teacher() override { return teacher_; }
  const TeacherAccess& teacher() const override { return teacher_; }
  const Strings& strings() const override { return words; }
  std::int64_t nowSeconds() const override { return static_cast<std::int64_t>(std::time(nullptr)); }
  SoundOutput& sound() override { return audio; }
  void askForHelp(const std::string& classHint) override {
    (void)classHint;
    // The calm screen, as a pupil sees it; no press is recorded (no class, no time).
    stack.requestPush(makeButterflyScreen(HelpPressed{}));
  }
};

// ---- the public side -----------------------------------------------------------------------

LessonPreview::LessonPreview(std::unique_ptr<Impl> impl) : mImpl(std::move(impl)) {}
LessonPreview::~LessonPreview() = default;

std::unique_ptr<LessonPreview> LessonPreview::open(const PreviewOptions& options,
                                                   std::string& error) {
  auto impl = std::make_unique<Impl>();
  Impl& s = *impl;
  s.options = options;
  if (!s.fonts.load(options.assetsDir, error)) {
    error = "could not load the fonts from " + options.assetsDir + ": " + error;
    return nullptr;
  }
  std::string wordsError;
  auto strings = Strings::load(options.assetsDir, options.language, wordsError);
  if (!strings) {
    error = "could not load the interface's words: " + wordsError;
    return nullptr;
  }
  s.words = std::move(*strings);
  WindowOptions wo;
  wo.title = options.title;
  wo.width = options.width;
  wo.height = options.height;
  wo.hidden = options.hidden;
  wo.forceSoftware = options.forceSoftware;
  s.window = Window::create(wo, error);
  if (!s.window) {
    return nullptr;
  }
  s.pump = std::make_unique<EventPump>(*s.window);
  s.renderer = std::make_unique<Renderer>(s.window->sdlRenderer());
  s.text = std::make_unique<TextRenderer>(*s.renderer, s.fonts);
  s.pictures = std::make_unique<PictureCache>(*s.renderer);
  s.lastSize = s.renderer->outputSize();
  return std::unique_ptr<LessonPreview>(new LessonPreview(std::move(impl)));
}

bool LessonPreview::play(Pack pack, std::string packDir, const PreviewStart& start,
                         std::string& error) {
  Impl& s = *mImpl;
  // Checked on the new pack before anything changes.
  const std::string problem = problemWith(pack, start);
  if (!problem.empty()) {
    error = problem;
    return false;
  }
  // The screens hold the old pack: they go before it does.
  s.stack.resetTo(std::make_unique<PreviewEndScreen>([] {}));
  CatalogEntry entry;
  entry.dir = std::move(packDir);
  entry.result.packId = pack.id;
  entry.result.pack.emplace(std::move(pack));
  s.records_.catalogOfOne.packs.clear();
  s.records_.catalogOfOne.packs.push_back(std::move(entry));
  s.records_.catalogSet = true;
  s.pictures->clear(); // a picture may have changed on disk since
  s.started = start;
  s.band = start.band ? *start.band : sessionBand(s.pack(), start.lessonId, std::nullopt);
  s.playing = true;
  s.build(start);
  if (!s.options.hidden) {
    s.window->raise(); // F5 again brings it forward
  }
  return true;
}

bool LessonPreview::setBand(Band band, std::string& error) {
  Impl& s = *mImpl;
  if (!s.playing) {
    error = "nothing is playing";
    return false;
  }
  s.band = band;
  s.build(s.started);
  return true;
}

Band LessonPreview::band() const {
  return mImpl->band;
}

const PreviewStart& LessonPreview::start() const {
  return mImpl->started;
}

bool LessonPreview::offer(const SDL_Event& e) {
  return !mImpl->isClosed && mImpl->pump->offer(e, mImpl->pending);
}

bool LessonPreview::frame() {
  Impl& s = *mImpl;
  if (s.isClosed) {
    return false;
  }
  const std::uint64_t now = monotonicMs();
  std::vector<InputEvent> events = std::exchange(s.pending, {});
  for (const InputEvent& event : events) {
    if (std::holds_alternative<QuitRequested>(event)) {
      s.audio.stopNarration();
      s.isClosed = true;
      return false;
    }
    if (handleDrawingEvent(event, {*s.renderer, *s.text, *s.pictures}, s.dirty)) {
      continue; // as in the game: a redraw, or the device lost its textures
    }
    if (const auto* key = std::get_if<KeyDown>(&event)) {
      if (key->key == Key::F11 && !key->repeat) {
        s.window->toggleFullscreen();
        s.dirty = true;
        continue;
      }
    }
    UiContext ctx = s.context();
    const bool used = s.stack.handle(event, ctx, s, now);
    s.dirty = used || s.dirty;
    // Esc with nowhere to go back to leaves full screen, as in the game.
    if (const auto* key = std::get_if<KeyDown>(&event);
        !used && key != nullptr && key->key == Key::Escape && s.window->fullscreen()) {
      s.window->setFullscreen(false);
      s.dirty = true;
    }
    if (s.restartWanted) {
      break; // the end screen is gone with the rest
    }
  }
  if (s.navigation.quitRequested()) {
    s.audio.stopNarration();
    s.isClosed = true;
    return false;
  }
  if (s.restartWanted) {
    s.restartWanted = false;
    if (s.playing) {
      s.build(s.started);
    }
  }
  s.audio.update();
  {
    UiContext ctx = s.context();
    if (s.stack.tick(now, ctx)) {
      s.dirty = true;
    }
  }
  if (s.dirty) {
    s.draw();
    s.renderer->present();
    ++s.presented;
    s.dirty = false;
  }
  return true;
}

int LessonPreview::msUntilFrame() const {
  const Impl& s = *mImpl;
  if (s.isClosed) {
    return -1;
  }
  if (s.dirty || !s.pending.empty() || s.restartWanted) {
    return 0;
  }
  return s.stack.msUntilTick(monotonicMs());
}

bool LessonPreview::closed() const {
  return mImpl->isClosed;
}

std::uint32_t LessonPreview::windowId() const {
  return mImpl->window->id();
}

Window& LessonPreview::window() {
  return *mImpl->window;
}

std::string LessonPreview::screenId() const {
  return std::string(mImpl->stack.topId());
}

bool LessonPreview::textOnScreen(std::string_view wanted) const {
  const auto& t = mImpl->drawnText;
  return std::any_of(t.begin(), t.end(),
                     [&](const std::string& s) { return s.find(wanted) != std::string::npos; });
}

const Widget* LessonPreview::shownWidget(std::string_view id) const {
  return findWidget(mImpl->shownWidgets, id);
}

int LessonPreview::framesPresented() const {
  return mImpl->presented;
}

std::optional<Image> LessonPreview::readPixels() const {
  return mImpl->renderer->readPixels();
}

std::size_t LessonPreview::recordAttempts() const {
  return mImpl->records_.attempts();
}

} // namespace sq
