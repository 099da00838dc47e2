// The game program: App::Impl owns what the game runs on and composes the services
// the screens are handed; App drives it a frame at a time.
// Sections:
//   1. the app's parts: App::Impl, what the app owns (window, renderer, fonts, words,
//      the screen stack, settings, sound) and the services it composes (Navigation,
//      TeacherService, RecordsService, PupilSessionService); inside it, its helpers
//      (the UI context, preferences, loading records and packs, drawing,
//      screenshots), the UiHost side and the ScriptTarget side
//   2. accessors: frames presented, screen id, draw time, merging, data folder
//   3. creating the app: the script, assets, fonts, settings, words, window
//   4. one frame: wait, events, slow work (records, packs, a merge step), draw, the
//      script's next step
#include "app/app.hpp"

#include "app/audio_output.hpp"
#include "app/default_dirs.hpp"
#include "app/game_settings.hpp"
#include "app/navigation.hpp"
#include "app/pupil_session_service.hpp"
#include "app/records_service.hpp"
#include "app/script.hpp"
#include "app/script_player.hpp"
#include "app/teacher_service.hpp"
#include "app/window_events.hpp"
#include "content/pack_catalog.hpp"
#include "platform/clock.hpp"
#include "platform/event_inject.hpp"
#include "platform/event_pump.hpp"
#include "platform/window.hpp"
#include "render/picture.hpp"
#include "render/renderer.hpp"
#include "screens/assembly/assembly_pick_screen.hpp"
#include "screens/assembly/assembly_screen.hpp"
#include "screens/assembly/presenter_view.hpp"
#include "screens/assembly/projector_theme.hpp"
#include "screens/butterfly_screen.hpp"
#include "screens/sign_in_screen.hpp"
#include "screens/teacher/teacher_pin_screen.hpp"
#include "settings/default_dirs.hpp"
#include "text/font.hpp"
#include "text/text_renderer.hpp"
#include "ui/screen_stack.hpp"
#include "ui/session.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <variant>
#include <vector>

namespace sq {

namespace {

enum class Phase {
  FirstFrame,  // nothing read yet: the first frame goes up first
  LoadRecords, // next: the store, the class list, picture passwords
  WaitContent, // the web build: the lessons are still downloading; the game is
               // used meanwhile (settled: scripts and tests may act)
  LoadPacks,   // then: the content packs
  Ready,
};

std::optional<std::string> readTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace

// ---- the app's parts ----------------------------------------------------------

struct App::Impl final : UiHost, ScriptTarget {
  AppOptions options;
  std::string assetsDir;
  std::string contentDir;
  Theme baseTheme = standardTheme();
  Theme theme = standardTheme();
  std::unique_ptr<Window> window;
  std::unique_ptr<EventPump> pump;
  std::unique_ptr<Renderer> renderer;
  FontLibrary fonts;
  std::unique_ptr<TextRenderer> text;
  std::unique_ptr<PictureCache> pictures;
  Strings words; // the interface's words
  ScreenStack stack;

  std::unique_ptr<GameSettings> settings;
  AudioOutput audio;

  // The services the screens are handed (ui/services), each its own class.
  Navigation navigation{stack};
  std::unique_ptr<TeacherService> teacherSide; // made once the settings are read
  RecordsService recordsSide; // the store, the one recorder, the class list, the packs
  // Declared after the records: its merge job uses the store, so it goes first.
  PupilSessionService pupils{PupilSessionService::Deps{
      stack, *this, recordsSide, [this] { return recordsDir(); },
      [this] { return teacherSide ? teacherSide->config().schoolFolder : std::string(); },
      [this] { applyPrefs(); }}};

  Phase phase = Phase::FirstFrame;
  bool dirty = true;
  int framesPresented = 0;
  Size lastSize;
  std::vector<std::string> drawnText; // every text of the frame on screen
  WidgetList shownWidgets;            // the widgets of the frame on screen
  long drawMicros = 0;

  // The assembly mode's presenter view: a second window, its renderer and text.
  struct Presenter {
    std::unique_ptr<Window> window;
    std::unique_ptr<Renderer> renderer;
    std::unique_ptr<TextRenderer> text;
    std::unique_ptr<PictureCache> pictures;
    int frames = 0;
    std::int64_t shownSecond = -1; // the clock's second last drawn
    std::uint64_t showStartMs = 0; // when the show first came on; 0 not yet
  };
  std::unique_ptr<Presenter> presenter;

