#include "wrapped_text_box.hpp"

#include "authoring/soft_wrap.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace sq {

namespace {

// One box's text as the teacher has it, and as the box holds it.
struct BoxState {
  std::string text; // the teacher's text the wrapping was made from
  float width = -1; // the width it was wrapped at
  authoring::SoftWrapped wrapped;
  authoring::SoftWrapped initial; // as the box was when it was last not typed in
  std::string buffer;             // what the box edits (wrapped.shown, then the box's edits)
};

std::unordered_map<ImGuiID, BoxState>& boxes() {
  static std::unordered_map<ImGuiID, BoxState> states;
  return states;
}

authoring::SoftWrapped wrapFor(const std::string& text, float width) {
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  return authoring::softWrap(text, width, [font, scale](char32_t c) {
    // As the box lays a line out: each character's advance, at the box's size.
    return c <= IM_UNICODE_CODEPOINT_MAX ? font->GetCharAdvance(static_cast<ImWchar>(c)) * scale
                                         : font->FallbackAdvanceX * scale;
  });
}

struct CallbackContext {
  BoxState* state;
  const std::string* outside; // the caller's text this frame
  float width;
  ImGuiID id;
  bool wasActive; // typed in last frame
};

void forgetBoxUndo(ImGuiID id) {
  // The editor's Ctrl+Z undoes the pack; the box's own undo would replay edits
  // at places the wrapping has since moved.
  if (ImGuiInputTextState* st = ImGui::GetInputTextState(id)) {
    st->Stb.undostate.undo_point = 0;
    st->Stb.undostate.undo_char_point = 0;
    st->Stb.undostate.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
    st->Stb.undostate.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
  }
}

void replaceBuffer(ImGuiInputTextCallbackData* data, const std::string& shown) {
  if (std::string_view(data->Buf, static_cast<std::size_t>(data->BufTextLen)) == shown) {
    return;
  }
  data->DeleteChars(0, data->BufTextLen);
  data->InsertChars(0, shown.data(), shown.data() + shown.size());
}

int onBox(ImGuiInputTextCallbackData* data) {
  auto& c = *static_cast<CallbackContext*>(data->UserData);
  BoxState& st = *c.state;
  if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
    const std::string_view after(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    const authoring::ReconciledEdit edit =
        authoring::reconcileEdit(st.wrapped, after, static_cast<std::size_t>(data->CursorPos));
    st.text = edit.text;
    st.wrapped = wrapFor(st.text, c.width);
    st.width = c.width;
    replaceBuffer(data, st.wrapped.shown);
    data->CursorPos = static_cast<int>(authoring::textToShown(st.wrapped, edit.cursor));
    data->SelectionStart = data->SelectionEnd = data->CursorPos;
  } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways) {
    if (!c.wasActive && ImGui::GetCurrentContext()->ActiveIdSource != ImGuiInputSource_Mouse) {
      // Entered from the keyboard (Return, Tab): the cursor at the end, nothing
      // selected, so typing adds to a long text instead of replacing it all.
      data->CursorPos = data->BufTextLen;
      data->SelectionStart = data->SelectionEnd = data->CursorPos;
    }
    const bool outsideChanged = *c.outside != st.text;
    if (outsideChanged || std::fabs(c.width - st.width) > 0.5f) {
      // Keep the cursor and selection on the same characters of the text.
      const std::size_t cursor =
          authoring::shownToText(st.wrapped, static_cast<std::size_t>(data->CursorPos));
      const std::size_t selA =
          authoring::shownToText(st.wrapped, static_cast<std::size_t>(data->SelectionStart));
      const std::size_t selB =
          authoring::shownToText(st.wrapped, static_cast<std::size_t>(data->SelectionEnd));
      if (outsideChanged) {
        st.text = *c.outside;
      }
      st.wrapped = wrapFor(st.text, c.width);
      st.width = c.width;
      replaceBuffer(data, st.wrapped.shown);
      const auto place = [&](std::size_t textPos) {
        return static_cast<int>(
            authoring::textToShown(st.wrapped, std::min(textPos, st.text.size())));
      };
      data->CursorPos = place(cursor);
      data->SelectionStart = place(selA);
      data->SelectionEnd = place(selB);
    }
  }
  forgetBoxUndo(c.id);
  return 0;
}

