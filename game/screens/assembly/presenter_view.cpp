#include "screens/assembly/presenter_view.hpp"

#include "screens/assembly/projector_theme.hpp"
#include "screens/lesson/activity_parts.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

const char* const kThumbs[] = {"assembly.thumbs-up", "assembly.thumbs-side",
                               "assembly.thumbs-down"};

// What a stop shows, as words: the slide's, or the question with its choices
// and their counts (on the run's current stop only: it knows the counts there).
std::string describe(const UiContext& ctx, const AssemblyRun& run, const AssemblyStop& stop,
                     bool current) {
  const Assembly& a = run.assembly();
  switch (stop.kind) {
  case AssemblyStop::Kind::Slide:
    return a.steps[stop.step].text.get();
  case AssemblyStop::Kind::Explain: {
    const AssemblyStep& s = a.steps[stop.step];
    return s.explanation ? s.explanation->get() : s.text.get();
  }
  case AssemblyStop::Kind::Question:
  case AssemblyStop::Kind::Reveal: {
    const AssemblyStep& s = a.steps[stop.step];
    std::string out = (stop.kind == AssemblyStop::Kind::Reveal ? ctx.tr("assembly.presenter-reveal")
                                                               : std::string()) +
                      s.text.get();
    if (current) {
      for (std::size_t i = 0; i < run.choiceCount(); ++i) {
        const std::string label =
            run.thumbs() ? ctx.tr(kThumbs[i % 3])
                         : std::string(1, static_cast<char>('A' + i)) + " " +
                               (i < s.options.size() ? s.options[i].text.get() : std::string());
        out += "\n" + label + ": " + std::to_string(run.count(i));
      }
    } else {
      for (std::size_t i = 0; i < s.options.size(); ++i) {
        out += "\n" + std::string(1, static_cast<char>('A' + i)) + " " + s.options[i].text.get();
      }
    }
    return out;
  }
  case AssemblyStop::Kind::Recap: {
    std::string out = ctx.tr("assembly.recap-title");
    for (char c : run.recapLetters(stop.page)) {
      out += "\n" + smartRuleName(ctx, c);
    }
    return out;
  }
  }
  return {};
}

// A labelled box of words, the words made smaller (to a floor) to show whole.
void panel(UiContext& ctx, const Rect& r, std::string_view label, const std::string& words) {
  const Theme& t = ctx.theme;
  ctx.renderer.fillRoundedRect(r, ctx.u(1.5f), t.surface);
  const float pad = std::round(ctx.u(2));
  const FontSpec head = ctx.fixedFont(text_size::kDetail, FontWeight::Bold);
  const float hh = ctx.text.metrics(head).lineHeight();
  drawTextBlock(ctx, label, head, Rect{r.x + pad, r.y + pad, r.w - 2 * pad, hh}, TextAlign::Left,
                t.mutedText, 1);
  const Rect body{r.x + pad, r.y + pad + hh, r.w - 2 * pad, std::max(1.0f, r.h - 2 * pad - hh)};
  const FontSpec f =
      fitFont(ctx, words, body, {text_size::kBody, text_size::kDetail, 2.8f}, FontWeight::Regular);
  drawTextBlock(ctx, words, f, body, TextAlign::Left, t.text);
}

void topBar(UiContext& ctx, const Rect& r, const std::string& left, const std::string& right) {
  const Theme& t = ctx.theme;
  const FontSpec f = ctx.fixedFont(text_size::kHeading, FontWeight::Bold);
  drawTextBlock(ctx, left, f, Rect{r.x, r.y, r.w * 0.6f, r.h}, TextAlign::Left, t.text, 1, true);
  drawTextBlock(ctx, right, f, Rect{r.x + r.w * 0.6f, r.y, r.w * 0.4f, r.h}, TextAlign::Right,
                t.accent, 1, true);
}

} // namespace