  bool scripting = false;
  ScriptPlayer script;
  int scriptWaitMs = -1;
  std::string shotPath; // a screenshot to take at the next draw
  int shotState = 0;    // 0 none, 1 pending, 2 saved, -1 failed
  std::string shotError;
  int f12Count = 0;
  int exitCode = 0;

  // ---- helpers ---------------------------------------------------------------

  UiContext context() {
    UiContext ctx{*renderer, *text, theme, renderer->outputSize()};
    const PupilSettings& livePrefs = pupils.prefs();
    ctx.family =
        livePrefs.font == FontChoice::OpenDyslexic ? FontFamily::OpenDyslexic : FontFamily::Andika;
    ctx.textScale = textScaleOf(livePrefs);
    ctx.strings = &words;
    ctx.pictures = pictures.get();
    ctx.assetsDir = assetsDir;
    return ctx;
  }

  // The preferences in force changed: the theme, scanning and sounds follow them.
  void applyPrefs() {
    const PupilSettings& livePrefs = pupils.prefs();
    theme = livePrefs.highContrast ? highContrastTheme() : baseTheme;
    stack.setScanStepMs(static_cast<std::uint32_t>(std::max(0, livePrefs.scanIntervalMs)));
    stack.setScanning(livePrefs.switchScanning, monotonicMs());
    audio.setEffectsEnabled(livePrefs.soundEffects);
    dirty = true;
  }

  std::string recordsDir() const { return settings->recordsDir(); }

  const GameConfig& cfg() const { return teacherSide->config(); }

  void loadRoster() { recordsSide.loadRoster(cfg().schoolFolder); }

  void loadRecords() {
    std::string error;
    StoreOptions storeOptions;
    // IT's teacher key, when set, is the only one this PC trusts (results/teacher_trust).
    storeOptions.teacherPublicKey = settings->effective().teacherPublicKey.value;
    if (!recordsSide.open(recordsDir(), error, storeOptions)) {
      // Pupils can still play as guests; the teacher screens show the problem.
      std::fprintf(stderr, "safequest: the records could not be opened: %s\n", error.c_str());
    }
    if (options.httpTransport != nullptr) {
      recordsSide.startXapi(options.webSettingsPath, *options.httpTransport);
    }
    loadRoster();
    if (!pupils.loadPicturePasswords(recordsDir(), error)) {
      std::fprintf(stderr, "safequest: %s\n", error.c_str());
    }
    // The sign-in screen was waiting for the class list.
    if (stack.depth() == 1 && stack.topId() == "sign-in") {
      stack.resetTo(makeSignInScreen(*this));
    }
    if (options.guest && !pupils.session().signedIn()) {
      pupils.signInGuest();
      stack.applyRequests(*this, monotonicMs());
    }
  }

  void loadPacks() {
    recordsSide.setCatalog(loadCatalog(contentDir));
    // A screen showing "getting ready" for the packs refreshes itself.
    if (Screen* top = stack.top()) {
      top->resumed(*this);
    }
  }

  // --assembly [ID]: once the packs are read, the show (or the list to choose
  // from) replaces everything; leaving it ends the program.
  void startAssembly() {
    auto quit = [](UiHost& h) { h.nav().quit(); };
    const Catalog* catalog = recordsSide.catalog();
    if (!options.assemblyId.empty() && catalog != nullptr) {
      if (auto show = findAssemblyShow(*catalog, options.assemblyId)) {
        show->leave = quit;
        stack.resetTo(makeAssemblyScreen(std::move(*show)));
        return;
      }
      std::fprintf(stderr, "safequest: there is no assembly \"%s\" in %s; choose one\n",
                   options.assemblyId.c_str(), contentDir.c_str());
    }
    stack.resetTo(makeAssemblyPickScreen(*this, quit));
  }

  // Draws the presenter's view: the show's, or a waiting page.
  void drawPresenter(std::uint64_t nowMs) {
    Presenter& p = *presenter;
    const auto* show = dynamic_cast<const AssemblyScreen*>(stack.top());
    if (show != nullptr && p.showStartMs == 0) {
      p.showStartMs = nowMs;
    }
    const Size size = p.renderer->outputSize();
    UiContext ctx{*p.renderer, *p.text, projectorTheme(), size};
    ctx.strings = &words;
    ctx.pictures = p.pictures.get();
    ctx.assetsDir = assetsDir;
    p.renderer->clear(projectorTheme().background);
    const std::int64_t now = nowSeconds();
    if (show != nullptr) {
      drawPresenterView(ctx, show->run(), now,
                        static_cast<std::int64_t>((nowMs - p.showStartMs) / 1000));
    } else {
      drawPresenterIdle(ctx, now);
    }
    p.renderer->flush();
    p.renderer->present();
    p.shownSecond = now;
    ++p.frames;
  }