// Dear ImGui copies (Ctrl+C) and cuts (Ctrl+X) what the box holds, soft breaks and
// all. While a wrapped box is drawn, its copies pass through here first and are
// turned into the part of the teacher's text the selection stands for, so pasting
// it anywhere adds no line break the teacher never typed.
struct CopyHook {
  BoxState* state = nullptr;
  ImGuiID id = 0;
  void (*original)(void*, const char*) = nullptr;
};

CopyHook& copyHook() {
  static CopyHook hook;
  return hook;
}

void copyAsTyped(void* userData, const char* copied) {
  const CopyHook& hook = copyHook();
  std::string out = copied != nullptr ? copied : "";
  const ImGuiInputTextState* st = ImGui::GetInputTextState(hook.id);
  if (hook.state != nullptr && st != nullptr) {
    // What ImGui copies: the selection, or the whole box when nothing is selected.
    const bool selected = st->Stb.select_start != st->Stb.select_end;
    const int wb = selected ? std::min(st->Stb.select_start, st->Stb.select_end) : 0;
    const int we = selected ? std::max(st->Stb.select_start, st->Stb.select_end) : st->CurLenW;
    if (wb >= 0 && we <= st->TextW.Size) {
      const ImWchar* w = st->TextW.Data;
      const auto from = static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(w, w + wb));
      const auto to = from + static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(w + wb, w + we));
      const std::string& shown = hook.state->wrapped.shown;
      // Only when the box holds what the wrapping says (else the copy is left as is).
      if (to <= shown.size() && shown.compare(from, to - from, out) == 0) {
        out = authoring::textOfShown(hook.state->wrapped, from, to);
      }
    }
  }
  hook.original(userData, out.c_str());
}

} // namespace

bool wrappedTextBox(const char* label, std::string& text, const ImVec2& size,
                    ImGuiInputTextFlags flags) {
  const ImGuiID id = ImGui::GetID(label);
  BoxState& st = boxes()[id];
  const ImGuiStyle& style = ImGui::GetStyle();
  const float boxWidth = size.x > 0 ? size.x : ImGui::GetContentRegionAvail().x + size.x;
  // Room for the vertical scroll bar a long text brings, so lines never move when
  // it appears.
  const float width =
      std::floor(boxWidth - style.FramePadding.x * 2 - style.ScrollbarSize - style.ItemSpacing.x);
  const bool active = ImGui::GetInputTextState(id) != nullptr && ImGui::GetActiveID() == id;
  if (!active && (st.text != text || std::fabs(st.width - width) > 0.5f || st.buffer.empty())) {
    st.text = text;
    st.width = width;
    st.wrapped = wrapFor(text, width);
    st.buffer = st.wrapped.shown;
  } else if (!active) {
    st.buffer = st.wrapped.shown;
  }
  if (!active) {
    st.initial = st.wrapped; // what Escape goes back to
  }
  CallbackContext context{&st, &text, width, id, active};
  ImGuiIO& io = ImGui::GetIO();
  const bool hooked = io.SetClipboardTextFn != nullptr && io.SetClipboardTextFn != copyAsTyped;
  if (hooked) {
    copyHook() = CopyHook{&st, id, io.SetClipboardTextFn};
    io.SetClipboardTextFn = copyAsTyped;
  }
  const bool edited = ImGui::InputTextMultiline(label, &st.buffer, size,
                                                flags | ImGuiInputTextFlags_NoHorizontalScroll |
                                                    ImGuiInputTextFlags_CallbackEdit |
                                                    ImGuiInputTextFlags_CallbackAlways,
                                                onBox, &context);
  if (hooked) {
    io.SetClipboardTextFn = copyHook().original;
    copyHook() = CopyHook{};
  }
  if (edited && st.buffer != st.wrapped.shown) {
    // Changed with no edit of ours: Escape put back the text the box started with.
    if (st.buffer == st.initial.shown) {
      st.wrapped = st.initial;
      st.text = authoring::unwrap(st.initial);
    } else {
      st.text = authoring::reconcileEdit(st.wrapped, st.buffer, st.buffer.size()).text;
      st.wrapped = wrapFor(st.text, width);
    }
  }
  if (!edited || st.text == text) {
    return false;
  }
  text = st.text;
  return true;
}

} // namespace sq
