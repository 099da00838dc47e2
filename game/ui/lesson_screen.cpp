#include "ui/lesson_screen.hpp"

#include "ui/chrome.hpp"
#include "ui/controls.hpp"
#include "ui/home_screen.hpp"
#include "ui/widgets.hpp"

#include <cmath>
#include <type_traits>

namespace sq {

namespace {

// The first narration file a lesson has (its first slide or scenario node).
std::string firstNarration(const Lesson& lesson, const std::string& lang) {
  for (const Step& s : lesson.steps) {
    std::string found = std::visit(
        [&](const auto& a) -> std::string {
          using A = std::decay_t<decltype(a)>;
          if constexpr (std::is_same_v<A, SlidesActivity>) {
            for (const auto& slide : a.slides) {
              if (slide.narration) {
                return slide.narration->get(lang);
              }
            }
          } else if constexpr (std::is_same_v<A, ScenarioActivity>) {
            for (const auto& n : a.nodes) {
              if (n.narration) {
                return n.narration->get(lang);
              }
            }
          }
          return {};
        },
        s.activity);
    if (!found.empty()) {
      return found;
    }
  }
  return {};
}

} // namespace

std::unique_ptr<Screen> makeLessonScreen(const UiHost& host, const HomeLesson& lesson) {
  std::string narration;
  if (const Catalog* c = host.catalog()) {
    for (const CatalogEntry& e : c->packs) {
      if (e.result.valid() && e.result.pack->id == lesson.packId) {
        if (const Lesson* l = e.result.pack->findLesson(lesson.lessonId)) {
          const std::string rel = firstNarration(*l, host.strings().language());
          narration = rel.empty() ? std::string() : e.dir + "/" + rel;
        }
      }
    }
  }
  return std::make_unique<LessonScreen>(lesson, narration);
}

void LessonScreen::layout(const UiContext& ctx, WidgetList& out) const {
  const std::string back = ctx.tr("common.back");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
  if (!mNarration.empty()) {
    const std::string read = ctx.tr("common.read-aloud");
    out.push_back(Widget{"read-aloud", cornerButton(ctx, Corner::BottomRight, read, true), read,
                         WidgetRole::Button});
  }
}

void LessonScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx, mLesson.title, widgets);
  const Rect content = contentArea(ctx);
  const float gap = ctx.u(4);
  const Rect picture{content.x, content.y, std::round(content.w * 0.5f), content.h};
  drawPicture(ctx, mLesson.picture, picture);
  const Rect side{picture.right() + gap, content.y, content.right() - picture.right() - gap,
                  content.h};
  const FontSpec big = ctx.font(text_size::kHeading, FontWeight::Bold);
  const FontSpec body = ctx.font(text_size::kBody);
  float y = side.y + ctx.u(6);
  y += drawTextBlock(ctx, lessonStateLabel(ctx, mLesson.state), big,
                     Rect{side.x, y, side.w, side.h / 3}, TextAlign::Left, t.text, 1);
  y += ctx.u(3);
  drawTextBlock(ctx, ctx.tr("lesson.coming-soon"), body, Rect{side.x, y, side.w, side.bottom() - y},
                TextAlign::Left, t.mutedText, 6);
  for (const Widget& w : widgets) {
    if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
    } else if (w.id == "read-aloud") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x99\xAA"); // ♪
    }
  }
}

void LessonScreen::activate(std::string_view widgetId, UiHost& host) {
  if (widgetId == "back") {
    host.sound().stopNarration();
    host.pop();
  } else if (widgetId == "read-aloud") {
    if (host.prefs().narration != Narration::Off) {
      host.sound().playNarration(mNarration);
    }
  }
}

} // namespace sq