  bool settledNow() const {
    return !dirty && (phase == Phase::Ready || phase == Phase::WaitContent) && shotState != 1;
  }
  // The web build's lessons are downloaded (always on the desktop).
  bool contentHere() const { return !options.contentArrived || options.contentArrived(); }

  void takeScreenshot() {
    const auto image = renderer->readPixels();
    if (!image) {
      shotState = -1;
      shotError = "could not read the frame back";
      return;
    }
    std::error_code ec;
    const auto parent = std::filesystem::path(shotPath).parent_path();
    if (!parent.empty()) {
      std::filesystem::create_directories(parent, ec);
    }
    std::string error;
    if (!savePng(*image, shotPath, error)) {
      shotState = -1;
      shotError = error;
      return;
    }
    shotState = 2;
  }

  void draw() {
    const Size size = renderer->outputSize();
    if (size.width != lastSize.width || size.height != lastSize.height) {
      // Glyphs are rasterised for one window size; the old ones would never be used again.
      text->clearCache();
      lastSize = size;
    }
    const std::clock_t start = std::clock();
    renderer->clear(theme.background);
    drawnText.clear();
    text->setDrawnTextLog(&drawnText);
    UiContext ctx = context();
    stack.draw(ctx);
    text->setDrawnTextLog(nullptr);
    shownWidgets = stack.widgets();
    renderer->flush(); // the drawing really happens here, not in the present
    drawMicros = static_cast<long>((std::clock() - start) * 1000000L / CLOCKS_PER_SEC);
    if (shotState == 1) {
      takeScreenshot();
    }
  }

  void requestQuitWithPin() {
    if (stack.topId() == "teacher-pin") {
      return; // already asking
    }
    stack.push(makeTeacherPinScreen(*teacherSide, [](UiHost& h) { h.nav().quit(); }));
    dirty = true;
  }

  // ---- UiHost: the services, and what every screen uses -------------------------

  Navigator& nav() override { return navigation; }
  PupilSession& pupil() override { return pupils; }
  const PupilSession& pupil() const override { return pupils; }
  RecordsAccess& records() override { return recordsSide; }
  const RecordsAccess& records() const override { return recordsSide; }
  TeacherAccess& teacher() override { return *teacherSide; }
  const TeacherAccess& teacher() const override { return *teacherSide; }

  const Strings& strings() const override { return words; }
  std::int64_t nowSeconds() const override { return static_cast<std::int64_t>(std::time(nullptr)); }
  SoundOutput& sound() override { return audio; }

  void askForHelp(const std::string& classHint) override {
    // Class and time only: never the pupil. A guest records nothing at all; a
    // pupil not signed in yet is counted for the class they tapped, if any.
    const Session& who = pupils.session();
    const std::string classId = who.pupil() ? who.classId : who.guest() ? std::string() : classHint;
    // The same path as every record: a failed save stays queued and is tried
    // again with the next one, never lost.
    const std::int64_t now = nowSeconds();
    const std::string askedAt = recordsSide.helpAsked(classId, now);
    // The screen marks this press if it is left quickly with nothing chosen.
    stack.requestPush(makeButterflyScreen(HelpPressed{classId, askedAt, now}));
  }

  // A saved configuration: the full-screen lock follows it, and a new school
  // folder's class list is read.
  void configSaved(const GameConfig& previous) {
    window->setLocked(cfg().lock);
    if (cfg().schoolFolder != previous.schoolFolder) {
      loadRoster();
    }
    dirty = true;
  }

  // ---- ScriptTarget --------------------------------------------------------------