std::string readAloudNote(const UiContext& ctx, const AssemblyRun& run) {
  switch (run.readAloud()) {
  case ReadAloud::Reading:
    return ctx.tr("assembly.read-reading");
  case ReadAloud::Stopped:
    return ctx.tr("assembly.read-stopped");
  case ReadAloud::NoNarration:
    return ctx.tr("assembly.read-none");
  case ReadAloud::Idle:
    break;
  }
  return run.narration() != nullptr ? ctx.tr("assembly.read-ready") : std::string();
}

std::string clockText(std::int64_t unixSeconds) {
  const std::int64_t day = ((unixSeconds % 86400) + 86400) % 86400;
  const std::int64_t h = day / 3600;
  const std::int64_t m = day / 60 % 60;
  return std::to_string(h) + (m < 10 ? ":0" : ":") + std::to_string(m);
}

std::string elapsedText(std::int64_t seconds) {
  const std::int64_t s = std::max<std::int64_t>(0, seconds);
  return std::to_string(s / 60) + (s % 60 < 10 ? ":0" : ":") + std::to_string(s % 60);
}

void drawPresenterView(UiContext& ctx, const AssemblyRun& run, std::int64_t nowSeconds,
                       std::int64_t elapsedSeconds) {
  const Theme& t = ctx.theme;
  const Rect s = ctx.screen();
  ctx.renderer.fillRect(s, t.background);
  const float m = std::round(ctx.u(3));
  const float gap = std::round(ctx.u(2));
  const float barH = std::round(ctx.u(9));
  const std::string where =
      ctx.trf("assembly.presenter-where", {{"n", std::to_string(run.position() + 1)},
                                           {"of", std::to_string(run.stops().size())}}) +
      (run.blank() ? " \xC2\xB7 " + ctx.tr("assembly.presenter-blank") : std::string());
  topBar(ctx, Rect{m, m, s.w - 2 * m, barH}, where,
         clockText(nowSeconds) + "   " +
             ctx.trf("assembly.presenter-elapsed", {{"time", elapsedText(elapsedSeconds)}}));
  const float top = m + barH + gap;
  const float h = s.h - top - m;
  const float leftW = std::round((s.w - 2 * m - gap) * 0.55f);
  const float nowH = std::round((h - gap) * 0.6f);
  const std::string reading = readAloudNote(ctx, run);
  panel(ctx, Rect{m, top, leftW, nowH},
        ctx.tr("assembly.presenter-now") +
            (reading.empty() ? std::string() : " \xC2\xB7 " + reading),
        describe(ctx, run, run.current(), true));
  const std::string next = run.atLastStop()
                               ? ctx.tr("assembly.record-title")
                               : describe(ctx, run, run.stops()[run.position() + 1], false);
  panel(ctx, Rect{m, top + nowH + gap, leftW, h - nowH - gap}, ctx.tr("assembly.presenter-next"),
        next);
  std::string notes;
  if (run.current().kind != AssemblyStop::Kind::Recap && run.step().notes) {
    notes = run.step().notes->get();
  }
  panel(ctx, Rect{m + leftW + gap, top, s.w - 2 * m - leftW - gap, h}, ctx.tr("assembly.notes"),
        notes.empty() ? ctx.tr("assembly.no-notes") : notes);
}

void drawPresenterIdle(UiContext& ctx, std::int64_t nowSeconds) {
  const Theme& t = ctx.theme;
  const Rect s = ctx.screen();
  ctx.renderer.fillRect(s, t.background);
  const float m = std::round(ctx.u(3));
  topBar(ctx, Rect{m, m, s.w - 2 * m, std::round(ctx.u(9))}, ctx.tr("assembly.presenter-title"),
         clockText(nowSeconds));
  drawTextBlock(ctx, ctx.tr("assembly.presenter-waiting"), ctx.fixedFont(text_size::kBody),
                Rect{m, m + ctx.u(14), s.w - 2 * m, s.h - 2 * m - ctx.u(14)}, TextAlign::Left,
                t.text);
}

} // namespace sq
