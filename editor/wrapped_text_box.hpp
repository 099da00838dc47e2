// A multi-line text box whose long lines wrap at the box's width, for the texts a
// teacher writes (Dear ImGui 1.86's own box runs a paragraph off to the right).
// The box holds the text with soft line breaks (authoring/soft_wrap); each edit is
// turned back into the teacher's text at once and wrapped again, the cursor kept
// in its place, so what the caller gets (and saves) is exactly what was typed: no
// soft break is ever in it. The text is wrapped again when the box changes width,
// and taken afresh when it changes outside the box while it is being typed in (Undo
// with Ctrl+Z, which the editor applies to the whole pack: the box's own undo is
// kept empty so the two never fight).
// Ctrl+C and Ctrl+X copy the teacher's text, never the box's soft breaks.
// Entered from the keyboard (Return, Tab), the cursor starts at the end of the text.
// Keyboard use is the box's own (arrows, Home, End, selection, Tab to leave); a
// soft break is one step for the arrows, as a space would be.
// Depends on: authoring/soft_wrap, Dear ImGui (imgui_internal for the box's state).
#pragma once

#include <imgui.h>

#include <string>

namespace sq {

// As ImGui::InputTextMultiline over a std::string; true when `text` changed.
bool wrappedTextBox(const char* label, std::string& text, const ImVec2& size,
                    ImGuiInputTextFlags flags = 0);

} // namespace sq