  std::string currentScreen() const override { return std::string(stack.topId()); }
  const Widget* shownWidget(std::string_view id) const override {
    return findWidget(shownWidgets, id);
  }
  bool settled() const override { return settledNow(); }
  bool textOnScreen(std::string_view wanted) const override {
    return std::any_of(drawnText.begin(), drawnText.end(),
                       [&](const std::string& t) { return t.find(wanted) != std::string::npos; });
  }
  std::string narrationAsked() const override { return audio.narrationAsked(); }
  void click(Point pixel) override { injectClick(*window, pixel); }
  void key(const KeyChord& chord) override { injectKey(*window, chord); }
  void type(std::string_view utf8) override { injectText(*window, utf8); }
  void resize(int width, int height) override { window->setSize(width, height); }
  void requestScreenshot(const std::string& path) override {
    shotPath = path;
    shotState = 1;
    shotError.clear();
    dirty = true;
  }
  int screenshotResult(std::string& error) override {
    if (shotState == 2) {
      shotState = 0;
      return 1;
    }
    if (shotState == -1) {
      error = shotError;
      shotState = 0;
      return -1;
    }
    return 0;
  }
};

// ---- accessors -------------------------------------------------------------------

App::App(std::unique_ptr<Impl> impl) : mImpl(std::move(impl)) {}
App::~App() = default;

int App::framesPresented() const {
  return mImpl->framesPresented;
}

int App::presenterFramesPresented() const {
  return mImpl->presenter ? mImpl->presenter->frames : -1;
}

std::string App::screenId() const {
  return std::string(mImpl->stack.topId());
}

long App::lastDrawMicros() const {
  return mImpl->drawMicros;
}

bool App::merging() const {
  return mImpl->pupils.merging();
}

bool App::widgetRect(std::string_view id, float rect[4], bool& enabled) const {
  const Widget* w = mImpl->settled() ? mImpl->shownWidget(id) : nullptr;
  if (w == nullptr) {
    return false;
  }
  rect[0] = w->rect.x;
  rect[1] = w->rect.y;
  rect[2] = w->rect.w;
  rect[3] = w->rect.h;
  enabled = w->enabled;
  return true;
}

std::optional<std::string> App::widgetLabel(std::string_view id) const {
  const Widget* w = mImpl->settled() ? mImpl->shownWidget(id) : nullptr;
  if (w == nullptr) {
    return std::nullopt;
  }
  return w->label;
}

bool App::showsText(std::string_view text) const {
  return mImpl->settled() && mImpl->textOnScreen(text);
}

std::string App::dataDir() const {
  return mImpl->recordsDir();
}

// ---- creating the app ------------------------------------------------------------

std::unique_ptr<App> App::create(const AppOptions& options, std::string& error, int* exitStatus) {
  if (exitStatus != nullptr) {
    *exitStatus = 1;
  }
  auto impl = std::make_unique<Impl>();
  Impl& s = *impl;
  s.options = options;
  s.audio.setAcceptSilentDrivers(options.silentAudioDevice);
  if (auto t = themeById(options.theme)) {
    s.baseTheme = *t;
    s.theme = *t;
  }

  // A script is checked before anything opens: a mistake in it is a bad argument.
  if (!options.scriptPath.empty()) {
    const auto text = readTextFile(options.scriptPath);
    if (!text) {
      error = "could not read the script " + options.scriptPath;
      if (exitStatus != nullptr) {
        *exitStatus = 2;
      }
      return nullptr;
    }
    auto commands = parseScript(*text, error);
    if (!commands || !s.script.load(std::move(*commands), options.screenshotDir, error)) {
      error = options.scriptPath + ": " + error;
      if (exitStatus != nullptr) {
        *exitStatus = 2;
      }
      return nullptr;
    }
    s.scripting = true;
  }

  s.assetsDir = options.assetsDir.empty() ? defaultAssetsDir() : options.assetsDir;
  if (s.assetsDir.empty()) {
    error = "could not find the assets folder (fonts/) next to the program; use --assets DIR";
    return nullptr;
  }
  if (!s.fonts.load(s.assetsDir, error)) {
    error = "could not load the fonts from " + s.assetsDir + ": " + error;
    return nullptr;
  }
  s.contentDir = options.contentDir.empty() ? defaultContentDir() : options.contentDir;

  // The configuration files are small: read them now, since the lock decides
  // whether the window opens full screen.
  const std::string settingsDir =
      options.dataDir.empty() ? userDataDir(systemEnvironment()) : options.dataDir;
  s.settings = std::make_unique<GameSettings>(
      machineConfigPath(options.configPath, systemEnvironment()), settingsDir, options.dataDir);
  s.teacherSide = std::make_unique<TeacherService>(
      *s.settings, [] { return static_cast<std::int64_t>(std::time(nullptr)); });
  s.teacherSide->onSaved([&s](const GameConfig& previous) { s.configSaved(previous); });
  s.recordsSide.setSchoolFolder([&s] { return s.cfg().schoolFolder; });
  s.recordsSide.setFileFlush(options.fileFlush);
  std::string stringsError;
  auto strings = Strings::load(s.assetsDir, s.settings->stringsLanguage(), stringsError);
  if (!strings) {
    error = "could not load the interface's words: " + stringsError;
    return nullptr;
  }
  if (!stringsError.empty()) {
    std::fprintf(stderr, "safequest: %s\n", stringsError.c_str());
  }
  s.words = std::move(*strings);

  WindowOptions wo;
  wo.title = "SafeQuest";
  wo.width = options.width;
  wo.height = options.height;
  // The assembly mode is full screen, unless a size asks for a window.
  wo.fullscreen = options.fullscreen || s.cfg().lock || (options.assembly && !options.sizeGiven);
  wo.forceSoftware = options.forceSoftware;
  // With a second display the assembly's slides go on it (the projector, as slide
  // software does) and the presenter's view on the PC's own, first display.
  const int displays = options.assembly ? displayCount() : 1;
  const bool presenterDisplay = options.assembly && !options.presenterWindow && displays > 1;
  if (presenterDisplay) {
    wo.display = 1;
  }
  s.window = Window::create(wo, error);
  if (!s.window) {
    return nullptr;
  }
  if (s.cfg().lock) {
    s.window->setLocked(true);
  }
  // The presenter's view: asked for, or a second display to put it on.
  if (options.assembly && (options.presenterWindow || presenterDisplay)) {
    WindowOptions po;
    po.title = "SafeQuest: presenter";
    po.width = 1280;
    po.height = 720;
    po.forceSoftware = options.forceSoftware;
    if (presenterDisplay) {
      po.display = 0;
      po.fullscreen = true;
    }
    std::string presenterError;
    auto p = std::make_unique<Impl::Presenter>();
    p->window = Window::create(po, presenterError);
    if (p->window) {
      p->renderer = std::make_unique<Renderer>(p->window->sdlRenderer());
      p->text = std::make_unique<TextRenderer>(*p->renderer, s.fonts);
      p->pictures = std::make_unique<PictureCache>(*p->renderer);
      s.presenter = std::move(p);
    } else {
      // The hall's screen works without it; P still shows the notes there.
      std::fprintf(stderr, "safequest: no presenter window: %s\n", presenterError.c_str());
    }
  }
  s.pump = std::make_unique<EventPump>(*s.window);
  s.renderer = std::make_unique<Renderer>(s.window->sdlRenderer());
  s.text = std::make_unique<TextRenderer>(*s.renderer, s.fonts);
  s.pictures = std::make_unique<PictureCache>(*s.renderer);
  s.lastSize = s.renderer->outputSize();

  // The first frame: the sign-in screen, "getting ready", before any slow work.
  SignInModel loading;
  loading.loading = true;
  s.stack.push(std::make_unique<SignInScreen>(std::move(loading)));
  s.applyPrefs();

  std::unique_ptr<App> app(new App(std::move(impl)));
  app->mAssetsDir = app->mImpl->assetsDir;
  app->mContentDir = app->mImpl->contentDir;
  if (exitStatus != nullptr) {
    *exitStatus = 0;
  }
  return app;
}

// ---- one frame -------------------------------------------------------------------

bool App::runOneFrame() {
  Impl& s = *mImpl;
  std::uint64_t now = monotonicMs();

  // How long to sleep: not at all while there is something to draw, load or
  // merge; until the scanning highlight's next step or the script's next poll;
  // else until input arrives.
  int timeout = -1;
  if (s.dirty || s.phase != Phase::Ready || s.shotState == 1 || !s.options.blockWhenIdle ||
      s.pupils.merging()) {
    timeout = 0;
  } else {
    const int scan = s.stack.msUntilTick(now);
    if (scan >= 0) {
      timeout = scan;
    }
    if (s.scripting && s.scriptWaitMs >= 0) {
      timeout = timeout < 0 ? s.scriptWaitMs : std::min(timeout, s.scriptWaitMs);
    }
    if (s.presenter) {
      // The presenter's clock: wake at the next whole second (the hall's screen
      // is not drawn again for it).
      const auto wall = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
      const int toSecond = 1000 - static_cast<int>(wall % 1000) + 1;
      timeout = timeout < 0 ? toSecond : std::min(timeout, toSecond);
    }
    if (s.recordsSide.saving()) {
      // A save on its way (a sink that answers later): look again in a frame's time.
      timeout = timeout < 0 ? 16 : std::min(timeout, 16);
    }
  }
  std::vector<InputEvent> events;
  s.pump->collect(timeout, events);
  now = monotonicMs();

  for (const InputEvent& event : events) {
    if (std::holds_alternative<QuitRequested>(event)) {
      if (s.cfg().lock) {
        s.requestQuitWithPin(); // the lock: only the PIN lets anyone out
        continue;
      }
      return false;
    }
    if (handleDrawingEvent(event, {*s.renderer, *s.text, *s.pictures}, s.dirty)) {
      continue; // a redraw, or the device lost its textures
    }
    if (const auto* key = std::get_if<KeyDown>(&event)) {
      if (key->key == Key::F11 && !key->repeat) {
        if (!s.cfg().lock) {
          s.window->toggleFullscreen();
          s.dirty = true;
        }
        continue;
      }
      if (key->key == Key::F12 && !key->repeat) {
        const std::string dir = s.options.screenshotDir.empty() ? "." : s.options.screenshotDir;
        s.requestScreenshot(dir + "/safequest-" + std::to_string(++s.f12Count) + ".png");
        continue;
      }
    }
    UiContext ctx = s.context();
    const bool used = s.stack.handle(event, ctx, s, now);
    s.dirty = used || s.dirty;
    if (!used) {
      // Esc on a screen with nowhere to go back to leaves full screen (never
      // while the lock is on).
      if (const auto* key = std::get_if<KeyDown>(&event);
          key != nullptr && key->key == Key::Escape && s.window->fullscreen() && !s.cfg().lock) {
        s.window->setFullscreen(false);
        s.dirty = true;
      }
    }
    if (s.navigation.quitRequested()) {
      break;
    }
  }
  if (s.navigation.quitRequested()) {
    return false;
  }
  s.audio.update();
  // R's narration ended by itself (the audio thread's wake-up brought the loop
  // here): the presenter's "Reading aloud" goes, with one frame.
  if (auto* show = dynamic_cast<AssemblyScreen*>(s.stack.top());
      show != nullptr && show->run().readAloud() == ReadAloud::Reading &&
      !s.audio.narrationPlaying() && show->soundEnded()) {
    s.dirty = true;
  }
  // Saves that finished since (a sink may answer on a later frame): the marks change.
  if (s.recordsSide.pump()) {
    s.dirty = true;
  }

  // Slow work waits until the first frame is on screen, one piece a frame (a
  // merge at sign-in: one step a frame).
  if (s.framesPresented > 0) {
    if (s.phase == Phase::LoadRecords) {
      s.loadRecords();
      s.phase = s.contentHere() ? Phase::LoadPacks : Phase::WaitContent;
      s.dirty = true;
    } else if (s.phase == Phase::WaitContent && s.contentHere()) {
      s.phase = Phase::LoadPacks;
      s.dirty = true;
    } else if (s.phase == Phase::LoadPacks) {
      s.loadPacks();
      if (s.options.assembly) {
        s.startAssembly();
      }
      s.phase = Phase::Ready;
      s.dirty = true;
    }
    if (s.pupils.stepMerge(now)) {
      s.dirty = true;
    }
  }

  {
    UiContext ctx = s.context();
    if (s.stack.tick(now, ctx)) {
      s.dirty = true; // the scanning highlight stepped on: its only redraw
    }
  }

  if (s.presenter && s.phase == Phase::Ready &&
      (s.dirty || s.presenter->shownSecond != s.nowSeconds())) {
    s.drawPresenter(monotonicMs());
  }

  if (s.dirty) {
    s.draw();
    const bool complete = s.phase == Phase::Ready;
    if (!s.options.screenshotPath.empty() && complete) {
      std::string error;
      const auto image = s.renderer->readPixels();
      if (!image) {
        std::fprintf(stderr, "safequest: could not read the frame back for the screenshot\n");
        mExitCode = 1;
      } else if (!savePng(*image, s.options.screenshotPath, error)) {
        std::fprintf(stderr, "safequest: %s\n", error.c_str());
        mExitCode = 1;
      }
      return false;
    }
    s.renderer->present();
    ++s.framesPresented;
    s.dirty = false;
    if (s.phase == Phase::FirstFrame) {
      s.phase = Phase::LoadRecords;
    }
    if (s.options.exitAfterFirstFrame) {
      std::fputs("first-frame\n", stdout);
      std::fflush(stdout);
      return false;
    }
  }

  if (s.scripting) {
    s.scriptWaitMs = s.script.step(s, monotonicMs());
    if (s.script.failed()) {
      std::fprintf(stderr, "safequest: script %s\n", s.script.failure().c_str());
      mExitCode = 1;
      return false;
    }
    if (s.script.finished()) {
      return false;
    }
  }
  return true;
}

} // namespace sq
